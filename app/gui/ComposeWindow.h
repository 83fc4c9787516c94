#pragma once

#include "store/Account.h"
#include "usecases/ComposeMessage.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Outpost {

class Scheduler;

/// A message being written: From (the account), To, Cc, Bcc with completion from addresses
/// used before, Subject, text, attachments (button or drag and drop) and the encoding.
/// "Send" queues it in the account's outbox; nothing typed is lost when that fails.
/// Closing an unsent message asks whether to keep it as a draft (kept in the profile).
class ComposeWindow : public QWidget
{
    Q_OBJECT

public:
    /// What the fields hold, for drafts and mailto: links.
    struct Content
    {
        QString accountId;
        QString to, cc, bcc, subject, body;
        QStringList attachments;
        int encoding = 0; ///< index of the encoding choice
    };

    /// @p scheduler gives the accounts and their outboxes; @p profileDirectory keeps the
    /// address book and drafts.
    ComposeWindow(Scheduler *scheduler, const QString &profileDirectory, QWidget *parent = nullptr);

    void setContent(const Content &content);
    Content content() const;
    /// Opens the draft file @p path (it is removed once the message is queued or discarded).
    bool loadDraft(const QString &path);
    /// Fills in a mailto: link (RFC 6068: to, cc, bcc, subject, body).
    void setMailto(const QUrl &url);
    /// Adds a file as an attachment.
    void addAttachment(const QString &path);

    /// Checks the address fields and queues the message; false (with the error shown in the
    /// window, and everything kept) when it could not be queued.
    bool send();
    /// Writes the fields to a draft in the profile; returns its path.
    QString saveDraft();
    /// The error or notice line shown in the window.
    QString notice() const;
    /// True when the fields differ from what was last queued or saved.
    bool isModified() const { return m_modified; }

    /// Drafts kept in the profile (paths), newest first.
    static QStringList drafts(const QString &profileDirectory);
    /// The subject of the draft file @p path.
    static QString draftSubject(const QString &path);

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
    /// What the fields hold, for the compose use case.
    ComposeInput input() const;
    /// Shows @p problem at its field; true when there is none.
    bool showProblem(const ComposeProblem &problem);
    void chooseAttachments();
    void removeAttachment();
    void rememberAddresses(const QStringList &addresses);
    void setNotice(const QString &text, bool error);
    QLineEdit *addressField(const QString &objectName);

    Scheduler *m_scheduler;
    QString m_profileDirectory;
    QString m_draftPath;
    bool m_modified = false;
    bool m_closing = false;

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
