#include "Autostart.h"
#include "MailtoHandler.h"
#include "PreferencesDialog.h"
#include "RelayPage.h"
#include "relay/RelayService.h"
#include "session/Session.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

using Outpost::PreferencesDialog;

namespace {
Outpost::Session::Options sessionOptions()
{
    Outpost::Session::Options o;
    o.keychainService = QStringLiteral("outpost-tests");
    o.programName = QStringLiteral("preferences test");
    return o;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;

#ifdef Q_OS_WIN
    /// HKCU\Software\Microsoft\Windows\CurrentVersion\Run\Outpost, if it is there.
    static std::optional<QString> runValue()
    {
        wchar_t value[1024];
        DWORD size = sizeof value;
        if (RegGetValueW(HKEY_CURRENT_USER, L"Software\\Microsoft\\Windows\\CurrentVersion\\Run",
                         L"Outpost", RRF_RT_REG_SZ, nullptr, value, &size) != ERROR_SUCCESS)
            return std::nullopt;
        return QString::fromWCharArray(value);
    }

    /// A string value (nullptr: the default value) of a key under HKEY_CURRENT_USER.
    static std::optional<QString> userValue(const wchar_t *key, const wchar_t *name)
    {
        wchar_t value[1024];
        DWORD size = sizeof value;
        if (RegGetValueW(HKEY_CURRENT_USER, key, name, RRF_RT_REG_SZ, nullptr, value, &size) !=
            ERROR_SUCCESS)
            return std::nullopt;
        return QString::fromWCharArray(value);
    }

    static bool userKeyExists(const wchar_t *key)
    {
        HKEY handle = nullptr;
        if (RegOpenKeyExW(HKEY_CURRENT_USER, key, 0, KEY_READ, &handle) != ERROR_SUCCESS)
            return false;
        RegCloseKey(handle);
        return true;
    }

    static constexpr const wchar_t *mailtoKey = L"Software\\Classes\\mailto";
    static constexpr const wchar_t *mailtoCommandKey =
        L"Software\\Classes\\mailto\\shell\\open\\command";
#endif

private Q_SLOTS:
    void initTestCase()
    {
        // The XDG autostart entry goes into this test's own configuration folder.
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }

    void startAtLoginWritesTheAutostartEntry()
    {
#ifdef Q_OS_WIN
        // Windows: a value in the current user's Run key, read back with the registry API.
        const QString program = QStringLiteral("C:/Program Files/Outpost/bin/outpost.exe");
        QVERIFY(!Outpost::Autostart::isEnabled());
        QVERIFY(!runValue());
        QVERIFY(Outpost::Autostart::setEnabled(true, program));
        QVERIFY(Outpost::Autostart::isEnabled());
        QCOMPARE(runValue().value_or(QString()),
                 QStringLiteral("\"C:\\Program Files\\Outpost\\bin\\outpost.exe\""));
        QVERIFY(Outpost::Autostart::setEnabled(false, QString()));
        QVERIFY(!Outpost::Autostart::isEnabled());
        QVERIFY(!runValue());
#else
        QVERIFY(Outpost::Autostart::desktopFile().startsWith(m_config.path()));
        QVERIFY(!Outpost::Autostart::isEnabled());
        QVERIFY(Outpost::Autostart::setEnabled(true, QStringLiteral("/opt/outpost/bin/outpost")));
        QVERIFY(Outpost::Autostart::isEnabled());
        QFile file(Outpost::Autostart::desktopFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray entry = file.readAll();
        QVERIFY(entry.contains("Exec=\"/opt/outpost/bin/outpost\""));
        QVERIFY(entry.contains("Type=Application"));
        QVERIFY(Outpost::Autostart::setEnabled(false, QString()));
        QVERIFY(!Outpost::Autostart::isEnabled());
#endif
    }

    void mailtoLinksOpenOutpost()
    {
#ifdef Q_OS_WIN
        // Windows: a URL protocol in the current user's classes, read back with the registry
        // API: the key's default value, an empty "URL Protocol" value, and shell\open\command
        // with the quoted program and "%1".
        const QString program = QStringLiteral("C:/Program Files/Outpost/bin/outpost.exe");
        QVERIFY(Outpost::MailtoHandler::isSupported());
        QVERIFY(!userKeyExists(mailtoKey));
        QVERIFY(!Outpost::MailtoHandler::isRegistered(program));
        QVERIFY(Outpost::MailtoHandler::setRegistered(true, program));
        QVERIFY(Outpost::MailtoHandler::isRegistered(program));
        QCOMPARE(userValue(mailtoKey, nullptr).value_or(QString()),
                 QStringLiteral("URL:MailTo Protocol"));
        QCOMPARE(userValue(mailtoKey, L"URL Protocol"), std::optional<QString>(QString()));
        QCOMPARE(userValue(mailtoCommandKey, nullptr).value_or(QString()),
                 QStringLiteral("\"C:\\Program Files\\Outpost\\bin\\outpost.exe\" \"%1\""));
        // Another copy of Outpost elsewhere is not the one registered, and cannot remove it.
        const QString other = QStringLiteral("D:/Portable/Outpost/outpost.exe");
        QVERIFY(!Outpost::MailtoHandler::isRegistered(other));
        QVERIFY(Outpost::MailtoHandler::setRegistered(false, other));
        QVERIFY(Outpost::MailtoHandler::isRegistered(program));
        QVERIFY(Outpost::MailtoHandler::setRegistered(false, program));
        QVERIFY(!Outpost::MailtoHandler::isRegistered(program));
        QVERIFY(!userKeyExists(mailtoKey));

        // Another program's registration stays when Outpost's is turned off.
        const wchar_t foreign[] = L"\"C:\\Mail\\mail.exe\" \"%1\"";
        QCOMPARE(RegSetKeyValueW(HKEY_CURRENT_USER, mailtoCommandKey, nullptr, REG_SZ, foreign,
                                 sizeof foreign),
                 LSTATUS(ERROR_SUCCESS));
        QVERIFY(Outpost::MailtoHandler::setRegistered(false, program));
        QCOMPARE(userValue(mailtoCommandKey, nullptr).value_or(QString()),
                 QString::fromWCharArray(foreign));
        QCOMPARE(RegDeleteTreeW(HKEY_CURRENT_USER, mailtoKey), LSTATUS(ERROR_SUCCESS));

        // The dialog's check box registers the running program, and unregisters it.
        QTemporaryDir profile;
        Outpost::Session session(profile.path(), sessionOptions());
        QVERIFY(!session.open().isError());
        const QString self = QApplication::applicationFilePath();
        {
            PreferencesDialog dialog(profile.path(), session.relay(), session.accounts());
            auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("openMailto"));
            QVERIFY(box);
            QVERIFY(!box->isChecked());
            box->setChecked(true);
            dialog.accept();
        }
        QVERIFY(Outpost::MailtoHandler::isRegistered(self));
        QCOMPARE(userValue(mailtoCommandKey, nullptr).value_or(QString()),
                 QStringLiteral("\"%1\" \"%2\"")
                     .arg(QDir::toNativeSeparators(self), QStringLiteral("%1")));
        {
            PreferencesDialog dialog(profile.path(), session.relay(), session.accounts());
            auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("openMailto"));
            QVERIFY(box && box->isChecked());
            box->setChecked(false);
            dialog.accept();
        }
        QVERIFY(!Outpost::MailtoHandler::isRegistered(self));
        QVERIFY(!userKeyExists(mailtoKey));
#else
        // Linux: the desktop entry's MimeType=x-scheme-handler/mailto does it; nothing to
        // switch, and the dialog offers nothing.
        QVERIFY(!Outpost::MailtoHandler::isSupported());
        QVERIFY(!Outpost::MailtoHandler::setRegistered(true, QStringLiteral("/usr/bin/outpost")));
        QTemporaryDir profile;
        Outpost::Session session(profile.path(), sessionOptions());
        QVERIFY(!session.open().isError());
        PreferencesDialog dialog(profile.path(), session.relay(), session.accounts());
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("openMailto")));
#endif
    }

    void dialogKeepsLanguageAndTrayChoice()
    {
        QTemporaryDir profile;
        QCOMPARE(PreferencesDialog::language(profile.path()), QStringLiteral("system"));
        Outpost::Session session(profile.path(), sessionOptions());
        QVERIFY(!session.open().isError());
        PreferencesDialog dialog(profile.path(), session.relay(), session.accounts());
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(language);
        language->setCurrentIndex(language->findData(QStringLiteral("ja")));
        dialog.findChild<QCheckBox *>(QStringLiteral("startAtLogin"))->setChecked(true);
        dialog.accept();
        QCOMPARE(PreferencesDialog::language(profile.path()), QStringLiteral("ja"));
        QVERIFY(Outpost::Autostart::isEnabled());
        QVERIFY(Outpost::Autostart::setEnabled(false, QString()));
    }

    void relayPageTurnsTheRelayOnAndShowsWhatToEnter()
    {
        QTemporaryDir profile;
        Outpost::Session session(profile.path(), sessionOptions());
        QVERIFY(!session.open().isError());
        Outpost::Account account;
        account.id = QStringLiteral("home");
        account.name = QStringLiteral("Home");
        account.address = QStringLiteral("taro@example.jp");
        account.popHost = account.smtpHost = QStringLiteral("127.0.0.1");
        account.popUser = QStringLiteral("taro");
        QString error;
        QVERIFY(session.accounts()->add(account, &error));
        Outpost::StoreError storeError;
        QVERIFY(session.applyAccounts(&storeError));
        Outpost::RelayService *relay = session.relay();
        relay->start(); // as the window does; off until the user turns it on
        QVERIFY(!relay->isListening());

        PreferencesDialog dialog(profile.path(), relay, session.accounts());
        dialog.showRelayPage();
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("relayStatus"));
        QCOMPARE(status->text(), QStringLiteral("The relay is off."));
        dialog.findChild<QCheckBox *>(QStringLiteral("relayEnabled"))->setChecked(true);
        const quint16 port = freePort();
        dialog.findChild<QSpinBox *>(QStringLiteral("relayPort"))->setValue(port);
        auto *steps = dialog.findChild<QLabel *>(QStringLiteral("relaySteps"));
        QVERIFY(steps->text().contains(QString::number(port)));
        QVERIFY(steps->text().contains(QStringLiteral("Thunderbird")));
        QVERIFY(steps->text().contains(QStringLiteral("<b>Home</b>")));
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("relayUser"))->currentText(),
                 QStringLiteral("Home"));

        QSignalSpy started(relay, &Outpost::RelayService::started);
        dialog.accept();
        QVERIFY(started.wait(10000));
        QVERIFY2(relay->isListening(), qPrintable(relay->problem()));
        QCOMPARE(relay->server()->port(), port);
        QCOMPARE(relay->settings().port, port);
        QTRY_VERIFY(
            status->text().startsWith(QStringLiteral("Listening on localhost, port %1").arg(port)));
        // The password made on the first start is shown (hidden until asked) and copied.
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("relayPassword"));
        QTRY_COMPARE(password->text().size(), 20);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        dialog.findChild<QPushButton *>(QStringLiteral("relayShowPassword"))->click();
        QCOMPARE(password->echoMode(), QLineEdit::Normal);
        dialog.findChild<QPushButton *>(QStringLiteral("relayCopyPassword"))->click();
        QCOMPARE(QApplication::clipboard()->text(), password->text());
        QVERIFY(relay->checkPassword(password->text().toUtf8()));

        // Turned off again from the page: nothing listens.
        PreferencesDialog again(profile.path(), relay, session.accounts());
        again.findChild<QCheckBox *>(QStringLiteral("relayEnabled"))->setChecked(false);
        again.accept();
        QVERIFY(!relay->isListening());
    }

    void aPortInUseKeepsTheDialogOpenWithTheReason()
    {
        QTemporaryDir profile;
        Outpost::Session session(profile.path(), sessionOptions());
        QVERIFY(!session.open().isError());
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        Outpost::RelayService *relay = session.relay();
        relay->start();
        Outpost::RelaySettings settings;
        settings.enabled = true;
        settings.port = other.serverPort();
        QString error;
        QSignalSpy started(relay, &Outpost::RelayService::started);
        QVERIFY(relay->saveSettings(settings, &error));
        QVERIFY(started.wait(10000));
        QVERIFY(!relay->isListening());
        QVERIFY2(relay->problem().contains(QStringLiteral("already used by another program")),
                 qPrintable(relay->problem()));
        PreferencesDialog dialog(profile.path(), relay, session.accounts());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("relayStatus"))->text(),
                 relay->problem());
    }

    void networkListeningShowsTheFingerprintAndRefusesABadAddress()
    {
        if (!Outpost::RelayCertificate::canGenerate())
            QSKIP("this build makes no certificates (no OpenSSL)");
        QTemporaryDir profile;
        Outpost::Session session(profile.path(), sessionOptions());
        QVERIFY(!session.open().isError());
        Outpost::RelayService *relay = session.relay();
        relay->start();
        PreferencesDialog dialog(profile.path(), relay, session.accounts());
        dialog.showRelayPage();
        auto *network = dialog.findChild<QCheckBox *>(QStringLiteral("relayNetwork"));
        auto *address = dialog.findChild<QComboBox *>(QStringLiteral("relayNetworkAddress"));
        auto *fingerprint = dialog.findChild<QLineEdit *>(QStringLiteral("relayFingerprint"));
        auto *steps = dialog.findChild<QLabel *>(QStringLiteral("relaySteps"));
        QVERIFY(network && address && fingerprint);
        QVERIFY(!network->isChecked());
        QVERIFY(!address->isVisibleTo(&dialog));
        QVERIFY(!steps->text().contains(QStringLiteral("STARTTLS")));
        dialog.findChild<QCheckBox *>(QStringLiteral("relayEnabled"))->setChecked(true);
        network->setChecked(true);
        QVERIFY(address->isVisibleTo(&dialog));
        address->setCurrentText(QStringLiteral("192.0.2.10"));
        QVERIFY(steps->text().contains(QStringLiteral("<b>STARTTLS</b>")));
        QVERIFY(steps->text().contains(QStringLiteral("<b>192.0.2.10</b>")));

        // A typing mistake is an error, and nothing is saved.
        auto *page = dialog.findChild<Outpost::RelayPage *>();
        address->setCurrentText(QStringLiteral("192.168.1.300"));
        QString error;
        QVERIFY(!page->apply(&error));
        QVERIFY2(error.contains(QStringLiteral("192.168.1.300")), qPrintable(error));
        QVERIFY(!relay->settings().enabled);

        // Saved with a second loopback address standing in for the network (tests stay on
        // loopback): the certificate is made and its fingerprint shown.
        Outpost::RelaySettings settings = relay->settings();
        settings.enabled = true;
        settings.port = freePort();
        settings.listenAddress = QStringLiteral("127.0.0.2");
        QSignalSpy started(relay, &Outpost::RelayService::started);
        QVERIFY(relay->saveSettings(settings, &error));
        QVERIFY(started.wait(10000));
        QVERIFY2(relay->problem().isEmpty(), qPrintable(relay->problem()));
        QTRY_COMPARE(fingerprint->text(), relay->certificateFingerprint());
        QCOMPARE(fingerprint->text().size(), 95);
        dialog.findChild<QPushButton *>(QStringLiteral("relayCopyFingerprint"))->click();
        QCOMPARE(QApplication::clipboard()->text(), fingerprint->text());
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("relayStatus"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("127.0.0.2 (STARTTLS)")),
                     qPrintable(status->text()));

        // Another dialog shows the choice as saved.
        PreferencesDialog again(profile.path(), relay, session.accounts());
        QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("relayNetwork"))->isChecked());
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("relayNetworkAddress"))->currentText(),
                 QStringLiteral("127.0.0.2"));
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
