#include "AccountDialog.h"

#include "CertificateDialog.h"
#include "schedule/Scheduler.h"
#include "store/AccountStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Outpost {

AccountDialog::AccountDialog(AccountStore *accounts, CredentialStore *credentials,
                             Scheduler *scheduler, Clock *clock, const QString &accountId,
                             QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_credentials(credentials)
    , m_scheduler(scheduler)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("accountDialog"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(identityPage(), tr("&Identity"));
    m_tabs->addTab(receivingPage(), tr("&Receiving"));
    m_tabs->addTab(sendingPage(), tr("S&ending"));
    m_tabs->addTab(schedulePage(), tr("Sc&hedule"));

    m_test = new QPushButton(tr("&Test settings"));
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Logs in over POP and asks the SMTP server whether it would relay, "
                          "without sending any mail."));
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testSettings);
    m_verdict = new QLabel;
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_log = new QPlainTextEdit;
    m_log->setObjectName(QStringLiteral("testLog"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Press \"Test settings\" to check the servers. The "
                                 "conversation appears here, with passwords hidden."));
    m_log->setMinimumHeight(90);

    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("accountNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_askEachTime = new QPushButton(tr("&Ask me each time"));
    m_askEachTime->setObjectName(QStringLiteral("askEachTime"));
    m_askEachTime->setToolTip(tr("Keeps the password in memory until Outpost quits; it is "
                                 "never written to a file."));
    m_askEachTime->hide();
    connect(m_askEachTime, &QPushButton::clicked, this, &AccountDialog::rememberForSession);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->addButton(m_askEachTime, QDialogButtonBox::ActionRole);
    m_askEachTime->hide(); // shown only when the keychain cannot take the password
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);

    m_useStartTls = new QPushButton(tr("Switch t&o STARTTLS"));
    m_useStartTls->setObjectName(QStringLiteral("useStartTls"));
    m_useStartTls->setToolTip(tr("Switches to the encryption the server offers, keeps the "
                                 "port, and tests again."));
    m_useStartTls->hide(); // shown when the test found encryption the account does not use
    connect(m_useStartTls, &QPushButton::clicked, this, &AccountDialog::switchToStartTls);
    // The offer is about the servers just tested: editing them withdraws it.
    for (QLineEdit *host : {m_popHost, m_smtpHost})
        connect(host, &QLineEdit::textEdited, m_useStartTls, &QWidget::hide);
    for (QSpinBox *port : {m_popPort, m_smtpPort})
        connect(port, &QSpinBox::valueChanged, m_useStartTls, &QWidget::hide);
    for (QComboBox *security : {m_popSecurity, m_smtpSecurity})
        connect(security, &QComboBox::currentIndexChanged, m_useStartTls, &QWidget::hide);

    m_measure = new QPushButton(tr("&Measure the relay window"));
    m_measure->setObjectName(QStringLiteral("measureWindow"));
    m_measure->setToolTip(tr("Finds out how long the server relays after a POP login, so that "
                             "Outpost can tell you when the window closes."));
    m_measure->hide(); // shown when the test found POP before SMTP
    connect(m_measure, &QPushButton::clicked, this, &AccountDialog::measureWindow);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_verdict, 1);
    testRow->addWidget(m_useStartTls);
    testRow->addWidget(m_measure);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 3);
    layout->addLayout(testRow);
    layout->addWidget(m_log, 2);
    layout->addWidget(m_notice);
    layout->addWidget(buttons);

    Account account;
    if (const Account *existing = m_accounts->find(accountId); existing && !accountId.isEmpty()) {
        account = *existing;
        m_isNew = false;
        m_savedId = account.id;
        setWindowTitle(tr("Account settings — %1").arg(account.name));
    } else {
        setWindowTitle(tr("Add an account"));
    }
    setAccount(account);
    if (!m_isNew)
        loadPasswords();
    resize(640, 600);
}

AccountDialog::~AccountDialog()
{
    if (m_probe)
        m_probe->abort();
}

void AccountDialog::setPasswords(const QString &pop, const QString &smtp)
{
    m_popPassword->setText(pop);
    m_smtpPassword->setText(smtp);
}

void AccountDialog::updateEnabled()
{
    const bool auth = SmtpAuth(m_smtpAuth->currentData().toInt()) != SmtpAuth::None;
    m_smtpUser->setEnabled(auth);
    m_samePassword->setEnabled(auth);
    m_smtpPassword->setEnabled(auth && !m_samePassword->isChecked());
    m_window->setEnabled(m_popBeforeSmtp->isChecked());
    m_delayAfterPop->setEnabled(m_popBeforeSmtp->isChecked());
}

void AccountDialog::setNotice(const QString &text, bool error)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_notice->setVisible(!text.isEmpty());
}

QString AccountDialog::notice() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

QString AccountDialog::verdict() const
{
    return m_verdict->text();
}

