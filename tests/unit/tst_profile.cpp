#include "Profile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Outpost::Profile;

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { qunsetenv(Profile::environmentVariable); }

    void commandLineWinsOverEnvironment()
    {
        QTemporaryDir a, b;
        qputenv(Profile::environmentVariable, a.path().toUtf8());
        QCOMPARE(Profile::resolveDirectory(b.path()), QDir(b.path()).absolutePath());
    }

    void environmentWinsOverDefault()
    {
        QTemporaryDir a;
        qputenv(Profile::environmentVariable, a.path().toUtf8());
        QCOMPARE(Profile::resolveDirectory(), QDir(a.path()).absolutePath());
    }

    void defaultIsAppData()
    {
        QCoreApplication::setApplicationName(QStringLiteral("Outpost"));
        QCOMPARE(Profile::resolveDirectory(),
                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QVERIFY(!Profile::resolveDirectory().isEmpty());
    }

    void relativeDirectoryBecomesAbsolute()
    {
        QVERIFY(QDir::isAbsolutePath(Profile::resolveDirectory(QStringLiteral("rel/profile"))));
    }

    void ensureExistsCreatesNestedFolders()
    {
        QTemporaryDir root;
        const Profile profile(root.path() + QStringLiteral("/x/y/z"));
        QString error;
        QVERIFY(profile.ensureExists(&error));
        QVERIFY(error.isEmpty());
        QVERIFY(QFileInfo(profile.directory()).isDir());
        QCOMPARE(profile.settingsFile(), profile.directory() + QStringLiteral("/outpost.ini"));
        QVERIFY(profile.accountDirectory(QStringLiteral("a1")).startsWith(profile.directory()));
    }

    void fileInTheWayIsAClearError()
    {
        QTemporaryDir root;
        const QString path = root.path() + QStringLiteral("/profile");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        QVERIFY(!Profile(path).ensureExists(&error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("not a folder")));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
