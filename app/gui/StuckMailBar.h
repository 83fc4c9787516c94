#pragma once

#include "Banner.h"
#include "usecases/StuckMailText.h"

#include <QHash>
#include <QSet>

class QPushButton;

namespace Outpost {

/// The stuck-mail alert of the selected account, above its message list: which message, the
/// server's words and what to do, with Show message, Try again, Account settings… and Dismiss.
/// It stays until the mail is dealt with; Dismiss hides it until the alert changes (another
/// message, or the same one failing after it waited).
class StuckMailBar : public Banner
{
    Q_OBJECT

public:
    explicit StuckMailBar(QWidget *parent = nullptr);

    /// Shows @p alert for @p accountId (hides the bar when the alert is empty or dismissed).
    /// @p reason decides the buttons; @p key names the alert's messages and their states.
    void setAlert(const QString &accountId, const StuckMailAlert &alert,
                  StuckMailText::Reason reason, const QString &key);
    QString accountId() const { return m_accountId; }
    const StuckMailAlert &alert() const { return m_alert; }

Q_SIGNALS:
    void showRequested(const QString &accountId, const QString &messageId);
    void retryRequested(const QString &accountId, const QString &messageId);
    void settingsRequested(const QString &accountId);
    /// The bar appeared or went.
    void shownChanged(bool shown);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void dismiss();
    void update();

    QPushButton *m_show;
    QPushButton *m_retry;
    QPushButton *m_settings;
    QPushButton *m_dismiss;
    QString m_accountId;
    QString m_key;
    StuckMailAlert m_alert;
    /// account -> the messages and states of the alert dismissed ("id/state")
    QHash<QString, QSet<QString>> m_dismissed;
};

} // namespace Outpost
