#include "OutboxActions.h"

#include "ComposeWindow.h"
#include "SendLaterDialog.h"
#include "message/MessageReader.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "usecases/OutboxStateText.h"
#include "usecases/ReplaceMessage.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolBar>

namespace Outpost {

OutboxActions::OutboxActions(Scheduler *scheduler, const QString &profileDirectory, QWidget *window,
                             std::function<ComposeWindow *()> newCompose)
    : QObject(window)
    , m_scheduler(scheduler)
    , m_profileDirectory(profileDirectory)
    , m_window(window)
    , m_newCompose(std::move(newCompose))
{
    m_sendNow = add(tr("Send now"), "actionSendNow", &OutboxActions::sendNow);
    m_changeTime = add(tr("Change Time…"), "actionChangeTime", &OutboxActions::changeTime);
    m_changeTime->setToolTip(tr("Chooses when the message is sent (Send Later)."));
    m_edit = add(tr("Edit"), "actionEdit", &OutboxActions::editMessage);
    m_edit->setToolTip(tr("Opens the message in a new window to correct it and send it again."));
    m_resend = add(tr("Resend"), "actionResend", &OutboxActions::resendMessage);
    m_resend->setToolTip(tr("Sends the message again. If it did go out, the recipients get it "
                            "twice."));
    m_markSent = add(tr("Mark as sent"), "actionMarkSent", &OutboxActions::markMessageAsSent);
    m_delete = add(tr("Delete"), "actionDelete", &OutboxActions::deleteMessage);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    setSelection({}, std::nullopt);
}

QAction *OutboxActions::add(const QString &text, const char *objectName,
                            void (OutboxActions::*slot)())
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1String(objectName));
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void OutboxActions::addTo(QToolBar *bar) const
{
    bar->addAction(m_sendNow);
    bar->addAction(m_changeTime);
    bar->addAction(m_edit);
    bar->addAction(m_resend);
    bar->addAction(m_markSent);
    bar->addSeparator();
    bar->addAction(m_delete);
}

void OutboxActions::fillMenu(QMenu *menu) const
{
    for (QAction *a : {m_sendNow, m_changeTime, m_edit, m_resend, m_markSent})
        if (a->isEnabled())
            menu->addAction(a);
    if (m_delete->isEnabled()) {
        menu->addSeparator();
        menu->addAction(m_delete);
    }
}

void OutboxActions::setSelection(const QString &accountId, const std::optional<OutboxEntry> &entry)
{
    m_accountId = accountId;
    m_entry = entry;
    auto is = [&](OutboxState wanted) { return entry && entry->state == wanted; };
    m_sendNow->setEnabled(is(OutboxState::Queued) || is(OutboxState::Deferred));
    m_changeTime->setEnabled(is(OutboxState::Queued) || is(OutboxState::Deferred));
    // Any message not going out at this moment: a waiting one is kept out of the cycles
    // while it is corrected (core/usecases/ReplaceMessage), so it never goes twice. One that
    // may have arrived is the user's to decide first (Resend or Mark as sent).
    m_edit->setEnabled(is(OutboxState::Failed) || is(OutboxState::Queued) ||
                       is(OutboxState::Deferred));
    m_resend->setEnabled(is(OutboxState::MayHaveBeenSent) || is(OutboxState::Failed));
    m_markSent->setEnabled(is(OutboxState::MayHaveBeenSent));
    m_delete->setEnabled(entry.has_value() && !is(OutboxState::Sending));
}

OutboxStore *OutboxActions::outbox() const
{
    return m_entry ? m_scheduler->outbox(m_accountId) : nullptr;
}

void OutboxActions::sendNow()
{
    OutboxStore *store = outbox();
    if (!store)
        return;
    StoreError error;
    // A planned message loses its time; a deferred one its wait.
    const bool planned = m_entry->notBefore.isValid();
    if ((planned || m_entry->state == OutboxState::Deferred) &&
        !store->plan(m_entry->id, {}, &error)) {
        Q_EMIT notice(error.message);
        return;
    }
    m_scheduler->trigger(m_accountId, Scheduler::Trigger::Manual);
}

void OutboxActions::undoSend(const QString &accountId, const QString &id)
{
    OutboxStore *store = m_scheduler->outbox(accountId);
    if (!store)
        return;
    StoreError error;
    const std::optional<ReplaceMessage::Edit> edit =
        ReplaceMessage::takeBack(*store, accountId, id, m_profileDirectory, &error);
    if (!edit) {
        Q_EMIT notice(error.message);
        return;
    }
    ComposeWindow *compose = m_newCompose();
    compose->setAccount(accountId);
    compose->setReplacing(*edit); // sending again queues it anew
    Q_EMIT notice(tr("Not sent: the message is back in its window."));
}

void OutboxActions::changeTime()
{
    OutboxStore *store = outbox();
    if (!store)
        return;
    const QString id = m_entry->id;
    const QString accountId = m_accountId;
    const QDateTime now = m_scheduler->clock()->now();
    SendLaterDialog::ask(
        m_window, m_entry->notBefore, now, [this, id, accountId, now](const QDateTime &when) {
            OutboxStore *store = m_scheduler->outbox(accountId);
            StoreError error;
            if (!store || !store->plan(id, when, &error)) {
                // e.g. it started to go out meanwhile
                Q_EMIT notice(error.message);
                return;
            }
            Q_EMIT notice(tr("The message will be sent %1.").arg(OutboxStateText::when(when, now)));
        });
}

void OutboxActions::resendMessage()
{
    OutboxStore *store = outbox();
    if (!store)
        return;
    StoreError error;
    if (!store->requeue(m_entry->id, &error)) {
        Q_EMIT notice(error.message);
        return;
    }
    Q_EMIT notice(tr("The message is queued again."));
    m_scheduler->trigger(m_accountId, Scheduler::Trigger::Manual);
}

void OutboxActions::markMessageAsSent()
{
    OutboxStore *store = outbox();
    if (!store)
        return;
    StoreError error;
    if (!store->markAsSent(m_entry->id, &error))
        Q_EMIT notice(error.message);
    else
        Q_EMIT notice(tr("The message was moved to Sent."));
}

void OutboxActions::deleteMessage()
{
    if (!outbox())
        return;
    const MessageSummary s = MessageReader::readSummary(m_entry->messagePath);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete message"),
                                tr("Delete \"%1\"? It cannot be recovered.")
                                    .arg(s.subject.isEmpty() ? tr("(no subject)") : s.subject),
                                QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("deleteQuestion"));
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString account = m_accountId;
    const QString id = m_entry->id;
    connect(box, &QMessageBox::accepted, this, [this, account, id] {
        OutboxStore *store = m_scheduler->outbox(account);
        StoreError error;
        if (store && !store->remove(id, &error))
            Q_EMIT notice(error.message);
    });
    box->open();
}

void OutboxActions::editMessage()
{
    OutboxStore *store = outbox();
    if (!store)
        return;
    // The rebuilding and the replacing are core's (core/usecases/ReplaceMessage).
    StoreError error;
    const std::optional<ReplaceMessage::Edit> edit =
        ReplaceMessage::open(*store, m_accountId, m_entry->id, m_profileDirectory, &error);
    if (!edit) {
        Q_EMIT notice(error.message);
        return;
    }
    ComposeWindow *compose = m_newCompose();
    compose->setReplacing(*edit);
}

} // namespace Outpost
