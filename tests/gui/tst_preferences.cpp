#include "Autostart.h"
#include "PreferencesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Outpost::PreferencesDialog;

class TestPreferences : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        // The XDG autostart entry goes into this test's own configuration folder.
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }

    void startAtLoginWritesTheAutostartEntry()
    {
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
