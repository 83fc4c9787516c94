#include "SendLaterDialog.h"

#include "usecases/SendLater.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Outpost {

SendLaterDialog::SendLaterDialog(const QDateTime &initial, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_now(now)
{
    setWindowTitle(tr("Send Later"));
    setObjectName(QStringLiteral("sendLaterDialog"));

    auto *quick = new QHBoxLayout;
    int index = 0;
    const QList<SendLater::Choice> choices = SendLater::quickChoices(now);
    for (const SendLater::Choice &choice : choices) {
        auto *button = new QPushButton(choice.label);
        button->setObjectName(QStringLiteral("sendLaterChoice%1").arg(index++));
        button->setAutoDefault(false);
        button->setToolTip(QLocale().toString(choice.when, QLocale::LongFormat));
        const QDateTime when = choice.when;
        connect(button, &QPushButton::clicked, this, [this, when] { setChosen(when); });
        quick->addWidget(button);
    }
    quick->addStretch();

    m_when = new QDateTimeEdit;
    m_when->setObjectName(QStringLiteral("sendLaterWhen"));
    m_when->setCalendarPopup(true);
    // The weekday shown: "Monday morning" can be checked at a glance.
    m_when->setDisplayFormat(QLocale().dateFormat(QLocale::LongFormat) + QLatin1Char(' ') +
                             QLocale().timeFormat(QLocale::ShortFormat));
    m_when->setTimeSpec(Qt::LocalTime);
    auto *whenLabel = new QLabel(tr("&Send it on:"));
    whenLabel->setBuddy(m_when);
    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(whenLabel);
    whenRow->addWidget(m_when, 1);

    auto *zone = new QLabel(
        tr("Your computer's time (%1). Outpost sends it then, if it is running; otherwise as "
           "soon as it starts again.")
            .arg(QDateTime::currentDateTime().timeZoneAbbreviation()));
    zone->setWordWrap(true);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("sendLaterProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a4262c;"));
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Send &Later"));
    m_ok->setObjectName(QStringLiteral("sendLaterOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SendLaterDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SendLaterDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("When should this message be sent?")));
    layout->addLayout(quick);
    layout->addLayout(whenRow);
    layout->addWidget(zone);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, &SendLaterDialog::check);
    setChosen(initial.isValid() && initial > now ? initial : choices.first().when);
}

QDateTime SendLaterDialog::chosen() const
{
    return m_when->dateTime().toUTC();
}

void SendLaterDialog::setChosen(const QDateTime &when)
{
    m_when->setDateTime(when.toLocalTime());
    check();
}

void SendLaterDialog::check()
{
    const bool past = chosen() <= m_now;
    m_problem->setText(past ? tr("%1 has already passed. Choose a time in the future.")
                                  .arg(QLocale().toString(m_when->dateTime(), QLocale::ShortFormat))
                            : QString());
    m_problem->setVisible(past);
    m_ok->setEnabled(!past);
}

void SendLaterDialog::accept()
{
    check();
    if (m_ok->isEnabled())
        QDialog::accept();
}

SendLaterDialog *SendLaterDialog::ask(QWidget *parent, const QDateTime &initial,
                                      const QDateTime &now,
                                      std::function<void(const QDateTime &when)> chosen)
{
    auto *dialog = new SendLaterDialog(initial, now, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, dialog,
            [dialog, chosen = std::move(chosen)] { chosen(dialog->chosen()); });
    dialog->open();
    return dialog;
}

} // namespace Outpost
