#include "Cycle.h"

#include "Clock.h"
#include "RetryPolicy.h"
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
    , m_relay(window, account.popBeforeSmtp,
              RelayPolicy::Options{options.relayRetryDelaysMs, options.windowMarginMs})
{}

Cycle::~Cycle()
{
    if (m_timer)
        m_clock->cancel(m_timer);
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
    if (m_step != Step::Idle)
        return;
    if (!m_options.receive) {
        afterReceive();
        return;
    }
    advance(Step::Receive);
    // The SMTP connection, greeting and EHLO overlap the POP login: servers check relaying
    // only at RCPT, and no message goes before the receive has finished. (A server that
    // grants late is covered by the relay-refusal recovery.) Not with a delay after POP:
    // a session would sit idle through it.
    if (m_options.send && m_account.delayAfterPopMs <= 0 && m_outbox->countDue(m_clock->now()) > 0)
        openSmtp();
}

void Cycle::advance(Step next)
{
    if (done())
        return;
    m_step = next;
    switch (next) {
    case Step::Idle:
        return;
    case Step::Receive:
        setPhase(Phase::Receiving);
        startReceive(m_account.receiveMode == ReceiveMode::AuthOnly
                         ? ReceiveStage::Mode::AuthenticateOnly
                         : ReceiveStage::Mode::Download);
        return;
    case Step::WaitAfterReceive:
        setPhase(Phase::WaitingAfterPop);
        m_timer = m_clock->callAfter(m_account.delayAfterPopMs, this, [this] {
            m_timer = 0;
            startSending();
        });
        return;
    case Step::Send:
        resumeSending();
        return;
    case Step::LogInAgain:
        setPhase(Phase::Reauthenticating);
        startReceive(ReceiveStage::Mode::AuthenticateOnly);
        return;
    case Step::WaitForRelay:
        setPhase(Phase::WaitingForRelay);
        m_timer = m_clock->callAfter(m_waitMs, this, [this] {
            m_timer = 0;
            advance(Step::Send);
        });
        return;
    case Step::Done:
        finish();
        return;
    }
}

// --- Receive -------------------------------------------------------------------------------

void Cycle::startReceive(ReceiveStage::Mode mode)
{
    m_loggedIn = false;
    Pop3Settings settings = pop3SettingsFor(m_account, m_popPassword, m_options.timeouts);
    settings.capabilityCache = m_capabilities;
    auto *stage = new ReceiveStage(m_account, settings, mode, m_inbox, m_clock, this);
    m_receive = stage;
    connect(stage, &ReceiveStage::transcript, this, &Cycle::transcript);
    connect(stage, &ReceiveStage::note, this, &Cycle::note);
    connect(stage, &ReceiveStage::messageStored, this, [this] { ++m_result.received; });
    connect(stage, &ReceiveStage::loggedIn, this, [this](const QHostAddress &local) {
        m_loggedIn = true;
        m_localAddress = local;
        // The scheduler's clock, not the client's stamp: window arithmetic stays on one clock.
        const QDateTime when = m_clock->now();
        m_relay.loggedIn(when);
        ++m_result.popLogins;
        Q_EMIT loggedIn(when);
    });
    connect(stage, &ReceiveStage::finished, this, &Cycle::receiveFinished);
    stage->start();
}

void Cycle::dropReceive()
{
    if (!m_receive)
        return;
    m_receive->disconnect(this);
    m_receive->abort();
    m_receive->deleteLater();
    m_receive = nullptr;
}

void Cycle::receiveFinished(const ReceiveOutcome &outcome)
{
    dropReceive();
    if (done())
        return;
    if (outcome.storeError.isError() && !m_result.storeError.isError())
        m_result.storeError = outcome.storeError;
    if (outcome.downloadError.isError())
        m_result.receiveError = outcome.downloadError;

    if (m_step == Step::LogInAgain) {
        if (!outcome.loggedIn) {
            pauseAccount(outcome.error);
            return;
        }
        advance(Step::Send);
        return;
    }
    if (!outcome.loggedIn) {
        // Without the login there is no relay window: pause instead of failing every message.
        if (m_account.popBeforeSmtp || !m_options.send) {
            pauseAccount(outcome.error);
            return;
        }
        m_result.receiveError = outcome.error;
    } else if (outcome.error.isError()) {
        m_result.receiveError = outcome.error;
    }
    afterReceive();
}

