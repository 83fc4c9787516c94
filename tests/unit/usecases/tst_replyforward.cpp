#include "message/MessageReader.h"
#include "message/MessageWriter.h"
#include "usecases/ComposeMessage.h"
#include "usecases/DraftStore.h"
#include "usecases/ReplyForward.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

const QByteArray utf8Original = "From: Bob Smith <bob@example.net>\r\n"
                                "Reply-To: Bob's list <list@example.net>\r\n"
                                "To: Alice <alice@example.com>, carol@example.org\r\n"
                                "Cc: dave@example.org, Carol <CAROL@example.org>\r\n"
                                "Subject: RE: Re[2]: AW: Lunch on Friday\r\n"
                                "Date: Wed, 02 Dec 2026 12:00:00 +0000\r\n"
                                "Message-ID: <m3@example.net>\r\n"
                                "In-Reply-To: <m2@example.com>\r\n"
                                "References: <m1@example.net>\r\n <m2@example.com>\r\n"
                                "MIME-Version: 1.0\r\n"
                                "Content-Type: text/plain; charset=UTF-8\r\n"
                                "Content-Transfer-Encoding: 8bit\r\n"
                                "\r\n"
                                "Shall we meet at noon?\r\n"
                                "\r\n"
                                "> earlier text\r\n"
                                "Café at 12 — Bob\r\n";

const QByteArray jpOriginal = "From: =?ISO-2022-JP?B?GyRCOzNFREJATzobKEI=?= <taro@example.jp>\r\n"
                              "To: Alice <alice@example.com>, hanako@example.jp\r\n"
                              "Cc: ALICE@example.com, jiro@example.jp\r\n"
                              "Subject: =?ISO-2022-JP?B?UmU6IBskQjJxNUQkTjdvGyhC?=\r\n"
                              "Date: Tue, 01 Dec 2026 09:30:00 +0900\r\n"
                              "Message-ID: <jp2@example.jp>\r\n"
                              "In-Reply-To: <jp1@example.jp>\r\n"
                              "MIME-Version: 1.0\r\n"
                              "Content-Type: text/plain; charset=ISO-2022-JP\r\n"
                              "Content-Transfer-Encoding: 7bit\r\n"
                              "\r\n"
                              "\x1b"
                              "$BL@F|$N2q5D$O\x1b"
                              "(B10\x1b"
                              "$B;~$+$i$G$9!#\x1b"
                              "(B\r\n"
                              "\x1b"
                              "$B$h$m$7$/$*4j$$$7$^$9!#\x1b"
                              "(B\r\n"
                              "";

Account account(JapaneseEncoding encoding = JapaneseEncoding::Automatic)
{
    Account a;
    a.id = QStringLiteral("home");
    a.name = QStringLiteral("Home");
    a.fullName = QStringLiteral("Alice");
    a.address = QStringLiteral("alice@example.com");
    a.japaneseEncoding = encoding;
    return a;
}

} // namespace

