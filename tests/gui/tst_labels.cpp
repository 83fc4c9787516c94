// Labels and list columns, in English and Japanese: no label shows its shortcut marker "&"
// as a character (a label only turns "&x" into a shortcut when it has a buddy), and every
// column of the message list has a title of its own, apart from the folder's name.
#include "AccountDialog.h"
#include "AccountTreeModel.h"
#include "CertificateDialog.h"
#include "ComposeWindow.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "SendLaterDialog.h"
#include "Translations.h"
#include "net/CertificateInfo.h"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTreeView>

using Outpost::MainWindow;
using Folder = Outpost::MessageListModel::Folder;

namespace {

/// The labels under @p root whose "&" would be shown as a character.
QStringList literalAmpersands(const QWidget *root)
{
    QStringList found;
    const QRegularExpression marker(QStringLiteral("(^|[^&])&([^&]|$)"));
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        const QString text = label->text();
        const bool rich = label->textFormat() == Qt::RichText ||
                          (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
        if (!rich && !label->buddy() && marker.match(text).hasMatch())
            found << text;
    }
    return found;
}

} // namespace

class TestLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("Japanese") << QLocale(QLocale::Japanese, QLocale::Japan);
    }
    void init()
    {
        QFETCH_GLOBAL(QLocale, locale);
        QVERIFY(Outpost::installTranslations(locale));
    }
    void cleanup() { Outpost::removeTranslations(); }

    void noLabelShowsAnAmpersand()
    {
        GuiFixture f(false);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-labels"));
        window.show();
        QCOMPARE(literalAmpersands(&window), QStringList());

        Outpost::AccountDialog *account = window.editAccount(f.account.id);
        QVERIFY(account);
        QCOMPARE(literalAmpersands(account), QStringList());
        Outpost::AccountDialog *added = window.addAccount();
        QVERIFY(added);
        QCOMPARE(literalAmpersands(added), QStringList());

        window.showPreferences();
        auto *preferences = window.findChild<Outpost::PreferencesDialog *>();
        QVERIFY(preferences);
        QCOMPARE(literalAmpersands(preferences), QStringList());

        Outpost::ComposeWindow *compose = window.newMessage();
        QCOMPARE(literalAmpersands(compose), QStringList());
        compose->setAttribute(Qt::WA_DeleteOnClose, false);
        delete compose;

        const QDateTime now = QDateTime::currentDateTime();
        Outpost::SendLaterDialog later(now.addSecs(3600), now);
        QCOMPARE(literalAmpersands(&later), QStringList());
        Outpost::CertificateInfo info;
        info.subject = QStringLiteral("mail.example.net");
        info.issuer = QStringLiteral("mail.example.net");
        info.sha256 = QByteArray(64, 'a');
        info.reasons << QStringLiteral("The certificate is self-signed, and untrusted");
        Outpost::CertificateDialog certificate(info);
        QCOMPARE(literalAmpersands(&certificate), QStringList());
        if (!qEnvironmentVariableIsEmpty("OUTPOST_SHOT")) {
            certificate.show();
            QVERIFY(QTest::qWaitForWindowExposed(&certificate));
            certificate.grab().save(qEnvironmentVariable("OUTPOST_SHOT"));
        }
    }

    void everyColumnHasItsOwnTitle()
    {
        GuiFixture f(false);
        f.saveAccount();
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-labels"));
        window.show();
        const QModelIndex accountRow = window.accountModel()->index(0, 0);
        QSet<QString> folderNames;
        for (int i = 0; i < window.accountModel()->rowCount(accountRow); ++i)
            folderNames << window.accountModel()
                               ->index(i, 0, accountRow)
                               .data()
                               .toString()
                               .remove(QRegularExpression(QStringLiteral("\\s*\\(\\d+\\)$")));
        QVERIFY(folderNames.size() >= 4);
        for (Folder folder : {Folder::Inbox, Folder::Outbox, Folder::Sent, Folder::Failed}) {
            window.selectFolder(f.account.id, folder);
            QHeaderView *header = window.messageView()->header();
            QSet<QString> titles;
            for (int c = 0; c < header->count(); ++c) {
                if (header->isSectionHidden(c))
                    continue;
                const QString title =
                    window.messageView()->model()->headerData(c, Qt::Horizontal).toString();
                QVERIFY2(!title.trimmed().isEmpty(), qPrintable(QString::number(c)));
                QVERIFY2(!titles.contains(title), qPrintable(title));
                QVERIFY2(!folderNames.contains(title), qPrintable(title));
                titles << title;
            }
            QVERIFY(titles.size() >= 3);
        }
    }
};

QTEST_MAIN(TestLabels)
#include "tst_labels.moc"
