#include "Autostart.h"
#include "PreferencesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

using Outpost::PreferencesDialog;

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

    void dialogKeepsLanguageAndTrayChoice()
    {
        QTemporaryDir profile;
        QCOMPARE(PreferencesDialog::language(profile.path()), QStringLiteral("system"));
        PreferencesDialog dialog(profile.path());
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(language);
        language->setCurrentIndex(language->findData(QStringLiteral("ja")));
        dialog.findChild<QCheckBox *>(QStringLiteral("startAtLogin"))->setChecked(true);
        dialog.accept();
        QCOMPARE(PreferencesDialog::language(profile.path()), QStringLiteral("ja"));
        QVERIFY(Outpost::Autostart::isEnabled());
        QVERIFY(Outpost::Autostart::setEnabled(false, QString()));
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
