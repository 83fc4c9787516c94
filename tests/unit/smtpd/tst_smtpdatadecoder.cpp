#include "smtpd/SmtpDataDecoder.h"

#include <QTest>

using namespace Outpost;

namespace {

struct Decoded
{
    QByteArray content;
    qsizetype consumed = 0;
    bool finished = false;
    int bare = 0;
    bool tooBig = false;
};

// Feeds @p wire in pieces of @p piece octets (0: at once), as a slow client would send it.
Decoded decode(const QByteArray &wire, qsizetype piece = 0, qint64 maxSize = 0)
{
    SmtpDataDecoder decoder(maxSize);
    Decoded out;
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(1, wire.size());
    for (qsizetype at = 0; at < wire.size() && !out.finished; at += step) {
        const QByteArrayView chunk(wire.constData() + at, qMin(step, wire.size() - at));
        const SmtpDataDecoder::Step s = decoder.feed(chunk);
        out.consumed += s.consumed;
        out.finished = s.finished;
        if (!s.finished && s.consumed != chunk.size())
            qFatal("an unfinished step must use all of its input");
    }
    out.content = decoder.content();
    out.bare = decoder.bareLineEnds();
    out.tooBig = decoder.tooBig();
    return out;
}

} // namespace

class TestSmtpDataDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("bare");
        QTest::addColumn<QByteArray>("after"); // what stays for the command reader

        QTest::newRow("empty message") << QByteArray(".\r\n") << QByteArray() << 0 << QByteArray();
        QTest::newRow("one line") << QByteArray("Subject: x\r\n\r\nhi\r\n.\r\n")
                                  << QByteArray("Subject: x\r\n\r\nhi\r\n") << 0 << QByteArray();
        QTest::newRow("pipelined command after the end")
            << QByteArray("a\r\n.\r\nQUIT\r\n") << QByteArray("a\r\n") << 0
            << QByteArray("QUIT\r\n");
        QTest::newRow("stuffed dot at the start")
            << QByteArray("..a\r\n.\r\n") << QByteArray(".a\r\n") << 0 << QByteArray();
        QTest::newRow("stuffed lone dot")
            << QByteArray("x\r\n..\r\n.\r\n") << QByteArray("x\r\n.\r\n") << 0 << QByteArray();
        QTest::newRow("two dots stuffed")
            << QByteArray("...\r\n.\r\n") << QByteArray("..\r\n") << 0 << QByteArray();
        QTest::newRow("dot inside a line stays")
            << QByteArray("a.b\r\n. x\r\n.\r\n") << QByteArray("a.b\r\n x\r\n") << 0
            << QByteArray();
        QTest::newRow("dot line with trailing space is content")
            << QByteArray(". \r\n.\r\n") << QByteArray(" \r\n") << 0 << QByteArray();
        QTest::newRow("empty lines kept")
            << QByteArray("\r\n\r\n.\r\n") << QByteArray("\r\n\r\n") << 0 << QByteArray();
        // The SMTP smuggling sequences (2023): none ends the data.
        QTest::newRow("LF.LF does not end")
            << QByteArray("a\n.\nMAIL FROM:<x@y>\r\n.\r\n")
            << QByteArray("a\r\n.\r\nMAIL FROM:<x@y>\r\n") << 2 << QByteArray();
        QTest::newRow("LF.CRLF does not end")
            << QByteArray("a\n.\r\nRCPT TO:<x@y>\r\n.\r\n")
            << QByteArray("a\r\n.\r\nRCPT TO:<x@y>\r\n") << 1 << QByteArray();
        QTest::newRow("CRLF.LF does not end")
            << QByteArray("a\r\n.\nDATA\r\n.\r\n") << QByteArray("a\r\n\r\nDATA\r\n") << 1
            << QByteArray();
        QTest::newRow("CR.CR does not end")
            << QByteArray("a\r.\rb\r\n.\r\n") << QByteArray("a\r\n.\r\nb\r\n") << 2 << QByteArray();
        QTest::newRow("CRLF.CR does not end") << QByteArray("a\r\n.\rb\r\n.\r\n")
                                              << QByteArray("a\r\n\r\nb\r\n") << 1 << QByteArray();
        QTest::newRow("CR.CRLF does not end") << QByteArray("a\r.\r\nb\r\n.\r\n")
                                              << QByteArray("a\r\n.\r\nb\r\n") << 1 << QByteArray();
        QTest::newRow("bare LF becomes CRLF")
            << QByteArray("a\nb\r\n.\r\n") << QByteArray("a\r\nb\r\n") << 1 << QByteArray();
        QTest::newRow("CR CRLF") << QByteArray("a\r\r\n.\r\n") << QByteArray("a\r\n\r\n") << 1
                                 << QByteArray();
        QTest::newRow("NUL and 8-bit octets kept")
            << QByteArray("\xe6\x97\xa5\x00z\r\n.\r\n", 10)
            << QByteArray("\xe6\x97\xa5\x00z\r\n", 7) << 0 << QByteArray();
        QTest::newRow("a second message after the end stays with the caller")
            << QByteArray("one\r\n.\r\nMAIL FROM:<a@b>\r\n") << QByteArray("one\r\n") << 0
            << QByteArray("MAIL FROM:<a@b>\r\n");
    }

    void decodes()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QByteArray, content);
        QFETCH(int, bare);
        QFETCH(QByteArray, after);
        // At once, octet by octet, and in pieces of every size: the same result.
        for (qsizetype piece :
             {qsizetype(0), qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(5), qsizetype(7)}) {
            const Decoded d = decode(wire, piece);
            QVERIFY2(d.finished, qPrintable(QStringLiteral("piece %1").arg(piece)));
            QCOMPARE(d.content, content);
            QCOMPARE(d.bare, bare);
            QCOMPARE(wire.mid(d.consumed), after);
        }
    }

    void everySplitPointGivesTheSameResult()
    {
        const QByteArray wire("..x\r\n.\n\r\n.\r.\r\n...\r\n.\r\nNEXT");
        const Decoded whole = decode(wire);
        QVERIFY(whole.finished);
        for (qsizetype split = 1; split < wire.size(); ++split) {
            SmtpDataDecoder decoder;
            SmtpDataDecoder::Step a = decoder.feed(QByteArrayView(wire.constData(), split));
            qsizetype consumed = a.consumed;
            if (!a.finished) {
                const SmtpDataDecoder::Step b =
                    decoder.feed(QByteArrayView(wire.constData() + split, wire.size() - split));
                consumed += b.consumed;
                QVERIFY(b.finished);
            }
            QCOMPARE(decoder.content(), whole.content);
            QCOMPARE(consumed, whole.consumed);
        }
        QCOMPARE(wire.mid(whole.consumed), QByteArray("NEXT"));
    }

    void unfinishedDataWaits()
    {
        const Decoded d = decode("a\r\n.\r"); // the LF may still come
        QVERIFY(!d.finished);
        QCOMPARE(d.consumed, 5);
        const Decoded e = decode("a\r\n.");
        QVERIFY(!e.finished);
    }

    void tooBigStillFindsTheEnd()
    {
        QByteArray wire;
        for (int i = 0; i < 100; ++i)
            wire += QByteArray(70, 'x') + "\r\n";
        wire += ".\r\nQUIT\r\n";
        const Decoded d = decode(wire, 13, 1000);
        QVERIFY(d.finished);
        QVERIFY(d.tooBig);
        QVERIFY(d.content.isEmpty());
        QCOMPARE(wire.mid(d.consumed), QByteArray("QUIT\r\n"));
    }

    void aLineThatNeverEndsDoesNotGrowPastTheLimit()
    {
        SmtpDataDecoder decoder(4096);
        const QByteArray block(1024, 'y');
        for (int i = 0; i < 100; ++i)
            QVERIFY(!decoder.feed(block).finished);
        QVERIFY(decoder.tooBig());
        QVERIFY(decoder.content().size() <= 4096);
        QVERIFY(decoder.feed("\r\n.\r\n").finished);
    }

    void exactlyAtTheLimitIsKept()
    {
        const QByteArray body = QByteArray(8, 'z') + "\r\n"; // 10 octets
        const Decoded d = decode(body + ".\r\n", 1, 10);
        QVERIFY(d.finished);
        QVERIFY(!d.tooBig);
        QCOMPARE(d.content, body);
        const Decoded over = decode("." + body + ".\r\n", 1, 10); // stuffed: still 10
        QVERIFY(!over.tooBig);
        QCOMPARE(over.content, body);
        QVERIFY(decode(QByteArray(9, 'z') + "\r\n.\r\n", 0, 10).tooBig);
    }

    void resetStartsOver()
    {
        SmtpDataDecoder decoder;
        QVERIFY(decoder.feed("a\r\n.\r\n").finished);
        decoder.reset();
        QVERIFY(decoder.feed("b\r\n.\r\n").finished);
        QCOMPARE(decoder.content(), QByteArray("b\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestSmtpDataDecoder)
#include "tst_smtpdatadecoder.moc"
