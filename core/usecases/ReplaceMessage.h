#pragma once

#include "store/StoreError.h"
#include "usecases/ComposeMessage.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <optional>

namespace Outpost {

class OutboxStore;

/// Correcting a message that did not go out (it failed, or waits for a retry): what it held,
/// back into the compose window, and the corrected message queued in its place. The new one
/// is queued first and the old one removed only then, so a step that fails loses nothing.
class ReplaceMessage
{
    Q_DECLARE_TR_FUNCTIONS(ReplaceMessage)

public:
    /// A message being corrected.
    struct Edit
    {
        QString oldId;            ///< the outbox message it replaces
        ComposeContent content;   ///< what the compose window starts from
        QString attachmentFolder; ///< copies of its attachments (removed once replaced)
        QStringList problems;     ///< attachments that could not be copied, for people
        /// Keeps the old message out of every cycle while it is corrected, so that it never
        /// goes out beside its correction (OutboxStore::markBeingEdited); the last copy
        /// of the Edit to go ends it.
        std::shared_ptr<void> editing;
    };

    /// What replace() did.
    struct Result
    {
        std::optional<QString> newId; ///< the corrected message, when it was queued
        StoreError error;             ///< why it was not queued (the old one is kept)
        StoreError oldKept;           ///< queued, but the old one could not be removed
        bool ok() const { return newId.has_value(); }
    };

    /// Reads message @p id of @p outbox (of account @p accountId) back into compose content:
    /// To and Cc from its header, Bcc from its envelope, subject, text, and its attachments
    /// copied into the profile in @p profileDirectory. Nothing when it cannot be read or is
    /// being sent or was sent (with @p error). From then on until the Edit is gone, no cycle
    /// sends the message: a waiting message can be corrected without a race.
    static std::optional<Edit> open(OutboxStore &outbox, const QString &accountId,
                                    const QString &id, const QString &profileDirectory,
                                    StoreError *error = nullptr);
    /// Queues @p corrected in @p outbox, then removes the message @p edit replaces (from
    /// @p oldOutbox when the correction moved it to another account, else from @p outbox)
    /// and the copies of its attachments.
    static Result replace(OutboxStore &outbox, const Edit &edit, const OutgoingMessage &corrected,
                          OutboxStore *oldOutbox = nullptr);
    /// Removes the copies of the attachments when the correction is given up.
    static void discard(const Edit &edit);
    /// Undo send: reads the message back as open() does, then takes it out of the outbox, so
    /// that nothing of it reaches a server; the compose window gets the content (sending it
    /// again queues it anew). Nothing, with @p error, when it is already being sent or sent.
    static std::optional<Edit> takeBack(OutboxStore &outbox, const QString &accountId,
                                        const QString &id, const QString &profileDirectory,
                                        StoreError *error = nullptr);
};

} // namespace Outpost
