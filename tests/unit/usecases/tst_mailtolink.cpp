// mailto: links (RFC 6068) into the compose fields.
#include "usecases/MailtoLink.h"

#include <QTest>
#include <QUrl>

using namespace Outpost;

class TestMailtoLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsTheFieldsItNames()
    {
        ComposeContent c;
        c.accountId = QStringLiteral("home");
        c.body = QStringLiteral("kept?");
        MailtoLink::apply(QUrl(QStringLiteral("mailto:bob@example.net?To=carol@example.net&cc="
                                              "dave@example.net&subject=%E4%BC%9A%E8%AD%B0%20"
                                              "today&body=Line%201%0D%0ALine%202&x-other=1")),
                          &c);
        QCOMPARE(c.to, QStringLiteral("bob@example.net, carol@example.net"));
        QCOMPARE(c.cc, QStringLiteral("dave@example.net"));
        QCOMPARE(c.subject, QStringLiteral("会議 today"));
        QCOMPARE(c.body, QStringLiteral("Line 1\r\nLine 2"));
        QCOMPARE(c.accountId, QStringLiteral("home"));
        QVERIFY(c.bcc.isEmpty());
    }

    void noAddressInThePath()
    {
        ComposeContent c;
        MailtoLink::apply(QUrl(QStringLiteral("mailto:?to=bob@example.net&bcc=eve@example.net")),
                          &c);
        QCOMPARE(c.to, QStringLiteral("bob@example.net"));
        QCOMPARE(c.bcc, QStringLiteral("eve@example.net"));
    }
};

QTEST_GUILESS_MAIN(TestMailtoLink)
#include "tst_mailtolink.moc"