QString AccountDialog::testLog() const
{
    return m_log->toPlainText();
}

QString AccountDialog::smtpPasswordToUse() const
{
    return m_samePassword->isChecked() ? m_popPassword->text() : m_smtpPassword->text();
}

void AccountDialog::loadPasswords()
{
    auto fill = [this](CredentialStore::Server server, QLineEdit *field) {
        CredentialJob *job = m_credentials->read(m_savedId, server);
        connect(job, &CredentialJob::finished, this, [this, field](const CredentialResult &result) {
            if (result.ok()) {
                if (field->text().isEmpty())
                    field->setText(result.password);
            } else if (result.error != CredentialError::NotFound) {
                setNotice(tr("The saved password could not be read: %1").arg(result.message), true);
            }
        });
    };
    fill(CredentialStore::Server::Incoming, m_popPassword);
    if (!m_original.smtpSamePassword && m_original.smtpAuth != SmtpAuth::None)
        fill(CredentialStore::Server::Outgoing, m_smtpPassword);
}

void AccountDialog::accept()
{
    const Account a = account();
    // Name the bad field and take the user to it.
    const QString problem = a.validate();
    if (!problem.isEmpty()) {
        setNotice(problem, true);
        return;
    }
    QString error;
    const bool ok = m_savedId.isEmpty() || !m_accounts->find(a.id) ? m_accounts->add(a, &error)
                                                                   : m_accounts->update(a, &error);
    if (!ok || !m_accounts->save(&error)) {
        setNotice(tr("The account could not be saved: %1").arg(error), true);
        return;
    }
    m_savedId = a.id;
    m_original = a;
    storePasswords();
}

void AccountDialog::storePasswords()
{
    QList<QPair<CredentialStore::Server, QString>> writes;
    if (!m_popPassword->text().isEmpty())
        writes.append({CredentialStore::Server::Incoming, m_popPassword->text()});
    if (m_original.smtpAuth != SmtpAuth::None && !m_original.smtpSamePassword &&
        !m_smtpPassword->text().isEmpty())
        writes.append({CredentialStore::Server::Outgoing, m_smtpPassword->text()});
    if (writes.isEmpty()) {
        finishSaving();
        return;
    }
    m_pendingJobs = int(writes.size());
    m_jobFailed = false;
    setEnabled(false);
    for (const auto &[server, password] : writes) {
        CredentialJob *job = m_credentials->write(m_savedId, server, password);
        connect(job, &CredentialJob::finished, this, [this](const CredentialResult &result) {
            passwordStored(result, --m_pendingJobs);
        });
    }
}

void AccountDialog::passwordStored(const CredentialResult &result, int remaining)
{
    if (!result.ok() && !m_jobFailed) {
        m_jobFailed = true;
        const QString why = result.error == CredentialError::NoKeychain
                                ? tr("There is no keychain on this computer (no Secret Service "
                                     "is running).")
                                : result.message;
        setNotice(tr("The account was saved, but the password could not be stored in the "
                     "system keychain. %1 Outpost never writes passwords to a file. Choose "
                     "\"Ask me each time\" to use the password you typed until Outpost quits.")
                      .arg(why),
                  true);
        m_askEachTime->show();
    }
    if (remaining > 0)
        return;
    setEnabled(true);
    if (!m_jobFailed)
        finishSaving();
}

void AccountDialog::rememberForSession()
{
    if (m_savedId.isEmpty())
        return;
    m_credentials->rememberForSession(m_savedId, CredentialStore::Server::Incoming,
                                      m_popPassword->text());
    if (!m_original.smtpSamePassword && !m_smtpPassword->text().isEmpty())
        m_credentials->rememberForSession(m_savedId, CredentialStore::Server::Outgoing,
                                          m_smtpPassword->text());
    finishSaving();
}

void AccountDialog::finishSaving()
{
    const Account a = account();
    // The test passed with these very settings: a new account gets its first check now.
    const bool tested = m_lastReport.popOk && m_lastReport.smtpOk &&
                        m_tested.incoming == a.incoming && m_tested.popHost == a.popHost &&
                        m_tested.popPort == a.popPort && m_tested.smtpHost == a.smtpHost &&
                        m_tested.smtpPort == a.smtpPort;
    Q_EMIT saved(m_savedId); // the window applies the accounts: the scheduler knows it now
    if (m_measuredOpen > 0)
        m_scheduler->recordMeasuredWindow(m_savedId, m_measuredOpen, m_measuredClosed);
    if (m_isNew && tested && m_scheduler->account(m_savedId))
        m_scheduler->trigger(m_savedId, Scheduler::Trigger::Manual);
    QDialog::accept();
}

