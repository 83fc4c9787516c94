#pragma once

#include <QWidget>

namespace Outpost {

/// The first page, while there is no account: what Outpost does, "Add an account" and
/// "Try the sandbox".
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

Q_SIGNALS:
    void addAccountRequested();
    void sandboxRequested();
};

} // namespace Outpost
