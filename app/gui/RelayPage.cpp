#include "RelayPage.h"

#include "relay/RelayService.h"
#include "store/AccountStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Outpost {

namespace {
const QString serverName = QStringLiteral("localhost");

} // namespace

RelayPage::RelayPage(RelayService *relay, const AccountStore *accounts, QWidget *parent)
    : QWidget(parent)
    , m_relay(relay)
{
    setObjectName(QStringLiteral("relayPage"));
    const RelaySettings &settings = relay->settings();

    m_enabled = new QCheckBox(tr("&Let other programs on this computer send mail through Outpost"));
    m_enabled->setObjectName(QStringLiteral("relayEnabled"));
    m_enabled->setChecked(settings.enabled);
    auto *intro = new QLabel(
        tr("Mail programs such as Thunderbird or Outlook, scanner software and scripts on this "
           "computer use Outpost as their outgoing (SMTP) server. Outpost keeps their mail in the "
           "account's outbox and sends it with the account's checks: it logs in to receive "
           "first, so servers that need \"POP before SMTP\" accept it."));
    intro->setWordWrap(true);

    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("relayPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(settings.port ? settings.port : RelaySettings::defaultPort);

    auto copyButton = [this](const QString &name, std::function<QString()> text) {
        auto *button = new QPushButton(tr("Copy"));
        button->setObjectName(name);
        connect(button, &QPushButton::clicked, this, [this, text] { copy(text()); });
        return button;
    };
    auto row = [](QWidget *field, QWidget *a, QWidget *b = nullptr, QWidget *c = nullptr) {
        auto *box = new QHBoxLayout;
        box->setContentsMargins(0, 0, 0, 0);
        box->addWidget(field, 1);
        for (QWidget *w : {a, b, c})
            if (w)
                box->addWidget(w);
        return box;
    };

    auto *server = new QLineEdit(serverName);
    server->setReadOnly(true);
    m_user = new QComboBox;
    m_user->setObjectName(QStringLiteral("relayUser"));
    for (const Account &account : accounts->accounts())
        m_user->addItem(account.name);
    m_user->setToolTip(tr("The user name chooses the account the mail goes out through: its "
                          "name or its address."));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("relayPassword"));
    m_password->setReadOnly(true);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Made when the relay is first turned on"));
    m_reveal = new QPushButton(tr("Show"));
    m_reveal->setObjectName(QStringLiteral("relayShowPassword"));
    m_reveal->setCheckable(true);
    connect(m_reveal, &QPushButton::toggled, this, [this](bool shown) {
        m_password->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    auto *renew = new QPushButton(tr("New password…"));
    renew->setObjectName(QStringLiteral("relayNewPassword"));
    connect(renew, &QPushButton::clicked, this, &RelayPage::makeNewPassword);

    auto *form = new QFormLayout;
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("Server:"), row(server, copyButton(QStringLiteral("relayCopyServer"),
                                                       [] { return serverName; })));
    auto *userLabel = new QLabel(tr("&User name:"));
    userLabel->setBuddy(m_user);
    auto copyUser = [this] { return m_user->currentText(); };
    form->addRow(userLabel, row(m_user, copyButton(QStringLiteral("relayCopyUser"), copyUser)));
    form->addRow(tr("Password:"), row(m_password, m_reveal,
                                      copyButton(QStringLiteral("relayCopyPassword"),
                                                 [this] { return m_password->text(); }),
                                      renew));
    form->addRow(tr("Encryption:"), new QLabel(tr("None (the mail does not leave this computer "
                                                  "on its way to Outpost)")));

    m_noAuth =
        new QCheckBox(tr("&Accept mail without the password from programs on this computer"));
    m_noAuth->setObjectName(QStringLiteral("relayNoAuth"));
    m_noAuth->setChecked(settings.allowUnauthenticated);
    m_noAuthWarning = new QLabel(
        tr("<b>Any program on this computer could then send mail as you.</b> The sender's address "
           "chooses the account; mail from other addresses is refused."));
    m_noAuthWarning->setWordWrap(true);
    m_noAuthWarning->setVisible(settings.allowUnauthenticated);
    connect(m_noAuth, &QCheckBox::toggled, m_noAuthWarning, &QLabel::setVisible);
    connect(m_noAuth, &QCheckBox::toggled, this, &RelayPage::updateSteps);

    m_reportToSender =
        new QCheckBox(tr("Also &send delivery reports to the sender through the account's server"));
    m_reportToSender->setObjectName(QStringLiteral("relayReportToSender"));
    m_reportToSender->setToolTip(
        tr("When mail from another program cannot be delivered, a report always goes into the "
           "account's inbox; this also mails it to the sender address that program used."));
    m_reportToSender->setChecked(settings.reportToSender);

    m_network = new QCheckBox(tr("Also accept mail from other &computers on the network"));
    m_network->setObjectName(QStringLiteral("relayNetwork"));
    m_network->setChecked(settings.listensOnNetwork());
    m_networkAddress = new QComboBox;
    m_networkAddress->setObjectName(QStringLiteral("relayNetworkAddress"));
    m_networkAddress->setEditable(true);
    m_networkAddress->addItem(QStringLiteral("0.0.0.0"));
    for (const QHostAddress &address : QNetworkInterface::allAddresses())
        if (!address.isLoopback() && !address.isLinkLocal() &&
            address.protocol() == QAbstractSocket::IPv4Protocol)
            m_networkAddress->addItem(address.toString());
    m_networkAddress->setToolTip(tr("0.0.0.0 accepts on every network this computer is on; an "
                                    "address of this computer accepts on that network only."));
    if (settings.listensOnNetwork())
        m_networkAddress->setCurrentText(settings.listenAddress);
    m_fingerprint = new QLineEdit;
    m_fingerprint->setObjectName(QStringLiteral("relayFingerprint"));
    m_fingerprint->setReadOnly(true);
    m_fingerprint->setPlaceholderText(tr("Made when the relay first listens on the network"));
    m_networkNote = new QLabel(
        tr("Other computers must use <b>STARTTLS</b> and sign in with the relay password, even "
           "when programs on this computer need none. The first time, their mail program shows "
           "Outpost's certificate: accept it only if its fingerprint is the one below."));
    m_networkNote->setWordWrap(true);
    auto *networkForm = new QFormLayout;
    networkForm->setContentsMargins(0, 0, 0, 0);
    auto *addressLabel = new QLabel(tr("Network &address:"));
    addressLabel->setBuddy(m_networkAddress);
    networkForm->addRow(addressLabel, m_networkAddress);
    networkForm->addRow(tr("Certificate fingerprint (SHA-256):"),
                        row(m_fingerprint, copyButton(QStringLiteral("relayCopyFingerprint"),
                                                      [this] { return m_fingerprint->text(); })));
    m_networkDetails = new QWidget;
    auto *networkLayout = new QVBoxLayout(m_networkDetails);
    networkLayout->setContentsMargins(0, 0, 0, 0);
    networkLayout->addWidget(m_networkNote);
    networkLayout->addLayout(networkForm);
    if (!RelayCertificate::canGenerate()) {
        m_network->setEnabled(false);
        m_network->setToolTip(tr("This version of Outpost cannot make the certificate that "
                                 "listening on the network needs."));
    }
    connect(m_network, &QCheckBox::toggled, this, &RelayPage::updateNetwork);
    connect(m_network, &QCheckBox::toggled, this, &RelayPage::updateSteps);
    connect(m_networkAddress, &QComboBox::currentTextChanged, this, &RelayPage::updateSteps);

    m_steps = new QLabel;
    m_steps->setObjectName(QStringLiteral("relaySteps"));
    m_steps->setWordWrap(true);
    m_steps->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_port, &QSpinBox::valueChanged, this, &RelayPage::updateSteps);
    connect(m_user, &QComboBox::currentTextChanged, this, &RelayPage::updateSteps);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("relayStatus"));
    m_status->setWordWrap(true);
    connect(relay, &RelayService::started, this, [this] {
        updateStatus();
        updateNetwork(); // the certificate is made on the first start on the network
        showPassword();  // made on the first start
    });
    connect(relay->server(), &RelayServer::activityChanged, this, &RelayPage::updateStatus);

    auto *details = new QWidget;
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addLayout(form);
    detailsLayout->addWidget(m_noAuth);
    detailsLayout->addWidget(m_noAuthWarning);
    detailsLayout->addWidget(m_reportToSender);
    detailsLayout->addWidget(m_network);
    detailsLayout->addWidget(m_networkDetails);
    detailsLayout->addWidget(m_steps);
    details->setEnabled(settings.enabled);
    connect(m_enabled, &QCheckBox::toggled, details, &QWidget::setEnabled);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addWidget(intro);
    layout->addWidget(details);
    layout->addWidget(m_status);
    layout->addStretch(1);

    updateSteps();
    updateStatus();
    updateNetwork();
    showPassword();
}