void AccountDialog::measureWindow()
{
    if (m_probe)
        m_probe->abort();
    m_measure->setEnabled(false);
    m_test->setEnabled(false);
    m_log->clear();
    log(tr("Measuring the relay window: Outpost logs in over POP once, then asks the server "
           "every 30 seconds whether it would relay, until it refuses (at most 30 minutes). No "
           "mail is sent. You can go on working; Cancel stops the measurement."));
    m_verdict->setText(tr("Measuring the relay window…"));
    m_probe = new AccountProbe(m_tested, m_popPassword->text(), smtpPasswordToUse(), m_clock, this);
    m_probe->setMeasureWindow(true, 30, 30 * 60);
    connect(m_probe, &AccountProbe::step, this, &AccountDialog::log);
    connect(m_probe, &AccountProbe::finished, this, [this](const ProbeReport &report) {
        m_measure->setEnabled(true);
        m_test->setEnabled(true);
        if (m_probe)
            m_probe->deleteLater();
        if (!report.windowMeasured) {
            m_verdict->setText(tr("The window could not be measured: %1")
                                   .arg(report.verdict().join(QLatin1Char(' '))));
            Q_EMIT measureFinished(report);
            return;
        }
        m_measuredOpen = report.windowOpenSeconds;
        m_measuredClosed = report.windowClosedSeconds;
        // Plan with what surely works: the last relay the server allowed.
        if (m_measuredClosed > 0 && m_window->value() > m_measuredOpen)
            m_window->setValue(qMax(m_window->minimum(), m_measuredOpen));
        showLearnedWindow();
        m_verdict->setText(m_learned->text());
        log(QStringLiteral("→ ") + m_learned->text());
        Q_EMIT measureFinished(report);
    });
    m_probe->start();
}

void AccountDialog::log(const QString &line)
{
    m_log->appendPlainText(line);
}

void AccountDialog::testSettings()
{
    const Account a = account();
    const QString problem = a.validate();
    if (!problem.isEmpty()) {
        setNotice(problem, true);
        return;
    }
    setNotice({}, false);
    if (m_probe)
        m_probe->abort();
    m_log->clear();
    m_useStartTls->hide();
    m_verdict->setText(tr("Testing…"));
    m_test->setEnabled(false);
    m_tested = a;
    m_probe = new AccountProbe(a, m_popPassword->text(), smtpPasswordToUse(), m_clock, this);
    connect(m_probe, &AccountProbe::step, this, &AccountDialog::log);
    connect(m_probe, &AccountProbe::transcript, this,
            [this](const QString &line) { log(QStringLiteral("    ") + line); });
    connect(m_probe, &AccountProbe::finished, this, &AccountDialog::probeFinished);
    m_probe->start();
}

void AccountDialog::probeFinished(const ProbeReport &report)
{
    m_test->setEnabled(true);
    if (m_probe)
        m_probe->deleteLater();
    const QStringList sentences = report.verdict();
    // One paragraph; Japanese sentences follow each other without a space.
    QString paragraph;
    for (const QString &sentence : sentences) {
        if (!paragraph.isEmpty() && !paragraph.endsWith(QChar(0x3002)))
            paragraph += QLatin1Char(' ');
        paragraph += sentence;
    }
    m_verdict->setText(paragraph);
    log(QString());
    for (const QString &sentence : sentences)
        log(QStringLiteral("→ ") + sentence);
    m_lastReport = report;
    m_useStartTls->setVisible(report.popStartTlsAvailable || report.smtpStartTlsAvailable);
    m_measure->setVisible(report.needsPopBeforeSmtp());
    Q_EMIT testFinished(report);
    for (const NetError *error : {&report.smtpError, &report.popError}) {
        if (error->kind == NetError::Tls && !error->certificate.isNull()) {
            offerCertificate(error->certificate);
            break;
        }
    }
}

void AccountDialog::switchToStartTls()
{
    // The server offered STARTTLS on the port that was tested: keep that port (the port
    // would otherwise follow the security choice, e.g. 25 -> 587).
    auto use = [](QComboBox *security, QSpinBox *port, quint16 testedPort) {
        security->setCurrentIndex(security->findData(int(Security::StartTls)));
        port->setValue(testedPort);
    };
    if (m_lastReport.popStartTlsAvailable)
        use(m_popSecurity, m_popPort, m_tested.popPort);
    if (m_lastReport.smtpStartTlsAvailable)
        use(m_smtpSecurity, m_smtpPort, m_tested.smtpPort);
    m_useStartTls->hide();
    testSettings();
}

void AccountDialog::offerCertificate(const CertificateInfo &info)
{
    auto *dialog = new CertificateDialog(info, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, info] {
        const QString fingerprint = QString::fromLatin1(info.sha256);
        if (!m_original.trustedFingerprints.contains(fingerprint))
            m_original.trustedFingerprints.append(fingerprint);
        setNotice(tr("The certificate is trusted for this account once you press OK. Press "
                     "\"Test settings\" to try again."),
                  false);
    });
    dialog->open();
}

} // namespace Outpost
