#pragma once

#include <QMainWindow>

class QTreeWidget;
class QLabel;

namespace Outpost {

/// The main window: accounts on the left, messages on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    QTreeWidget *accountTree() const { return m_accounts; }

public Q_SLOTS:
    void showAbout();

private:
    void createActions();

    QTreeWidget *m_accounts = nullptr;
    QLabel *m_placeholder = nullptr;
};

} // namespace Outpost
