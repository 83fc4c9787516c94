#include "MainWindow.h"
#include "Translations.h"

#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using Outpost::MainWindow;

namespace {
bool hasJapanese(const QString &text)
{
    for (const QChar c : text) {
        const auto u = c.unicode();
        if ((u >= 0x3040 && u <= 0x30ff) || (u >= 0x4e00 && u <= 0x9fff))
            return true;
    }
    return false;
}
} // namespace

class TestJapanese : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(Outpost::installTranslations(QLocale(QLocale::Japanese, QLocale::Japan)));
    }
    void cleanup() { Outpost::removeTranslations(); }

    void menusAndListAreJapanese()
    {
        QTemporaryDir profile;
        MainWindow window(profile.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        for (QAction *menu : menus)
            QVERIFY2(hasJapanese(menu->text()), qPrintable(menu->text()));
        QVERIFY(hasJapanese(window.accountTree()->headerItem()->text(0)));
    }

    void englishHasOnlyPluralForms()
    {
        Outpost::removeTranslations();
        QVERIFY(Outpost::installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)));
        QTemporaryDir profile;
        MainWindow window(profile.path());
        QCOMPARE(window.accountTree()->headerItem()->text(0), QStringLiteral("Accounts"));
        QCOMPARE(QCoreApplication::translate("Outpost::Cli", "%1: %n message(s)", nullptr, 1)
                     .arg(QStringLiteral("Home")),
                 QStringLiteral("Home: 1 message"));
        QCOMPARE(QCoreApplication::translate("Outpost::Cli", "%1: %n message(s)", nullptr, 3)
                     .arg(QStringLiteral("Home")),
                 QStringLiteral("Home: 3 messages"));
    }
};

QTEST_MAIN(TestJapanese)
#include "tst_japanese.moc"
