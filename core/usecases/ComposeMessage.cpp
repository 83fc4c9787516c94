#include "ComposeMessage.h"

#include "message/AddressParser.h"

#include <QFileInfo>

namespace Outpost {

namespace {

/// The address of a list that holds @p position: the text between the commas around it
/// (commas inside quotes, comments and "<>" do not count), so that an error can name it.
QString addressAt(const QString &text, int position)
{
    int start = 0;
    bool quoted = false;
    int comment = 0;
    int angle = 0;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                quoted = false;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u'(') {
            ++comment;
        } else if (c == u')' && comment > 0) {
            --comment;
        } else if (c == u'<') {
            ++angle;
        } else if (c == u'>' && angle > 0) {
            --angle;
        } else if ((c == u',' || c == u';') && comment == 0 && angle == 0) {
            if (i >= position)
                return text.mid(start, i - start).trimmed();
            start = i + 1;
        }
    }
    return text.mid(start).trimmed();
}

} // namespace

TextEncoding ComposeMessage::textEncodingFor(JapaneseEncoding choice)
{
    switch (choice) {
    case JapaneseEncoding::Iso2022Jp:
        return TextEncoding::Iso2022Jp;
    case JapaneseEncoding::Utf8:
        return TextEncoding::Utf8;
    case JapaneseEncoding::Automatic:
        break;
    }
    return TextEncoding::Automatic;
}

ComposeMessage::Result ComposeMessage::build(const Account &account, const ComposeInput &input)
{
    using Field = ComposeProblem::Field;
    Result result;
    auto problem = [&result](Field field, const QString &message, int position = 0) {
        result.problem = {field, position, message};
        return result;
    };

    const AddressParseResult from = AddressParser::parseMailbox(account.address);
    if (!from.ok() || from.addresses.isEmpty())
        return problem(Field::From,
                       tr("The account's own address is not valid: %1").arg(from.errorMessage));
    OutgoingMessage m;
    m.from = from.addresses.first();
    m.from.setDisplayName(account.fullName);

    struct List
    {
        Field field;
        QString name;
        const QString *text;
        QList<MailAddress> *target;
    };
    const List lists[] = {{Field::To, tr("To"), &input.to, &m.to},
                          {Field::Cc, tr("Cc"), &input.cc, &m.cc},
                          {Field::Bcc, tr("Bcc"), &input.bcc, &m.bcc}};
    for (const List &list : lists) {
        const AddressParseResult r = AddressParser::parseList(*list.text);
        if (!r.ok()) {
            const QString address = addressAt(*list.text, r.errorPosition);
            return problem(
                list.field,
                address.isEmpty()
                    ? tr("An address in %1 is not valid. %2").arg(list.name, r.errorMessage)
                    : tr("The address \"%1\" in %2 is not valid. %3")
                          .arg(address, list.name, r.errorMessage),
                r.errorPosition);
        }
        *list.target = r.addresses;
    }
    if (m.to.isEmpty() && m.cc.isEmpty() && m.bcc.isEmpty())
        return problem(Field::Recipients, tr("Add at least one recipient in To, Cc or Bcc."));

    for (const QString &path : input.attachments) {
        if (!QFileInfo(path).isFile() || !QFileInfo(path).isReadable())
            return problem(Field::Attachment,
                           tr("The attachment %1 is not a readable file.").arg(path));
        Attachment attachment;
        attachment.filePath = path;
        m.attachments.append(attachment);
    }
    for (const QString &path : input.messageAttachments) {
        if (!QFileInfo(path).isFile() || !QFileInfo(path).isReadable())
            return problem(Field::Attachment,
                           tr("The forwarded message %1 is not a readable file.").arg(path));
        Attachment attachment;
        attachment.filePath = path;
        attachment.mimeType = "message/rfc822";
        m.attachments.append(attachment);
    }
    m.inReplyTo = input.inReplyTo;
    m.references = input.references;
    m.subject = input.subject;
    m.body = input.body;
    m.encoding = input.encoding.value_or(textEncodingFor(account.japaneseEncoding));
    result.message = std::move(m);
    return result;
}

} // namespace Outpost
