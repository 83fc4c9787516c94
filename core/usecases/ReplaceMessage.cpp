#include "ReplaceMessage.h"

#include "message/MessageReader.h"
#include "store/OutboxStore.h"

#include <QDir>
#include <QFileInfo>

namespace Outpost {

namespace {

QString joined(const QList<MailAddress> &addresses)
{
    QStringList out;
    for (const MailAddress &a : addresses)
        out.append(a.toDisplayString());
    return out.join(QStringLiteral(", "));
}

} // namespace

std::optional<ReplaceMessage::Edit>
ReplaceMessage::open(OutboxStore &outbox, const QString &accountId, const QString &id,
                     const QString &profileDirectory, StoreError *error)
{
    const std::optional<OutboxEntry> entry = outbox.message(id);
    if (!entry) {
        if (error)
            *error = {StoreError::Kind::NotFound, tr("The message is no longer in the outbox."),
                      id};
        return std::nullopt;
    }
    if (entry->state == OutboxState::Sending || entry->state == OutboxState::Sent) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      entry->state == OutboxState::Sent
                          ? tr("The message was sent already; it cannot be corrected.")
                          : tr("The message is being sent now; it cannot be corrected."),
                      id};
        return std::nullopt;
    }
    MessageError readError;
    const std::optional<ParsedMessage> parsed =
        MessageReader::parseFile(entry->messagePath, &readError);
    if (!parsed) {
        if (error)
            *error = {StoreError::Kind::ReadFailed,
                      tr("The message could not be read: %1").arg(readError.message),
                      readError.detail};
        return std::nullopt;
    }

    Edit edit;
    edit.oldId = id;
    edit.editing = outbox.markBeingEdited(id);
    ComposeContent &c = edit.content;
    c.accountId = accountId;
    c.to = joined(parsed->to());
    c.cc = joined(parsed->cc());
    // Bcc is only in the envelope: the recipients the header does not show.
    QStringList visible;
    for (const MailAddress &a : parsed->to() + parsed->cc())
        visible.append(a.address().toLower());
    QStringList bcc;
    for (const QString &r : entry->envelope.recipients) {
        if (!visible.contains(r.toLower()))
            bcc.append(r);
    }
    c.bcc = bcc.join(QStringLiteral(", "));
    c.subject = parsed->subject();
    c.body = parsed->text();
    // The attachments go along: saved into the profile for the new message to read.
    edit.attachmentFolder = profileDirectory + QStringLiteral("/edited/") + id;
    const QList<AttachmentInfo> attachments = parsed->attachments();
    for (int i = 0; i < attachments.size(); ++i) {
        const QString name = QFileInfo(attachments.at(i).fileName).fileName();
        const QString path = edit.attachmentFolder + QStringLiteral("/%1/").arg(i) +
                             (name.isEmpty() ? QStringLiteral("attachment") : name);
        MessageError saveError;
        if (QDir().mkpath(QFileInfo(path).absolutePath()) &&
            parsed->saveAttachment(i, path, &saveError))
            c.attachments.append(path);
        else
            edit.problems.append(
                tr("The attachment %1 could not be copied: %2")
                    .arg(attachments.at(i).fileName, saveError.message.isEmpty()
                                                         ? tr("its folder cannot be created.")
                                                         : saveError.message));
    }
    return edit;
}

ReplaceMessage::Result ReplaceMessage::replace(OutboxStore &outbox, const Edit &edit,
                                               const OutgoingMessage &corrected,
                                               OutboxStore *oldOutbox)
{
    Result result;
    OutboxStore &from = oldOutbox ? *oldOutbox : outbox;
    const std::optional<OutboxEntry> old = from.message(edit.oldId);
    // Sent meanwhile (it was not kept out of the cycles, or by another program): the
    // correction would reach the recipients a second time.
    if (old && (old->state == OutboxState::Sending || old->state == OutboxState::Sent ||
                from.isInSent(edit.oldId))) {
        result.error = {StoreError::Kind::InvalidState,
                        tr("The message went out while you corrected it, so the correction "
                           "was not queued."),
                        edit.oldId};
        return result;
    }
    // A message planned for later keeps its time (a time that passed meanwhile: now).
    OutboxStore::QueueOptions options;
    if (old)
        options.notBefore = old->notBefore;
    result.newId = outbox.queue(corrected, &result.error, options);
    if (!result.newId)
        return result; // the old message stays, and so do the copies it was made from
    if (!from.remove(edit.oldId, &result.oldKept) &&
        result.oldKept.kind != StoreError::Kind::NotFound)
        result.oldKept.message =
            tr("The corrected message is in the outbox, but the old one could not be "
               "deleted: %1")
                .arg(result.oldKept.message);
    else
        result.oldKept = {};
    discard(edit); // the queued message holds its own copy
    return result;
}

void ReplaceMessage::discard(const Edit &edit)
{
    if (!edit.attachmentFolder.isEmpty())
        QDir(edit.attachmentFolder).removeRecursively();
}

std::optional<ReplaceMessage::Edit>
ReplaceMessage::takeBack(OutboxStore &outbox, const QString &accountId, const QString &id,
                         const QString &profileDirectory, StoreError *error)
{
    const std::optional<OutboxEntry> entry = outbox.message(id);
    if (entry && (entry->state == OutboxState::Sending || outbox.isInSent(id))) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      tr("Too late to undo: the message is already being sent."), id};
        return std::nullopt;
    }
    std::optional<Edit> edit = open(outbox, accountId, id, profileDirectory, error);
    if (!edit)
        return std::nullopt;
    if (!outbox.remove(id, error)) {
        discard(*edit);
        return std::nullopt;
    }
    return edit;
}

} // namespace Outpost
