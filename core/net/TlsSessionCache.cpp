#include "TlsSessionCache.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMutex>

namespace Outpost {

namespace {

constexpr qsizetype maxSessions = 64;

struct Store
{
    QMutex mutex;
    QHash<QString, QByteArray> tickets;
};

Store &store()
{
    static Store s;
    return s;
}

} // namespace

QString TlsSessionCache::keyFor(const ConnectionSettings &settings)
{
    QCryptographicHash trust(QCryptographicHash::Sha256);
    for (const QSslCertificate &ca : settings.extraCaCertificates)
        trust.addData(ca.digest(QCryptographicHash::Sha256));
    for (const QByteArray &pin : settings.pinnedSha256)
        trust.addData(pin.toLower() + ' ');
    return QStringLiteral("%1:%2 %3")
        .arg(settings.host.toLower())
        .arg(settings.port)
        .arg(QString::fromLatin1(trust.result().toHex()));
}

QByteArray TlsSessionCache::find(const QString &key)
{
    Store &s = store();
    const QMutexLocker lock(&s.mutex);
    return s.tickets.value(key);
}

void TlsSessionCache::remember(const QString &key, const QByteArray &ticket)
{
    if (ticket.isEmpty())
        return;
    Store &s = store();
    const QMutexLocker lock(&s.mutex);
    if (!s.tickets.contains(key) && s.tickets.size() >= maxSessions)
        s.tickets.erase(s.tickets.begin()); // bounded: some server does a full handshake again
    s.tickets.insert(key, ticket);
}

void TlsSessionCache::forget(const QString &key)
{
    Store &s = store();
    const QMutexLocker lock(&s.mutex);
    s.tickets.remove(key);
}

} // namespace Outpost
