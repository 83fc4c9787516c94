#include "Cycle.h"

#include "Clock.h"
#include "RetryPolicy.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"

#include <algorithm>

namespace Outpost {

Cycle::Cycle(const Account &account, const QString &popPassword, const QString &smtpPassword,
             OutboxStore *outbox, InboxStore *inbox, AuthWindow *window, Clock *clock,
             const CycleOptions &options, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_popPassword(popPassword)
    , m_smtpPassword(smtpPassword)
    , m_outbox(outbox)
    , m_inbox(inbox)
    , m_window(window)
    , m_clock(clock)
    , m_options(options)
{}

Cycle::~Cycle()
{
    if (m_timer)
        m_clock->cancel(m_timer);
    // Uncommitted deliveries remove their partial files when destroyed.
    m_deliveries.clear();
}

void Cycle::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void Cycle::start()
{
    if (m_options.receive)
        startPop(m_account.receiveMode == ReceiveMode::AuthOnly);
    else
        afterReceive();
}

// --- Receive -------------------------------------------------------------------------------

void Cycle::startPop(bool authenticateOnly)
{
    setPhase(m_popReauth ? Phase::Reauthenticating : Phase::Receiving);
    m_popLoggedIn = false;
    m_retrievesLeft = 0;
    auto *pop = new Pop3Client(this);
    m_pop = pop;
    pop->setSettings(pop3SettingsFor(m_account, m_popPassword, m_options.timeouts));
    connect(pop, &Pop3Client::transcript, this,
            [this](const QString &line) { Q_EMIT transcript(QStringLiteral("POP3 ") + line); });
    connect(pop, &Pop3Client::loggedIn, this, [this, pop] {
        m_popLoggedIn = true;
        m_localAddress = pop->localAddress();
        // The scheduler's clock, not the client's stamp: window arithmetic stays on one clock.
        const QDateTime when = m_clock->now();
        m_window->recordLogin(when);
        m_relayedSinceLogin = 0;
        ++m_result.popLogins;
        Q_EMIT loggedIn(when);
    });
    connect(pop, &Pop3Client::finished, this, &Cycle::popFinished);

    if (authenticateOnly) {
        // RFC 1939: the login alone opens the window; STAT proves the session works.
        pop->stat();
        pop->quit();
    } else {
        connect(pop, &Pop3Client::uidsReceived, this,
                [this, pop](const QList<Pop3Uid> &uids, bool supported) {
                    if (!supported && m_account.leaveOnServer) {
                        Q_EMIT note(tr("The server cannot name its messages (no UIDL), so "
                                       "Outpost does not download while mail is left on the "
                                       "server."));
                        pop->quit();
                        return;
                    }
                    if (supported) {
                        QStringList listed;
                        for (const Pop3Uid &u : uids)
                            listed.append(QString::fromLatin1(u.uid));
                        m_inbox->retainOnly(listed);
                    }
                    const QString session = QString::number(m_clock->now().toMSecsSinceEpoch());
                    for (const Pop3Uid &u : uids) {
                        const QString uid =
                            supported ? QString::fromLatin1(u.uid)
                                      : QStringLiteral("nouidl-%1-%2").arg(session).arg(u.number);
                        if (m_inbox->isSeen(uid)) {
                            // Downloaded before but not deleted yet (e.g. the last session
                            // broke before QUIT): delete now that the local copy is safe.
                            if (!m_account.leaveOnServer && m_inbox->isStored(uid))
                                pop->remove(u.number);
                            continue;
                        }
                        StoreError error;
                        std::unique_ptr<InboxDelivery> delivery =
                            m_inbox->beginDelivery(uid, &error);
                        if (!delivery) {
                            m_result.storeError = error.message;
                            break;
                        }
                        pop->retrieve(u.number, delivery->device());
                        m_deliveries[u.number] = std::move(delivery);
                        ++m_retrievesLeft;
                    }
                    if (m_retrievesLeft == 0)
                        pop->quit();
                });
        connect(pop, &Pop3Client::messageRetrieved, this, [this, pop](int number, qint64) {
            auto it = m_deliveries.find(number);
            if (it != m_deliveries.end()) {
                StoreError error;
                if (it->second->commit(&error)) {
                    ++m_result.received;
                    // Deleted on the server only now that the local copy is on disk.
                    if (!m_account.leaveOnServer)
                        pop->remove(number);
                } else {
                    m_result.storeError = error.message;
                }
                m_deliveries.erase(it);
            }
            if (--m_retrievesLeft == 0)
                pop->quit();
        });
        connect(pop, &Pop3Client::requestFailed, this,
                [this, pop](int number, const NetError &error) {
                    if (m_deliveries.erase(number) == 0)
                        return; // a DELE that failed: the message simply stays
                    m_result.receiveError = error;
                    if (--m_retrievesLeft == 0)
                        pop->quit();
                });
        pop->listUids();
    }
    pop->open();
}

void Cycle::popFinished(const NetError &error)
{
    if (m_pop) {
        m_pop->disconnect(this);
        m_pop->deleteLater();
        m_pop = nullptr;
    }
    m_deliveries.clear();
    if (m_finished)
        return;

    if (m_popReauth) {
        m_popReauth = false;
        if (!m_popLoggedIn) {
            pauseAccount(error);
            return;
        }
        setPhase(m_smtpReady ? Phase::Sending : Phase::Connecting);
        auto then = std::move(m_afterReauth);
        m_afterReauth = nullptr;
        then();
        return;
    }
    if (!m_popLoggedIn) {
        // Without the login there is no relay window: pause instead of failing every message.
        if (m_account.popBeforeSmtp || !m_options.send) {
            pauseAccount(error);
            return;
        }
        m_result.receiveError = error;
    } else if (error.isError()) {
        m_result.receiveError = error;
    }
    afterReceive();
}

void Cycle::afterReceive()
{
    if (!m_options.send) {
        finish();
        return;
    }
    if (m_popLoggedIn && m_account.delayAfterPopMs > 0) {
        setPhase(Phase::WaitingAfterPop);
        m_timer = m_clock->callAfter(m_account.delayAfterPopMs, this, [this] {
            m_timer = 0;
            beginSend();
        });
        return;
    }
    beginSend();
}

// --- Send ----------------------------------------------------------------------------------

void Cycle::giveUpOldMessages()
{
    const QDateTime now = m_clock->now();
    for (const OutboxEntry &e : m_outbox->messages()) {
        if (e.state != OutboxState::Deferred ||
            !RetryPolicy::shouldGiveUp(e.queuedAt, now, m_account.giveUpAfterHours))
            continue;
        m_outbox->fail(e.id, tr("Outpost gave up after trying for %n hour(s). The last reply "
                                "was: %1",
                                nullptr, m_account.giveUpAfterHours)
                                 .arg(e.lastReply));
        ++m_result.failed;
    }
}

void Cycle::beginSend()
{
    giveUpOldMessages();
    const QList<OutboxEntry> due = m_outbox->dueMessages(m_clock->now());
    for (const OutboxEntry &e : due)
        m_queue.push_back(e.id);
    m_total = int(m_queue.size());
    if (m_queue.empty()) {
        finish();
        return;
    }
    if (m_account.popBeforeSmtp && !m_window->isOpen(m_clock->now(), m_options.windowMarginMs)) {
        reauthenticate([this] { openSmtp(); });
        return;
    }
    openSmtp();
}

void Cycle::openSmtp()
{
    setPhase(Phase::Connecting);
    auto *smtp = new SmtpClient(this);
    m_smtp = smtp;
    // POP before SMTP servers authorise the exact address that logged in.
    smtp->setSettings(smtpSettingsFor(m_account, m_smtpPassword,
                                      m_account.popBeforeSmtp ? m_localAddress : QHostAddress(),
                                      m_options.timeouts));
    connect(smtp, &SmtpClient::transcript, this,
            [this](const QString &line) { Q_EMIT transcript(QStringLiteral("SMTP ") + line); });
    connect(smtp, &SmtpClient::ready, this, [this] {
        m_smtpReady = true;
        setPhase(Phase::Sending);
        sendNext();
    });
    connect(smtp, &SmtpClient::messageProgress, this, [this](int, qint64 sent, qint64 total) {
        Q_EMIT sendProgress(m_done, m_total, sent, total);
    });
    connect(smtp, &SmtpClient::messageDataSent, this, [this](int) {
        m_currentDataWritten = true;
        StoreError error;
        if (!m_outbox->markDataComplete(m_current, &error))
            m_result.storeError = error.message;
    });
    connect(smtp, &SmtpClient::messageFinished, this, &Cycle::onMessageFinished);
    connect(smtp, &SmtpClient::sessionFinished, this, [this](const NetError &error) {
        const bool wasReady = m_smtpReady;
        m_smtpReady = false;
        if (m_smtp) {
            m_smtp->disconnect(this);
            m_smtp->deleteLater();
            m_smtp = nullptr;
        }
        if (m_finished)
            return;
        if (!m_current.isEmpty()) {
            // The session ended before the client reported the message in flight.
            const QString id = m_current;
            m_current.clear();
            m_body.reset();
            handleFailure(id,
                          error.isError()
                              ? error
                              : NetError::make(NetError::Network, tr("The connection was closed.")),
                          m_currentDataWritten);
            if (!m_queue.empty())
                m_queue.pop_front();
            ++m_done;
        }
        if (m_queue.empty()) {
            finish();
            return;
        }
        // The server dropped an idle session while Outpost waited (a POP login, a short
        // wait after a refusal): the next message opens a new one.
        const bool waiting = m_popReauth || m_timer != 0;
        if (wasReady && waiting)
            return;
        pauseAccount(error.isError()
                         ? error
                         : NetError::make(NetError::Network, tr("The connection was closed.")));
    });
    smtp->open();
}

void Cycle::sendNext()
{
    if (m_finished || !m_current.isEmpty())
        return;
    if (!m_smtp) {
        if (!m_queue.empty())
            openSmtp(); // the last session ended while Outpost waited
        return;
    }
    if (m_smtp->state() != SmtpClient::Ready)
        return;
    if (m_queue.empty()) {
        m_smtp->quit();
        return;
    }
    const QDateTime now = m_clock->now();
    if (m_account.popBeforeSmtp && !m_window->isOpen(now, m_options.windowMarginMs)) {
        Q_EMIT note(tr("The relay window is about to close; logging in over POP again."));
        reauthenticate([this] { sendNext(); });
        return;
    }

    const QString id = m_queue.front();
    const std::optional<OutboxEntry> entry = m_outbox->message(id);
    if (!entry || (entry->state != OutboxState::Queued && entry->state != OutboxState::Deferred)) {
        m_queue.pop_front(); // deleted or changed by the user meanwhile
        --m_total;
        sendNext();
        return;
    }
    const bool utf8 = m_smtp->capabilities().smtpUtf8;
    SmtpMessage message;
    message.sender = Envelope::forServer(entry->envelope.sender, utf8);
    bool representable = !message.sender.isEmpty() || entry->envelope.sender.isEmpty();
    for (const QString &r : entry->envelope.recipients) {
        const QByteArray address = Envelope::forServer(r, utf8);
        representable = representable && !address.isEmpty();
        message.recipients.append(address);
    }
    if (!representable) {
        m_outbox->fail(id, tr("An address in this message has non-ASCII characters before the "
                              "@, and the server does not accept such addresses (no SMTPUTF8)."));
        ++m_result.failed;
        messageDone();
        return;
    }
    StoreError error;
    m_body = m_outbox->openMessage(id, &error);
    if (!m_body || !m_outbox->markSending(id, &error)) {
        m_body.reset();
        storeFailed(error.message);
        return;
    }
    message.body = m_body.get();
    message.eightBit = entry->envelope.needs8BitMime;
    message.smtpUtf8 = entry->envelope.needsSmtpUtf8 && utf8;
    m_current = id;
    m_currentDataWritten = false;
    m_smtp->send(message);
}

void Cycle::onMessageFinished(const SmtpResult &result)
{
    const QString id = m_current;
    m_current.clear();
    m_body.reset();
    if (id.isEmpty() || m_finished)
        return;
    const QDateTime now = m_clock->now();

    if (result.sent) {
        QStringList refused;
        for (const SmtpRecipientResult &r : result.recipients) {
            if (!r.accepted)
                refused.append(QString::fromUtf8(r.address) + QStringLiteral(": ") +
                               QString::fromUtf8(r.reply.raw));
        }
        StoreError error;
        if (!m_outbox->markSent(id, refused, &error))
            m_result.storeError = error.message;
        if (m_account.popBeforeSmtp)
            m_window->recordRelayAccepted(now);
        ++m_relayedSinceLogin;
        ++m_result.sent;
        messageDone();
        return;
    }
    // A relay refusal comes at RCPT: no recipient took the message, even when (with BDAT and
    // PIPELINING) its data had already gone out behind the envelope.
    if (result.error.kind == NetError::RelayDenied && m_account.popBeforeSmtp) {
        handleRelayRefusal(id, result.error);
        return;
    }
    // The server can only have taken the message if it accepted a recipient and the whole
    // data went out; with BDAT the data may go out before the envelope is answered.
    const bool acceptedRecipient =
        std::any_of(result.recipients.begin(), result.recipients.end(),
                    [](const SmtpRecipientResult &r) { return r.accepted; });
    handleFailure(id, result.error, result.dataWritten && acceptedRecipient);
    messageDone();
}

void Cycle::messageDone()
{
    if (!m_queue.empty())
        m_queue.pop_front();
    ++m_done;
    m_relayStep = 0;
    m_relayReauthDone = false;
    Q_EMIT sendProgress(m_done, m_total, 0, 0);
    sendNext();
}

void Cycle::handleRelayRefusal(const QString &id, const NetError &error)
{
    const QDateTime now = m_clock->now();
    if (m_window->recordRelayRefused(now))
        Q_EMIT note(tr("The server stopped relaying %n second(s) after the POP login; Outpost "
                       "will log in again sooner from now on.",
                       nullptr, int(m_window->lastLogin().secsTo(now))));
    // Honest on disk while Outpost waits: due again at once, not "sending".
    m_outbox->defer(id, now, describe(error));

    // A grant that comes late looks like a refusal right after the login; a refusal after
    // this login already relayed mail means the window has closed.
    const bool justLoggedIn = m_window->hasLogin() && m_relayedSinceLogin == 0 &&
                              m_window->lastLogin().msecsTo(now) < AuthWindow::lagToleranceMs;
    if (justLoggedIn && m_relayStep < m_options.relayRetryDelaysMs.size()) {
        const int delay = m_options.relayRetryDelaysMs.at(m_relayStep++);
        setPhase(Phase::WaitingForRelay);
        Q_EMIT note(tr("Relaying refused right after the login; trying again in %n second(s).",
                       nullptr, qMax(1, delay / 1000)));
        m_timer = m_clock->callAfter(delay, this, [this] {
            m_timer = 0;
            setPhase(Phase::Sending);
            sendNext();
        });
        return;
    }
    if (!m_relayReauthDone) {
        m_relayReauthDone = true;
        m_relayStep = int(m_options.relayRetryDelaysMs.size()); // one retry after the login
        Q_EMIT note(tr("Relaying refused; logging in over POP again."));
        reauthenticate([this] { sendNext(); });
        return;
    }
    // Refused again right after a fresh login: the window is not what stops it.
    const QString words =
        tr("The server refused to relay even right after a POP login. Check the outgoing "
           "server name, that \"POP before SMTP\" is what this provider uses (it may need SMTP "
           "AUTH instead), and the POP user name. The server said: %1")
            .arg(QString::fromUtf8(error.reply.trimmed()));
    m_outbox->fail(id, words);
    ++m_result.failed;
    m_queue.pop_front();
    ++m_done;
    NetError paused = error;
    paused.message = words;
    pauseAccount(paused);
}

void Cycle::reauthenticate(std::function<void()> then)
{
    m_afterReauth = std::move(then);
    m_popReauth = true;
    startPop(true);
}

void Cycle::handleFailure(const QString &id, const NetError &error, bool dataWritten)
{
    StoreError storeError;
    const bool noReply = error.kind == NetError::Network || error.kind == NetError::Timeout ||
                         error.kind == NetError::ConnectTimeout;
    if (dataWritten && noReply) {
        // The whole message went out; only the server's answer is missing. Sending it again
        // could deliver it twice, so the user decides.
        if (m_outbox->markMayHaveBeenSent(id, describe(error), &storeError))
            ++m_result.mayHaveBeenSent;
        else
            m_result.storeError = storeError.message;
        return;
    }
    if (error.isTransient()) {
        const std::optional<OutboxEntry> entry = m_outbox->message(id);
        const QDateTime now = m_clock->now();
        if (entry && RetryPolicy::shouldGiveUp(entry->queuedAt, now, m_account.giveUpAfterHours)) {
            m_outbox->fail(id, tr("Outpost gave up after trying for %n hour(s). The last reply "
                                  "was: %1",
                                  nullptr, m_account.giveUpAfterHours)
                                   .arg(describe(error)));
            ++m_result.failed;
            return;
        }
        const int attempts = entry ? entry->attempts : 1;
        m_outbox->defer(id, now.addMSecs(RetryPolicy::backoffMs(attempts)), describe(error));
        ++m_result.deferred;
        return;
    }
    m_outbox->fail(id, describe(error));
    ++m_result.failed;
}

void Cycle::storeFailed(const QString &message)
{
    m_result.storeError = message;
    m_result.waiting = int(m_queue.size());
    if (m_smtp) {
        m_smtp->disconnect(this);
        m_smtp->abort();
        m_smtp->deleteLater();
        m_smtp = nullptr;
    }
    finish();
}

void Cycle::pauseAccount(const NetError &error)
{
    m_result.accountError = error;
    if (m_queue.empty() && m_total == 0)
        m_result.waiting = int(m_outbox->dueMessages(m_clock->now()).size());
    else
        m_result.waiting = int(m_queue.size());
    finish();
}

void Cycle::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timer) {
        m_clock->cancel(m_timer);
        m_timer = 0;
    }
    if (m_pop) {
        m_pop->disconnect(this);
        m_pop->abort();
        m_pop->deleteLater();
    }
    if (m_smtp) {
        m_smtp->disconnect(this);
        if (m_smtp->state() == SmtpClient::Ready)
            m_smtp->quit();
        else
            m_smtp->abort();
        m_smtp->deleteLater();
    }
    m_deliveries.clear();
    setPhase(Phase::Done);
    Q_EMIT finished(m_result);
}

void Cycle::abort()
{
    if (m_finished)
        return;
    if (!m_current.isEmpty()) {
        if (m_currentDataWritten)
            m_outbox->markMayHaveBeenSent(m_current,
                                          tr("Sending was interrupted after the whole message "
                                             "had gone out, before the server confirmed it."));
        else
            m_outbox->defer(m_current, m_clock->now(), tr("Sending was interrupted."));
    }
    m_current.clear();
    m_body.reset();
    finish();
}

QString Cycle::describe(const NetError &error) const
{
    const QByteArray reply = error.reply.trimmed();
    if (reply.isEmpty())
        return error.message;
    return error.message + QLatin1Char('\n') + QString::fromUtf8(reply);
}

} // namespace Outpost
