#include "AccountProblemBar.h"

#include <QPushButton>

namespace Outpost {

AccountProblemBar::AccountProblemBar(QWidget *parent)
    : Banner(Severity::Error, QStringLiteral("accountProblemText"), parent)
{
    setObjectName(QStringLiteral("accountProblemBar"));
    m_password = addButton(tr("&Enter password…"), QStringLiteral("accountProblemPassword"));
    m_settings = addButton(tr("Acc&ount settings…"), QStringLiteral("accountProblemSettings"));
    m_retry = addButton(tr("Try a&gain"), QStringLiteral("accountProblemRetry"),
                        tr("Runs Send/Receive for this account now."));

    connect(m_password, &QPushButton::clicked, this,
            [this] { Q_EMIT passwordRequested(m_accountId, m_problem.outgoingPassword); });
    connect(m_settings, &QPushButton::clicked, this,
            [this] { Q_EMIT settingsRequested(m_accountId); });
    connect(m_retry, &QPushButton::clicked, this, [this] { Q_EMIT retryRequested(m_accountId); });
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
    setHtml(QStringLiteral("<b>%1</b><br>%2")
                .arg(problem.title.toHtmlEscaped(), problem.text.toHtmlEscaped()));
    show();
}

} // namespace Outpost
