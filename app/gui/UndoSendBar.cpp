#include "UndoSendBar.h"

#include "message/MessageReader.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Outpost {

UndoSendBar::UndoSendBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("undoSendBar"));
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("undoSendText"));
    m_undo = new QPushButton(tr("&Undo"));
    m_undo->setObjectName(QStringLiteral("undoSendButton"));
    m_undo->setToolTip(tr("Stops the message and opens it again, as you wrote it."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_undo);
    connect(m_undo, &QPushButton::clicked, this, &UndoSendBar::undo);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &UndoSendBar::tick);
    hide();
}

void UndoSendBar::offer(const QString &accountId, const QString &id, const QString &subject,
                        const QDateTime &until)
{
    m_accountId = accountId;
    m_id = id;
    m_subject = subject;
    m_until = until;
    m_timer.start();
    show();
    tick();
}

bool UndoSendBar::offerIfHeld(const Scheduler *scheduler, const QString &accountId,
                              const QString &id)
{
    const OutboxStore *outbox = scheduler->outbox(accountId);
    const std::optional<OutboxEntry> entry = outbox ? outbox->message(id) : std::nullopt;
    if (!entry || !entry->held || !entry->notBefore.isValid())
        return false;
    offer(accountId, id, MessageReader::readSummary(entry->messagePath).subject, entry->notBefore);
    return true;
}

void UndoSendBar::undo()
{
    if (m_id.isEmpty())
        return;
    const QString accountId = m_accountId, id = m_id;
    clear();
    Q_EMIT undoRequested(accountId, id);
}

void UndoSendBar::clear()
{
    m_timer.stop();
    m_id.clear();
    m_accountId.clear();
    hide();
}

void UndoSendBar::tick()
{
    const qint64 left = (QDateTime::currentDateTimeUtc().msecsTo(m_until) + 999) / 1000;
    if (left <= 0) {
        clear();
        return;
    }
    const QString subject = m_subject.isEmpty() ? tr("(no subject)") : m_subject;
    m_text->setText(tr("“%1” can be undone for %2 s").arg(subject).arg(left));
}

} // namespace Outpost
