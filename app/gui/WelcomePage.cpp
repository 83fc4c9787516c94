#include "WelcomePage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Outpost {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("<h2>Welcome to Outpost</h2>"));
    auto *text = new QLabel(
        tr("Outpost sends your mail through servers that only accept it after you have "
           "checked for new mail (\"POP before SMTP\"). Every Send/Receive logs in over POP "
           "first and then sends, so your messages go out on the first try.\n\n"
           "Add your mail account to start, or try Outpost with a practice server on this "
           "computer: no account or Internet connection needed."));
    text->setObjectName(QStringLiteral("placeholder"));
    text->setWordWrap(true);
    auto *add = new QPushButton(tr("&Add an account…"));
    add->setObjectName(QStringLiteral("addAccountButton"));
    auto *sandbox = new QPushButton(tr("&Try the sandbox"));
    sandbox->setObjectName(QStringLiteral("trySandboxButton"));
    connect(add, &QPushButton::clicked, this, &WelcomePage::addAccountRequested);
    connect(sandbox, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(sandbox);
    buttons->addStretch();
    auto *inner = new QVBoxLayout;
    inner->addWidget(title);
    inner->addWidget(text);
    inner->addSpacing(12);
    inner->addLayout(buttons);
    auto *box = new QWidget;
    box->setMaximumWidth(560);
    box->setLayout(inner);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box, 4);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

} // namespace Outpost
