#pragma once

#include "usecases/AccountProblemText.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace Outpost {

/// An account that stopped working, above the message list: what happened in people's words
/// and the fitting action, Enter password… for a refused password, Account settings… and
/// Try again otherwise. It goes once the account works again.
class AccountProblemBar : public QFrame
{
    Q_OBJECT

public:
    explicit AccountProblemBar(QWidget *parent = nullptr);

    /// Shows @p problem of @p accountId (hides the bar when it is empty).
    void setProblem(const QString &accountId, const AccountProblem &problem);
    QString accountId() const { return m_accountId; }
    /// The text shown (title and text), empty while hidden; for tests.
    QString text() const;

Q_SIGNALS:
    /// Enter password…: @p outgoing for the outgoing server's own password.
    void passwordRequested(const QString &accountId, bool outgoing);
    void settingsRequested(const QString &accountId);
    void retryRequested(const QString &accountId);

private:
    QLabel *m_text;
    QPushButton *m_password;
    QPushButton *m_settings;
    QPushButton *m_retry;
    QString m_accountId;
    AccountProblem m_problem;
};

} // namespace Outpost
