// outpost-cli sendmail: a sendmail-compatible front for scripts, cron and PHP's mail().
// The message comes on standard input; the exit status follows sysexits.h.
#include "Cli.h"

#include "message/AddressParser.h"
#include "message/HeaderCodec.h"
#include "message/MessageReader.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"

namespace Outpost {

namespace {

// sysexits.h (not on Windows), as sendmail reports them.
enum SysExit
{
    ExOk = 0,
    ExUsage = 64,
    ExDataErr = 65,
    ExNoUser = 67,
    ExUnavailable = 69,
    ExCantCreat = 73,
    ExTempFail = 75,
    ExConfig = 78,
};

// Every line end CRLF; without -i a line of a single dot ends the message (sendmail's rule).
QByteArray normalise(const QByteArray &input, bool ignoreDots)
{
    QByteArray out;
    out.reserve(input.size() + input.size() / 32);
    qsizetype start = 0;
    while (start < input.size()) {
        qsizetype end = input.indexOf('\n', start);
        const bool last = end < 0;
        if (last)
            end = input.size();
        QByteArray line = input.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!ignoreDots && line == ".")
            break;
        out += line;
        out += "\r\n";
        start = end + 1;
    }
    return out;
}

// The addresses of the header fields named @p names (lower case).
QStringList headerAddresses(const QList<HeaderField> &fields, const QList<QByteArray> &names,
                            QString *problem)
{
    QStringList out;
    for (const HeaderField &field : fields) {
        if (!names.contains(field.name.toLower()))
            continue;
        const AddressParseResult parsed = AddressParser::parseHeader(field.value);
        if (!parsed.ok()) {
            *problem = Cli::tr("The %1 field cannot be read: %2")
                           .arg(QString::fromLatin1(field.name), parsed.errorMessage);
            return {};
        }
        for (const MailAddress &a : parsed.addresses)
            if (!out.contains(a.address()))
                out.append(a.address());
    }
    return out;
}

bool hasField(const QList<HeaderField> &fields, QByteArrayView name)
{
    for (const HeaderField &field : fields)
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

void Cli::runSendmail(const QStringList &arguments)
{
    bool fromHeaders = false;
    bool ignoreDots = false;
    QString sender;
    QString fullName;
    QString accountName;
    QStringList recipients;
    bool seenCommand = false;
    bool endOfOptions = false;
    // By hand: sendmail's options are single-dash words with attached values (-fADDR, -oi).
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        auto value = [&](qsizetype prefix) -> std::optional<QString> {
            if (arg.size() > prefix)
                return arg.mid(prefix);
            if (i + 1 < arguments.size())
                return arguments.at(++i);
            return std::nullopt;
        };
        if (!seenCommand && arg == QLatin1String("sendmail")) {
            seenCommand = true;
        } else if (endOfOptions || !arg.startsWith(QLatin1Char('-'))) {
            recipients.append(arg);
        } else if (arg == QLatin1String("--")) {
            endOfOptions = true;
        } else if (arg == QLatin1String("--profile") || arg == QLatin1String("--account")) {
            if (i + 1 >= arguments.size())
                return fail(tr("%1 needs a value.").arg(arg), ExUsage);
            (arg == QLatin1String("--profile") ? m_profileOption : accountName) = arguments.at(++i);
        } else if (arg.startsWith(QLatin1String("--account="))) {
            accountName = arg.mid(10);
        } else if (arg.startsWith(QLatin1String("--profile="))) {
            m_profileOption = arg.mid(10);
        } else if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            print(tr("Usage: outpost-cli sendmail [-t] [-i] [-f ADDR] [-F NAME] [--account NAME] "
                     "[ADDR...] < message\n"
                     "Queues the message on standard input in an Outpost account's outbox (or "
                     "hands it to the Outpost program that is running), like sendmail.\n"
                     "  -t            also send to the To, Cc and Bcc addresses of the message "
                     "(Bcc is removed)\n"
                     "  -i, -oi       a line with a single dot does not end the message\n"
                     "  -f ADDR       the sender (envelope and, when missing, From)\n"
                     "  -F NAME       the sender's full name for a From field that is missing\n"
                     "  --account NAME  the account (default: the one whose address is the "
                     "sender, or the only one)\n"
                     "Exit status as sendmail (sysexits.h): 0 queued, 64 usage, 65 bad message, "
                     "67 unknown sender or bad address, 75 try again later, 78 no account."));
            return done(ExOk);
        } else if (arg == QLatin1String("-t")) {
            fromHeaders = true;
        } else if (arg == QLatin1String("-i") || arg == QLatin1String("-oi")) {
            ignoreDots = true;
        } else if (arg.startsWith(QLatin1String("-f")) || arg.startsWith(QLatin1String("-r"))) {
            const std::optional<QString> v = value(2);
            if (!v)
                return fail(tr("%1 needs an address.").arg(arg.left(2)), ExUsage);
            sender = v->trimmed();
            if (sender.startsWith(QLatin1Char('<')) && sender.endsWith(QLatin1Char('>')))
                sender = sender.mid(1, sender.size() - 2);
        } else if (arg.startsWith(QLatin1String("-F"))) {
            const std::optional<QString> v = value(2);
            if (!v)
                return fail(tr("-F needs a name."), ExUsage);
            fullName = *v;
        } else if (arg == QLatin1String("-bm") || arg.startsWith(QLatin1String("-o")) ||
                   arg.startsWith(QLatin1String("-B")) || arg == QLatin1String("-v") ||
                   arg == QLatin1String("-U") || arg == QLatin1String("-Am") ||
                   arg == QLatin1String("-Ac")) {
            // Delivery modes and options of a real sendmail: Outpost always queues.
        } else {
            return fail(tr("sendmail: the option %1 is not supported.").arg(arg), ExUsage);
        }
    }