void Cycle::afterReceive()
{
    if (!m_options.send) {
        advance(Step::Done);
        return;
    }
    if (m_loggedIn && m_account.delayAfterPopMs > 0) {
        advance(Step::WaitAfterReceive);
        return;
    }
    startSending();
}

// --- Send ----------------------------------------------------------------------------------

void Cycle::giveUpOldMessages()
{
    const QDateTime now = m_clock->now();
    for (const OutboxEntry &e : m_outbox->messages()) {
        if (e.state != OutboxState::Deferred ||
            !RetryPolicy::shouldGiveUp(e.queuedAt, now, m_account.giveUpAfterHours))
            continue;
        StoreError error;
        if (!stored(m_outbox->fail(e.id,
                                   tr("Outpost gave up after trying for %n hour(s). The last "
                                      "reply was: %1",
                                      nullptr, m_account.giveUpAfterHours)
                                       .arg(e.lastReply),
                                   &error),
                    e.id, error))
            return;
        ++m_result.failed;
    }
}

void Cycle::startSending()
{
    giveUpOldMessages();
    if (done())
        return;
    const QList<OutboxEntry> due = m_outbox->dueMessages(m_clock->now());
    for (const OutboxEntry &e : due)
        m_queue.push_back(e.id);
    m_total = int(m_queue.size());
    if (m_queue.empty()) {
        advance(Step::Done);
        return;
    }
    advance(m_relay.needsLogin(m_clock->now()) ? Step::LogInAgain : Step::Send);
}

bool Cycle::smtpAddressWrong() const
{
    // POP before SMTP servers authorise the exact address that logged in. A session opened
    // before the login (to overlap its connection with the login) used the address the
    // system chose; on a machine with several addresses it may not be the POP one.
    return m_smtp && m_account.popBeforeSmtp && m_loggedIn && !m_localAddress.isNull() &&
           m_smtp->state() != SmtpClient::Connecting && m_smtp->localAddress() != m_localAddress;
}

void Cycle::dropSmtp()
{
    m_smtpReady = false;
    if (!m_smtp)
        return;
    m_smtp->disconnect(this);
    m_smtp->abort();
    m_smtp->deleteLater();
    m_smtp = nullptr;
}

void Cycle::resumeSending()
{
    if (m_step != Step::Send)
        return;
    if (smtpAddressWrong())
        dropSmtp();
    if (!m_smtp) {
        openSmtp();
        return;
    }
    if (m_smtp->state() != SmtpClient::Ready) {
        setPhase(Phase::Connecting); // smtpReady() continues
        return;
    }
    setPhase(Phase::Sending);
    sendNext();
}

void Cycle::openSmtp()
{
    if (m_step == Step::Send)
        setPhase(Phase::Connecting);
    auto *smtp = new SmtpClient(this);
    m_smtp = smtp;
    m_smtpReady = false;
    // POP before SMTP servers authorise the exact address that logged in (unknown while
    // the first login is still under way: then the system chooses, checked at the login).
    smtp->setSettings(smtpSettingsFor(m_account, m_smtpPassword,
                                      m_account.popBeforeSmtp ? m_localAddress : QHostAddress(),
                                      m_options.timeouts));
    connect(smtp, &SmtpClient::transcript, this,
            [this](const QString &line) { Q_EMIT transcript(QStringLiteral("SMTP ") + line); });
    connect(smtp, &SmtpClient::ready, this, &Cycle::smtpReady);
    connect(smtp, &SmtpClient::messageProgress, this, [this](int, qint64 sent, qint64 total) {
        Q_EMIT sendProgress(m_done, m_total, sent, total);
    });
    connect(smtp, &SmtpClient::messageDataSent, this, &Cycle::onDataSent);
    connect(smtp, &SmtpClient::messageFinished, this, &Cycle::onMessageFinished);
    connect(smtp, &SmtpClient::sessionFinished, this, &Cycle::smtpSessionFinished);
    smtp->open();
}

