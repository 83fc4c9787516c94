#pragma once

#include "imap/ImapClient.h"
#include "net/NetError.h"
#include "pop3/Pop3Client.h"
#include "store/Account.h"
#include "store/InboxStore.h"
#include "store/StoreError.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>
#include <set>

namespace Outpost {

class Clock;

/// What one POP session of a cycle did.
struct ReceiveOutcome
{
    bool loggedIn = false; ///< the login succeeded (the relay window opened)
    int received = 0;      ///< new messages stored in the inbox
    /// Why the session failed (the login, or the connection afterwards); none when it worked.
    NetError error;
    /// A download that broke off while the session itself went on.
    NetError downloadError;
    /// The inbox could not be written (full disk, no permission).
    StoreError storeError;
};

/// The receiving stage of a cycle: one POP3 or IMAP session that logs in (opening the POP
/// before SMTP relay window) and either downloads new mail into the inbox or only
/// authenticates (POP3 STAT; IMAP LOGOUT right behind the login). POP3 deletes from the
/// server only what is safely on the disk (unless mail is left there); IMAP never changes
/// the server's mailbox: EXAMINE, UID FETCH BODY.PEEK[] of the UIDs above the last one
/// received, and a UIDVALIDITY change recognised by the messages' identity headers. A cycle
/// runs one for its receive and one more for each re-login. finished() comes exactly once,
/// unless abort() is called first.
class ReceiveStage : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        Download,         ///< list, download and (unless left on the server) delete
        AuthenticateOnly, ///< log in and STAT: the window opens, nothing is downloaded
    };

    /// @p inbox and @p clock must outlive the stage.
    ReceiveStage(const Account &account, const Pop3Settings &settings, Mode mode, InboxStore *inbox,
                 Clock *clock, QObject *parent = nullptr);
    ~ReceiveStage() override;

    void start();
    /// Stops at once without finished(); partial downloads are removed.
    void abort();

Q_SIGNALS:
    /// The login succeeded; @p localAddress is the address the server saw.
    void loggedIn(const QHostAddress &localAddress);
    /// A new message is safely in the inbox.
    void messageStored();
    /// One protocol line, prefixed with "POP3 " or "IMAP ", masked.
    void transcript(const QString &line);
    /// A short event for people.
    void note(const QString &text);
    void finished(const Outpost::ReceiveOutcome &outcome);

private:
    void uidsReceived(const QList<Pop3Uid> &uids, bool supported);
    void messageRetrieved(int number);
    void requestFailed(int number, const NetError &error);
    void sessionFinished(const NetError &error);
    void retrieveDone();
    void startImap();
    void imapMailboxOpened(const ImapMailboxStatus &status);
    void imapListed(const QList<ImapMessageInfo> &messages);
    void imapFetched(quint64 uid);
    void imapFetchFailed(quint64 uid, const NetError &error);
    void imapFetchDone();
    QString imapUidKey(quint64 uid) const;
    QString imapIdentityKey(const ImapMessageInfo &message) const;

    Account m_account;
    Pop3Settings m_settings;
    Mode m_mode;
    InboxStore *m_inbox;
    Clock *m_clock;
    QPointer<Pop3Client> m_pop;
    QPointer<ImapClient> m_imap;
    // IMAP download
    ImapMailboxState m_imapBefore;  ///< what the inbox knew of the mailbox
    ImapMailboxStatus m_imapStatus; ///< what EXAMINE said
    bool m_imapRenumbered = false;  ///< UIDVALIDITY changed: recognise by identity
    bool m_imapSkipListing = false; ///< the pipelined listing used the old numbering
    std::map<quint64, std::unique_ptr<InboxDelivery>> m_imapDeliveries;
    std::map<quint64, QString> m_imapIdentities; ///< UID -> identity key, for the fetches
    std::set<quint64> m_imapListed;              ///< UIDs listed above the last one
    std::set<quint64> m_imapFailed;              ///< UIDs not received this time
    ReceiveOutcome m_outcome;
    std::map<int, std::unique_ptr<InboxDelivery>> m_deliveries;
    int m_retrievesLeft = 0;
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::ReceiveOutcome)
