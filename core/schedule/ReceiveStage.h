#pragma once

#include "net/NetError.h"
#include "pop3/Pop3Client.h"
#include "store/Account.h"
#include "store/StoreError.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>

namespace Outpost {

class Clock;
class InboxDelivery;
class InboxStore;

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

/// The receiving stage of a cycle: one POP3 session that logs in (opening the POP before
/// SMTP relay window) and either downloads new mail into the inbox, deleting from the
/// server only what is safely on the disk, or only authenticates (RFC 1939 STAT). A cycle
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
    /// One protocol line, prefixed with "POP3 ", masked.
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

    Account m_account;
    Pop3Settings m_settings;
    Mode m_mode;
    InboxStore *m_inbox;
    Clock *m_clock;
    QPointer<Pop3Client> m_pop;
    ReceiveOutcome m_outcome;
    std::map<int, std::unique_ptr<InboxDelivery>> m_deliveries;
    int m_retrievesLeft = 0;
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::ReceiveOutcome)