void Cycle::smtpReady()
{
    m_smtpReady = true;
    m_result.serverMaxSize = m_smtp->capabilities().maxSize;
    m_result.serverAccepts8Bit = m_smtp->capabilities().eightBitMime;
    // Opened early (during Receive), or while waiting or logging in again: the Send step
    // continues with it when it comes.
    resumeSending();
}

void Cycle::onDataSent(int job)
{
    for (InFlight &f : m_inFlight) {
        if (f.job != job)
            continue;
        // On the disk before the bytes leave, which is when control returns to the event
        // loop: inside sendNext() its end flushes the journal once for the whole batch.
        // Unjournaled, the end of the data must not go out: the cycle stops first.
        StoreError error;
        if (!stored(m_outbox->markDataComplete(f.id, &error,
                                               m_batching ? OutboxStore::Flush::Later
                                                          : OutboxStore::Flush::Now),
                    f.id, error))
            return;
        f.dataWritten = true;
        m_dataToFlush = m_batching;
        return;
    }
}

void Cycle::smtpSessionFinished(const NetError &error)
{
    const bool wasReady = m_smtpReady;
    m_smtpReady = false;
    if (m_smtp) {
        m_smtp->disconnect(this);
        m_smtp->deleteLater();
        m_smtp = nullptr;
    }
    if (done())
        return;
    if (m_step == Step::Receive || m_step == Step::WaitAfterReceive)
        return; // a session opened early failed: the Send step opens one again
    // The client reports every message before the session's end; this is a safety net.
    while (!m_inFlight.empty()) {
        InFlight f = std::move(m_inFlight.front());
        m_inFlight.pop_front();
        m_inFlightBytes -= f.size;
        handleFailure(f.id,
                      error.isError()
                          ? error
                          : NetError::make(NetError::Network, tr("The connection was closed.")),
                      f.dataWritten);
        ++m_done;
    }
    // Logging in again or waiting for a late grant: sending resumes in a new session.
    if (m_step != Step::Send)
        return;
    if (error.isError() && (!wasReady || !m_queue.empty())) {
        pauseAccount(error);
        return;
    }
    if (!m_queue.empty() && !error.isError()) {
        openSmtp(); // the server ended a session with messages left (e.g. after QUIT)
        return;
    }
    advance(Step::Done);
}

bool Cycle::mayAddToBatch(const QDateTime &now)
{
    // Several messages go out at once (so PIPELINING and BDAT carry them in one round trip)
    // only when the relay has been proven since this login, within bounds on memory, and
    // when the messages in flight can all finish, at the pace seen so far, while the window
    // is still open: a window that would close mid-batch means logging in again first.
    constexpr int maxMessages = 64;
    constexpr qint64 maxBytes = 8 * 1024 * 1024;
    if (m_inFlight.empty()) {
        m_batchFull = false;
        return true;
    }
    // A full batch takes more once an eighth of it has been answered: the journal is
    // flushed once for each group added rather than for every reply, and the server still
    // has most of the batch waiting (waiting for half left it idle for a round trip).
    if (int(m_inFlight.size()) >= maxMessages || m_inFlightBytes >= maxBytes)
        m_batchFull = true;
    else if (int(m_inFlight.size()) <= maxMessages - maxMessages / 8 &&
             m_inFlightBytes <= maxBytes - maxBytes / 8)
        m_batchFull = false;
    if (m_batchFull)
        return false;
    return m_relay.mayBatch(now, int(m_inFlight.size()), m_paceMs);
}

void Cycle::sendNext()
{
    if (m_batching)
        return; // called back from inside the loop below
    m_batching = true;
    m_dataToFlush = false;
    sendBatch();
    m_batching = false;
    // One flush for the ends of data just journaled (and the messages recorded as sent
    // since the last one), before any of those bytes leave: they are in the socket's buffer
    // until control returns to the event loop.
    StoreError error;
    if (m_dataToFlush && !done() && !m_outbox->commit(&error))
        storeFailed(error);
}

