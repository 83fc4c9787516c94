#include "message/MessageReader.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Outpost;

namespace {

QByteArray sample(const char *name)
{
    QFile f(QStringLiteral(OUTPOST_TEST_DATA_DIR "/message/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestMessageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realMailers_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("textStart");
        QTest::addColumn<QStringList>("attachments");
        QTest::addColumn<QDateTime>("date");
        const auto u = [](const char *s) { return QString::fromUtf8(s); };
        QTest::newRow("Outlook Express, ISO-2022-JP, alternative")
            << QByteArray("outlook-express-iso2022jp.eml") << u("鈴木 一郎")
            << u("会議の件について")
            << u("山田様\n\nいつもお世話になっております。\n明日の会議は１０時からです。")
            << QStringList() << QDateTime(QDate(2002, 3, 5), QTime(18, 4, 11), QTimeZone(32400));
        QTest::newRow("Becky!, ISO-2022-JP, RFC 2047 file name")
            << QByteArray("becky-iso2022jp-attachment.eml") << u("佐藤") << u("お見積りの送付")
            << u("田中様\n\n見積書を添付いたします。") << QStringList{u("見積書.txt")}
            << QDateTime(QDate(2013, 6, 12), QTime(9, 15, 0), QTimeZone(32400));
        QTest::newRow("Thunderbird, UTF-8, RFC 2231 continuation")
            << QByteArray("thunderbird-utf8-rfc2231.eml") << u("伊藤") << u("年度末の報告書")
            << u("高橋さん\n\n報告書を添付します。") << QStringList{u("報告書_2024年度_最終版.pdf")}
            << QDateTime(QDate(2024, 4, 15), QTime(10, 20, 30), QTimeZone(32400));
        QTest::newRow("mobile, raw Shift_JIS with CP932 characters")
            << QByteArray("mobile-shiftjis-8bit.eml") << u("小林") << u("表示テスト（ソ・能・表）")
            << u("ソフトウェアの能力を表示します。\n①②③と髙﨑") << QStringList()
            << QDateTime(QDate(2006, 12, 1), QTime(12, 0, 0), QTimeZone(32400));
        QTest::newRow("Mew, EUC-JP, base64, Q words")
            << QByteArray("mew-eucjp-base64.eml") << u("渡辺") << u("週報 No.12")
            << u("今週の作業報告です。") << QStringList()
            << QDateTime(QDate(1998, 2, 28), QTime(23, 59, 1), QTimeZone(32400));
    }

    void realMailers()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, from);
        QFETCH(QString, subject);
        QFETCH(QString, textStart);
        QFETCH(QStringList, attachments);
        QFETCH(QDateTime, date);
        const QByteArray bytes = sample(file.constData());
        QVERIFY(!bytes.isEmpty());
        const ParsedMessage m = MessageReader::parse(bytes);
        QCOMPARE(m.from().value(0).displayName(), from);
        QCOMPARE(m.subject(), subject);
        QVERIFY2(m.text().startsWith(textStart), qPrintable(m.text()));
        QVERIFY(!m.textIsFromHtml());
        QStringList names;
        for (const AttachmentInfo &a : m.attachments())
            names << a.fileName;
        QCOMPARE(names, attachments);
        QCOMPARE(m.date(), date);

        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        const MessageSummary summary = MessageReader::readSummary(&buffer);
        QVERIFY(summary.valid);
        QCOMPARE(summary.from, from);
        QCOMPARE(summary.subject, subject);
        QCOMPARE(summary.date, date);
        QCOMPARE(summary.size, bytes.size());
    }

