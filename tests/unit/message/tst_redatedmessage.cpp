// A message sent later is read with its Date set anew: every Date field of the header (folded
// lines too) gives way to one new field first; nothing else changes, the file included.
#include "message/RedatedMessage.h"

#include <QBuffer>
#include <QTest>

using namespace Outpost;

namespace {

const QByteArray newDate = "Date: Thu, 24 Dec 2026 09:00:00 +0900\r\n";

/// What the device gives, read in pieces of @p piece octets, and the size it announced.
QPair<QByteArray, qint64> readRedated(const QByteArray &stored, qint64 piece)
{
    auto source = std::make_unique<QBuffer>();
    source->setData(stored);
    source->open(QIODevice::ReadOnly);
    RedatedMessage device(std::move(source), newDate);
    QByteArray out;
    while (!device.atEnd()) {
        const QByteArray chunk = device.read(piece);
        if (chunk.isEmpty())
            break;
        out += chunk;
    }
    return {out, device.size()};
}

} // namespace

class TestRedatedMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesTheDate_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<qint64>("piece");
        const QByteArray body = "\r\nDate: in the body stays\r\n.\r\n";
        QTest::newRow("plain") << ("From: a@example.jp\r\nDate: Mon, 1 Dec 2026 10:00:00 +0900\r\n"
                                   "Subject: s\r\n" +
                                   body)
                               << (newDate + "From: a@example.jp\r\nSubject: s\r\n" + body)
                               << qint64(4096);
        QTest::newRow("folded, any case, space before the colon")
            << ("DATE :\r\n Mon, 1 Dec 2026\r\n\t10:00:00 +0900\r\nSubject: s\r\n" + body)
            << (newDate + "Subject: s\r\n" + body) << qint64(3);
        QTest::newRow("two Date fields") << ("Date: x\r\nSubject: s\r\ndate: y\r\n" + body)
                                         << (newDate + "Subject: s\r\n" + body) << qint64(1);
        QTest::newRow("none yet") << ("Subject: s\r\nDated: kept\r\n" + body)
                                  << (newDate + "Subject: s\r\nDated: kept\r\n" + body)
                                  << qint64(7);
        QTest::newRow("no body") << QByteArray("Subject: s\r\nDate: x\r\n")
                                 << (newDate + "Subject: s\r\n") << qint64(5);
    }

    void replacesTheDate()
    {
        QFETCH(QByteArray, stored);
        QFETCH(QByteArray, expected);
        QFETCH(qint64, piece);
        const auto [read, size] = readRedated(stored, piece);
        QCOMPARE(read, expected);
        QCOMPARE(size, expected.size()); // SIZE= and BDAT lengths come from here
    }

    void seeksAcrossTheNewHeader()
    {
        auto source = std::make_unique<QBuffer>();
        source->setData("Date: x\r\nSubject: s\r\n\r\nbody\r\n");
        source->open(QIODevice::ReadOnly);
        RedatedMessage device(std::move(source), newDate);
        const QByteArray all = newDate + "Subject: s\r\n\r\nbody\r\n";
        QCOMPARE(device.readAll(), all);
        QVERIFY(device.seek(3));
        QCOMPARE(device.readAll(), all.mid(3));
        QVERIFY(device.seek(all.size() - 6));
        QCOMPARE(device.readAll(), QByteArray("body\r\n"));
        QVERIFY(!device.seek(all.size() + 1));
    }
};

QTEST_GUILESS_MAIN(TestRedatedMessage)
#include "tst_redatedmessage.moc"