    const std::optional<QByteArray> input = readStandardInput(ExDataErr);
    if (!input)
        return;
    const QByteArray data = normalise(*input, ignoreDots);
    qsizetype bodyOffset = 0;
    const QList<HeaderField> fields = MessageReader::parseHeaderBlock(data, 0, &bodyOffset);
    QString problem;
    const QStringList from = headerAddresses(fields, {"from"}, &problem);
    if (fromHeaders)
        for (const QString &a : headerAddresses(fields, {"to", "cc", "bcc"}, &problem))
            if (!recipients.contains(a))
                recipients.append(a);
    if (!problem.isEmpty())
        return fail(problem, ExDataErr);
    if (data.trimmed().isEmpty())
        return fail(tr("The message on standard input is empty."), ExDataErr);
    for (const QString &r : std::as_const(recipients)) {
        const AddressParseResult parsed = AddressParser::parseMailbox(r);
        if (!parsed.ok() || parsed.addresses.size() != 1 ||
            parsed.addresses.first().domain().isEmpty())
            return fail(tr("\"%1\" is not a mail address.").arg(r), ExNoUser);
    }
    if (recipients.isEmpty())
        return fail(tr("No recipients: give them as arguments, or -t to take them from the "
                       "message's To, Cc and Bcc."),
                    ExUsage);

    bool viaRunningProgram = false;
    if (!openForQueueing(&viaRunningProgram, ExTempFail))
        return;
    const QList<Account> &accounts = m_accounts->accounts();
    if (accounts.isEmpty())
        return fail(tr("There are no accounts yet. Add one with \"outpost-cli account add\"."),
                    ExConfig);
    const QString wanted = sender.isEmpty() ? from.value(0) : sender;
    const Account *account = nullptr;
    if (!accountName.isEmpty()) {
        account = m_accounts->find(accountName);
        if (!account)
            return fail(tr("There is no account \"%1\". \"outpost-cli account list\" shows the "
                           "accounts.")
                            .arg(accountName),
                        ExConfig);
    } else {
        for (const Account &a : accounts)
            if (!wanted.isEmpty() && a.address.compare(wanted, Qt::CaseInsensitive) == 0)
                account = &a;
        if (!account && accounts.size() == 1)
            account = &accounts.first(); // cron and scripts: the only account sends
        if (!account)
            return fail(tr("No account has the address %1: choose one with --account NAME.")
                            .arg(wanted.isEmpty() ? tr("(no sender given)") : wanted),
                        ExNoUser);
    }
    // The envelope sender must be the account's own unless -f chose another.
    const QString envelopeSender = sender.isEmpty() ? account->address : sender;

    QByteArray message = data;
    if (!hasField(fields, "from")) {
        // sendmail adds the From field a script left out.
        const qsizetype at = envelopeSender.lastIndexOf(QLatin1Char('@'));
        const MailAddress address(fullName, envelopeSender.left(at), envelopeSender.mid(at + 1));
        QList<QByteArray> tokens;
        if (!fullName.isEmpty())
            tokens = HeaderCodec::encodePhrase(fullName, HeaderCodec::Charset::Utf8);
        tokens.append("<" + address.encoded(false) + ">");
        message.prepend(HeaderCodec::fold("From", tokens));
    }
    Envelope envelope;
    envelope.sender = envelopeSender;
    envelope.recipients = recipients;
    envelope.origin = QStringLiteral("outpost-cli sendmail");
    for (const char c : std::as_const(message))
        if (static_cast<unsigned char>(c) >= 0x80) {
            envelope.needs8BitMime = true;
            break;
        }

    if (viaRunningProgram)
        return handOver(*account, envelope, message, ExOk, ExTempFail, ExUnavailable, true);
    StoreError error;
    const std::optional<QString> id =
        m_scheduler->outbox(account->id)->queueSubmission(message, envelope, &error);
    if (!id) {
        const int code = error.kind == StoreError::Kind::InvalidMessage ? ExDataErr
                         : error.kind == StoreError::Kind::DiskFull     ? ExTempFail
                                                                        : ExCantCreat;
        return fail(tr("The message was not queued: %1").arg(error.message), code);
    }
    done(ExOk); // silent, as sendmail is
}

} // namespace Outpost
