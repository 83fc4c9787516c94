#include "AccountProblemBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Outpost {

AccountProblemBar::AccountProblemBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("accountProblemBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xe2, 0xe1)); // the account stopped: an error
    p.setColor(QPalette::WindowText, QColor(0x5c, 0x0b, 0x0b));
    setPalette(p);

    auto *icon = new QLabel;
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("accountProblemText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_password = new QPushButton(tr("&Enter password…"));
    m_password->setObjectName(QStringLiteral("accountProblemPassword"));
    m_settings = new QPushButton(tr("Acc&ount settings…"));
    m_settings->setObjectName(QStringLiteral("accountProblemSettings"));
    m_retry = new QPushButton(tr("Try a&gain"));
    m_retry->setObjectName(QStringLiteral("accountProblemRetry"));
    m_retry->setToolTip(tr("Runs Send/Receive for this account now."));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_password, m_settings, m_retry})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);

    connect(m_password, &QPushButton::clicked, this,
            [this] { Q_EMIT passwordRequested(m_accountId, m_problem.outgoingPassword); });
    connect(m_settings, &QPushButton::clicked, this,
            [this] { Q_EMIT settingsRequested(m_accountId); });
    connect(m_retry, &QPushButton::clicked, this, [this] { Q_EMIT retryRequested(m_accountId); });
    hide();
}

void AccountProblemBar::setProblem(const QString &accountId, const AccountProblem &problem)
{
    m_accountId = accountId;
    m_problem = problem;
    if (problem.isEmpty()) {
        hide();
        return;
    }
    using Action = AccountProblem::Action;
    m_password->setVisible(problem.action == Action::EnterPassword);
    m_settings->setVisible(problem.action == Action::Settings || problem.offersSettings);
    m_retry->setVisible(problem.action == Action::TryAgain || problem.offersTryAgain);
    // The first action is the default one, on top.
    QPushButton *first = problem.action == Action::EnterPassword ? m_password
                         : problem.action == Action::Settings    ? m_settings
                                                                 : m_retry;
    for (QPushButton *b : {m_password, m_settings, m_retry})
        b->setDefault(b == first);
    m_text->setText(QStringLiteral("<b>%1</b><br>%2")
                        .arg(problem.title.toHtmlEscaped(), problem.text.toHtmlEscaped()));
    show();
}

QString AccountProblemBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace Outpost