void Cycle::sendBatch()
{
    while (m_step == Step::Send && m_smtp && m_smtp->state() == SmtpClient::Ready &&
           m_refused.isEmpty()) {
        if (m_queue.empty()) {
            // QUIT follows the last message at once (RFC 2920 allows it to end a group).
            m_smtp->quit();
            return;
        }
        const QDateTime now = m_clock->now();
        if (m_relay.needsLogin(now)) {
            if (!m_inFlight.empty())
                return; // once those are done
            Q_EMIT note(m_account.incoming == IncomingProtocol::Imap
                            ? tr("The relay window is about to close; logging in over IMAP again.")
                            : tr("The relay window is about to close; logging in over POP again."));
            advance(Step::LogInAgain);
            return;
        }
        if (!mayAddToBatch(now))
            return;

        const QString id = m_queue.front();
        const std::optional<OutboxEntry> entry = m_outbox->message(id);
        if (!entry ||
            (entry->state != OutboxState::Queued && entry->state != OutboxState::Deferred) ||
            m_outbox->isBeingEdited(id)) {
            m_queue.pop_front(); // deleted, changed or being corrected by the user meanwhile
            --m_total;
            continue;
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
        // 8-bit data to a server without 8BITMIME would arrive broken (RFC 6152): it is not
        // sent, and the user learns why.
        const bool eightBitRefused =
            entry->envelope.needs8BitMime && !m_smtp->capabilities().eightBitMime;
        if (!representable || eightBitRefused) {
            StoreError error;
            if (!stored(m_outbox->fail(id,
                                       eightBitRefused
                                           ? tr("This message holds 8-bit text, and the server "
                                                "does not accept 8-bit mail (no 8BITMIME). Send "
                                                "it again from a program that encodes it "
                                                "(quoted-printable or base64), or use a server "
                                                "that accepts it.")
                                           : tr("An address in this message has non-ASCII "
                                                "characters before the @, and the server does "
                                                "not accept such addresses (no SMTPUTF8)."),
                                       &error),
                        id, error))
                return;
            ++m_result.failed;
            m_queue.pop_front();
            ++m_done;
            Q_EMIT sendProgress(m_done, m_total, 0, 0);
            continue;
        }
        StoreError error;
        std::unique_ptr<QIODevice> body = m_outbox->openMessage(id, &error);
        OutboxStore::AttemptContext context;
        if (m_account.popBeforeSmtp && m_window->hasLogin())
            context.loginAt = m_window->lastLogin();
        context.smtpAuth = m_account.smtpAuth != SmtpAuth::None;
        if (!body || !stored(m_outbox->markSending(id, &error, context), id, error)) {
            if (!done())
                storeFailed(error);
            return;
        }
        message.body = body.get();
        message.eightBit = entry->envelope.needs8BitMime;
        message.smtpUtf8 = entry->envelope.needsSmtpUtf8 && utf8;
        m_queue.pop_front();
        if (m_inFlight.empty())
            m_lastFinish = now;
        InFlight f;
        f.job = m_smtp->nextId(); // its signals may come before send() returns
        f.id = id;
        f.size = body->size();
        f.body = std::move(body);
        m_inFlightBytes += f.size;
        m_inFlight.push_back(std::move(f));
        m_smtp->send(message);
    }
}

void Cycle::onMessageFinished(const SmtpResult &result)
{
    auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                           [&](const InFlight &f) { return f.job == result.id; });
    if (it == m_inFlight.end() || done())
        return;
    const QString id = it->id;
    m_inFlightBytes -= it->size;
    m_inFlight.erase(it);
    const QDateTime now = m_clock->now();
    if (m_lastFinish.isValid())
        m_paceMs = qMax(m_paceMs, m_lastFinish.msecsTo(now));
    m_lastFinish = now;
    QList<DeliveryAttempt::Recipient> replies;
    for (const SmtpRecipientResult &r : result.recipients)
        replies.append(
            {QString::fromUtf8(r.address),
             QString::fromUtf8(r.reply.raw.isEmpty() ? r.error.reply : r.reply.raw).trimmed(),
             r.accepted});
    m_outbox->recordReplies(
        id, replies, result.sent ? QString::fromUtf8(result.dataReply.raw).trimmed() : QString());

    if (result.sent) {
        QStringList refused;
        for (const SmtpRecipientResult &r : result.recipients) {
            if (!r.accepted)
                refused.append(QString::fromUtf8(r.address) + QStringLiteral(": ") +
                               QString::fromUtf8(r.reply.raw));
        }
        // Flushed with the next batch or at the end: a crash before that leaves the message
        // "may have been sent", never sent twice.
        const std::optional<OutboxEntry> before = m_outbox->message(id);
        StoreError error;
        m_relay.relayed(now);
        if (!m_outbox->markSent(id, refused, &error, OutboxStore::Flush::Later)) {
            // The server took it, but that is not on the disk: "may have been sent", as the
            // next start will say too. Never sent again on its own. (Counted before the
            // failure ends the cycle and reports.)
            ++m_result.mayHaveBeenSent;
            stored(false, id, error);
            return;
        }
        ++m_result.sent;
        if (before && before->attempts > 1)
            m_result.sentAfterRetrying.append(id);
        messageDone();
    } else if (result.error.kind == NetError::RelayDenied && m_account.popBeforeSmtp) {
        // A relay refusal comes at RCPT: no recipient took the message, even when (with BDAT
        // and PIPELINING) its data had already gone out behind the envelope. Messages behind
        // it in the same batch are likely refused too: recover once they have all finished.
        if (m_refused.isEmpty())
            m_refusedError = result.error;
        m_refused.append(id);
        StoreError error;
        if (!stored(m_outbox->defer(id, now, describe(result.error), &error), id, error))
            return; // honest on disk while waiting, or the cycle stops
    } else {
        // The server can only have taken the message if it accepted a recipient and the
        // whole data went out; with BDAT the data may go out before the envelope is answered.
        handleFailure(id, result.error, result.dataWritten && result.anyRecipientAccepted());
        messageDone();
    }
    if (done() || !m_inFlight.empty() || m_refused.isEmpty())
        return;
    // Every message in flight has finished: put the refused ones back, in order, and recover.
    for (qsizetype i = m_refused.size() - 1; i >= 0; --i)
        m_queue.push_front(m_refused.at(i));
    m_refused.clear();
    handleRelayRefusal(m_queue.front(), m_refusedError);
}

