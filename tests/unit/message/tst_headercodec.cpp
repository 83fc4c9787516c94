#include "message/Charsets.h"
#include "message/HeaderCodec.h"
#include "message/MailDate.h"

#include <QTest>
#include <QTimeZone>

using namespace Outpost;

class TestHeaderCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("Hello world") << QStringLiteral("Hello world");
        QTest::newRow("b utf8") << QByteArray("=?UTF-8?B?5pel5pys6Kqe?=")
                                << QString::fromUtf8("日本語");
        QTest::newRow("q with underscore")
            << QByteArray("=?iso-8859-1?q?caf=E9_cr=E8me?=") << QString::fromUtf8("café crème");
        QTest::newRow("adjacent joined, space dropped")
            << QByteArray("=?UTF-8?B?5pel?= =?UTF-8?B?5pys?=\t=?UTF-8?B?6Kqe?=")
            << QString::fromUtf8("日本語");
        QTest::newRow("character split across words")
            << QByteArray("=?UTF-8?B?5pc=?= =?UTF-8?B?pQ==?=") << QString::fromUtf8("日");
        QTest::newRow("mixed text and words")
            << QByteArray("Re: =?UTF-8?B?5pel?= end") << QString::fromUtf8("Re: 日 end");
        QTest::newRow("iso-2022-jp")
            << QByteArray("=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=") << QString::fromUtf8("テスト");
        QTest::newRow("shift_jis word")
            << QByteArray("=?Shift_JIS?B?g2WDWINn?=") << QString::fromUtf8("テスト");
        QTest::newRow("euc-jp q") << QByteArray("=?EUC-JP?Q?=A5=C6=A5=B9=A5=C8?=")
                                  << QString::fromUtf8("テスト");
        QTest::newRow("gb2312") << QByteArray("=?gb2312?B?1tDOxA==?=") << QString::fromUtf8("中文");
        QTest::newRow("big5") << QByteArray("=?big5?B?pKSk5Q==?=") << QString::fromUtf8("中文");
        QTest::newRow("euc-kr") << QByteArray("=?euc-kr?B?x9Gx27/A?=")
                                << QString::fromUtf8("한글오");
        QTest::newRow("windows-1251")
            << QByteArray("=?windows-1251?B?z/Do4uXy?=") << QString::fromUtf8("Привет");
        QTest::newRow("iso-8859-15 euro")
            << QByteArray("=?ISO-8859-15?Q?=A4?=") << QString::fromUtf8("€");
        QTest::newRow("language suffix")
            << QByteArray("=?UTF-8*ja?B?5pel?=") << QString::fromUtf8("日");
        QTest::newRow("unknown charset readable")
            << QByteArray("=?x-unknown?Q?abc?=") << QStringLiteral("abc");
        QTest::newRow("unknown charset utf8 bytes")
            << QByteArray("=?x-foo?B?5pel?=") << QString::fromUtf8("日");
        QTest::newRow("raw utf8") << QByteArray("\xe6\x97\xa5") << QString::fromUtf8("日");
        QTest::newRow("raw iso-2022-jp")
            << QByteArray("\x1b$B%F%9%H\x1b(B") << QString::fromUtf8("テスト");
        QTest::newRow("raw shift_jis")
            << QByteArray("\x83\x65\x83\x58\x83\x67") << QString::fromUtf8("テスト");
        QTest::newRow("broken word kept")
            << QByteArray("=?UTF-8?B?abc") << QStringLiteral("=?UTF-8?B?abc");
    }

    void decode()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        QCOMPARE(HeaderCodec::decode(raw), expected);
    }

    void encodeNeverSplitsCharactersAndFolds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("charset");
        const QString japanese = QString::fromUtf8("これは非常に長い日本語の件名で、七十八桁を超え"
                                                   "て折り返されるかどうかを確かめます。絵文字も");
        QTest::newRow("utf8") << japanese << int(HeaderCodec::Charset::Utf8);
        QTest::newRow("iso-2022-jp") << japanese << int(HeaderCodec::Charset::Iso2022Jp);
        QTest::newRow("emoji")
            << QString::fromUtf8(
                   "😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚☺️"
                   "🙂"
                   "🤗"
                   "🤩"
                   "🤔"
                   "🤨😐😑😶🙄😏😣😥😮"
                   "🤐😯😪😫")
            << int(HeaderCodec::Charset::Utf8);
        QTest::newRow("iso fallback")
            << QString::fromUtf8("日本語と絵文字😀") << int(HeaderCodec::Charset::Iso2022Jp);
        QTest::newRow("long ascii")
            << QString(QStringLiteral("word ")).repeated(60) << int(HeaderCodec::Charset::Utf8);
        QTest::newRow("huge ascii token")
            << QString(1500, QLatin1Char('x')) << int(HeaderCodec::Charset::Utf8);
    }

    void encodeNeverSplitsCharactersAndFolds()
    {
        QFETCH(QString, text);
        QFETCH(int, charset);
        const QByteArray field =
            HeaderCodec::unstructuredField("Subject", text, HeaderCodec::Charset(charset));
        QVERIFY(field.startsWith("Subject: "));
        QVERIFY(field.endsWith("\r\n"));
        const QList<QByteArray> lines = field.chopped(2).split('\n');
        for (QByteArray line : lines) {
            if (line.endsWith('\r'))
                line.chop(1);
            QVERIFY2(line.size() <= 78 || !line.contains(' '), line.constData());
            QVERIFY(line.size() <= 998);
            for (const char c : line)
                QVERIFY(static_cast<unsigned char>(c) < 0x80);
        }
        const QByteArray value = HeaderCodec::unfold(field.mid(9).chopped(2));
        QCOMPARE(HeaderCodec::decode(value), text);
        // Each encoded word decodes on its own: no character is split between words.
        for (const QByteArray &word : value.split(' ')) {
            if (!word.startsWith("=?"))
                continue;
            QVERIFY(!HeaderCodec::decode(word).contains(QChar(QChar::ReplacementCharacter)));
            QVERIFY(word.size() <= 75);
        }
        if (HeaderCodec::Charset(charset) == HeaderCodec::Charset::Iso2022Jp &&
            Charsets::toIso2022Jp(text, nullptr))
            QVERIFY(field.contains("=?ISO-2022-JP?B?"));
    }

    void sanitizeStopsHeaderInjection()
    {
        const QString evil = QStringLiteral("Hello\r\nBcc: victim@example.com\nX: y") + QChar(0) +
                             QStringLiteral("z");
        const QByteArray field =
            HeaderCodec::unstructuredField("Subject", evil, HeaderCodec::Charset::Utf8);
        QCOMPARE(field.count('\n'), field.count("\r\n ") + 1); // only folds, then the end
        QVERIFY(!field.contains('\0'));
        QVERIFY(!field.contains("\nBcc:"));
        QVERIFY(field.endsWith("\r\n"));
    }

    void phrase()
    {
        QCOMPARE(
            HeaderCodec::encodePhrase(QStringLiteral("Taro Yamada"), HeaderCodec::Charset::Utf8),
            (QList<QByteArray>{"Taro", "Yamada"}));
        QCOMPARE(
            HeaderCodec::encodePhrase(QStringLiteral("Yamada, Taro"), HeaderCodec::Charset::Utf8),
            (QList<QByteArray>{"\"Yamada, Taro\""}));
        const QList<QByteArray> jp =
            HeaderCodec::encodePhrase(QString::fromUtf8("山田"), HeaderCodec::Charset::Iso2022Jp);
        QCOMPARE(jp, (QList<QByteArray>{"=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?="}));
    }

    void dateFormat()
    {
        const QDateTime t(QDate(2026, 11, 28), QTime(15, 14, 4), QTimeZone(9 * 3600));
        QCOMPARE(MailDate::format(t), QByteArray("Sat, 28 Nov 2026 15:14:04 +0900"));
        const QDateTime w(QDate(2026, 1, 5), QTime(1, 2, 3), QTimeZone(-(3 * 3600 + 30 * 60)));
        QCOMPARE(MailDate::format(w), QByteArray("Mon, 5 Jan 2026 01:02:03 -0330"));
        QCOMPARE(MailDate::parse(MailDate::format(t)), t);
    }

    void dateParse_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QDateTime>("expected");
        const auto at = [](int y, int mo, int d, int h, int mi, int s, int offset) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone(offset));
        };
        QTest::newRow("rfc5322") << QByteArray("Tue, 5 Mar 2002 18:04:11 +0900")
                                 << at(2002, 3, 5, 18, 4, 11, 32400);
        QTest::newRow("no weekday")
            << QByteArray("5 Mar 2002 18:04:11 -0500") << at(2002, 3, 5, 18, 4, 11, -18000);
        QTest::newRow("comment zone") << QByteArray("Fri, 1 Dec 2006 12:00:00 +0900 (JST)")
                                      << at(2006, 12, 1, 12, 0, 0, 32400);
        QTest::newRow("two digit year JST")
            << QByteArray("28 Feb 98 23:59:01 JST") << at(1998, 2, 28, 23, 59, 1, 32400);
        QTest::newRow("two digit year 20xx")
            << QByteArray("Sun, 1 Jan 06 00:00 GMT") << at(2006, 1, 1, 0, 0, 0, 0);
        QTest::newRow("EST") << QByteArray("Mon, 2 Jan 2006 10:00:00 EST")
                             << at(2006, 1, 2, 10, 0, 0, -18000);
        QTest::newRow("asctime") << QByteArray("Mon Jan  2 10:00:00 2006")
                                 << at(2006, 1, 2, 10, 0, 0, 0);
        QTest::newRow("full month, folded")
            << QByteArray("Monday,\r\n 2 January 2006 10:00:00 +0000")
            << at(2006, 1, 2, 10, 0, 0, 0);
        QTest::newRow("garbage") << QByteArray("not a date") << QDateTime();
        QTest::newRow("empty") << QByteArray() << QDateTime();
        QTest::newRow("bad day") << QByteArray("31 Feb 2006 10:00:00 +0000") << QDateTime();
    }

    void dateParse()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QDateTime, expected);
        const QDateTime got = MailDate::parse(raw);
        QCOMPARE(got.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(got, expected);
            QCOMPARE(got.offsetFromUtc(), expected.offsetFromUtc());
        }
    }
};

QTEST_GUILESS_MAIN(TestHeaderCodec)
#include "tst_headercodec.moc"
