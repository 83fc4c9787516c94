#pragma once

#include "AuthWindow.h"
#include "ReceiveStage.h"
#include "RelayPolicy.h"
#include "ServerSettings.h"
#include "net/NetError.h"
#include "store/Account.h"
#include "store/StoreError.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

#include <deque>
#include <memory>

namespace Outpost {

class Clock;
class InboxStore;
class OutboxStore;

/// What one cycle did.
struct CycleResult
{
    int received = 0;        ///< new messages stored in the inbox
    int sent = 0;            ///< messages the server accepted
    int deferred = 0;        ///< transient failures, retried later
    int failed = 0;          ///< permanent failures
    int mayHaveBeenSent = 0; ///< the connection broke after the data, before the reply
    int waiting = 0;         ///< due messages left queued because the account is paused
    int popLogins = 0;       ///< successful POP logins (re-authentications included)
    /// The SMTP server's message size limit (RFC 1870) as its EHLO said: -1 when this cycle
    /// did not reach it, 0 when it announced none.
    qint64 serverMaxSize = -1;
    /// Whether the SMTP server takes 8-bit mail (8BITMIME, RFC 6152); empty when this cycle
    /// did not reach it.
    std::optional<bool> serverAccepts8Bit;
    /// Messages that went out only after earlier attempts had failed (their ids).
    QStringList sentAfterRetrying;
    /// Why the account could not work (wrong password, server down, certificate): its
    /// queue is paused until the next cycle. None when the account worked.
    NetError accountError;
    /// The account error came from the outgoing (SMTP) server, not the POP login.
    bool accountErrorOnSend = false;
    /// A problem while receiving that did not stop sending (e.g. a download broke off).
    NetError receiveError;
    /// The outbox or inbox could not be written (full disk, no permission): the first such
    /// failure, as the store reported it.
    StoreError storeError;

    /// Every due message went out and nothing went wrong.
    bool ok() const
    {
        return !accountError.isError() && !storeError.isError() && deferred == 0 && failed == 0 &&
               mayHaveBeenSent == 0 && waiting == 0;
    }
};

/// What a cycle does.
struct CycleOptions
{
    bool receive = true; ///< log in over POP first (download or authenticate only)
    bool send = true;    ///< send the due messages
    Timeouts timeouts;
    /// Waits before retrying a relay refusal that came right after a login (servers that
    /// read their logs grant a moment late), before logging in again.
    QList<int> relayRetryDelaysMs = {4000, 2000, 1000};
    /// Log in again when the window would close sooner than this before a message.
    qint64 windowMarginMs = 15000;
};

/// One receive-then-send cycle of one account, a sequence of steps (see Step):
/// POP login (this opens the relay window) and download or authenticate-only; the delay
/// after POP; then every due message, oldest first, in one SMTP session from the same local
/// address, logging in over POP again when the window would close, recovering from relay
/// refusals, deferring transient failures with backoff and failing permanent ones with the
/// server's words. finished() comes exactly once.
class Cycle : public QObject
{
    Q_OBJECT

public:
    /// What the cycle is doing, for progress displays.
    enum class Phase
    {
        Idle,
        Receiving,        ///< POP3 login and download
        WaitingAfterPop,  ///< the account's delay after the POP login
        Connecting,       ///< SMTP connection, TLS and AUTH
        Sending,          ///< messages going out
        Reauthenticating, ///< logging in over POP again to reopen the window
        WaitingForRelay,  ///< a short wait after a relay refusal before trying again
        Done,
    };
    Q_ENUM(Phase)

    /// @p outbox, @p inbox, @p window and @p clock must outlive the cycle.
    Cycle(const Account &account, const QString &popPassword, const QString &smtpPassword,
          OutboxStore *outbox, InboxStore *inbox, AuthWindow *window, Clock *clock,
          const CycleOptions &options = {}, QObject *parent = nullptr);
    ~Cycle() override;

    /// Capabilities remembered from earlier sessions, shared with them (none: always ask).
    void setCapabilityCache(std::shared_ptr<CapabilityCache> cache)
    {
        m_capabilities = std::move(cache);
    }

    void start();
    /// Stops at once; a message in flight goes back to the queue (or, when its data was
    /// complete, is left for the start-up recovery to mark "may have been sent").
    void abort();

