// The pure POP3 pieces: status lines, APOP timestamps, the multi-line reader.
#include "pop3/Pop3MultiLineReader.h"
#include "pop3/Pop3Response.h"

#include <QTest>

using namespace Outpost;

class TestPop3Parsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void response_data();
    void response();
    void timestamp_data();
    void timestamp();
    void multiLine();
    void blocksMatchLines();
};

void TestPop3Parsers::response_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("code");

    QTest::newRow("ok") << QByteArray("+OK 2 320") << int(Pop3Response::Ok) << QByteArray("2 320")
                        << QByteArray();
    QTest::newRow("bare ok") << QByteArray("+OK") << int(Pop3Response::Ok) << QByteArray()
                             << QByteArray();
    QTest::newRow("err") << QByteArray("-ERR no such message") << int(Pop3Response::Err)
                         << QByteArray("no such message") << QByteArray();
    QTest::newRow("resp code") << QByteArray("-ERR [IN-USE] mailbox locked")
                               << int(Pop3Response::Err) << QByteArray("mailbox locked")
                               << QByteArray("IN-USE");
    QTest::newRow("hierarchical code")
        << QByteArray("-ERR [sys/temp] try later") << int(Pop3Response::Err)
        << QByteArray("try later") << QByteArray("SYS/TEMP");
    QTest::newRow("continuation") << QByteArray("+ ") << int(Pop3Response::Continuation)
                                  << QByteArray() << QByteArray();
    QTest::newRow("okay is not ok")
        << QByteArray("+OKAY") << int(Pop3Response::Invalid) << QByteArray() << QByteArray();
    QTest::newRow("lower case") << QByteArray("+ok") << int(Pop3Response::Invalid) << QByteArray()
                                << QByteArray();
    QTest::newRow("empty") << QByteArray() << int(Pop3Response::Invalid) << QByteArray()
                           << QByteArray();
    QTest::newRow("unclosed code") << QByteArray("-ERR [AUTH failed") << int(Pop3Response::Err)
                                   << QByteArray("[AUTH failed") << QByteArray();
}

void TestPop3Parsers::response()
{
    QFETCH(QByteArray, line);
    QFETCH(int, status);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, code);
    const Pop3Response r = Pop3Response::parse(line);
    QCOMPARE(int(r.status), status);
    if (r.status == Pop3Response::Invalid)
        return;
    QCOMPARE(r.text, text);
    QCOMPARE(r.code, code);
}

void TestPop3Parsers::timestamp_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<QByteArray>("stamp");
    QTest::newRow("rfc 1939") << QByteArray("POP3 server ready <1896.697170952@dbc.mtview.ca.us>")
                              << QByteArray("<1896.697170952@dbc.mtview.ca.us>");
    QTest::newRow("none") << QByteArray("Dovecot ready.") << QByteArray();
    QTest::newRow("no at") << QByteArray("ready <12345>") << QByteArray();
    QTest::newRow("unclosed") << QByteArray("ready <1@x") << QByteArray();
    QTest::newRow("space inside") << QByteArray("ready <a b@c>") << QByteArray();
}

void TestPop3Parsers::timestamp()
{
    QFETCH(QByteArray, greeting);
    QFETCH(QByteArray, stamp);
    QCOMPARE(Pop3Response::apopTimestamp(greeting), stamp);
}

void TestPop3Parsers::multiLine()
{
    Pop3MultiLineReader reader;
    QByteArray out;
    QCOMPARE(reader.addLine("Subject: x", &out), Pop3MultiLineReader::Data);
    QCOMPARE(out, QByteArray("Subject: x"));
    QCOMPARE(reader.addLine("", &out), Pop3MultiLineReader::Data);
    QCOMPARE(out, QByteArray());
    QCOMPARE(reader.addLine("..", &out), Pop3MultiLineReader::Data); // a lone "." line
    QCOMPARE(out, QByteArray("."));
    QCOMPARE(reader.addLine("...x", &out), Pop3MultiLineReader::Data);
    QCOMPARE(out, QByteArray("..x"));
    QCOMPARE(reader.addLine(".x", &out), Pop3MultiLineReader::Data);
    QCOMPARE(out, QByteArray("x"));
    QCOMPARE(reader.lines(), 5);
    QCOMPARE(reader.addLine(".", &out), Pop3MultiLineReader::End);
    QCOMPARE(reader.lines(), 0);
}

void TestPop3Parsers::blocksMatchLines()
{
    // Message data taken in blocks, cut at every pair of places, gives exactly what the
    // line-by-line rules give, and stops right after the terminator.
    const QByteArray data("Subject: x\r\n\r\n..\r\n...dots\r\nbare\nlf\r\n.x\rcr\r\r\n"
                          "..\n.\r\n+OK next");
    QByteArray expected;
    qsizetype terminatorEnd = -1;
    {
        Pop3MultiLineReader lines;
        qsizetype at = 0;
        while (terminatorEnd < 0) {
            const qsizetype newline = data.indexOf('\n', at);
            QByteArray line = data.mid(at, newline - at);
            if (line.endsWith('\r'))
                line.chop(1);
            at = newline + 1;
            QByteArray out;
            if (lines.addLine(line, &out) == Pop3MultiLineReader::End)
                terminatorEnd = at;
            else
                expected += out + "\r\n";
        }
    }
    QCOMPARE(expected, QByteArray("Subject: x\r\n\r\n.\r\n..dots\r\nbare\r\nlf\r\nx\rcr\r\r\n"
                                  ".\r\n"));
    for (qsizetype i = 0; i <= data.size(); ++i) {
        for (qsizetype j = i; j <= data.size(); ++j) {
            Pop3MultiLineReader reader;
            reader.startBlocks();
            QByteArray out;
            QByteArray pending; // bytes received but not yet used
            qsizetype received = 0;
            bool ended = false;
            for (const qsizetype cut : {i, j, data.size()}) {
                pending += data.mid(received, cut - received);
                received = cut;
                const qsizetype used = reader.addBlock(pending, &out, &ended);
                QVERIFY(used >= pending.size() - 2 || ended);
                pending.remove(0, used);
                if (ended)
                    break;
            }
            QVERIFY2(ended, qPrintable(QStringLiteral("cut at %1 and %2").arg(i).arg(j)));
            QCOMPARE(out, expected);
            QCOMPARE(received - pending.size(), terminatorEnd); // "+OK next" left for later
        }
    }
}

QTEST_GUILESS_MAIN(TestPop3Parsers)
#include "tst_pop3parsers.moc"
