#include "CapabilityCache.h"

#include "store/DurableIo.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Outpost {

namespace {

QString securityName(Security security)
{
    switch (security) {
    case Security::None:
        return QStringLiteral("none");
    case Security::StartTls:
        return QStringLiteral("starttls");
    case Security::Tls:
        return QStringLiteral("tls");
    }
    return QStringLiteral("tls");
}

} // namespace

CapabilityCache::CapabilityCache(const QString &file)
    : m_file(file)
{
    if (m_file.isEmpty())
        return;
    QFile f(m_file);
    if (!f.open(QIODevice::ReadOnly))
        return; // nothing remembered yet: every server is asked
    const QJsonObject servers =
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("servers")).toObject();
    for (auto it = servers.begin(); it != servers.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        KnownServer s;
        s.greeting = o.value(QStringLiteral("greeting")).toString().toUtf8();
        for (const QJsonValue &c : o.value(QStringLiteral("capabilities")).toArray())
            s.capabilities << c.toString().toUtf8();
        if (!s.isNull())
            m_servers.insert(it.key(), s);
    }
}

QString CapabilityCache::fileIn(const QString &accountDirectory)
{
    return accountDirectory + QStringLiteral("/capabilities.json");
}

QString CapabilityCache::key(const QString &protocol, const QString &host, quint16 port,
                             Security security)
{
    return QStringLiteral("%1 %2:%3 %4")
        .arg(protocol, host.toLower())
        .arg(port)
        .arg(securityName(security));
}

KnownServer CapabilityCache::find(const QString &key) const
{
    return m_servers.value(key);
}

void CapabilityCache::remember(const QString &key, const KnownServer &server)
{
    if (server.isNull()) {
        forget(key);
        return;
    }
    const auto it = m_servers.constFind(key);
    if (it != m_servers.constEnd() && *it == server)
        return;
    m_servers.insert(key, server);
    save();
}

void CapabilityCache::forget(const QString &key)
{
    if (m_servers.remove(key) > 0)
        save();
}

void CapabilityCache::save() const
{
    if (m_file.isEmpty())
        return;
    QJsonObject servers;
    for (auto it = m_servers.begin(); it != m_servers.end(); ++it) {
        QJsonArray capabilities;
        for (const QByteArray &c : it->capabilities)
            capabilities.append(QString::fromUtf8(c));
        servers.insert(it.key(),
                       QJsonObject{{QStringLiteral("greeting"), QString::fromUtf8(it->greeting)},
                                   {QStringLiteral("capabilities"), capabilities}});
    }
    // A cache: a crash that loses it costs one CAPA, so the file is replaced without the
    // flush to the disk of durable files (a flush is tens of milliseconds, and this is
    // written in the middle of a login).
    const QString temporary = m_file + QStringLiteral(".new");
    QFile f(temporary);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    const QByteArray data = QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                      {QStringLiteral("servers"), servers}})
                                .toJson(QJsonDocument::Compact);
    const bool written = f.write(data) == data.size();
    f.close();
    QString error;
    if (!written || !DurableIo::rename(temporary, m_file, &error))
        QFile::remove(temporary); // the next session asks the server again
}

} // namespace Outpost