    void attachmentSaved()
    {
        const ParsedMessage m = MessageReader::parse(sample("becky-iso2022jp-attachment.eml"));
        QCOMPARE(m.attachments().size(), 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.txt"));
        MessageError error;
        QVERIFY(m.saveAttachment(0, path, &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("\x8c\xa9\x90\xcf\x8b\xe0\x8a\x7a\x81\x46\x82\x50\x82\x51"
                                         "\x81\x43\x82\x4f\x82\x4f\x82\x4f\x89\x7e\r\n"));
        QCOMPARE(m.attachments().first().size, f.size());
        QVERIFY(!m.saveAttachment(5, path, &error));
        QVERIFY(!m.saveAttachment(0, dir.filePath(QStringLiteral("no/such/dir/x")), &error));
        QCOMPARE(error.kind, MessageError::Kind::WriteFailed);
    }

    void htmlOnly()
    {
        const QByteArray bytes =
            "From: a@x.org\r\nSubject: html\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            "<html><head><style>p{color:red}</style><script>alert(1)</script></head>"
            "<body><p>Caf=C3=A9 &amp; cr&egrave;me&nbsp;&#26085;&#x672C;</p><p>second<br>line</p>"
            "<!-- hidden --></body></html>\r\n";
        const ParsedMessage m = MessageReader::parse(bytes);
        QVERIFY(m.textIsFromHtml());
        QVERIFY2(m.text().startsWith(QString::fromUtf8("Café & cr")), qPrintable(m.text()));
        QVERIFY(m.text().contains(QString::fromUtf8("日本")));
        QVERIFY(m.text().contains(QLatin1String("second\nline")));
        QVERIFY(!m.text().contains(QLatin1String("alert")));
        QVERIFY(!m.text().contains(QLatin1String("color")));
        QVERIFY(!m.text().contains(QLatin1String("hidden")));
    }

    void alternativePrefersPlain()
    {
        const QByteArray bytes =
            "From: a@x.org\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
            "--b\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n"
            "--b\r\nContent-Type: text/plain\r\n\r\nplain\r\n--b--\r\n";
        const ParsedMessage m = MessageReader::parse(bytes);
        QCOMPARE(m.text(), QStringLiteral("plain"));
        QVERIFY(m.attachments().isEmpty());
    }

    void nestedAndForwarded()
    {
        const QByteArray bytes =
            "From: a@x.org\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            "preamble\r\n--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n"
            "--inner\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: "
            "quoted-printable\r\n\r\n"
            "caf=E9 soft=\r\nbreak\r\n--inner\r\nContent-Type: "
            "text/html\r\n\r\n<b>x</b>\r\n--inner--\r\n"
            "--outer\r\nContent-Type: message/rfc822\r\n\r\nSubject: =?UTF-8?B?5pel?=\r\n\r\ninner "
            "body\r\n"
            "--outer\r\nContent-Type: image/png; name=\"pic.png\"\r\nContent-Transfer-Encoding: "
            "base64\r\n\r\n"
            "iVBORw0KGgo=\r\n--outer--\r\nepilogue\r\n";
        const ParsedMessage m = MessageReader::parse(bytes);
        QCOMPARE(m.text(), QString::fromUtf8("café softbreak"));
        QCOMPARE(m.attachments().size(), 2);
        QCOMPARE(m.attachments().at(0).fileName, QString::fromUtf8("日.eml"));
        QCOMPARE(m.attachments().at(0).mimeType, QByteArray("message/rfc822"));
        QCOMPARE(m.attachments().at(1).fileName, QStringLiteral("pic.png"));
        QCOMPARE(m.attachments().at(1).size, 8);
    }

    void unknownCharsetStaysReadable()
    {
        const QByteArray bytes = "Subject: =?x-mystery?B?SGVsbG8=?=\r\nContent-Type: text/plain; "
                                 "charset=x-mystery\r\n\r\n"
                                 "Hello \xe6\x97\xa5\r\n";
        const ParsedMessage m = MessageReader::parse(bytes);
        QCOMPARE(m.subject(), QStringLiteral("Hello"));
        QCOMPARE(m.text(), QString::fromUtf8("Hello 日\n"));
    }

    void unlabelledJapaneseGuessed()
    {
        const QByteArray sjis = "Subject: x\r\n\r\n\x93\xfa\x96\x7b\x8c\xea\r\n";
        QCOMPARE(MessageReader::parse(sjis).text(), QString::fromUtf8("日本語\n"));
        const QByteArray jis = "Subject: x\r\n\r\n\x1b$BF|K\\8l\x1b(B\r\n";
        QCOMPARE(MessageReader::parse(jis).text(), QString::fromUtf8("日本語\n"));
        const QByteArray euc =
            "Subject: "
            "x\r\n\r\n\xc6\xfc\xcb\xdc\xb8\xec\xa4\xce\xa5\xc6\xa5\xad\xa5\xb9\xa5\xc8\r\n";
        QCOMPARE(MessageReader::parse(euc).text(), QString::fromUtf8("日本語のテキスト\n"));
    }

    void malformedDoesNotCrash_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no blank line") << QByteArray("Subject: x");
        QTest::newRow("only body") << QByteArray("\r\n\r\nbody");
        QTest::newRow("boundary missing") << QByteArray("Content-Type: multipart/mixed\r\n\r\nx");
        QTest::newRow("unterminated multipart")
            << QByteArray("Content-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: "
                          "text/plain\r\n\r\nabc");
        QTest::newRow("bad base64")
            << QByteArray("Content-Transfer-Encoding: base64\r\n\r\n!!!@@@###");
        QTest::newRow("bad qp") << QByteArray(
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=4=");
        QTest::newRow("bad 2231") << QByteArray(
            "Content-Type: application/x; name*0*=utf-8'%E6%9;name*99999999*=x\r\n\r\nx");
        QTest::newRow("deep nesting") << [] {
            QByteArray b;
            for (int i = 0; i < 500; ++i)
                b += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) +
                     "\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
            return b;
        }();
        QTest::newRow("many parts") << [] {
            QByteArray b = "Content-Type: multipart/mixed; boundary=q\r\n\r\n";
            for (int i = 0; i < 5000; ++i)
                b += "--q\r\n\r\nx\r\n";
            return b;
        }();
        QTest::newRow("unterminated encoded words")
            << "Subject: " + QByteArray("=?utf-8?b?").repeated(100000) + "\r\n\r\n";
        QTest::newRow("ampersands in html")
            << "Content-Type: text/html\r\n\r\n" + QByteArray("&").repeated(400000);
        QTest::newRow("nul bytes") << QByteArray("Subject: a\0b\r\n\r\n\0\0\0", 16);
    }

    void malformedDoesNotCrash()
    {
        QFETCH(QByteArray, bytes);
        QElapsedTimer timer;
        timer.start();
        const ParsedMessage m = MessageReader::parse(bytes);
        for (int i = 0; i < m.attachments().size(); ++i)
            m.attachmentData(i);
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        MessageReader::readSummary(&buffer);
        QVERIFY(timer.elapsed() < 10000);
    }

    void summaryReadsOnlyTheHeader()
    {
        // A large body after the header is not read.
        QByteArray bytes =
            "From: =?UTF-8?B?5bGx55Sw?= <y@x.jp>\r\nSubject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=\r\n"
            "Date: Sat, 28 Nov 2026 15:14:04 +0900\r\nMessage-ID: <id.1@x.jp>\r\n\r\n";
        const qsizetype headerSize = bytes.size();
        bytes += QByteArray(4 * 1024 * 1024, 'x');
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        const MessageSummary s = MessageReader::readSummary(&buffer);
        QCOMPARE(s.from, QString::fromUtf8("山田"));
        QCOMPARE(s.fromAddress, QStringLiteral("y@x.jp"));
        QCOMPARE(s.subject, QString::fromUtf8("テスト"));
        QCOMPARE(s.messageId, QByteArray("id.1@x.jp"));
        QCOMPARE(s.size, bytes.size());
        QVERIFY(buffer.pos() < headerSize + 64 * 1024);
    }

    void formatFlowed()
    {
        const QByteArray bytes = "Content-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
                                 "This is a long \r\nparagraph.\r\n"
                                 "> quoted \r\n> text\r\n"
                                 " From stuffed\r\n"
                                 "-- \r\nsig\r\n";
        QCOMPARE(
            MessageReader::parse(bytes).text(),
            QStringLiteral("This is a long paragraph.\n> quoted text\nFrom stuffed\n-- \nsig\n"));
        const QByteArray delsp =
            "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\r\n\r\n"
            "\xe6\x97\xa5\xe6\x9c\xac \r\n\xe8\xaa\x9e\r\n";
        QCOMPARE(MessageReader::parse(delsp).text(), QString::fromUtf8("日本語\n"));
    }

    void quotedPrintable()
    {
        QCOMPARE(MessageReader::decodeQuotedPrintable("a=3Db=\r\nc=20 \r\nd= \t\r\ne=XY"),
                 QByteArray("a=bc  \r\nde=XY"));
    }
};

QTEST_GUILESS_MAIN(TestMessageReader)
#include "tst_messagereader.moc"
