#include "RelayService.h"

#include "Profile.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"
#include "usecases/CycleReport.h"

#include "store/DurableIo.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QUuid>

namespace Outpost {

namespace {

// ASCII only: the reply goes into an SMTP line (RFC 5321 section 4.2).
QByteArray asciiOr(const QString &text, const QByteArray &fallback)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return fallback;
    return text.toLatin1();
}

} // namespace

RelayService::RelayService(const Profile &profile, Scheduler *scheduler,
                           CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_profileDirectory(profile.directory())
    , m_scheduler(scheduler)
    , m_credentials(credentials)
    , m_server(this)
    , m_reports(scheduler)
{
    connect(&m_reports, &DeliveryReports::reported, this, &RelayService::reported);
    connect(&m_server, &RelayServer::transcript, this, &RelayService::transcript);
    connect(&m_server, &RelayServer::queued, this, &RelayService::queued);
}

RelayService::~RelayService() = default;

bool RelayService::loadSettings(QString *error)
{
    const bool ok = RelaySettings::load(m_profileDirectory, &m_settings, error);
    m_reports.setSendToSender(m_settings.reportToSender);
    return ok;
}

bool RelayService::saveSettings(const RelaySettings &settings, QString *error)
{
    RelaySettings next = settings;
    if (next.passwordKey.isEmpty())
        next.passwordKey = m_settings.passwordKey;
    if (!next.save(m_profileDirectory, error))
        return false;
    const bool changed = !(next == m_settings);
    m_settings = next;
    m_reports.setSendToSender(m_settings.reportToSender);
    if (changed && m_serving)
        restart();
    return true;
}

QString RelayService::passwordKey()
{
    if (m_settings.passwordKey.isEmpty()) {
        m_settings.passwordKey =
            QStringLiteral("relay-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString ignored; // kept in memory; saved with the next change or start
        (void)m_settings.save(m_profileDirectory, &ignored);
    }
    return m_settings.passwordKey;
}

QString RelayService::makePassword()
{
    // No 0/O, 1/l/I: people copy it by hand into scanners and old programs.
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const int size = int(sizeof(alphabet) - 1);
    QString out;
    for (int i = 0; i < 20; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(size)]);
    return out;
}

void RelayService::start()
{
    m_serving = true;
    restart();
}

void RelayService::restart()
{
    const int generation = ++m_generation;
    m_server.close();
    m_problem.clear();
    if (!m_settings.enabled) {
        Q_EMIT started(false);
        return;
    }
    QPointer<RelayService> self(this);
    readPassword(this, [this, self, generation](const CredentialResult &result) {
        if (!self || generation != m_generation)
            return;
        if (result.ok()) {
            m_password = result.password.toUtf8();
            listenNow();
            return;
        }
        if (result.error != CredentialError::NotFound) {
            m_problem = tr("The relay is off because its password cannot be read from the "
                           "keychain: %1")
                            .arg(result.message);
            Q_EMIT started(false);
            return;
        }
        // First start: the profile gets its relay password.
        generatePassword(this, [this, self, generation](const CredentialResult &made) {
            if (!self || generation != m_generation)
                return;
            if (!made.ok()) {
                m_problem = tr("The relay is off because its password cannot be stored in "
                               "the keychain: %1")
                                .arg(made.message);
                Q_EMIT started(false);
                return;
            }
            listenNow();
        });
    });
}

void RelayService::listenNow()
{
    if (!m_settings.listensOnNetwork()) {
        listenWith(RelayCertificate());
        return;
    }
    const int generation = m_generation;
    QPointer<RelayService> self(this);
    withCertificate(generation, [this, self, generation](const RelayCertificate &certificate) {
        if (self && generation == m_generation)
            listenWith(certificate);
    });
}

void RelayService::listenWith(const RelayCertificate &certificate)
{
    RelayLimits limits = m_server.limits();
    limits.requireAuth = !m_settings.allowUnauthenticated;
    m_server.setLimits(limits);
    QSslConfiguration tls;
    QList<QHostAddress> addresses;
    m_fingerprint.clear();
    if (!certificate.isNull()) {
        tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate.certificate);
        tls.setPrivateKey(certificate.key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients sign in with the password
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        addresses = m_settings.listenAddresses();
        m_fingerprint = RelayCertificate::fingerprint(certificate.certificate);
    }
    // Without its certificate the relay still serves this computer (m_problem says why not
    // the network).
    m_server.setTls(tls);
    QString error;
    if (!m_server.listen(m_settings.port, addresses, &error)) {
        m_problem = error;
        Q_EMIT started(false);
        return;
    }
    if (!certificate.isNull() && !m_server.skipped().isEmpty())
        m_problem =
            tr("The relay serves this computer, but not the network: %1").arg(m_server.skipped());
    Q_EMIT started(true);
}

void RelayService::withCertificate(int generation,
                                   std::function<void(const RelayCertificate &)> done)
{
    const QString path = RelayCertificate::fileName(m_profileDirectory);
    QFile file(path);
    const QSslCertificate stored = file.open(QIODevice::ReadOnly)
                                       ? QSslCertificate(file.readAll(), QSsl::Pem)
                                       : QSslCertificate();
    QPointer<RelayService> self(this);
    const auto make = [this, self, generation, path, done] {
        if (!self || generation != m_generation)
            return;
        QString error;
        const std::optional<RelayCertificate> made = RelayCertificate::generate(
            QSysInfo::machineHostName(), {QHostAddress(m_settings.listenAddress)}, &error);
        if (!made) {
            m_problem = error;
            done(RelayCertificate());
            return;
        }
        const RelayCertificate certificate = *made;
        CredentialJob *job =
            m_credentials->write(passwordKey(), CredentialStore::Server::RelayTlsKey,
                                 QString::fromLatin1(certificate.key.toPem()));
        connect(job, &CredentialJob::finished, this,
                [this, self, generation, path, done, certificate](const CredentialResult &r) {
                    if (!self || generation != m_generation)
                        return;
                    QString detail;
                    if (!r.ok()) {
                        m_problem = tr("The relay does not listen on the network because the "
                                       "key of its certificate cannot be stored in the "
                                       "keychain: %1")
                                        .arg(r.message);
                        done(RelayCertificate());
                        return;
                    }
                    if (!DurableIo::writeAtomically(path, certificate.certificate.toPem(), &detail,
                                                    nullptr)) {
                        m_problem = tr("The relay does not listen on the network because its "
                                       "certificate cannot be saved in %1: %2")
                                        .arg(QDir::toNativeSeparators(path), detail);
                        done(RelayCertificate());
                        return;
                    }
                    done(certificate);
                });
    };
    if (stored.isNull()) {
        make();
        return;
    }
    CredentialJob *job = m_credentials->read(passwordKey(), CredentialStore::Server::RelayTlsKey);
    connect(job, &CredentialJob::finished, this,
            [this, self, generation, stored, make, done](const CredentialResult &r) {
                if (!self || generation != m_generation)
                    return;
                RelayCertificate certificate{
                    stored, QSslKey(r.password.toLatin1(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey)};
                if (r.ok() && !certificate.key.isNull()) {
                    done(certificate);
                    return;
                }
                if (r.ok() || r.error == CredentialError::NotFound) {
                    make(); // the key is gone (or damaged): a new pair, a new fingerprint
                    return;
                }
                m_problem = tr("The relay does not listen on the network because the key of "
                               "its certificate cannot be read from the keychain: %1")
                                .arg(r.message);
                done(RelayCertificate());
            });
}

QString RelayService::certificateFingerprint() const
{
    return m_fingerprint.isEmpty() ? storedFingerprint(m_profileDirectory) : m_fingerprint;
}

QString RelayService::storedFingerprint(const QString &profileDirectory)
{
    QFile file(RelayCertificate::fileName(profileDirectory));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QSslCertificate certificate(file.readAll(), QSsl::Pem);
    return certificate.isNull() ? QString() : RelayCertificate::fingerprint(certificate);
}

void RelayService::stop()
{
    m_serving = false;
    ++m_generation;
    m_server.close();
    m_password.clear();
    m_problem.clear();
}

void RelayService::readPassword(QObject *context,
                                std::function<void(const CredentialResult &)> done)
{
    CredentialJob *job = m_credentials->read(passwordKey(), CredentialStore::Server::Relay);
    connect(job, &CredentialJob::finished, context, std::move(done));
}

void RelayService::generatePassword(QObject *context,
                                    std::function<void(const CredentialResult &)> done)
{
    setPassword(makePassword(), context, std::move(done));
}

void RelayService::setPassword(const QString &password, QObject *context,
                               std::function<void(const CredentialResult &)> done)
{
    CredentialJob *job =
        m_credentials->write(passwordKey(), CredentialStore::Server::Relay, password);
    QPointer<RelayService> self(this);
    connect(job, &CredentialJob::finished, context,
            [self, password, done = std::move(done)](const CredentialResult &result) {
                CredentialResult out = result;
                if (result.ok()) {
                    out.password = password;
                    if (self)
                        self->m_password = password.toUtf8();
                }
                done(out);
            });
}

QString RelayService::accountForUser(const QString &user) const
{
    const QString wanted = user.trimmed();
    if (wanted.isEmpty())
        return {};
    for (const Account &account : m_scheduler->accounts())
        if (account.name.compare(wanted, Qt::CaseInsensitive) == 0 ||
            account.address.compare(wanted, Qt::CaseInsensitive) == 0 || account.id == wanted)
            return account.id;
    return {};
}

QString RelayService::accountForSender(const QString &sender) const
{
    if (sender.isEmpty())
        return {};
    for (const Account &account : m_scheduler->accounts())
        if (account.address.compare(sender, Qt::CaseInsensitive) == 0)
            return account.id;
    return {};
}

bool RelayService::checkPassword(const QByteArray &password) const
{
    if (m_password.isEmpty() || password.size() != m_password.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < password.size(); ++i)
        diff |= static_cast<unsigned char>(password.at(i) ^ m_password.at(i));
    return diff == 0;
}

void RelayService::queue(const Submission &submission,
                         std::function<void(const Outcome &outcome)> done)
{
    OutboxStore *outbox = m_scheduler->outbox(submission.accountId);
    if (!outbox || !m_scheduler->account(submission.accountId)) {
        done({{}, "451 4.3.0 The account was just removed from Outpost; try again"});
        return;
    }
    Envelope smtp;
    smtp.sender = submission.sender;
    smtp.recipients = submission.recipients;
    smtp.needsSmtpUtf8 = submission.needsSmtpUtf8;
    smtp.origin = submission.clientName;
    // The flushes run on a worker thread: the window and the other clients go on meanwhile.
    QPointer<RelayService> self(this);
    const QString accountId = submission.accountId;
    OutboxStore::QueueOptions options;
    options.notBefore = submission.notBefore;
    const bool planned = submission.notBefore.isValid();
    outbox->queueSubmissionInBackground(
        submission.data, smtp,
        [self, accountId, planned, done = std::move(done)](const std::optional<QString> &id,
                                                           const StoreError &error) {
            if (!id) {
                switch (error.kind) {
                case StoreError::Kind::InvalidMessage:
                    done({{},
                          "554 5.6.0 " + asciiOr(error.message,
                                                 "Outpost cannot send this message as "
                                                 "it is; its protocol log says why")});
                    return;
                case StoreError::Kind::DiskFull:
                    done({{}, "452 4.3.1 The disk is full: Outpost cannot keep the message"});
                    return;
                default:
                    done({{},
                          "451 4.3.0 Outpost could not write the message to the disk; try "
                          "again"});
                    return;
                }
            }
            if (self && !planned) { // a planned one wakes its account when due
                const Account *account = self->m_scheduler->account(accountId);
                if (account && account->sendImmediately)
                    self->m_scheduler->trigger(accountId, Scheduler::Trigger::Queued);
            }
            done({*id, {}});
        },
        options);
}

qint64 RelayService::sizeLimit(const QString &accountId) const
{
    return qMax<qint64>(0, m_scheduler->status(accountId).serverMaxSize);
}

bool RelayService::refuses8Bit(const QString &accountId) const
{
    return m_scheduler->status(accountId).serverAccepts8Bit == false;
}

void RelayService::runCycle(const QString &accountId, QObject *context,
                            std::function<void(const QByteArray &reply)> done)
{
    if (!m_scheduler->account(accountId)) {
        done("550 5.1.0 The account was removed from Outpost");
        return;
    }
    // The next cycle of this account to finish is the one asked for (or the running one,
    // which the trigger extends by one more).
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        m_scheduler, &Scheduler::cycleFinished, context,
        [accountId, done, connection](const QString &id, const CycleResult &r) {
            if (id != accountId)
                return;
            QObject::disconnect(*connection);
            done("250 " + QJsonDocument(CycleReport::toJson(id, r)).toJson(QJsonDocument::Compact));
        });
    m_scheduler->trigger(accountId, Scheduler::Trigger::Manual);
}

} // namespace Outpost
