#include "CredentialStore.h"

#include "Account.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>

namespace Outpost {
namespace {

CredentialError classify(QKeychain::Error error, const QString &text)
{
    switch (error) {
    case QKeychain::NoError:
        return CredentialError::None;
    case QKeychain::EntryNotFound:
        return CredentialError::NotFound;
    case QKeychain::AccessDeniedByUser:
        return CredentialError::AccessDenied;
    case QKeychain::AccessDenied:
        return CredentialError::Locked;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return CredentialError::NoKeychain;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // Without a session bus, or without a Secret Service on it, QtKeychain reports an
    // OtherError in the words of D-Bus or libsecret; to the user that is "no keychain".
    static const char *const noServiceWords[] = {"D-Bus",
                                                 "DBus",
                                                 "Could not connect",
                                                 "org.freedesktop.secrets",
                                                 "ServiceUnknown",
                                                 "not provided by any .service",
                                                 "No such interface"};
    for (const char *words : noServiceWords) {
        if (text.contains(QLatin1String(words), Qt::CaseInsensitive))
            return CredentialError::NoKeychain;
    }
    return CredentialError::Other;
}

const char *const plainGroup = "passwords";

} // namespace

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    qRegisterMetaType<CredentialResult>();
}

QString CredentialStore::key(const QString &accountId, Server server)
{
    switch (server) {
    case Server::Incoming:
        return accountId + QStringLiteral(":pop");
    case Server::Outgoing:
        return accountId + QStringLiteral(":smtp");
    case Server::RelayTlsKey:
        return accountId + QStringLiteral(":relay-tls-key");
    case Server::Relay:
        break;
    }
    return accountId + QStringLiteral(":relay");
}

QString CredentialStore::describe(CredentialError error, const QString &detail)
{
    switch (error) {
    case CredentialError::None:
        return {};
    case CredentialError::NotFound:
        return tr("No password is stored for this account yet.");
    case CredentialError::Locked:
        return tr("The keychain is locked. Unlock it (for example by logging in again) and try "
                  "again.");
    case CredentialError::NoKeychain:
        return tr("No keychain is available on this system, so Outpost cannot store the "
                  "password safely. You can type it each time Outpost starts.");
    case CredentialError::AccessDenied:
        return tr("Access to the keychain was refused. Allow Outpost to use the keychain and try "
                  "again.");
    case CredentialError::Other:
        return detail.isEmpty() ? tr("The keychain reported an error.")
                                : tr("The keychain reported an error: %1").arg(detail);
    }
    return {};
}

CredentialJob *CredentialStore::finishLater(CredentialJob *job, const CredentialResult &result)
{
    // Always asynchronous, so a caller may connect after the call returns.
    QTimer::singleShot(0, job, [job, result] {
        Q_EMIT job->finished(result);
        job->deleteLater();
    });
    return job;
}

CredentialJob *CredentialStore::read(const QString &accountId, Server server)
{
    auto *job = new CredentialJob(this);
    const QString k = key(accountId, server);
    if (auto it = m_session.constFind(k); it != m_session.constEnd())
        return finishLater(job, {CredentialError::None, {}, it.value()});

    auto *kj = new QKeychain::ReadPasswordJob(m_service, job);
    kj->setAutoDelete(false);
    kj->setKey(k);
    connect(kj, &QKeychain::Job::finished, job, [this, job, kj, k] {
        CredentialResult result;
        result.error = classify(kj->error(), kj->errorString());
        if (result.ok()) {
            result.password = kj->textData();
        } else {
            QString fromFile;
            if (result.error == CredentialError::NoKeychain && readPlainFile(k, &fromFile)) {
                result = {CredentialError::None, {}, fromFile};
            } else {
                result.message = describe(result.error, kj->errorString());
            }
        }
        kj->deleteLater();
        Q_EMIT job->finished(result);
        job->deleteLater();
    });
    kj->start();
    return job;
}

void CredentialStore::readAccountPasswords(const Account &account, QObject *context,
                                           std::function<void(const AccountPasswords &)> done)
{
    const QString id = account.id;
    const bool ownSmtpPassword = account.smtpAuth != SmtpAuth::None && !account.smtpSamePassword;
    CredentialJob *pop = read(id, Server::Incoming);
    connect(pop, &CredentialJob::finished, context,
            [this, id, ownSmtpPassword, context, done](const CredentialResult &popResult) {
                AccountPasswords passwords;
                passwords.result = popResult;
                passwords.incoming = passwords.outgoing = popResult.password;
                if (!popResult.ok() || !ownSmtpPassword) {
                    done(passwords);
                    return;
                }
                CredentialJob *smtp = read(id, Server::Outgoing);
                connect(smtp, &CredentialJob::finished, context,
                        [passwords, done](const CredentialResult &smtpResult) mutable {
                            passwords.result = smtpResult;
                            passwords.failed = Server::Outgoing;
                            passwords.outgoing = smtpResult.password;
                            done(passwords);
                        });
            });
}

CredentialJob *CredentialStore::write(const QString &accountId, Server server,
                                      const QString &password)
{
    auto *job = new CredentialJob(this);
    const QString k = key(accountId, server);
    auto *kj = new QKeychain::WritePasswordJob(m_service, job);
    kj->setAutoDelete(false);
    kj->setKey(k);
    kj->setTextData(password);
    connect(kj, &QKeychain::Job::finished, job, [this, job, kj, k, password, accountId, server] {
        CredentialResult result;
        result.error = classify(kj->error(), kj->errorString());
        if (result.error == CredentialError::NoKeychain && !m_plainFile.isEmpty()) {
            QString error;
            if (writePlainFile(k, &password, &error))
                result = {};
            else
                result = {CredentialError::Other, error, {}};
        } else if (!result.ok()) {
            result.message = describe(result.error, kj->errorString());
        }
        kj->deleteLater();
        Q_EMIT job->finished(result);
        if (result.ok())
            Q_EMIT passwordChanged(accountId, server);
        job->deleteLater();
    });
    kj->start();
    return job;
}

CredentialJob *CredentialStore::remove(const QString &accountId, Server server)
{
    auto *job = new CredentialJob(this);
    const QString k = key(accountId, server);
    m_session.remove(k);
    if (!m_plainFile.isEmpty()) {
        QString ignored;
        writePlainFile(k, nullptr, &ignored);
    }
    auto *kj = new QKeychain::DeletePasswordJob(m_service, job);
    kj->setAutoDelete(false);
    kj->setKey(k);
    connect(kj, &QKeychain::Job::finished, job, [job, kj] {
        CredentialResult result;
        result.error = classify(kj->error(), kj->errorString());
        if (result.error == CredentialError::NotFound)
            result.error = CredentialError::None;
        if (!result.ok())
            result.message = describe(result.error, kj->errorString());
        kj->deleteLater();
        Q_EMIT job->finished(result);
        job->deleteLater();
    });
    kj->start();
    return job;
}

void CredentialStore::rememberForSession(const QString &accountId, Server server,
                                         const QString &password)
{
    m_session.insert(key(accountId, server), password);
    Q_EMIT passwordChanged(accountId, server);
}

void CredentialStore::forgetSession(const QString &accountId, Server server)
{
    m_session.remove(key(accountId, server));
}

void CredentialStore::setPlainFileFallback(const QString &path)
{
    m_plainFile = path;
}

bool CredentialStore::readPlainFile(const QString &k, QString *password) const
{
    if (m_plainFile.isEmpty() || !QFileInfo::exists(m_plainFile))
        return false;
    QSettings file(m_plainFile, QSettings::IniFormat);
    const QVariant value = file.value(QLatin1String(plainGroup) + QLatin1Char('/') + k);
    if (!value.isValid())
        return false;
    *password = QString::fromUtf8(QByteArray::fromBase64(value.toByteArray()));
    return true;
}

bool CredentialStore::writePlainFile(const QString &k, const QString *password,
                                     QString *error) const
{
    if (m_plainFile.isEmpty())
        return false;
    QDir().mkpath(QFileInfo(m_plainFile).absolutePath());
    {
        // Create the file readable by the user only before anything is written to it.
        QFile create(m_plainFile);
        if (!create.exists() && create.open(QIODevice::WriteOnly))
            create.close();
        QFile::setPermissions(m_plainFile, QFile::ReadOwner | QFile::WriteOwner);
    }
    QSettings file(m_plainFile, QSettings::IniFormat);
    const QString name = QLatin1String(plainGroup) + QLatin1Char('/') + k;
    if (password)
        file.setValue(name,
                      password->toUtf8().toBase64()); // not encryption: avoids shoulder-surfing
    else
        file.remove(name);
    file.sync();
    QFile::setPermissions(m_plainFile, QFile::ReadOwner | QFile::WriteOwner);
    if (file.status() != QSettings::NoError) {
        *error =
            tr("Could not write the password file %1.").arg(QDir::toNativeSeparators(m_plainFile));
        return false;
    }
    return true;
}

} // namespace Outpost