    Phase phase() const { return m_phase; }
    const CycleResult &result() const { return m_result; }

Q_SIGNALS:
    void phaseChanged(Outpost::Cycle::Phase phase);
    /// Sending progress: @p done of @p total messages, @p bytes of the current one.
    void sendProgress(int done, int total, qint64 bytes, qint64 messageSize);
    /// A POP login succeeded at @p when (the relay window is open).
    void loggedIn(const QDateTime &when);
    /// One protocol line, prefixed with the protocol ("POP3 C: USER taro"), masked.
    void transcript(const QString &line);
    /// A short event for people ("Relay refused; logging in again").
    void note(const QString &text);
    void finished(const Outpost::CycleResult &result);

private:
    /// Where the cycle is. advance() is the one place that moves it on, and each step's
    /// work starts there; the public Phase is derived from it, for display.
    enum class Step
    {
        Idle,
        Receive,          ///< the POP session: download, or authenticate only
        WaitAfterReceive, ///< the account's delay after the POP login
        Send,             ///< the SMTP session: connecting, then messages going out
        LogInAgain,       ///< a POP login to reopen the relay window; then Send again
        WaitForRelay,     ///< a wait for a late grant after a refusal; then Send again
        Done,
    };
    void advance(Step next);
    bool done() const { return m_step == Step::Done; }
    void setPhase(Phase phase);

    // Receive (ReceiveStage does the POP session)
    void startReceive(ReceiveStage::Mode mode);
    void receiveFinished(const ReceiveOutcome &outcome);
    void dropReceive();
    void afterReceive();

    // Send
    void startSending();
    void resumeSending();
    void openSmtp();
    void dropSmtp();
    void smtpReady();
    void smtpSessionFinished(const NetError &error);
    bool smtpAddressWrong() const;
    void sendNext();
    void sendBatch();
    bool mayAddToBatch(const QDateTime &now);
    void onDataSent(int job);
    void onMessageFinished(const SmtpResult &result);
    void messageDone();
    void handleRelayRefusal(const QString &id, const NetError &error);
    void handleFailure(const QString &id, const NetError &error, bool dataWritten);
    void giveUpOldMessages();

    // Ending
    /// The one path for a change the outbox could not record (a full disk): @p id takes the
    /// state the journal will recover it to, the cycle stops (every message in flight is
    /// settled the same way), and the result says why. False, for `if (!stored(...))`.
    bool stored(bool ok, const QString &id, const StoreError &error);
    void storeFailed(const StoreError &error);
    void failInFlight(const QString &why);
    void pauseAccount(const NetError &error);
    void finish();
    QString describe(const NetError &error) const;

    Account m_account;
    QString m_popPassword;
    QString m_smtpPassword;
    OutboxStore *m_outbox;
    InboxStore *m_inbox;
    AuthWindow *m_window;
    Clock *m_clock;
    CycleOptions m_options;
    RelayPolicy m_relay;
    std::shared_ptr<CapabilityCache> m_capabilities;

    Step m_step = Step::Idle;
    Phase m_phase = Phase::Idle;
    CycleResult m_result;
    quint64 m_timer = 0; ///< the pending wait of WaitAfterReceive or WaitForRelay
    int m_waitMs = 0;    ///< how long WaitForRelay waits

    // Receive
    QPointer<ReceiveStage> m_receive;
    bool m_loggedIn = false; ///< a POP login of this cycle succeeded
    QHostAddress m_localAddress;

    // Send
    /// A message handed to the SMTP client and not yet finished.
    struct InFlight
    {
        int job = 0; ///< the SMTP client's id
        QString id;  ///< the outbox id
        std::unique_ptr<QIODevice> body;
        qint64 size = 0;
        bool dataWritten = false;
    };
    QPointer<SmtpClient> m_smtp;
    bool m_smtpReady = false;    ///< the current SMTP session reached Ready
    bool m_batching = false;     ///< inside sendNext(): the journal is flushed at its end
    bool m_dataToFlush = false;  ///< an end of data was journaled in this sendNext()
    std::deque<QString> m_queue; ///< due messages not yet handed to the SMTP client
    std::deque<InFlight> m_inFlight;
    qint64 m_inFlightBytes = 0;
    bool m_batchFull = false; ///< the batch reached its bounds: refill once some are done
    /// Relay refusals among the messages in flight, in order; recovered from once the
    /// messages in flight have all finished.
    QStringList m_refused;
    NetError m_refusedError;
    qint64 m_paceMs = 0;    ///< the longest time one message took in this cycle
    QDateTime m_lastFinish; ///< when the last message finished (or the batch started)
    int m_total = 0;
    int m_done = 0;
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::CycleResult)
