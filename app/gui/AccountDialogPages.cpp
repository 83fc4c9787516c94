// The account settings' pages (identity, receiving, sending, schedule) and how their fields
// show and make an Account; the checking, storing and testing are in AccountDialog.cpp.
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

namespace {

void addSecurityChoices(QComboBox *box)
{
    box->addItem(AccountDialog::tr("None (plain text)"), int(Security::None));
    box->addItem(AccountDialog::tr("STARTTLS"), int(Security::StartTls));
    box->addItem(AccountDialog::tr("SSL/TLS"), int(Security::Tls));
}

void select(QComboBox *box, int value)
{
    const int index = box->findData(value);
    if (index >= 0)
        box->setCurrentIndex(index);
}

QSpinBox *portBox(const QString &name)
{
    auto *box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(1, 65535);
    return box;
}

QLineEdit *lineEdit(const QString &name)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(name);
    return edit;
}

/// Keeps @p port on the default for the chosen security when it was on the old default.
void followSecurity(QComboBox *security, QSpinBox *port, quint16 (*defaultPort)(Security))
{
    QObject::connect(security, &QComboBox::currentIndexChanged, port,
                     [security, port, defaultPort] {
                         const auto previous = Security(security->property("previous").toInt());
                         const auto now = Security(security->currentData().toInt());
                         if (port->value() == defaultPort(previous))
                             port->setValue(defaultPort(now));
                         security->setProperty("previous", int(now));
                     });
}

} // namespace