void Cycle::messageDone()
{
    ++m_done;
    m_relay.messageSettled();
    Q_EMIT sendProgress(m_done, m_total, 0, 0);
    if (m_refused.isEmpty())
        sendNext();
}

void Cycle::handleRelayRefusal(const QString &id, const NetError &error)
{
    const RelayPolicy::Refusal decision = m_relay.refused(m_clock->now());
    if (decision.learnedShorterWindow)
        Q_EMIT note(tr("The server stopped relaying %n second(s) after the POP login; Outpost "
                       "will log in again sooner from now on.",
                       nullptr, decision.secondsAfterLogin));
    // Honest on disk while Outpost waits: due again at once, not "sending".
    StoreError storeError;
    if (!stored(m_outbox->defer(id, m_clock->now(), describe(error), &storeError), id, storeError))
        return;

    switch (decision.action) {
    case RelayPolicy::Refusal::WaitThenRetry:
        Q_EMIT note(tr("Relaying refused right after the login; trying again in %n second(s).",
                       nullptr, qMax(1, decision.delayMs / 1000)));
        m_waitMs = decision.delayMs;
        advance(Step::WaitForRelay);
        return;
    case RelayPolicy::Refusal::LogInAgain:
        Q_EMIT note(m_account.incoming == IncomingProtocol::Imap
                        ? tr("Relaying refused; logging in over IMAP again.")
                        : tr("Relaying refused; logging in over POP again."));
        advance(Step::LogInAgain);
        return;
    case RelayPolicy::Refusal::GiveUp:
        break;
    }
    // Refused again right after a fresh login: the window is not what stops it.
    const QString words =
        tr("The server refused to relay even right after a POP login. Check the outgoing "
           "server name, that \"POP before SMTP\" is what this provider uses (it may need SMTP "
           "AUTH instead), and the POP user name. The server said: %1")
            .arg(QString::fromUtf8(error.reply.trimmed()));
    if (!stored(m_outbox->fail(id, words, &storeError), id, storeError))
        return;
    ++m_result.failed;
    m_queue.pop_front();
    ++m_done;
    NetError paused = error;
    paused.message = words;
    pauseAccount(paused);
}

