#pragma once

#include "schedule/AccountProbe.h"
#include "store/Account.h"
#include "store/CredentialStore.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace Outpost {

class AccountStore;
class Clock;
class Scheduler;

/// Adds or edits one account: identity, receiving, sending and schedule, with the passwords
/// in the system keychain and a "Test settings" button that runs the account probe.
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    /// Edits @p accountId, or adds a new account when it is empty. The stores, the scheduler
    /// (for the learned window) and the clock must outlive the dialog.
    AccountDialog(AccountStore *accounts, CredentialStore *credentials, Scheduler *scheduler,
                  Clock *clock, const QString &accountId = {}, QWidget *parent = nullptr);
    ~AccountDialog() override;

    /// The account as the fields describe it (not validated).
    Account account() const;
    /// Fills the fields.
    void setAccount(const Account &account);
    /// Sets the POP password field (and the SMTP one when it differs).
    void setPasswords(const QString &pop, const QString &smtp = {});
    /// The error or notice line.
    QString notice() const;
    /// The probe's verdict after "Test settings".
    QString verdict() const;
    /// What the dialog says of the relay window (measured, learned or not yet known).
    QString learnedWindow() const;
    /// The live log of the last test.
    QString testLog() const;
    /// The id of the saved account (empty until saved).
    QString savedId() const { return m_savedId; }

public Q_SLOTS:
    /// Validates and saves the account and its passwords; closes when everything is stored.
    void accept() override;
    /// Runs the account probe with the fields' settings.
    void testSettings();
    /// Keeps the typed passwords in memory for this session only (no keychain).
    void rememberForSession();

Q_SIGNALS:
    /// The account and its passwords were stored.
    void saved(const QString &accountId);
    /// The test finished.
    void testFinished(const Outpost::ProbeReport &report);
    /// The measurement of the relay window finished (or could not be made).
    void measureFinished(const Outpost::ProbeReport &report);

private:
    // The pages and their fields (AccountDialogPages.cpp).
    QWidget *identityPage();
    QWidget *receivingPage();
    QWidget *sendingPage();
    QWidget *schedulePage();
    void setNotice(const QString &text, bool error);
    void loadPasswords();
    void storePasswords();
    void passwordStored(const CredentialResult &result, int remaining);
    void updateEnabled();
    void probeFinished(const ProbeReport &report);
    void offerCertificate(const CertificateInfo &info);
    void switchToStartTls();
    /// Measures the relay window with the tested settings (the probe, for up to 30 minutes).
    void measureWindow();
    /// Shows what is known of the window: measured here, learned by the cycles, or nothing.
    void showLearnedWindow();
    /// After the account and its passwords were stored: keeps a measurement, runs a new
    /// account's first check when its test passed, and closes.
    void finishSaving();
    void log(const QString &line);
    QString smtpPasswordToUse() const;

    AccountStore *m_accounts;
    CredentialStore *m_credentials;
    Scheduler *m_scheduler;
    Clock *m_clock;
    Account m_original;
    QString m_savedId;
    bool m_isNew = true;
    QPointer<AccountProbe> m_probe;
    int m_pendingJobs = 0;
    bool m_jobFailed = false;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_fullName = nullptr;
    QLineEdit *m_address = nullptr;

    QLineEdit *m_popHost = nullptr;
    QSpinBox *m_popPort = nullptr;
    QComboBox *m_incoming = nullptr;
    QLabel *m_incomingServerLabel = nullptr;
    QComboBox *m_popSecurity = nullptr;
    QLineEdit *m_popUser = nullptr;
    QLineEdit *m_popPassword = nullptr;
    QComboBox *m_popLogin = nullptr;
    QComboBox *m_receiveMode = nullptr;
    QCheckBox *m_leaveOnServer = nullptr;
    QCheckBox *m_allowPlainText = nullptr;

    QLineEdit *m_smtpHost = nullptr;
    QSpinBox *m_smtpPort = nullptr;
    QComboBox *m_smtpSecurity = nullptr;
    QComboBox *m_smtpAuth = nullptr;
    QLineEdit *m_smtpUser = nullptr;
    QCheckBox *m_samePassword = nullptr;
    QLineEdit *m_smtpPassword = nullptr;

    QSpinBox *m_interval = nullptr;
    QCheckBox *m_sendImmediately = nullptr;
    QCheckBox *m_checkAtStartup = nullptr;
    QSpinBox *m_alertAfter = nullptr;
    QCheckBox *m_popBeforeSmtp = nullptr;
    QSpinBox *m_window = nullptr;
    QSpinBox *m_delayAfterPop = nullptr;
    QLabel *m_learned = nullptr;

    QPlainTextEdit *m_log = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_askEachTime = nullptr;
    QPushButton *m_useStartTls = nullptr;
    QPushButton *m_measure = nullptr;
    int m_measuredOpen = 0;   ///< seconds a relay worked after the login (0: not measured)
    int m_measuredClosed = 0; ///< seconds after which it was refused (0: never, while measuring)
    ProbeReport m_lastReport;
    Account m_tested; ///< the settings the last test ran with
};

} // namespace Outpost
