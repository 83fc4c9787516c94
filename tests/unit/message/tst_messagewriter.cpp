#include "message/AddressParser.h"
#include "message/HeaderCodec.h"
#include "message/MessageReader.h"
#include "message/MessageWriter.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Outpost;

namespace {

MailAddress addr(const char *text)
{
    return AddressParser::parseMailbox(QString::fromUtf8(text)).addresses.value(0);
}

// Every line ends in CRLF, none is over 998 octets, no bare CR or LF, no NUL.
void checkWireFormat(const QByteArray &bytes)
{
    QVERIFY(bytes.endsWith("\r\n"));
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype lf = bytes.indexOf('\n', start);
        QVERIFY(lf > start);
        QCOMPARE(bytes.at(lf - 1), '\r');
        const QByteArray line = bytes.mid(start, lf - 1 - start);
        QVERIFY2(line.size() <= 998, line.left(60).constData());
        QVERIFY(!line.contains('\r'));
        QVERIFY(!line.contains('\0'));
        start = lf + 1;
    }
}

QByteArray headerBlock(const QByteArray &bytes)
{
    return bytes.left(bytes.indexOf("\r\n\r\n") + 2);
}

} // namespace

class TestMessageWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString makeFile(const QString &name, const QByteArray &data)
    {
        static int n = 0;
        const QString sub = m_dir.filePath(QString::number(++n));
        QDir().mkpath(sub);
        QFile f(sub + QLatin1Char('/') + name);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        return f.fileName();
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QStringList>("attachmentNames");
        QTest::addColumn<QByteArray>("expectedCharset");

        const auto u = [](const char *s) { return QString::fromUtf8(s); };
        const int utf8 = int(TextEncoding::Utf8);
        const int jis = int(TextEncoding::Iso2022Jp);
        const int automatic = int(TextEncoding::Automatic);
        const QString jpBody =
            u("山田様\nいつもお世話になっております。\n\n明日の会議は１０時からです。\n");

        QTest::newRow("ascii") << "Hello"
                               << "Hi there.\nSecond line.\n"
                               << utf8 << QStringList() << QByteArray("US-ASCII");
        QTest::newRow("japanese utf8")
            << u("会議の件") << jpBody << utf8 << QStringList() << QByteArray("UTF-8");
        QTest::newRow("japanese iso-2022-jp")
            << u("会議の件") << jpBody << jis << QStringList() << QByteArray("ISO-2022-JP");
        QTest::newRow("automatic japanese")
            << u("会議の件") << jpBody << automatic << QStringList() << QByteArray("ISO-2022-JP");
        QTest::newRow("automatic english") << "Meeting"
                                           << "See you.\n"
                                           << automatic << QStringList() << QByteArray("US-ASCII");
        QTest::newRow("iso-2022-jp fallback emoji")
            << u("絵文字😀") << u("笑顔😀です\n") << jis << QStringList() << QByteArray("UTF-8");
        QTest::newRow("iso-2022-jp fallback halfwidth kana")
            << u("ｶﾀｶﾅ") << u("ｶﾀｶﾅ\n") << jis << QStringList() << QByteArray("UTF-8");
        QTest::newRow("long ascii line")
            << "Long" << QString(5000, QLatin1Char('a')) + QLatin1Char('\n') << utf8
            << QStringList() << QByteArray("UTF-8");
        QTest::newRow("long japanese line") << u("長い行") << u("あ").repeated(3000) << jis
                                            << QStringList() << QByteArray("ISO-2022-JP");
        QTest::newRow("lone dots")
            << "Dots"
            << ".\n..\n.\nend\n." << utf8 << QStringList() << QByteArray("US-ASCII");
        QTest::newRow("lone dots utf8")
            << "Dots" << u(".\n..\né\n.") << utf8 << QStringList() << QByteArray("UTF-8");
        QTest::newRow("empty body")
            << "Empty" << QString() << utf8 << QStringList() << QByteArray("US-ASCII");
        QTest::newRow("empty subject and body")
            << QString() << QString() << jis << QStringList() << QByteArray("ISO-2022-JP");
        QTest::newRow("crlf and cr bodies") << "EOL"
                                            << "a\r\nb\rc\n"
                                            << utf8 << QStringList() << QByteArray("US-ASCII");
        QTest::newRow("trailing spaces")
            << "Spaces" << u("é   \nx\t\n") << utf8 << QStringList() << QByteArray("UTF-8");
        QTest::newRow("mostly binary-ish utf8 → base64")
            << u("ロシア") << u("Привет мир, это тест. ").repeated(40) << utf8 << QStringList()
            << QByteArray("UTF-8");
        QTest::newRow("attachments utf8 names")
            << u("添付") << u("添付します。\n") << utf8
            << QStringList{u("見積書.pdf"), "plain.txt",
                           u("とても長いファイル名のテストです、七十八桁を確実に超えるようにさらに"
                             "長くしておきます.docx")}
            << QByteArray("UTF-8");
        QTest::newRow("attachments iso-2022-jp names")
            << u("添付") << u("添付します。\n") << jis
            << QStringList{u("見積書.pdf"), u("写真 1.jpg")} << QByteArray("ISO-2022-JP");
        QStringList many;
        for (int i = 0; i < 25; ++i)
            many << u("ファイル%1.bin").arg(i);
        QTest::newRow("many attachments") << "Many"
                                          << "see attached\n"
                                          << utf8 << many << QByteArray("US-ASCII");
        QTest::newRow("attachment with empty body")
            << "Only file" << QString() << utf8 << QStringList{"a.txt"} << QByteArray("US-ASCII");
        QTest::newRow("crlf and nul in subject")
            << QStringLiteral("Hello\r\nBcc: victim@example.org\r\n\r\nbody") + QChar(0) +
                   QStringLiteral("x")
            << "text\n"
            << utf8 << QStringList() << QByteArray("US-ASCII");
        QTest::newRow("crlf in japanese subject, iso-2022-jp")
            << u("件名\r\nBcc: 注入") + QChar(0) << u("本文\n") << jis << QStringList()
            << QByteArray("ISO-2022-JP");
        QTest::newRow("quote in file name")
            << "q"
            << "x\n"
            << utf8 << QStringList{"say \"hi\".txt"} << QByteArray("US-ASCII");
    }

    void roundTrip()
    {
        QFETCH(QString, subject);
        QFETCH(QString, body);
        QFETCH(int, encoding);
        QFETCH(QStringList, attachmentNames);
        QFETCH(QByteArray, expectedCharset);

        OutgoingMessage m;
        m.from = addr("鈴木 一郎 <suzuki@example.co.jp>");
        m.to = {addr("山田 太郎 <yamada@example.ne.jp>"), addr("b@example.org")};
        m.cc = {addr("\"Cc, Person\" <cc@example.org>")};
        m.bcc = {addr("Hidden Person <hidden@example.org>")};
        m.replyTo = {addr("replies@example.co.jp")};
        m.subject = subject;
        m.body = body;
        m.encoding = TextEncoding(encoding);
        m.inReplyTo = "orig.123@example.ne.jp";
        m.references = {"first.1@example.ne.jp", "orig.123@example.ne.jp"};
        QList<QByteArray> contents;
        for (qsizetype i = 0; i < attachmentNames.size(); ++i) {
            QByteArray data;
            for (int k = 0; k < 100 + int(i) * 997; ++k)
                data += char((k * 31 + int(i)) & 0xff);
            contents << data;
            m.attachments.append(
                {makeFile(QStringLiteral("f%1").arg(i), data), attachmentNames.at(i), {}});
        }

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        MessageError error;
        const std::optional<Envelope> envelope = MessageWriter::write(m, &buffer, &error);
        QVERIFY2(envelope, qPrintable(error.message));
        const QByteArray bytes = buffer.data();
        checkWireFormat(bytes);
        QCOMPARE(envelope->size, bytes.size());
        QCOMPARE(envelope->sender, QStringLiteral("suzuki@example.co.jp"));
        QCOMPARE(envelope->recipients, (QStringList{"yamada@example.ne.jp", "b@example.org",
                                                    "cc@example.org", "hidden@example.org"}));
        QCOMPARE(envelope->bcc, QStringList{"hidden@example.org"});
        QVERIFY(!envelope->needs8BitMime);
        QVERIFY(!envelope->needsSmtpUtf8);
        for (const char c : bytes)
            QVERIFY(static_cast<unsigned char>(c) < 0x80);

        const QByteArray header = headerBlock(bytes);
        QVERIFY(!header.contains("hidden"));
        QVERIFY(!header.toLower().contains("\nbcc:"));
        QVERIFY(!bytes.contains("hidden@example.org"));
        for (const QByteArray &line : header.split('\n'))
            QVERIFY2(line.size() <= 79, line.constData()); // 78 + the CR
        QVERIFY(header.contains("MIME-Version: 1.0\r\n"));
        QVERIFY(header.contains("User-Agent: Outpost/"));
        QVERIFY(header.contains("In-Reply-To: <orig.123@example.ne.jp>\r\n"));
        QVERIFY(header.contains("References: <first.1@example.ne.jp> <orig.123@example.ne.jp>"));
        QVERIFY(header.contains("Message-ID: <" + envelope->messageId + ">\r\n"));
        QVERIFY(bytes.contains("charset=" + expectedCharset));
        if (expectedCharset == "ISO-2022-JP" && !subject.isEmpty())
            QVERIFY(header.contains("Subject: =?ISO-2022-JP?B?"));

        const ParsedMessage parsed = MessageReader::parse(bytes);
        // Control characters become spaces; nothing else changes.
        QCOMPARE(parsed.subject(), HeaderCodec::sanitize(subject).simplified());
        QVERIFY(!header.contains("\nBcc"));
        QString expectedBody = body;
        expectedBody.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        expectedBody.replace(QLatin1Char('\r'), QLatin1Char('\n'));
        if (!expectedBody.isEmpty() && !expectedBody.endsWith(QLatin1Char('\n')))
            expectedBody += QLatin1Char('\n');
        QCOMPARE(parsed.text(), expectedBody);
        QCOMPARE(parsed.from().value(0), m.from);
        QCOMPARE(parsed.to(), m.to);
        QCOMPARE(parsed.cc(), m.cc);
        QCOMPARE(parsed.replyTo(), m.replyTo);
        QCOMPARE(parsed.messageId(), envelope->messageId);
        QVERIFY(parsed.date().isValid());
        QCOMPARE(parsed.attachments().size(), attachmentNames.size());
        for (qsizetype i = 0; i < attachmentNames.size(); ++i) {
            QCOMPARE(parsed.attachments().at(int(i)).fileName, attachmentNames.at(i));
            if (attachmentNames.at(i).endsWith(QLatin1String(".pdf")))
                QCOMPARE(parsed.attachments().at(int(i)).mimeType, QByteArray("application/pdf"));
            if (attachmentNames.at(i).endsWith(QLatin1String(".jpg")))
                QCOMPARE(parsed.attachments().at(int(i)).mimeType, QByteArray("image/jpeg"));
            QCOMPARE(parsed.attachments().at(int(i)).size, contents.at(i).size());
            QCOMPARE(parsed.attachmentData(int(i)), contents.at(i));
        }
    }

    void headerFieldsCannotInject()
    {
        OutgoingMessage m;
        m.from = MailAddress(QStringLiteral("Evil\r\nBcc: x@evil.example"), QStringLiteral("a"),
                             QStringLiteral("example.org"));
        m.to = {addr("b@example.org")};
        m.subject = QStringLiteral("Hi\r\nBcc: victim@example.org\r\n\r\nInjected body") + QChar(0);
        m.body = QStringLiteral("body\n");
        m.attachments.append({makeFile(QStringLiteral("x.txt"), "data"),
                              QStringLiteral("evil\r\nContent-Type: text/html\r\n.txt"),
                              QByteArray("text/plain\r\nX-Evil: 1")});
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        MessageError error;
        QVERIFY(MessageWriter::write(m, &buffer, &error));
        const QByteArray bytes = buffer.data();
        checkWireFormat(bytes);
        const QByteArray header = headerBlock(bytes);
        QVERIFY(!header.contains("\nBcc:"));
        QVERIFY(!header.contains("\nInjected"));
        QVERIFY(!bytes.contains("\nX-Evil"));
        QVERIFY(!bytes.contains("X-Evil")); // the bad type was refused, the name decides
        QVERIFY(bytes.contains("Content-Type: text/plain;\r\n charset=utf-8;\r\n name="));
        QVERIFY(!bytes.contains("\nContent-Type: text/html"));
        const ParsedMessage parsed = MessageReader::parse(bytes);
        QCOMPARE(parsed.text(), QStringLiteral("body\n"));
        QCOMPARE(parsed.attachments().size(), 1);
    }

    void textAttachmentsSayTheirCharset()
    {
        OutgoingMessage m;
        m.from = addr("a@example.org");
        m.to = {addr("b@example.org")};
        m.attachments = {{makeFile(QStringLiteral("メモ.txt"), "日本語のメモ\n"), {}, {}},
                         {makeFile(QStringLiteral("data.txt"), QByteArray("bin\0ary", 7)), {}, {}},
                         {makeFile(QStringLiteral("sjis.txt"), "\x93\xfa\x96\x7b"), {}, {}}};
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(MessageWriter::write(m, &out, nullptr));
        const QByteArray bytes = out.data();
        // UTF-8 text is labelled; NUL-bearing or non-UTF-8 content is not claimed to be UTF-8.
        QVERIFY(bytes.contains("Content-Type: text/plain;\r\n charset=utf-8;\r\n name=\"=?"));
        QVERIFY(bytes.contains("name=\"data.txt\""));
        QVERIFY(!bytes.contains("charset=utf-8;\r\n name=\"data.txt\""));
        QVERIFY(bytes.contains("name=\"sjis.txt\""));
        QVERIFY(!bytes.contains("charset=utf-8;\r\n name=\"sjis.txt\""));
        const ParsedMessage parsed = MessageReader::parse(bytes);
        QCOMPARE(parsed.attachments().size(), 3);
        QCOMPARE(parsed.attachmentData(0), QByteArray("日本語のメモ\n"));
        const qsizetype memo = bytes.indexOf("name=\"=?");
        QVERIFY(memo > 0);
        QVERIFY(bytes.lastIndexOf("charset=utf-8", memo) >
                bytes.lastIndexOf("Content-Type:", memo));
    }

    void messageIdKeptWhenGiven()
    {
        OutgoingMessage m;
        m.from = addr("a@example.org");
        m.to = {addr("b@example.org")};
        m.messageId = "fixed.1@example.org";
        QBuffer first, second;
        first.open(QIODevice::WriteOnly);
        second.open(QIODevice::WriteOnly);
        QCOMPARE(MessageWriter::write(m, &first, nullptr)->messageId,
                 QByteArray("fixed.1@example.org"));
        QCOMPARE(MessageWriter::write(m, &second, nullptr)->messageId,
                 QByteArray("fixed.1@example.org"));
        m.messageId.clear();
        QBuffer third;
        third.open(QIODevice::WriteOnly);
        const QByteArray made = MessageWriter::write(m, &third, nullptr)->messageId;
        QVERIFY(made.endsWith("@example.org"));
        QVERIFY(made != MessageWriter::makeMessageId(QStringLiteral("example.org")));
    }

    void idnAndSmtpUtf8()
    {
        OutgoingMessage m;
        m.from = addr("a@example.org");
        m.to = {addr("user@例え.jp")};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const auto envelope = MessageWriter::write(m, &buffer, nullptr);
        QVERIFY(envelope);
        QVERIFY(!envelope->needsSmtpUtf8);
        QVERIFY(headerBlock(buffer.data()).contains("To: user@xn--r8jz45g.jp\r\n"));
        QCOMPARE(envelope->recipients, QStringList{QString::fromUtf8("user@例え.jp")});

        m.to = {addr("山田@example.jp")};
        QBuffer utf8;
        utf8.open(QIODevice::WriteOnly);
        const auto e2 = MessageWriter::write(m, &utf8, nullptr);
        QVERIFY(e2);
        QVERIFY(e2->needsSmtpUtf8);
        QVERIFY(e2->needs8BitMime);
    }

    void dateUsesLocalOffset()
    {
        OutgoingMessage m;
        m.from = addr("a@example.org");
        m.to = {addr("b@example.org")};
        m.date = QDateTime(QDate(2026, 11, 28), QTime(15, 0, 0), QTimeZone(9 * 3600));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(MessageWriter::write(m, &buffer, nullptr));
        QVERIFY(buffer.data().startsWith("Date: Sat, 28 Nov 2026 15:00:00 +0900\r\n"));
    }

    void errors()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        MessageError error;
        OutgoingMessage m;
        m.to = {addr("b@example.org")};
        QVERIFY(!MessageWriter::write(m, &buffer, &error));
        QCOMPARE(error.kind, MessageError::Kind::InvalidAddress);
        m.from = addr("a@example.org");
        m.to.clear();
        QVERIFY(!MessageWriter::write(m, &buffer, &error));
        QCOMPARE(error.kind, MessageError::Kind::NoRecipients);
        QVERIFY(!error.message.isEmpty());
        m.bcc = {addr("only-bcc@example.org")};
        QVERIFY(MessageWriter::write(m, &buffer, &error));
        QVERIFY(buffer.data().contains("To: undisclosed-recipients:;\r\n"));
        m.attachments.append({m_dir.filePath(QStringLiteral("missing.bin")), {}, {}});
        QBuffer other;
        other.open(QIODevice::WriteOnly);
        QVERIFY(!MessageWriter::write(m, &other, &error));
        QCOMPARE(error.kind, MessageError::Kind::AttachmentUnreadable);
        QVERIFY(other.data().isEmpty()); // checked before the first byte
    }

    void import()
    {
        const QByteArray source = "From: Sender <s@example.org>\n"
                                  "To: a@example.org, B <b@example.org>\n"
                                  "Cc: c@example.org\n"
                                  "Bcc: secret@example.org,\n"
                                  "  other-secret@example.org\n"
                                  "Subject: imported\n"
                                  "\n"
                                  "body line\n"
                                  ".\n";
        QBuffer in;
        in.setData(source);
        in.open(QIODevice::ReadOnly);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        MessageError error;
        const auto envelope = MessageWriter::import(&in, &out, &error);
        QVERIFY2(envelope, qPrintable(error.message));
        const QByteArray bytes = out.data();
        checkWireFormat(bytes);
        QVERIFY(!bytes.contains("secret"));
        QVERIFY(bytes.contains("\r\nSubject: imported\r\n"));
        QVERIFY(bytes.startsWith("Date: "));
        QVERIFY(bytes.contains("Message-ID: <"));
        QVERIFY(bytes.endsWith("\r\n\r\nbody line\r\n.\r\n"));
        QCOMPARE(envelope->sender, QStringLiteral("s@example.org"));
        QCOMPARE(envelope->recipients,
                 (QStringList{"a@example.org", "b@example.org", "c@example.org",
                              "secret@example.org", "other-secret@example.org"}));
        QCOMPARE(envelope->bcc, (QStringList{"secret@example.org", "other-secret@example.org"}));
        QCOMPARE(envelope->size, bytes.size());

        QBuffer longIn;
        longIn.setData("From: a@x.org\r\nTo: b@y.org\r\n\r\n" + QByteArray(999, 'x') + "\r\n");
        longIn.open(QIODevice::ReadOnly);
        QBuffer longOut;
        longOut.open(QIODevice::WriteOnly);
        QVERIFY(!MessageWriter::import(&longIn, &longOut, &error));
        QCOMPARE(error.kind, MessageError::Kind::InvalidMessage);

        QBuffer okIn;
        okIn.setData("From: a@x.org\r\nTo: b@y.org\r\n\r\n" + QByteArray(998, 'x') + "\r\n");
        okIn.open(QIODevice::ReadOnly);
        QBuffer okOut;
        okOut.open(QIODevice::WriteOnly);
        QVERIFY(MessageWriter::import(&okIn, &okOut, &error));

        QBuffer noRcpt;
        noRcpt.setData("From: a@x.org\r\nSubject: x\r\n\r\nbody\r\n");
        noRcpt.open(QIODevice::ReadOnly);
        QBuffer noOut;
        noOut.open(QIODevice::WriteOnly);
        QVERIFY(!MessageWriter::import(&noRcpt, &noOut, &error));
        QCOMPARE(error.kind, MessageError::Kind::NoRecipients);
    }
};

QTEST_GUILESS_MAIN(TestMessageWriter)
#include "tst_messagewriter.moc"