void RelayPage::updateNetwork()
{
    m_networkDetails->setVisible(m_network->isChecked());
    const QString fingerprint = m_relay->certificateFingerprint();
    m_fingerprint->setText(fingerprint);
    m_fingerprint->setCursorPosition(0); // its start, as other programs show it first
    m_fingerprint->setToolTip(fingerprint);
}

bool RelayPage::apply(QString *error)
{
    RelaySettings settings = m_relay->settings();
    settings.enabled = m_enabled->isChecked();
    settings.port = quint16(m_port->value());
    settings.allowUnauthenticated = m_noAuth->isChecked();
    settings.reportToSender = m_reportToSender->isChecked();
    QString address;
    if (m_network->isChecked()) {
        if (!RelaySettings::parseListenAddress(m_networkAddress->currentText(), &address, error))
            return false;
        if (address.isEmpty()) // "localhost": this computer only after all
            m_network->setChecked(false);
    }
    settings.listenAddress = address;
    return m_relay->saveSettings(settings, error);
}

void RelayPage::showPassword()
{
    m_relay->readPassword(this, [this](const CredentialResult &result) {
        if (result.ok())
            m_password->setText(result.password);
        else if (result.error != CredentialError::NotFound)
            m_password->setPlaceholderText(result.message);
    });
}

