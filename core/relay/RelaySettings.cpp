#include "RelaySettings.h"

#include "store/DurableIo.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>

namespace Outpost {

QString RelaySettings::fileName(const QString &profileDirectory)
{
    return QDir(profileDirectory).filePath(QStringLiteral("relay.json"));
}

bool RelaySettings::load(const QString &profileDirectory, RelaySettings *settings, QString *error)
{
    *settings = {};
    QFile file(fileName(profileDirectory));
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The relay settings in %1 cannot be read: %2")
                         .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject object = document.object();
    const int port = object.value(QStringLiteral("port")).toInt(defaultPort);
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || port < 0 ||
        port > 65535) {
        if (error)
            *error = tr("The relay settings in %1 are damaged. Set the relay up again, or "
                        "delete the file.")
                         .arg(QDir::toNativeSeparators(file.fileName()));
        return false;
    }
    settings->enabled = object.value(QStringLiteral("enabled")).toBool();
    settings->port = quint16(port);
    settings->allowUnauthenticated = object.value(QStringLiteral("allowUnauthenticated")).toBool();
    settings->passwordKey = object.value(QStringLiteral("passwordKey")).toString();
    settings->reportToSender = object.value(QStringLiteral("reportToSender")).toBool();
    QString listen;
    if (!parseListenAddress(object.value(QStringLiteral("listen")).toString(), &listen, nullptr)) {
        if (error)
            *error = tr("The relay settings in %1 name a network address that cannot be read. "
                        "Set the relay up again, or delete the file.")
                         .arg(QDir::toNativeSeparators(file.fileName()));
        return false;
    }
    settings->listenAddress = listen;
    return true;
}

bool RelaySettings::parseListenAddress(const QString &text, QString *address, QString *error)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty() || wanted.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        address->clear();
        return true;
    }
    QHostAddress parsed;
    if (!parsed.setAddress(wanted) || !parsed.scopeId().isEmpty()) {
        if (error)
            *error = tr("\"%1\" is not an address of this computer's network. Give an IP address "
                        "such as 192.168.1.10, 0.0.0.0 for all, or localhost for this computer "
                        "only.")
                         .arg(wanted);
        return false;
    }
    if (parsed.isLoopback()) {
        address->clear(); // the relay listens there anyway
        return true;
    }
    *address = parsed.toString();
    return true;
}

QString RelaySettings::addressForOthers(const QString &chosen)
{
    const QHostAddress address(chosen.trimmed());
    if (address != QHostAddress(QHostAddress::AnyIPv4) &&
        address != QHostAddress(QHostAddress::AnyIPv6))
        return chosen.trimmed();
    for (const QHostAddress &candidate : QNetworkInterface::allAddresses())
        if (!candidate.isLoopback() && !candidate.isLinkLocal() &&
            candidate.protocol() == QAbstractSocket::IPv4Protocol)
            return candidate.toString();
    return QHostInfo::localHostName();
}

QList<QHostAddress> RelaySettings::listenAddresses() const
{
    QList<QHostAddress> out;
    const QHostAddress network(listenAddress);
    const bool everywhereV4 = network == QHostAddress(QHostAddress::AnyIPv4);
    const bool everywhereV6 = network == QHostAddress(QHostAddress::AnyIPv6);
    // An "any" address already includes its loopback one (listening on both is refused).
    if (!everywhereV4)
        out.append(QHostAddress(QHostAddress::LocalHost));
    if (!everywhereV6)
        out.append(QHostAddress(QHostAddress::LocalHostIPv6));
    if (!network.isNull())
        out.append(network);
    return out;
}

bool RelaySettings::save(const QString &profileDirectory, QString *error) const
{
    const QJsonObject object{{QStringLiteral("enabled"), enabled},
                             {QStringLiteral("port"), int(port)},
                             {QStringLiteral("allowUnauthenticated"), allowUnauthenticated},
                             {QStringLiteral("passwordKey"), passwordKey},
                             {QStringLiteral("reportToSender"), reportToSender},
                             {QStringLiteral("listen"), listenAddress}};
    QString detail;
    bool diskFull = false;
    const QString path = fileName(profileDirectory);
    if (!DurableIo::writeAtomically(path, QJsonDocument(object).toJson(), &detail, &diskFull)) {
        if (error)
            *error = diskFull ? tr("The relay settings cannot be saved: the disk is full.")
                              : tr("The relay settings cannot be saved in %1: %2")
                                    .arg(QDir::toNativeSeparators(path), detail);
        return false;
    }
    return true;
}

} // namespace Outpost
