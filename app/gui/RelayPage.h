#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Outpost {

class AccountStore;
class RelayService;

/// "Use Outpost from other programs": the local relay's settings, what to enter in the other
/// program (with copy buttons), short steps for common programs and what the relay is doing.
class RelayPage : public QWidget
{
    Q_OBJECT

public:
    RelayPage(RelayService *relay, const AccountStore *accounts, QWidget *parent = nullptr);

    /// Saves the settings (the relay follows at once). False with a sentence for people.
    bool apply(QString *error);

private:
    void showPassword();
    void makeNewPassword();
    void updateStatus();
    void updateSteps();
    void copy(const QString &text);
    void updateNetwork();

    RelayService *m_relay;
    QCheckBox *m_enabled = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_reveal = nullptr;
    QCheckBox *m_noAuth = nullptr;
    QCheckBox *m_reportToSender = nullptr;
    QLabel *m_noAuthWarning = nullptr;
    QCheckBox *m_network = nullptr;
    QComboBox *m_networkAddress = nullptr;
    QLabel *m_networkNote = nullptr;
    QLineEdit *m_fingerprint = nullptr;
    QWidget *m_networkDetails = nullptr;
    QLabel *m_steps = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Outpost
