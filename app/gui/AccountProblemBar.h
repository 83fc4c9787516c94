#pragma once

#include "Banner.h"
#include "usecases/AccountProblemText.h"

class QPushButton;

namespace Outpost {

/// An account that stopped working, above the message list: what happened in people's words
/// and the fitting action, Enter password… for a refused password, Account settings… and
/// Try again otherwise. It goes once the account works again.
class AccountProblemBar : public Banner
{
    Q_OBJECT

public:
    explicit AccountProblemBar(QWidget *parent = nullptr);

    /// Shows @p problem of @p accountId (hides the bar when it is empty).
    void setProblem(const QString &accountId, const AccountProblem &problem);
    QString accountId() const { return m_accountId; }

Q_SIGNALS:
    /// Enter password…: @p outgoing for the outgoing server's own password.
    void passwordRequested(const QString &accountId, bool outgoing);
    void settingsRequested(const QString &accountId);
    void retryRequested(const QString &accountId);

private:
    QPushButton *m_password;
    QPushButton *m_settings;
    QPushButton *m_retry;
    QString m_accountId;
    AccountProblem m_problem;
};

} // namespace Outpost
