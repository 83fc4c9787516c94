#pragma once

#include "store/Account.h"
#include "usecases/AddressBook.h"
#include "usecases/ComposeMessage.h"
#include "usecases/DraftStore.h"
#include "usecases/ReplaceMessage.h"

#include <optional>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;

namespace Outpost {

class OutboxStore;
class Scheduler;

/// A message being written: From (the account), To, Cc, Bcc with completion from addresses
/// used before, Subject, text, attachments (button or drag and drop) and the encoding.
/// "Send" queues it in the account's outbox; nothing typed is lost when that fails.
/// Closing an unsent message asks whether to keep it as a draft (kept in the profile). The
/// drafts, the address book and the replacing of a corrected message are core's
/// (core/usecases); the window gathers what is typed and shows what they say.
class ComposeWindow : public QWidget
{
    Q_OBJECT

public:
    /// What the fields hold (no encoding: the account's choice).
    using Content = ComposeContent;

    /// @p scheduler gives the accounts and their outboxes; @p profileDirectory keeps the
    /// address book and drafts.
    ComposeWindow(Scheduler *scheduler, const QString &profileDirectory, QWidget *parent = nullptr);

    void setContent(const Content &content);
    Content content() const;
    /// Chooses the account to send from (and its encoding).
    void setAccount(const QString &accountId);
    /// Opens the draft file @p path (it is removed once the message is queued or discarded);
    /// false, with the reason in the window, when it cannot be read.
    bool loadDraft(const QString &path);
    /// Corrects a message of the outbox: sending queues the correction in its place.
    void setReplacing(const ReplaceMessage::Edit &edit);
    /// Fills in a mailto: link (RFC 6068: to, cc, bcc, subject, body).
    void setMailto(const QUrl &url);
    /// Adds a file as an attachment; @p wholeMessage: a message attached whole
    /// (message/rfc822, forward as attachment).
    void addAttachment(const QString &path, bool wholeMessage = false);
    /// Puts the cursor at the start of the text (a reply: above the quote).
    void focusBody();
    /// Puts the cursor in To (a forward).
    void focusRecipients();

    /// Checks the address fields and queues the message; false (with the error shown in the
    /// window, and everything kept) when it could not be queued.
    /// @p notBefore: "Send Later" (invalid: send as the account does).
    bool send(const QDateTime &notBefore = {});
    /// Writes the fields to a draft in the profile; returns its path.
    QString saveDraft();
    /// The error or notice line shown in the window.
    QString notice() const;
    /// True when the fields differ from what was last queued or saved.
    bool isModified() const { return m_modified; }

Q_SIGNALS:
    /// The message was queued in @p accountId's outbox as @p messageId; @p how says what
    /// happens next, for the status bar.
    void queued(const QString &accountId, const QString &messageId, const QString &how);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    bool checkAddresses();
    /// After an address field changed: hides the address error shown once it is fixed.
    void recheckAddresses();
    /// What the fields hold, for the compose use case.
    ComposeInput input() const;
    /// Shows @p problem at its field; true when there is none.
    bool showProblem(const ComposeProblem &problem);
    void chooseAttachments();
    void removeAttachment();
    void rememberAddresses(const OutgoingMessage &message);
    /// Queues @p message (in place of the message being corrected, if any); the new id.
    std::optional<QString> queue(OutboxStore *outbox, const OutgoingMessage &message,
                                 const QDateTime &notBefore, bool hold);
    /// Removes the copies made for a correction that will not be sent.
    void giveUpReplacing();
    void setNotice(const QString &text, bool error);
    /// Removes the copies made for forwarding as attachments (not the user's own files).
    void dropForwardedCopies();
    QLineEdit *addressField(const QString &objectName);

    Scheduler *m_scheduler;
    QString m_profileDirectory;
    DraftStore m_drafts;
    AddressBook m_addressBook;
    bool m_addressBookRead = false; ///< false: a damaged file, never written over
    std::optional<ReplaceMessage::Edit> m_replacing;
    QString m_draftPath;
    QByteArray m_inReplyTo;         ///< a reply's parent (kept from its content)
    QList<QByteArray> m_references; ///< a reply's thread
    bool m_modified = false;
    bool m_closing = false;
    bool m_addressProblemShown = false; ///< the notice is an address field's error

    QComboBox *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QListWidget *m_attachments = nullptr;
    QComboBox *m_encoding = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace Outpost
