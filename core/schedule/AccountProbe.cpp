#include "AccountProbe.h"

#include "Clock.h"

namespace Outpost {
namespace {

const QByteArray probeRecipient = "postmaster@example.com";

ProbeReport::Relay relayOf(const SmtpProbeResult &r)
{
    if (r.relayAllowed)
        return ProbeReport::Relay::Allowed;
    return r.error.kind == NetError::RelayDenied ? ProbeReport::Relay::Refused
                                                 : ProbeReport::Relay::Failed;
}

// The verdict is shown as one paragraph: each line must end as a sentence, also when it ends
// with words from elsewhere (a server's reply, a certificate's reasons).
QStringList endSentences(QStringList lines)
{
    for (QString &line : lines) {
        line = line.trimmed();
        if (!line.isEmpty() && !QStringLiteral(".!?\u3002\uff01\uff1f").contains(line.back()))
            line += QLatin1Char('.');
    }
    return lines;
}

} // namespace

QStringList ProbeReport::verdict() const
{
    // Three parts: what endangers the password (first: it matters more than the relay), the
    // verdict on receiving and sending, and notes.
    QStringList security;
    QStringList lines;
    QStringList notes;
    const bool imap = incoming == IncomingProtocol::Imap;
    auto certificateProblem = [](const NetError &e) {
        return e.kind == NetError::Tls && !e.certificate.isNull();
    };
    for (const NetError *e : {&smtpError, &popError}) {
        if (certificateProblem(*e)) {
            security << AccountProbe::tr("The certificate is not trusted: %1 (issued by %2, "
                                         "SHA-256 %3). %4")
                            .arg(e->certificate.subject, e->certificate.issuer,
                                 QString::fromLatin1(e->certificate.sha256),
                                 endSentences(e->certificate.reasons).join(QLatin1Char(' ')));
            break;
        }
    }
    if (popStartTlsAvailable)
        security << (popPasswordInClear
                         ? AccountProbe::tr("The incoming server offers encryption (STARTTLS), "
                                            "but this account does not use it, so your password "
                                            "was sent unencrypted. Switch the incoming server's "
                                            "security to STARTTLS.")
                         : AccountProbe::tr("The incoming server offers encryption (STARTTLS), "
                                            "but this account does not use it. Switch the "
                                            "incoming server's security to STARTTLS to protect "
                                            "your password and mail."));
    if (smtpStartTlsAvailable) {
        if (smtpPasswordInClear)
            security << AccountProbe::tr("The outgoing server offers encryption (STARTTLS), but "
                                         "this account does not use it, so your password was "
                                         "sent unencrypted. Switch the outgoing server's "
                                         "security to STARTTLS.");
        else if (smtpUsesPassword)
            security << AccountProbe::tr("The outgoing server offers encryption (STARTTLS), but "
                                         "this account does not use it. Switch the outgoing "
                                         "server's security to STARTTLS to protect your "
                                         "password and mail.");
        else
            security << AccountProbe::tr("The outgoing server offers encryption (STARTTLS), but "
                                         "this account does not use it. Switch the outgoing "
                                         "server's security to STARTTLS to protect your mail.");
    }
    if (popNoEncryption && popPasswordInClear)
        security << AccountProbe::tr("The incoming server offers no encryption, and your "
                                     "password is sent unencrypted because you allowed it: "
                                     "anyone on the network between you and the server can read "
                                     "it. Ask your provider whether it offers %1 over TLS "
                                     "(usually port %2).")
                        .arg(imap ? QStringLiteral("IMAP") : QStringLiteral("POP3"))
                        .arg(imap ? 993 : 995);
    else if (popNoEncryption && popLoginMethod == "APOP")
        notes << AccountProbe::tr("The incoming server offers no encryption. Outpost logs in "
                                  "with APOP, which does not send the password itself, but "
                                  "your mail travels unencrypted.");
    if (smtpNoEncryption && smtpPasswordInClear)
        security << AccountProbe::tr("The outgoing server offers no encryption, and your "
                                     "password is sent unencrypted because you allowed it: "
                                     "anyone on the network between you and the server can read "
                                     "it. Ask your provider whether it offers SMTP over TLS "
                                     "(usually port 465, or 587 with STARTTLS).");
    else if (smtpNoEncryption && smtpAuthMechanism == "CRAM-MD5")
        notes << AccountProbe::tr("The outgoing server offers no encryption. Outpost logs in "
                                  "with CRAM-MD5, which does not send the password itself, but "
                                  "your mail travels unencrypted.");

    // A login refused for safety is explained above when encryption is on offer.
    if (!popOk && popError.kind == NetError::InsecureLogin && popStartTlsAvailable)
        lines << AccountProbe::tr("Receiving (%1) does not work until then: Outpost did not "
                                  "send your password unencrypted.")
                     .arg(imap ? QStringLiteral("IMAP") : QStringLiteral("POP3"));
    else if (!popOk)
        lines << AccountProbe::tr("Receiving (%1) does not work: %2")
                     .arg(imap ? QStringLiteral("IMAP") : QStringLiteral("POP3"), popError.message);
    else
        lines << AccountProbe::tr("%1 login works (%2%3).")
                     .arg(imap ? QStringLiteral("IMAP") : QStringLiteral("POP3"),
                          QString::fromLatin1(popLoginMethod),
                          popEncrypted ? AccountProbe::tr(", encrypted") : QString());
    if (!smtpOk) {
        if (smtpError.kind == NetError::InsecureLogin && smtpStartTlsAvailable)
            lines << AccountProbe::tr("Sending (SMTP) does not work until then: Outpost did not "
                                      "send your password unencrypted.");
        else
            lines << AccountProbe::tr("Sending (SMTP) does not work: %1").arg(smtpError.message);
        return endSentences(security + lines + notes);
    }
    if (!smtpAuthMechanism.isEmpty())
        lines << AccountProbe::tr("SMTP AUTH works (%1).")
                     .arg(QString::fromLatin1(smtpAuthMechanism));
    if (needsPopBeforeSmtp())
        lines.prepend(imap ? AccountProbe::tr("This server sends mail only after a login to the "
                                              "incoming server (POP or IMAP before SMTP); Outpost "
                                              "will log in over IMAP before sending.")
                           : AccountProbe::tr("This server needs POP before SMTP; Outpost will "
                                              "log in over POP before sending."));
    else if (relayBeforeLogin == Relay::Allowed && earlierLoginMayCount)
        lines << (imap ? AccountProbe::tr("The server relayed without a new IMAP login, but an "
                                          "earlier login may still have been counting. Outpost "
                                          "logs in before sending anyway.")
                       : AccountProbe::tr("The server relayed without a new POP login, but an "
                                          "earlier login may still have been counting. Outpost "
                                          "logs in before sending anyway."));
    else if (relayBeforeLogin == Relay::Allowed)
        lines << (imap ? AccountProbe::tr("The server relays your mail without an IMAP login.")
                       : AccountProbe::tr("The server relays your mail without a POP login."));
    else if (relayAfterLogin == Relay::Refused)
        lines.prepend((imap ? AccountProbe::tr("The server refuses to relay even after an IMAP "
                                               "login. Check the outgoing server and whether it "
                                               "needs SMTP AUTH instead. It said: %1")
                            : AccountProbe::tr("The server refuses to relay even after a POP "
                                               "login. Check the outgoing server and whether it "
                                               "needs SMTP AUTH instead. It said: %1"))
                          .arg(QString::fromUtf8(relayReply)));
    if (windowMeasured) {
        if (windowClosedSeconds > 0)
            lines << AccountProbe::tr("The relay window lasts between %1 and %2 seconds after a "
                                      "login.")
                         .arg(windowOpenSeconds)
                         .arg(windowClosedSeconds);
        else
            lines << AccountProbe::tr("The relay window stayed open for the whole measurement "
                                      "(%1 seconds).")
                         .arg(windowOpenSeconds);
    }
    if (sizeLimit > 0)
        lines << AccountProbe::tr("The largest message the server accepts is %1 MB.")
                     .arg(QString::number(double(sizeLimit) / (1024 * 1024), 'f', 1));
    return endSentences(security + lines + notes);
}

AccountProbe::AccountProbe(const Account &account, const QString &popPassword,
                           const QString &smtpPassword, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_popPassword(popPassword)
    , m_smtpPassword(smtpPassword)
    , m_clock(clock)
{
    qRegisterMetaType<ProbeReport>();
}

void AccountProbe::setMeasureWindow(bool on, int intervalSeconds, int limitSeconds)
{
    m_measure = on;
    m_intervalSeconds = qMax(1, intervalSeconds);
    m_limitSeconds = qMax(m_intervalSeconds, limitSeconds);
}

SmtpClient *AccountProbe::newSmtp()
{
    auto *smtp = new SmtpClient(this);
    smtp->setSettings(smtpSettingsFor(m_account, m_smtpPassword, m_localAddress, m_timeouts));
    connect(smtp, &SmtpClient::transcript, this,
            [this](const QString &line) { Q_EMIT transcript(QStringLiteral("SMTP ") + line); });
    return smtp;
}

void AccountProbe::start()
{
    m_report.incoming = m_account.incoming;
    m_report.smtpUsesPassword = m_account.smtpAuth != SmtpAuth::None;
    smtpPhase();
}

void AccountProbe::smtpPhase()
{
    Q_EMIT step(tr("Connecting to the outgoing server %1:%2…")
                    .arg(m_account.smtpHost)
                    .arg(m_account.smtpPort));
    SmtpClient *smtp = newSmtp();
    m_smtp = smtp;
    connect(smtp, &SmtpClient::ready, this, [this, smtp] {
        const SmtpCapabilities &caps = smtp->capabilities();
        m_report.smtpOk = true;
        m_report.smtpEncrypted = smtp->isEncrypted();
        m_report.smtpAuthMechanism = smtp->authMechanism();
        m_report.smtpAuthOffered = caps.authMechanisms;
        m_report.smtpStartTlsOffered = caps.startTls || smtp->isEncrypted();
        m_report.pipelining = caps.pipelining;
        m_report.smtpUtf8 = caps.smtpUtf8;
        m_report.sizeLimit = caps.maxSize;
        noteSmtpSecurity(smtp);
        Q_EMIT step(tr("Checking whether the server relays before logging in to the incoming "
                       "server…"));
        smtp->probeRelay(m_account.address.toUtf8(), probeRecipient);
    });
    connect(smtp, &SmtpClient::relayProbeFinished, this, [this](const SmtpProbeResult &r) {
        m_report.relayBeforeLogin = relayOf(r);
        if (m_report.relayBeforeLogin == ProbeReport::Relay::Refused)
            m_report.relayReply = r.rcptReply.raw;
        m_smtp->quit();
    });
    connect(smtp, &SmtpClient::sessionFinished, this, [this, smtp](const NetError &error) {
        smtp->deleteLater();
        if (error.isError() && !m_report.smtpOk) {
            m_report.smtpError = error;
            noteSmtpSecurity(smtp);
        }
        popPhase();
    });
    smtp->open();
}

void AccountProbe::noteSmtpSecurity(const SmtpClient *smtp)
{
    if (m_account.smtpSecurity != Security::None || smtp->isEncrypted())
        return;
    const QByteArray mechanism = smtp->authMechanism(); // set once AUTH was sent
    const bool reachedAuth = m_report.smtpOk || !mechanism.isEmpty() ||
                             m_report.smtpError.kind == NetError::InsecureLogin;
    if (!reachedAuth)
        return;
    const bool offered = smtp->capabilities().startTls;
    m_report.smtpStartTlsAvailable = offered;
    // Without a password there is nothing to protect but the mail itself; say so only when
    // a password is involved.
    m_report.smtpNoEncryption = !offered && m_report.smtpUsesPassword;
    // Readable on the wire whether or not the server then accepted it.
    m_report.smtpPasswordInClear = !mechanism.isEmpty() && mechanism != "CRAM-MD5";
    if (!m_report.smtpOk)
        m_report.smtpAuthMechanism = mechanism;
}

void AccountProbe::popPhase()
{
    if (m_account.incoming == IncomingProtocol::Imap) {
        imapPhase();
        return;
    }
    Q_EMIT step(tr("Logging in to the incoming server %1:%2…")
                    .arg(m_account.popHost)
                    .arg(m_account.popPort));
    auto *pop = new Pop3Client(this);
    m_pop = pop;
    pop->setSettings(pop3SettingsFor(m_account, m_popPassword, m_timeouts));
    connect(pop, &Pop3Client::transcript, this,
            [this](const QString &line) { Q_EMIT transcript(QStringLiteral("POP3 ") + line); });
    connect(pop, &Pop3Client::loggedIn, this, [this, pop] {
        m_report.popOk = true;
        m_report.popLoginMethod = pop->loginMethod();
        m_report.popEncrypted = pop->isEncrypted();
        m_report.popCapabilities = pop->capabilities();
        m_localAddress = pop->localAddress();
        m_loginAt = m_clock->now();
    });
    connect(pop, &Pop3Client::finished, this, [this, pop](const NetError &error) {
        pop->deleteLater();
        incomingFinished(error, pop->capabilities(), "STLS", pop->loginMethod());
    });
    pop->stat();
    pop->quit();
    pop->open();
}

void AccountProbe::imapPhase()
{
    Q_EMIT step(tr("Logging in to the incoming server %1:%2…")
                    .arg(m_account.popHost)
                    .arg(m_account.popPort));
    auto *imap = new ImapClient(this);
    m_imap = imap;
    imap->setSettings(imapSettingsFrom(pop3SettingsFor(m_account, m_popPassword, m_timeouts)));
    connect(imap, &ImapClient::transcript, this,
            [this](const QString &line) { Q_EMIT transcript(QStringLiteral("IMAP ") + line); });
    connect(imap, &ImapClient::loggedIn, this, [this, imap] {
        m_report.popOk = true;
        m_report.popLoginMethod = imap->loginMethod();
        m_report.popEncrypted = imap->isEncrypted();
        m_report.popCapabilities = imap->capabilities();
        m_localAddress = imap->localAddress();
        m_loginAt = m_clock->now();
    });
    connect(imap, &ImapClient::finished, this, [this, imap](const NetError &error) {
        imap->deleteLater();
        incomingFinished(error, imap->capabilities(), "STARTTLS", imap->loginMethod());
    });
    imap->authenticateOnly();
}

void AccountProbe::incomingFinished(const NetError &error, const QByteArrayList &capabilities,
                                    const QByteArray &startTls, const QByteArray &method)
{
    // What the server offered is known once its capabilities were read, also when the
    // login was refused (or not even tried, because the password would go out readable).
    const bool reachedLogin = !method.isEmpty() || error.kind == NetError::InsecureLogin;
    if (m_account.popSecurity == Security::None && reachedLogin) {
        const bool offered = capabilities.contains(startTls);
        m_report.popStartTlsAvailable = offered;
        m_report.popNoEncryption = !offered;
        // Readable on the wire whether or not the server then accepted it (APOP sends a
        // digest; a PREAUTH session sends nothing).
        m_report.popPasswordInClear = !method.isEmpty() && method != "APOP" && method != "PREAUTH";
        if (!m_report.popOk)
            m_report.popLoginMethod = method;
    }
    if (!m_report.popOk) {
        m_report.popError = error;
        done();
        return;
    }
    if (!m_report.smtpOk) {
        done();
        return;
    }
    relayAfterLogin();
}

void AccountProbe::relayAfterLogin()
{
    Q_EMIT step(tr("Checking whether the server relays after the login…"));
    SmtpClient *smtp = newSmtp();
    m_smtp = smtp;
    connect(smtp, &SmtpClient::ready, this,
            [smtp, this] { smtp->probeRelay(m_account.address.toUtf8(), probeRecipient); });
    connect(smtp, &SmtpClient::relayProbeFinished, this, [this, smtp](const SmtpProbeResult &r) {
        const ProbeReport::Relay relay = relayOf(r);
        const int age = int(m_loginAt.secsTo(m_clock->now()));
        if (m_report.relayAfterLogin == ProbeReport::Relay::NotTried) {
            m_report.relayAfterLogin = relay;
            if (relay == ProbeReport::Relay::Refused)
                m_report.relayReply = r.rcptReply.raw;
        } else if (relay == ProbeReport::Relay::Allowed) {
            m_report.windowOpenSeconds = age;
        } else {
            m_report.windowClosedSeconds = age;
        }
        smtp->quit();
    });
    connect(smtp, &SmtpClient::sessionFinished, this, [this, smtp](const NetError &) {
        smtp->deleteLater();
        const bool measuring =
            m_measure && m_report.relayAfterLogin == ProbeReport::Relay::Allowed &&
            m_report.windowClosedSeconds == 0 && m_loginAt.secsTo(m_clock->now()) < m_limitSeconds;
        if (measuring) {
            m_report.windowMeasured = true;
            measureNext();
            return;
        }
        done();
    });
    smtp->open();
}

void AccountProbe::measureNext()
{
    Q_EMIT step(tr("Measuring the relay window: still open after %1 seconds; checking again in "
                   "%2 seconds…")
                    .arg(m_report.windowOpenSeconds)
                    .arg(m_intervalSeconds));
    m_timer = m_clock->callAfter(qint64(m_intervalSeconds) * 1000, this, [this] {
        m_timer = 0;
        relayAfterLogin();
    });
}

void AccountProbe::done()
{
    if (m_finished)
        return;
    m_finished = true;
    // An earlier cycle's login can keep the window open: then "before" proves nothing.
    m_report.earlierLoginMayCount =
        m_report.relayBeforeLogin == ProbeReport::Relay::Allowed && m_account.popBeforeSmtp;
    Q_EMIT finished(m_report);
}

void AccountProbe::abort()
{
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = 0;
    if (m_smtp)
        m_smtp->abort();
    if (m_pop)
        m_pop->abort();
    if (m_imap)
        m_imap->abort();
    done();
}

} // namespace Outpost