void Cycle::handleFailure(const QString &id, const NetError &error, bool dataWritten)
{
    StoreError storeError;
    const bool noReply = error.kind == NetError::Network || error.kind == NetError::Timeout ||
                         error.kind == NetError::ConnectTimeout;
    if (dataWritten && noReply) {
        // The whole message went out; only the server's answer is missing. Sending it again
        // could deliver it twice, so the user decides.
        if (stored(m_outbox->markMayHaveBeenSent(id, describe(error), &storeError), id, storeError))
            ++m_result.mayHaveBeenSent;
        return;
    }
    if (error.isTransient()) {
        const std::optional<OutboxEntry> entry = m_outbox->message(id);
        const QDateTime now = m_clock->now();
        if (entry && RetryPolicy::shouldGiveUp(entry->queuedAt, now, m_account.giveUpAfterHours)) {
            if (stored(m_outbox->fail(id,
                                      tr("Outpost gave up after trying for %n hour(s). The last "
                                         "reply was: %1",
                                         nullptr, m_account.giveUpAfterHours)
                                          .arg(describe(error)),
                                      &storeError),
                       id, storeError))
                ++m_result.failed;
            return;
        }
        const int attempts = entry ? entry->attempts : 1;
        if (stored(m_outbox->defer(id, now.addMSecs(RetryPolicy::backoffMs(attempts)),
                                   describe(error), &storeError),
                   id, storeError))
            ++m_result.deferred;
        return;
    }
    if (stored(m_outbox->fail(id, describe(error), &storeError), id, storeError))
        ++m_result.failed;
}

bool Cycle::stored(bool ok, const QString &id, const StoreError &error)
{
    if (ok)
        return true;
    // Memory takes what the journal says (what the next start would recover to), so the
    // message is never left "sending" in memory: it can be looked at and deleted.
    m_outbox->settleUnrecorded(id);
    if (!done())
        storeFailed(error);
    return false;
}

void Cycle::storeFailed(const StoreError &error)
{
    if (!m_result.storeError.isError())
        m_result.storeError = error;
    m_result.waiting = int(m_queue.size() + m_inFlight.size());
    failInFlight(tr("Sending was interrupted."));
    dropSmtp();
    advance(Step::Done);
}

void Cycle::failInFlight(const QString &why)
{
    // Moved out first: a failure below may come back here through stored().
    std::deque<InFlight> inFlight = std::move(m_inFlight);
    m_inFlight.clear();
    m_inFlightBytes = 0;
    for (const InFlight &f : inFlight) {
        StoreError error;
        const bool ok =
            f.dataWritten
                ? m_outbox->markMayHaveBeenSent(f.id,
                                                tr("Sending was interrupted after the whole "
                                                   "message had gone out, before the server "
                                                   "confirmed it."),
                                                &error)
                : m_outbox->defer(f.id, m_clock->now(), why, &error);
        if (!ok) {
            m_outbox->settleUnrecorded(f.id);
            if (!m_result.storeError.isError())
                m_result.storeError = error;
        }
    }
}

void Cycle::pauseAccount(const NetError &error)
{
    m_result.accountError = error;
    m_result.accountErrorOnSend = m_step != Step::Receive && m_step != Step::LogInAgain;
    if (m_queue.empty() && m_total == 0)
        m_result.waiting = m_outbox->countDue(m_clock->now());
    else
        m_result.waiting = int(m_queue.size());
    advance(Step::Done);
}

void Cycle::finish()
{
    // Reached only through advance(Step::Done), once.
    if (m_timer) {
        m_clock->cancel(m_timer);
        m_timer = 0;
    }
    dropReceive();
    if (m_smtp) {
        m_smtp->disconnect(this);
        if (m_smtp->state() == SmtpClient::Ready)
            m_smtp->quit();
        else
            m_smtp->abort();
        m_smtp->deleteLater();
    }
    StoreError error;
    if (!m_outbox->commit(&error) && !m_result.storeError.isError())
        m_result.storeError = error;
    setPhase(Phase::Done);
    Q_EMIT finished(m_result);
}

void Cycle::abort()
{
    if (done())
        return;
    failInFlight(tr("Sending was interrupted."));
    advance(Step::Done);
}

QString Cycle::describe(const NetError &error) const
{
    const QByteArray reply = error.reply.trimmed();
    if (reply.isEmpty())
        return error.message;
    return error.message + QLatin1Char('\n') + QString::fromUtf8(reply);
}

} // namespace Outpost