QWidget *AccountDialog::identityPage()
{
    m_name = lineEdit(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Home (nifty)"));
    m_fullName = lineEdit(QStringLiteral("fullName"));
    m_fullName->setPlaceholderText(tr("e.g. Taro Yamada"));
    m_address = lineEdit(QStringLiteral("address"));
    m_address->setPlaceholderText(tr("e.g. taro@example.ne.jp"));
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->addRow(tr("Account &name:"), m_name);
    form->addRow(tr("Your &name:"), m_fullName);
    form->addRow(tr("E-mail &address:"), m_address);
    auto *hint = new QLabel(tr("The account name is only for you; recipients see your name and "
                               "address."));
    hint->setWordWrap(true);
    form->addRow(hint);
    return page;
}

QWidget *AccountDialog::receivingPage()
{
    m_popHost = lineEdit(QStringLiteral("popHost"));
    m_popHost->setPlaceholderText(tr("e.g. pop.example.ne.jp"));
    m_popPort = portBox(QStringLiteral("popPort"));
    m_incoming = new QComboBox;
    m_incoming->setObjectName(QStringLiteral("incoming"));
    m_incoming->addItem(tr("POP3"), int(IncomingProtocol::Pop3));
    m_incoming->addItem(tr("IMAP"), int(IncomingProtocol::Imap));
    m_incoming->setProperty("previous", int(IncomingProtocol::Pop3));
    m_incoming->setToolTip(tr("IMAP leaves your mailbox on the server exactly as it is: Outpost "
                              "copies new messages and never marks, moves or deletes them."));
    m_popSecurity = new QComboBox;
    m_popSecurity->setObjectName(QStringLiteral("popSecurity"));
    addSecurityChoices(m_popSecurity);
    m_popSecurity->setProperty("previous", int(Security::None));
    m_popUser = lineEdit(QStringLiteral("popUser"));
    m_popPassword = lineEdit(QStringLiteral("popPassword"));
    m_popPassword->setEchoMode(QLineEdit::Password);
    m_popLogin = new QComboBox;
    m_popLogin->setObjectName(QStringLiteral("popLogin"));
    m_popLogin->addItem(tr("Automatic (the safest the server offers)"), int(PopLogin::Auto));
    m_popLogin->addItem(tr("APOP"), int(PopLogin::Apop));
    m_popLogin->addItem(tr("USER and PASS"), int(PopLogin::UserPass));
    m_popLogin->addItem(tr("SASL PLAIN"), int(PopLogin::SaslPlain));
    m_receiveMode = new QComboBox;
    m_receiveMode->setObjectName(QStringLiteral("receiveMode"));
    m_receiveMode->addItem(tr("Download new messages"), int(ReceiveMode::Download));
    m_receiveMode->addItem(tr("Only log in (I read my mail elsewhere)"),
                           int(ReceiveMode::AuthOnly));
    m_leaveOnServer = new QCheckBox(tr("&Leave a copy of messages on the server"));
    m_leaveOnServer->setObjectName(QStringLiteral("leaveOnServer"));
    m_allowPlainText =
        new QCheckBox(tr("Allow sending my password &unencrypted when the connection has no "
                         "security"));
    m_allowPlainText->setObjectName(QStringLiteral("allowPlainText"));
    m_allowPlainText->setToolTip(tr("Some providers offer only plain-text logins. Outpost "
                                    "refuses them unless you allow it here."));

    auto *server = new QHBoxLayout;
    server->addWidget(m_popHost, 1);
    server->addWidget(new QLabel(tr("Port:")));
    server->addWidget(m_popPort);
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    // A row whose field is a layout gets no buddy: the label must name its own, or its
    // "&" shows as a character instead of a shortcut.
    form->addRow(tr("Incoming server t&ype:"), m_incoming);
    auto *serverLabel = new QLabel(tr("POP3 &server:"));
    serverLabel->setBuddy(m_popHost);
    m_incomingServerLabel = serverLabel;
    form->addRow(serverLabel, server);
    form->addRow(tr("Se&curity:"), m_popSecurity);
    form->addRow(tr("&User name:"), m_popUser);
    form->addRow(tr("&Password:"), m_popPassword);
    form->addRow(tr("&Login method:"), m_popLogin);
    form->addRow(tr("&When checking:"), m_receiveMode);
    form->addRow(QString(), m_leaveOnServer);
    form->addRow(QString(), m_allowPlainText);

    // The port follows the protocol and the security while it is on their default.
    const auto follow = [this] {
        const auto oldProtocol = IncomingProtocol(m_incoming->property("previous").toInt());
        const auto oldSecurity = Security(m_popSecurity->property("previous").toInt());
        const auto protocol = IncomingProtocol(m_incoming->currentData().toInt());
        const auto security = Security(m_popSecurity->currentData().toInt());
        if (m_popPort->value() == Account::defaultIncomingPort(oldProtocol, oldSecurity))
            m_popPort->setValue(Account::defaultIncomingPort(protocol, security));
        m_incoming->setProperty("previous", int(protocol));
        m_popSecurity->setProperty("previous", int(security));
        const bool imap = protocol == IncomingProtocol::Imap;
        m_incomingServerLabel->setText(imap ? tr("IMAP &server:") : tr("POP3 &server:"));
        m_popHost->setPlaceholderText(imap ? tr("e.g. imap.example.ne.jp")
                                           : tr("e.g. pop.example.ne.jp"));
        // IMAP never deletes on the server and picks its own login (AUTHENTICATE PLAIN or
        // LOGIN): those two POP3 choices do not apply.
        m_popLogin->setEnabled(!imap);
        m_leaveOnServer->setEnabled(!imap);
        m_leaveOnServer->setToolTip(imap ? tr("With IMAP, messages always stay on the server.")
                                         : QString());
    };
    connect(m_incoming, &QComboBox::currentIndexChanged, this, follow);
    connect(m_popSecurity, &QComboBox::currentIndexChanged, this, follow);
    return page;
}

QWidget *AccountDialog::sendingPage()
{
    m_smtpHost = lineEdit(QStringLiteral("smtpHost"));
    m_smtpHost->setPlaceholderText(tr("e.g. smtp.example.ne.jp"));
    m_smtpPort = portBox(QStringLiteral("smtpPort"));
    m_smtpSecurity = new QComboBox;
    m_smtpSecurity->setObjectName(QStringLiteral("smtpSecurity"));
    addSecurityChoices(m_smtpSecurity);
    followSecurity(m_smtpSecurity, m_smtpPort, &Account::defaultSmtpPort);
    m_smtpAuth = new QComboBox;
    m_smtpAuth->setObjectName(QStringLiteral("smtpAuth"));
    m_smtpAuth->addItem(tr("None (POP before SMTP)"), int(SmtpAuth::None));
    m_smtpAuth->addItem(tr("Automatic"), int(SmtpAuth::Auto));
    m_smtpAuth->addItem(tr("PLAIN"), int(SmtpAuth::Plain));
    m_smtpAuth->addItem(tr("LOGIN"), int(SmtpAuth::Login));
    m_smtpAuth->addItem(tr("CRAM-MD5"), int(SmtpAuth::CramMd5));
    m_smtpUser = lineEdit(QStringLiteral("smtpUser"));
    m_smtpUser->setPlaceholderText(tr("The same as for receiving"));
    m_samePassword = new QCheckBox(tr("Use the same &password as for receiving"));
    m_samePassword->setObjectName(QStringLiteral("samePassword"));
    m_smtpPassword = lineEdit(QStringLiteral("smtpPassword"));
    m_smtpPassword->setEchoMode(QLineEdit::Password);
    connect(m_smtpAuth, &QComboBox::currentIndexChanged, this, &AccountDialog::updateEnabled);
    connect(m_samePassword, &QCheckBox::toggled, this, &AccountDialog::updateEnabled);

    auto *server = new QHBoxLayout;
    server->addWidget(m_smtpHost, 1);
    server->addWidget(new QLabel(tr("Port:")));
    server->addWidget(m_smtpPort);
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    auto *serverLabel = new QLabel(tr("SMTP &server:"));
    serverLabel->setBuddy(m_smtpHost);
    form->addRow(serverLabel, server);
    form->addRow(tr("Se&curity:"), m_smtpSecurity);
    form->addRow(tr("&Authentication:"), m_smtpAuth);
    form->addRow(tr("&User name:"), m_smtpUser);
    form->addRow(QString(), m_samePassword);
    form->addRow(tr("&Password:"), m_smtpPassword);
    return page;
}

QWidget *AccountDialog::schedulePage()
{
    m_interval = new QSpinBox;
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setRange(0, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("Only when I press Send/Receive"));
    m_sendImmediately = new QCheckBox(tr("Send messages &immediately"));
    m_sendImmediately->setObjectName(QStringLiteral("sendImmediately"));
    m_checkAtStartup = new QCheckBox(tr("Check for new messages at &start-up"));
    m_checkAtStartup->setObjectName(QStringLiteral("checkAtStartup"));
    m_popBeforeSmtp = new QCheckBox(tr("Log in over &POP before sending (POP before SMTP)"));
    m_popBeforeSmtp->setObjectName(QStringLiteral("popBeforeSmtp"));
    m_window = new QSpinBox;
    m_window->setObjectName(QStringLiteral("authWindow"));
    m_window->setRange(10, 24 * 3600);
    m_window->setSuffix(tr(" s"));
    m_delayAfterPop = new QSpinBox;
    m_delayAfterPop->setObjectName(QStringLiteral("delayAfterPop"));
    m_delayAfterPop->setRange(0, 60000);
    m_delayAfterPop->setSingleStep(100);
    m_delayAfterPop->setSuffix(tr(" ms"));
    m_alertAfter = new QSpinBox;
    m_alertAfter->setObjectName(QStringLiteral("alertAfter"));
    m_alertAfter->setRange(1, 7 * 24 * 60);
    m_alertAfter->setSuffix(tr(" min"));
    m_alertAfter->setToolTip(tr("A message that has not gone out after this long, or that "
                                "failed, is shown above the message list with what to do."));
    m_learned = new QLabel;
    m_learned->setObjectName(QStringLiteral("learnedWindow"));
    m_learned->setWordWrap(true);
    connect(m_popBeforeSmtp, &QCheckBox::toggled, this, &AccountDialog::updateEnabled);

    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Check &every:"), m_interval);
    form->addRow(QString(), m_sendImmediately);
    form->addRow(QString(), m_checkAtStartup);
    form->addRow(QString(), m_popBeforeSmtp);
    form->addRow(tr("Relay &window after a login:"), m_window);
    form->addRow(tr("&Delay after the POP login:"), m_delayAfterPop);
    form->addRow(tr("Learned window:"), m_learned);
    form->addRow(tr("Warn about waiting mail a&fter:"), m_alertAfter);
    return page;
}

void AccountDialog::setAccount(const Account &a)
{
    m_original = a;
    m_name->setText(a.name);
    m_fullName->setText(a.fullName);
    m_address->setText(a.address);
    m_popHost->setText(a.popHost);
    // Ports last, after the protocol and security choices (which move a default port).
    select(m_incoming, int(a.incoming));
    m_incoming->setProperty("previous", int(a.incoming));
    select(m_popSecurity, int(a.popSecurity));
    m_popSecurity->setProperty("previous", int(a.popSecurity));
    m_popPort->setValue(a.popPort);
    m_popUser->setText(a.popUser);
    select(m_popLogin, int(a.popLogin));
    select(m_receiveMode, int(a.receiveMode));
    m_leaveOnServer->setChecked(a.leaveOnServer);
    m_allowPlainText->setChecked(a.allowPlainTextAuth);
    m_smtpHost->setText(a.smtpHost);
    select(m_smtpSecurity, int(a.smtpSecurity));
    m_smtpSecurity->setProperty("previous", int(a.smtpSecurity));
    m_smtpPort->setValue(a.smtpPort);
    select(m_smtpAuth, int(a.smtpAuth));
    m_smtpUser->setText(a.smtpUser);
    m_samePassword->setChecked(a.smtpSamePassword);
    m_interval->setValue(a.checkIntervalMinutes);
    m_sendImmediately->setChecked(a.sendImmediately);
    m_checkAtStartup->setChecked(a.checkAtStartup);
    m_popBeforeSmtp->setChecked(a.popBeforeSmtp);
    m_window->setValue(a.authWindowSeconds);
    m_delayAfterPop->setValue(a.delayAfterPopMs);
    m_alertAfter->setValue(a.alertAfterMinutes);

    showLearnedWindow();
    updateEnabled();
}

void AccountDialog::showLearnedWindow()
{
    const AuthWindow *window =
        m_original.id.isEmpty() ? nullptr : m_scheduler->authWindow(m_original.id);
    if (m_measuredOpen > 0 && m_measuredClosed > 0)
        m_learned->setText(tr("Measured: the server relays for between %1 and %2 seconds after "
                              "a login. Kept when you press OK.")
                               .arg(m_measuredOpen)
                               .arg(m_measuredClosed));
    else if (m_measuredOpen > 0)
        m_learned->setText(tr("Measured: the server still relayed %1 seconds after a login. "
                              "Kept when you press OK.")
                               .arg(m_measuredOpen));
    else if (window && window->learnedSeconds() > 0)
        m_learned->setText(tr("About %1 seconds, learned from this server's answers.")
                               .arg(window->learnedSeconds()));
    else
        m_learned->setText(tr("Not known yet: Outpost logs in over POP before each send, so "
                              "this does not hold your mail up. \"Test settings\" can measure "
                              "it."));
}

QString AccountDialog::learnedWindow() const
{
    return m_learned->text();
}

Account AccountDialog::account() const
{
    Account a = m_original;
    a.name = m_name->text().trimmed();
    a.fullName = m_fullName->text().trimmed();
    a.address = m_address->text().trimmed();
    a.popHost = m_popHost->text().trimmed();
    a.incoming = IncomingProtocol(m_incoming->currentData().toInt());
    a.popPort = quint16(m_popPort->value());
    a.popSecurity = Security(m_popSecurity->currentData().toInt());
    a.popUser = m_popUser->text().trimmed();
    a.popLogin = PopLogin(m_popLogin->currentData().toInt());
    a.receiveMode = ReceiveMode(m_receiveMode->currentData().toInt());
    a.leaveOnServer = m_leaveOnServer->isChecked();
    a.allowPlainTextAuth = m_allowPlainText->isChecked();
    a.smtpHost = m_smtpHost->text().trimmed();
    a.smtpPort = quint16(m_smtpPort->value());
    a.smtpSecurity = Security(m_smtpSecurity->currentData().toInt());
    a.smtpAuth = SmtpAuth(m_smtpAuth->currentData().toInt());
    a.smtpUser = m_smtpUser->text().trimmed();
    a.smtpSamePassword = m_samePassword->isChecked();
    a.checkIntervalMinutes = m_interval->value();
    a.sendImmediately = m_sendImmediately->isChecked();
    a.checkAtStartup = m_checkAtStartup->isChecked();
    a.popBeforeSmtp = m_popBeforeSmtp->isChecked();
    a.authWindowSeconds = m_window->value();
    a.delayAfterPopMs = m_delayAfterPop->value();
    a.alertAfterMinutes = m_alertAfter->value();
    if (a.id.isEmpty())
        a.id = m_savedId.isEmpty()
                   ? m_accounts->uniqueId(a.name.isEmpty() ? QStringLiteral("account") : a.name)
                   : m_savedId;
    return a;
}

} // namespace Outpost
