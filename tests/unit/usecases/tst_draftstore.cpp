// Drafts: saved whole or not at all, listed newest first, a damaged file reported and kept.
#include "usecases/DraftStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

ComposeContent sample()
{
    ComposeContent c;
    c.accountId = QStringLiteral("home");
    c.to = QStringLiteral("Bob <bob@example.net>");
    c.cc = QStringLiteral("carol@example.net");
    c.bcc = QStringLiteral("dave@example.net");
    c.subject = QStringLiteral("件名");
    c.body = QStringLiteral("Line 1\nLine 2");
    c.attachments = {QStringLiteral("/tmp/a.pdf")};
    c.encoding = TextEncoding::Iso2022Jp;
    return c;
}

} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savesAndLoadsEveryField()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        QVERIFY(store.list().isEmpty());
        StoreError error;
        const std::optional<QString> path = store.save(sample(), {}, &error);
        QVERIFY2(path, qPrintable(error.message));
        QVERIFY(path->startsWith(dir.path() + QStringLiteral("/drafts/")));

        const std::optional<ComposeContent> c = store.load(*path, &error);
        QVERIFY2(c, qPrintable(error.message));
        const ComposeContent s = sample();
        QCOMPARE(c->accountId, s.accountId);
        QCOMPARE(c->to, s.to);
        QCOMPARE(c->cc, s.cc);
        QCOMPARE(c->bcc, s.bcc);
        QCOMPARE(c->subject, s.subject);
        QCOMPARE(c->body, s.body);
        QCOMPARE(c->attachments, s.attachments);
        QVERIFY(c->encoding == TextEncoding::Iso2022Jp);

        const QList<DraftStore::Entry> listed = store.list();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().path, *path);
        QCOMPARE(listed.first().subject, s.subject);
        QVERIFY(!listed.first().error.isError());
    }

    void savingAgainReplacesTheSameFile()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        const std::optional<QString> path = store.save(sample());
        QVERIFY(path);
        ComposeContent changed = sample();
        changed.subject = QStringLiteral("Changed");
        changed.encoding.reset();
        QCOMPARE(store.save(changed, *path), path);
        QCOMPARE(store.list().size(), 1);
        const std::optional<ComposeContent> c = store.load(*path);
        QVERIFY(c);
        QCOMPARE(c->subject, QStringLiteral("Changed"));
        QVERIFY(!c->encoding); // the account's choice
        QVERIFY(store.remove(*path));
        QVERIFY(store.list().isEmpty());
    }

    void aDamagedDraftIsReportedAndKept()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        QVERIFY(store.save(sample()));
        const QString bad = store.directory() + QStringLiteral("/garbled.json");
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray garbage("{\"subject\": \"half a dra");
        file.write(garbage);
        file.close();

        StoreError error;
        QVERIFY(!store.load(bad, &error));
        QCOMPARE(error.kind, StoreError::Kind::ReadFailed);
        QVERIFY2(error.message.contains(QLatin1String("damaged")), qPrintable(error.message));
        QVERIFY(error.message.contains(QLatin1String("garbled.json")));

        // Listed with its error, the good one still readable, and the file untouched.
        const QList<DraftStore::Entry> listed = store.list();
        QCOMPARE(listed.size(), 2);
        int damaged = 0;
        for (const DraftStore::Entry &e : listed)
            damaged += e.error.isError() ? 1 : 0;
        QCOMPARE(damaged, 1);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);

        // A file that is JSON but not a draft is damaged too.
        QFile array(store.directory() + QStringLiteral("/array.json"));
        QVERIFY(array.open(QIODevice::WriteOnly));
        array.write("[1, 2]");
        array.close();
        QVERIFY(!store.load(array.fileName(), &error));
        QVERIFY(QFile::exists(array.fileName()));
    }

    void aFailedSaveKeepsTheOldDraft()
    {
        QTemporaryDir dir;
        DraftStore store(dir.path());
        const std::optional<QString> path = store.save(sample());
        QVERIFY(path);
        // A folder where the file should be: the write cannot replace it.
        const QString blocked = store.directory() + QStringLiteral("/blocked.json");
        QVERIFY(QDir().mkpath(blocked));
        StoreError error;
        QVERIFY(!store.save(sample(), blocked, &error));
        QVERIFY(error.isError());
        QVERIFY(error.message.startsWith(QLatin1String("The draft could not be saved")));
        QVERIFY(store.load(*path)); // the other draft is untouched
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
