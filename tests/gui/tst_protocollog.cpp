// The protocol log window: every line kept while it is closed, shown when it opens, and
// new lines shown in runs while it is open; Copy gives exactly the selected account's log.
#include "ProtocolLogWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QTest>

using namespace Outpost;

class TestProtocolLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesWhileClosedShowWhenOpened()
    {
        ProtocolLogWindow log;
        log.setAccounts({{QStringLiteral("a"), QStringLiteral("Work")},
                         {QStringLiteral("b"), QStringLiteral("Home")}});
        auto *text = log.findChild<QPlainTextEdit *>(QStringLiteral("logText"));
        QVERIFY(text);
        for (int i = 0; i < 3000; ++i)
            log.appendLine(QStringLiteral("a"), QStringLiteral("SMTP S: 250 line %1").arg(i));
        log.appendLine(QStringLiteral("b"), QStringLiteral("POP3 S: +OK other account"));
        log.appendLine(QStringLiteral("a"), QStringLiteral("★ Step 3: done"));
        QVERIFY(text->toPlainText().isEmpty()); // nothing laid out while closed
        QVERIFY(log.text().contains(QLatin1String("250 line 2999")));
        QVERIFY(!log.text().contains(QLatin1String("other account")));

        log.show();
        QVERIFY(QTest::qWaitForWindowExposed(&log));
        QCOMPARE(text->document()->blockCount(), 3001);
        QCOMPARE(text->toPlainText(), log.text());

        // While open: new lines appear (in one run, a moment later), in order.
        log.appendLine(QStringLiteral("a"), QStringLiteral("SMTP C: QUIT"));
        log.appendLine(QStringLiteral("a"), QStringLiteral("SMTP S: 221 Bye"));
        QTRY_COMPARE(text->document()->blockCount(), 3003);
        const QStringList shown = text->toPlainText().split(QLatin1Char('\n'));
        QVERIFY(shown.at(shown.size() - 2).endsWith(QLatin1String("SMTP C: QUIT")));
        QVERIFY(shown.last().endsWith(QLatin1String("SMTP S: 221 Bye")));
        QCOMPARE(text->toPlainText(), log.text());

        // The other account's log, and Copy.
        log.selectAccount(QStringLiteral("b"));
        QVERIFY(text->toPlainText().endsWith(QLatin1String("POP3 S: +OK other account")));
        QCOMPARE(text->document()->blockCount(), 1);
        log.copyAll();
        QCOMPARE(QApplication::clipboard()->text(), log.text());
    }
};

QTEST_MAIN(TestProtocolLog)
#include "tst_protocollog.moc"
