#include "MainWindow.h"

#include "AboutDialog.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeWidget>

namespace Outpost {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Outpost"));
    setObjectName(QStringLiteral("mainWindow"));

    m_accounts = new QTreeWidget;
    m_accounts->setObjectName(QStringLiteral("accountTree"));
    m_accounts->setHeaderLabel(tr("Accounts"));
    m_accounts->setRootIsDecorated(true);

    m_placeholder = new QLabel(tr("No accounts yet. Add an account to start sending and "
                                  "receiving mail."));
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_accounts);
    splitter->addWidget(m_placeholder);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    createActions();
    statusBar()->showMessage(tr("Ready"));
    resize(900, 600);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *about = helpMenu->addAction(tr("&About Outpost"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace Outpost
