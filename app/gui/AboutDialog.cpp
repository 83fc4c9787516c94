#include "AboutDialog.h"

#include "AppIcon.h"

#include <outpost/Version.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Outpost {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Outpost"));
    setObjectName(QStringLiteral("aboutDialog"));

    m_text = tr("<h3>Outpost %1</h3>"
                "<p>Sends your mail through servers that need a POP login before SMTP: "
                "every check receives first, then sends, and nothing queued is lost.</p>"
                "<p>Released under the MIT License.</p>")
                 .arg(QString::fromLatin1(versionString));

    auto *icon = new QLabel;
    icon->setPixmap(appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *label = new QLabel(m_text);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(label, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString AboutDialog::text() const
{
    return m_text;
}

} // namespace Outpost
