#include "AuthWindow.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace Outpost {

AuthWindow::AuthWindow(int configuredSeconds)
    : m_configuredMs(qint64(configuredSeconds) * 1000)
{}

void AuthWindow::recordLogin(const QDateTime &at)
{
    m_lastLogin = at;
    m_refusedSinceLogin = false;
}

void AuthWindow::recordRelayAccepted(const QDateTime &at)
{
    if (!m_lastLogin.isValid())
        return;
    const qint64 age = m_lastLogin.msecsTo(at);
    if (age > m_longestAcceptedMs)
        m_longestAcceptedMs = age;
    // A relay that works later than an earlier refusal means the server changed (or the
    // refusal was a hiccup): forget the refusal rather than plan with a wrong bound.
    if (m_shortestRefusedMs && age >= m_shortestRefusedMs)
        m_shortestRefusedMs = 0;
}

bool AuthWindow::recordRelayRefused(const QDateTime &at)
{
    if (!m_lastLogin.isValid() || m_refusedSinceLogin)
        return false;
    m_refusedSinceLogin = true;
    const qint64 age = m_lastLogin.msecsTo(at);
    if (age < lagToleranceMs || age <= m_longestAcceptedMs)
        return false;
    if (!m_shortestRefusedMs || age < m_shortestRefusedMs)
        m_shortestRefusedMs = age;
    return true;
}

void AuthWindow::recordMeasurement(int openSeconds, int closedSeconds)
{
    // A measurement replaces what the cycles taught: it looked for the end on purpose.
    m_longestAcceptedMs = qint64(qMax(0, openSeconds)) * 1000;
    m_shortestRefusedMs = closedSeconds > openSeconds ? qint64(closedSeconds) * 1000 : 0;
}

qint64 AuthWindow::effectiveMs() const
{
    if (!m_shortestRefusedMs)
        return m_configuredMs;
    return qMin(m_configuredMs, qMax(m_longestAcceptedMs, m_shortestRefusedMs));
}

QDateTime AuthWindow::closesAt() const
{
    return m_lastLogin.isValid() ? m_lastLogin.addMSecs(effectiveMs()) : QDateTime();
}

qint64 AuthWindow::remainingMs(const QDateTime &now) const
{
    if (!m_lastLogin.isValid())
        return 0;
    return qMax<qint64>(0, now.msecsTo(closesAt()));
}

bool AuthWindow::isOpen(const QDateTime &now, qint64 marginMs) const
{
    return m_lastLogin.isValid() && now.addMSecs(marginMs) < closesAt();
}

int AuthWindow::learnedSeconds() const
{
    return m_shortestRefusedMs ? int(qMax(m_longestAcceptedMs, m_shortestRefusedMs) / 1000) : 0;
}

QJsonObject AuthWindow::toJson() const
{
    QJsonObject o;
    if (m_lastLogin.isValid())
        o.insert(QStringLiteral("lastLogin"), m_lastLogin.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("longestAcceptedMs"), double(m_longestAcceptedMs));
    o.insert(QStringLiteral("shortestRefusedMs"), double(m_shortestRefusedMs));
    return o;
}

AuthWindow AuthWindow::fromJson(const QJsonObject &object, int configuredSeconds)
{
    AuthWindow w(configuredSeconds);
    w.m_lastLogin = QDateTime::fromString(object.value(QStringLiteral("lastLogin")).toString(),
                                          Qt::ISODateWithMs);
    w.m_longestAcceptedMs =
        qMax<qint64>(0, qint64(object.value(QStringLiteral("longestAcceptedMs")).toDouble()));
    w.m_shortestRefusedMs =
        qMax<qint64>(0, qint64(object.value(QStringLiteral("shortestRefusedMs")).toDouble()));
    return w;
}

namespace {
QString windowFile(const QString &accountDirectory)
{
    return accountDirectory + QStringLiteral("/window.json");
}
} // namespace

AuthWindow AuthWindow::load(const QString &accountDirectory, int configuredSeconds)
{
    QFile file(windowFile(accountDirectory));
    if (!file.open(QIODevice::ReadOnly))
        return AuthWindow(configuredSeconds);
    return fromJson(QJsonDocument::fromJson(file.readAll()).object(), configuredSeconds);
}

bool AuthWindow::save(const QString &accountDirectory) const
{
    QSaveFile file(windowFile(accountDirectory));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
    return file.commit();
}

} // namespace Outpost
