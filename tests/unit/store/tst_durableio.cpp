// DurableIo: the renames and atomic writes the stores rely on, with the same meaning on
// Windows (MoveFileEx) as on POSIX (rename(2)), also in folders with Japanese names.
#include "store/DurableIo.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Outpost::DurableIo;

namespace {

bool write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDurableIo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folderNames_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("ASCII") << QStringLiteral("profile");
        QTest::newRow("Japanese") << QStringLiteral("プロファイル/受信箱");
    }

    void aFileReplacesOneOfTheSameName_data() { folderNames_data(); }
    void aFileReplacesOneOfTheSameName()
    {
        QFETCH(QString, folder);
        QTemporaryDir root;
        const QString dir = root.path() + QLatin1Char('/') + folder;
        QVERIFY(QDir().mkpath(dir));
        const QString from = dir + QStringLiteral("/新しい.tmp");
        const QString to = dir + QStringLiteral("/状態.json");
        QVERIFY(write(from, "new"));
        QVERIFY(write(to, "old"));
        QString error;
        QVERIFY2(DurableIo::renameDurably(from, to, &error), qPrintable(error));
        QVERIFY(!QFile::exists(from));
        QCOMPARE(read(to), QByteArray("new"));
    }

    void aFolderMovesWithItsFiles_data() { folderNames_data(); }
    void aFolderMovesWithItsFiles()
    {
        QFETCH(QString, folder);
        QTemporaryDir root;
        const QString from = root.path() + QLatin1Char('/') + folder + QStringLiteral("/tmp-1");
        const QString to = root.path() + QLatin1Char('/') + folder + QStringLiteral("/送信済み");
        QVERIFY(QDir().mkpath(from));
        QVERIFY(write(from + QStringLiteral("/message.eml"), "Subject: x\r\n\r\nbody\r\n"));
        QString error;
        QVERIFY2(DurableIo::renameDurably(from, to, &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(from));
        QCOMPARE(read(to + QStringLiteral("/message.eml")),
                 QByteArray("Subject: x\r\n\r\nbody\r\n"));
    }

    void aFailedRenameSaysWhich()
    {
        QTemporaryDir root;
        const QString from = root.path() + QStringLiteral("/missing");
        QString error;
        QVERIFY(!DurableIo::rename(from, root.path() + QStringLiteral("/other"), &error));
        QVERIFY2(error.contains(from), qPrintable(error));
        // ... and why, in the system's words.
        QVERIFY2(!error.section(QStringLiteral(" failed"), -1).trimmed().isEmpty(),
                 qPrintable(error));
    }

    void writeAtomicallyReplacesTheWholeFile_data() { folderNames_data(); }
    void writeAtomicallyReplacesTheWholeFile()
    {
        QFETCH(QString, folder);
        QTemporaryDir root;
        const QString dir = root.path() + QLatin1Char('/') + folder;
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/seen-uidls.txt");
        QVERIFY(write(path, "a long first version\n"));
        QString error;
        QVERIFY2(DurableIo::writeAtomically(path, "second\n", &error), qPrintable(error));
        QCOMPARE(read(path), QByteArray("second\n"));
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("seen-uidls.txt")});
    }
};

QTEST_GUILESS_MAIN(TestDurableIo)
#include "tst_durableio.moc"