void RelayPage::makeNewPassword()
{
    const auto answer = QMessageBox::question(
        this, tr("New relay password"),
        tr("Make a new relay password? Programs that send through Outpost stop working until "
           "you enter the new password in them."));
    if (answer != QMessageBox::Yes)
        return;
    m_relay->generatePassword(this, [this](const CredentialResult &result) {
        if (!result.ok()) {
            QMessageBox::warning(
                this, tr("New relay password"),
                tr("The new password cannot be stored in the keychain: %1").arg(result.message));
            return;
        }
        m_password->setText(result.password);
    });
}

void RelayPage::updateSteps()
{
    const QString port = QString::number(m_port->value());
    const QString user = m_user->currentText().toHtmlEscaped();
    const QString account =
        user.isEmpty() ? tr("an account's name") : QStringLiteral("<b>%1</b>").arg(user);
    const QString signIn =
        m_noAuth->isChecked()
            ? tr("no authentication")
            : tr("authentication with the user name %1 and the relay password").arg(account);
    m_steps->setText(
        tr("<p><b>Thunderbird:</b> Account Settings → Outgoing Server (SMTP) → Add: server "
           "<b>localhost</b>, port <b>%1</b>, connection security <b>None</b>, then %2.</p>"
           "<p><b>Outlook (classic):</b> File → Account Settings → your account → Change: "
           "outgoing mail server <b>localhost</b>; More Settings → Outgoing Server: %2; "
           "Advanced: outgoing server (SMTP) port <b>%1</b>, encryption <b>None</b>.</p>"
           "<p><b>Scanner software or a script on this computer:</b> SMTP server "
           "<b>localhost</b>, port <b>%1</b>, no SSL/TLS, %2.</p>")
            .arg(port, signIn) +
        (m_network->isChecked()
             ? tr("<p><b>On another computer:</b> server <b>%1</b> (this computer's address), "
                  "port <b>%2</b>, connection security <b>STARTTLS</b>, authentication with the "
                  "user name %3 and the relay password.</p>")
                   .arg(RelaySettings::addressForOthers(m_networkAddress->currentText())
                            .toHtmlEscaped(),
                        port, account)
             : QString()));
}

void RelayPage::updateStatus()
{
    if (!m_relay->settings().enabled) {
        m_status->setText(tr("The relay is off."));
        return;
    }
    if (!m_relay->problem().isEmpty()) {
        m_status->setText(m_relay->problem());
        return;
    }
    if (!m_relay->isListening()) {
        m_status->setText(tr("The relay is starting…"));
        return;
    }
    const RelayServer *server = m_relay->server();
    const QString where = m_relay->settings().listensOnNetwork()
                              ? tr("Listening on localhost and on %1 (STARTTLS), port %2.")
                                    .arg(m_relay->settings().listenAddress)
                                    .arg(server->port())
                              : tr("Listening on localhost, port %1.").arg(server->port());
    m_status->setText(tr("%1 %2 Messages relayed since Outpost started: %3.")
                          .arg(where)
                          .arg(tr("%n program(s) connected now.", nullptr, server->clientCount()))
                          .arg(server->relayedCount()));
}

void RelayPage::copy(const QString &text)
{
    QApplication::clipboard()->setText(text);
}

} // namespace Outpost
