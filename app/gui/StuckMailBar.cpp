#include "StuckMailBar.h"

#include <QPushButton>

#include <algorithm>

namespace Outpost {

StuckMailBar::StuckMailBar(QWidget *parent)
    : Banner(Severity::Warning, QStringLiteral("stuckMailText"), parent)
{
    setObjectName(QStringLiteral("stuckMailBar"));
    m_show = addButton(tr("&Show message"), QStringLiteral("stuckMailShow"));
    m_retry = addButton(tr("T&ry again"), QStringLiteral("stuckMailRetry"),
                        tr("Sends the message again now."));
    m_settings = addButton(tr("Account se&ttings…"), QStringLiteral("stuckMailSettings"));
    m_dismiss = addButton(tr("&Dismiss"), QStringLiteral("stuckMailDismiss"),
                          tr("Hides this until another message needs you; the message stays "
                             "in the outbox."));

    connect(m_show, &QPushButton::clicked, this,
            [this] { Q_EMIT showRequested(m_accountId, m_alert.messageId); });
    connect(m_retry, &QPushButton::clicked, this,
            [this] { Q_EMIT retryRequested(m_accountId, m_alert.messageId); });
    connect(m_settings, &QPushButton::clicked, this,
            [this] { Q_EMIT settingsRequested(m_accountId); });
    connect(m_dismiss, &QPushButton::clicked, this, &StuckMailBar::dismiss);
}

void StuckMailBar::setAlert(const QString &accountId, const StuckMailAlert &alert,
                            StuckMailText::Reason reason, const QString &key)
{
    m_accountId = accountId;
    m_alert = alert;
    m_key = key;
    using R = StuckMailText::Reason;
    // Nothing to try again for a message that may have arrived: the user decides (Resend or
    // Mark as sent) with the message in front of them.
    m_retry->setVisible(reason != R::MayHaveBeenSent);
    m_settings->setVisible(reason == R::Unreachable || reason == R::Relay || reason == R::Login ||
                           reason == R::Paused || reason == R::NotChecked);
    update();
}

void StuckMailBar::update()
{
    if (m_alert.isEmpty()) {
        hide();
        return;
    }
    // Dismissed: hidden while the alert is about the same messages in the same states, or
    // fewer of them (one dealt with); back when another message (or state) comes.
    const auto dismissed = m_dismissed.constFind(m_accountId);
    if (dismissed != m_dismissed.cend()) {
        const QStringList parts = m_key.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const bool nothingNew = std::all_of(
            parts.cbegin(), parts.cend(), [&](const QString &p) { return dismissed->contains(p); });
        if (nothingNew) {
            hide();
            return;
        }
        m_dismissed.remove(m_accountId); // a new alert: dismissing the old one is forgotten
    }
    QString html = QStringLiteral("<b>%1</b>").arg(m_alert.title.toHtmlEscaped());
    for (const QString &line : m_alert.text.split(QLatin1Char('\n')))
        html += QStringLiteral("<br>") + line.toHtmlEscaped();
    html += QStringLiteral("<br><i>%1</i>").arg(m_alert.advice.toHtmlEscaped());
    setHtml(html);
    show();
}

void StuckMailBar::showEvent(QShowEvent *event)
{
    Banner::showEvent(event);
    Q_EMIT shownChanged(true);
}

void StuckMailBar::hideEvent(QHideEvent *event)
{
    Banner::hideEvent(event);
    Q_EMIT shownChanged(false);
}

void StuckMailBar::dismiss()
{
    const QStringList parts = m_key.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_dismissed.insert(m_accountId, QSet<QString>(parts.cbegin(), parts.cend()));
    hide();
}

} // namespace Outpost
