#include "AccountTreeModel.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

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
        QVERIFY(hasJapanese(window.accountModel()->headerData(0, Qt::Horizontal).toString()));
    }

    void noUntranslatedVisibleText()
    {
        QTemporaryDir profile;
        MainWindow window(profile.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Product and protocol names stay as they are; any other English word is a miss.
        const QRegularExpression allowed(QStringLiteral(
            "^(Outpost|POP3?|SMTP|APOP|STARTTLS|SSL/TLS|TLS|PLAIN|LOGIN|CRAM-MD5|UTF-8|"
            "ISO-2022-JP|SASL PLAIN|USER|PASS|Ctrl|F5|[^A-Za-z]*)$"));
        auto check = [&](const QString &raw, const QString &where) {
            QString text = raw;
            text.remove(QRegularExpression(QStringLiteral("\\(&.\\)|&")));  // accelerators
            text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));     // rich-text tags
            text.remove(QRegularExpression(QStringLiteral("\\([A-Z]\\)"))); // shown accelerators
            text.remove(QStringLiteral("POP before SMTP")); // the name Japanese users know
            const QStringList words = text.split(
                QRegularExpression(QStringLiteral("[^A-Za-z0-9/-]+")), Qt::SkipEmptyParts);
            for (const QString &word : words) {
                if (word.contains(QRegularExpression(QStringLiteral("[A-Za-z]"))) &&
                    !allowed.match(word).hasMatch())
                    QFAIL(qPrintable(QStringLiteral("%1: \"%2\" (%3)").arg(where, raw, word)));
            }
        };
        QList<QMenu *> menus;
        for (QAction *a : window.menuBar()->actions())
            if (a->menu())
                menus.append(a->menu());
        for (int i = 0; i < menus.size(); ++i) {
            for (QAction *a : menus.at(i)->actions()) {
                if (a->menu())
                    menus.append(a->menu());
                if (!a->isSeparator() && a->isVisible())
                    check(a->text(), QStringLiteral("menu"));
            }
        }
        for (QToolBar *bar : window.findChildren<QToolBar *>())
            for (QAction *a : bar->actions())
                if (!a->isSeparator() && a->isVisible())
                    check(a->text(), QStringLiteral("toolbar"));
        for (QLabel *label : window.findChildren<QLabel *>())
            if (label->isVisible())
                check(label->text(), QStringLiteral("label"));
        for (QAbstractButton *button : window.findChildren<QAbstractButton *>())
            if (button->isVisible() && !button->text().isEmpty())
                check(button->text(), QStringLiteral("button"));
    }

    void englishHasOnlyPluralForms()
    {
        Outpost::removeTranslations();
        QVERIFY(Outpost::installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)));
        QTemporaryDir profile;
        MainWindow window(profile.path());
        QCOMPARE(window.accountModel()->headerData(0, Qt::Horizontal).toString(),
                 QStringLiteral("Accounts"));
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
