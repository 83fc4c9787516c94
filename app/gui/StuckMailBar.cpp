#include "StuckMailBar.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace Outpost {

StuckMailBar::StuckMailBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("stuckMailBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce)); // a warning, not an error
    p.setColor(QPalette::WindowText, QColor(0x3b, 0x2f, 0x00));
    setPalette(p);

    m_icon = new QLabel;
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("stuckMailText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_show = new QPushButton(tr("&Show message"));
    m_show->setObjectName(QStringLiteral("stuckMailShow"));
    m_retry = new QPushButton(tr("T&ry again"));
    m_retry->setObjectName(QStringLiteral("stuckMailRetry"));
    m_retry->setToolTip(tr("Sends the message again now."));
    m_settings = new QPushButton(tr("Account se&ttings…"));
    m_settings->setObjectName(QStringLiteral("stuckMailSettings"));
    m_dismiss = new QPushButton(tr("&Dismiss"));
    m_dismiss->setObjectName(QStringLiteral("stuckMailDismiss"));
    m_dismiss->setToolTip(tr("Hides this until another message needs you; the message stays "
                             "in the outbox."));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_show, m_retry, m_settings, m_dismiss})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);

    connect(m_show, &QPushButton::clicked, this,
            [this] { Q_EMIT showRequested(m_accountId, m_alert.messageId); });
    connect(m_retry, &QPushButton::clicked, this,
            [this] { Q_EMIT retryRequested(m_accountId, m_alert.messageId); });
    connect(m_settings, &QPushButton::clicked, this,
            [this] { Q_EMIT settingsRequested(m_accountId); });
    connect(m_dismiss, &QPushButton::clicked, this, &StuckMailBar::dismiss);
    hide();
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
    m_text->setText(html);
    show();
}

QString StuckMailBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void StuckMailBar::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    Q_EMIT shownChanged(true);
}

void StuckMailBar::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    Q_EMIT shownChanged(false);
}

void StuckMailBar::dismiss()
{
    const QStringList parts = m_key.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_dismissed.insert(m_accountId, QSet<QString>(parts.cbegin(), parts.cend()));
    hide();
}

} // namespace Outpost