class TestReplyForward : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void subjectPrefixesDoNotStack_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("forward");
        QTest::newRow("plain") << "Lunch"
                               << "Re: Lunch"
                               << "Fwd: Lunch";
        QTest::newRow("re") << "Re: Lunch"
                            << "Re: Lunch"
                            << "Fwd: Re: Lunch";
        QTest::newRow("stacked") << "RE: Re[2]: AW:  Lunch"
                                 << "Re: Lunch"
                                 << "Fwd: RE: Re[2]: AW:  Lunch";
        QTest::newRow("fw") << "FW: Fwd: Lunch"
                            << "Re: FW: Fwd: Lunch"
                            << "Fwd: Lunch";
        QTest::newRow("fw lower") << "fw:Lunch"
                                  << "Re: fw:Lunch"
                                  << "Fwd: Lunch";
        QTest::newRow("japanese") << QString::fromUtf8("返信: Re：会議")
                                  << "Re: " + QString::fromUtf8("会議")
                                  << "Fwd: " + QString::fromUtf8("返信: Re：会議");
        QTest::newRow("japanese forward")
            << QString::fromUtf8("転送: 会議") << "Re: " + QString::fromUtf8("転送: 会議")
            << "Fwd: " + QString::fromUtf8("会議");
        QTest::newRow("word starting with re") << "Report"
                                               << "Re: Report"
                                               << "Fwd: Report";
        QTest::newRow("empty") << ""
                               << "Re: "
                               << "Fwd: ";
    }
    void subjectPrefixesDoNotStack()
    {
        QFETCH(QString, subject);
        QFETCH(QString, reply);
        QFETCH(QString, forward);
        QCOMPARE(ReplyForward::replySubject(subject), reply);
        QCOMPARE(ReplyForward::forwardSubject(subject), forward);
    }

    void replyToUtf8Original()
    {
        const ParsedMessage original = MessageReader::parse(utf8Original);
        const ComposeContent c = ReplyForward::reply(original, account(), false);
        QCOMPARE(c.accountId, QStringLiteral("home"));
        // Reply-To is honoured.
        QVERIFY2(c.to.contains(QLatin1String("<list@example.net>")), qPrintable(c.to));
        QVERIFY(!c.to.contains(QLatin1String("bob@example.net")));
        QVERIFY(c.cc.isEmpty());
        QCOMPARE(c.subject, QStringLiteral("Re: Lunch on Friday"));
        QCOMPARE(c.inReplyTo, QByteArray("m3@example.net"));
        QCOMPARE(c.references,
                 (QList<QByteArray>{"m1@example.net", "m2@example.com", "m3@example.net"}));
        QVERIFY2(c.body.startsWith(QLatin1String("\n\nOn ")), qPrintable(c.body));
        QVERIFY(c.body.contains(QLatin1String("Bob Smith wrote:\n")));
        QVERIFY(c.body.endsWith(QString::fromUtf8("> Shall we meet at noon?\n"
                                                  ">\n"
                                                  ">> earlier text\n"
                                                  "> Café at 12 — Bob\n")));
        // The built message carries the thread.
        const ComposeMessage::Result built = ComposeMessage::build(account(), c);
        QVERIFY2(built.ok(), qPrintable(built.problem.message));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        MessageError error;
        QVERIFY(MessageWriter::write(*built.message, &out, &error));
        QVERIFY(out.data().contains("In-Reply-To: <m3@example.net>\r\n"));
        QVERIFY(out.data().contains("References: <m1@example.net> <m2@example.com>"));
        QVERIFY(out.data().contains("<m3@example.net>"));
    }

    void replyAllAddressSet()
    {
        const ParsedMessage original = MessageReader::parse(utf8Original);
        const ComposeContent c = ReplyForward::reply(original, account(), true);
        // Reply-To, then the other To; Cc stays Cc; never the account's own address; each once
        // (whatever its case).
        QVERIFY2(c.to.startsWith(QLatin1String("\"Bob's list\" <list@example.net>")) ||
                     c.to.startsWith(QLatin1String("Bob's list <list@example.net>")),
                 qPrintable(c.to));
        QVERIFY(c.to.endsWith(QLatin1String(", carol@example.org")));
        QVERIFY(!c.to.contains(QLatin1String("alice"), Qt::CaseInsensitive));
        QCOMPARE(c.cc, QStringLiteral("dave@example.org"));
        // What the compose window does with it parses back.
        const ComposeMessage::Result built = ComposeMessage::build(account(), c);
        QVERIFY2(built.ok(), qPrintable(built.problem.message));
        QCOMPARE(built.message->to.size(), 2);
        QCOMPARE(built.message->cc.size(), 1);
    }

    void replyToIso2022JpOriginal()
    {
        const ParsedMessage original = MessageReader::parse(jpOriginal);
        QCOMPARE(original.subject(), QString::fromUtf8("Re: 会議の件"));
        const ComposeContent c =
            ReplyForward::reply(original, account(JapaneseEncoding::Iso2022Jp), true);
        QCOMPARE(c.subject, QString::fromUtf8("Re: 会議の件"));
        QCOMPARE(c.to, QString::fromUtf8("山田太郎 <taro@example.jp>, hanako@example.jp"));
        QCOMPARE(c.cc, QStringLiteral("jiro@example.jp")); // ALICE@example.com is the account
        QCOMPARE(c.inReplyTo, QByteArray("jp2@example.jp"));
        // No References in the parent: its In-Reply-To, then its Message-ID.
        QCOMPARE(c.references, (QList<QByteArray>{"jp1@example.jp", "jp2@example.jp"}));
        QVERIFY2(c.body.contains(QString::fromUtf8("山田太郎 wrote:\n"
                                                   "> 明日の会議は10時からです。\n"
                                                   "> よろしくお願いします。\n")),
                 qPrintable(c.body));
        // The reply is written as the account writes new mail.
        QCOMPARE(c.encoding, std::optional<TextEncoding>(TextEncoding::Iso2022Jp));
        const ComposeMessage::Result built =
            ComposeMessage::build(account(JapaneseEncoding::Iso2022Jp), c);
        QVERIFY(built.ok());
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        MessageError error;
        QVERIFY(MessageWriter::write(*built.message, &out, &error));
        QVERIFY(out.data().contains("charset=ISO-2022-JP"));
        const ParsedMessage back = MessageReader::parse(out.data());
        QCOMPARE(back.subject(), c.subject);
        QVERIFY(back.text().contains(QString::fromUtf8("> 明日の会議は10時からです。")));
    }

    void replyToOwnMessageGoesToItsRecipients()
    {
        const ParsedMessage original = MessageReader::parse(
            "From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: x\r\n\r\nhi\r\n");
        const ComposeContent c = ReplyForward::reply(original, account(), false);
        QCOMPARE(c.to, QStringLiteral("bob@example.net"));
    }

    void forwardInline()
    {
        const ParsedMessage original = MessageReader::parse(jpOriginal);
        const ComposeContent c = ReplyForward::forward(original, account());
        QCOMPARE(c.subject, QString::fromUtf8("Fwd: Re: 会議の件"));
        QVERIFY(c.to.isEmpty());
        QVERIFY(c.inReplyTo.isEmpty());
        QVERIFY2(c.body.contains(QLatin1String("---------- Forwarded message ----------\n"
                                               "From: ")),
                 qPrintable(c.body));
        QVERIFY(c.body.contains(QString::fromUtf8("From: 山田太郎 <taro@example.jp>\n")));
        QVERIFY(c.body.contains(QString::fromUtf8("Subject: Re: 会議の件\n")));
        QVERIFY(
            c.body.contains(QLatin1String("To: Alice <alice@example.com>, hanako@example.jp\n")));
        QVERIFY(c.body.contains(QLatin1String("Date: ")));
        QVERIFY(c.body.endsWith(
            QString::fromUtf8("明日の会議は10時からです。\nよろしくお願いします。\n")));
    }

    void forwardAsAttachmentIsMessageRfc822WithTheOriginalsBytes()
    {
        QTemporaryDir dir;
        const QString originalPath = dir.filePath(QStringLiteral("original"));
        {
            QFile f(originalPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(jpOriginal);
        }
        const ParsedMessage original = MessageReader::parse(jpOriginal);
        StoreError storeError;
        const std::optional<ComposeContent> c = ReplyForward::forwardAsAttachment(
            originalPath, original, account(), dir.filePath(QStringLiteral("forwarded")),
            &storeError);
        QVERIFY2(c, qPrintable(storeError.message));
        QCOMPARE(c->subject, QString::fromUtf8("Fwd: Re: 会議の件"));
        QCOMPARE(c->messageAttachments.size(), 1);
        // A copy: the inbox may rename the original (read) while the message is written.
        QVERIFY(c->messageAttachments.first() != originalPath);
        QVERIFY(QFile::remove(originalPath));

        ComposeContent withRecipient = *c;
        withRecipient.to = QStringLiteral("bob@example.net");
        const ComposeMessage::Result built = ComposeMessage::build(account(), withRecipient);
        QVERIFY2(built.ok(), qPrintable(built.problem.message));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        MessageError error;
        QVERIFY(MessageWriter::write(*built.message, &out, &error));
        // RFC 2046 section 5.2.1: no base64 for message/rfc822.
        QVERIFY(out.data().contains("Content-Type: message/rfc822"));
        QVERIFY(!out.data().contains("base64"));
        QVERIFY(out.data().contains("\r\n\r\nFrom: =?ISO-2022-JP?B?GyRCOzNFREJATzobKEI=?= "
                                    "<taro@example.jp>\r\n")); // as it is
        const ParsedMessage sent = MessageReader::parse(out.data());
        QCOMPARE(sent.attachments().size(), 1);
        QCOMPARE(sent.attachments().first().mimeType, QByteArray("message/rfc822"));
        QCOMPARE(sent.attachmentData(0), jpOriginal);

        // A draft keeps the attached message and the thread.
        DraftStore drafts(dir.filePath(QStringLiteral("profile")));
        ComposeContent reply = ReplyForward::reply(original, account(), false);
        reply.messageAttachments = c->messageAttachments;
        const std::optional<QString> saved = drafts.save(reply);
        QVERIFY(saved);
        const std::optional<ComposeContent> loaded = drafts.load(*saved);
        QVERIFY(loaded);
        QCOMPARE(loaded->messageAttachments, reply.messageAttachments);
        QCOMPARE(loaded->inReplyTo, reply.inReplyTo);
        QCOMPARE(loaded->references, reply.references);
    }
};

QTEST_GUILESS_MAIN(TestReplyForward)
#include "tst_replyforward.moc"
