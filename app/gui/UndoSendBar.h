#pragma once

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Outpost {

class Scheduler;

/// Undo send, in the status bar: "“Subject” can be undone for 8 s [Undo]" while a message is held,
/// counting down, gone when the hold ends. One message at a time: the latest.
class UndoSendBar : public QWidget
{
    Q_OBJECT

public:
    explicit UndoSendBar(QWidget *parent = nullptr);

    /// Offers Undo for message @p id of @p accountId until @p until (its hold's end).
    void offer(const QString &accountId, const QString &id, const QString &subject,
               const QDateTime &until);
    /// Offers Undo for a message just queued, when it is held (undo send); true then.
    bool offerIfHeld(const Scheduler *scheduler, const QString &accountId, const QString &id);
    /// Undo for the message offered (the notification was clicked).
    void undo();
    /// Whether Undo is offered now.
    bool isOffering() const { return !m_id.isEmpty(); }
    /// Takes the offer back (undone, or the message went).
    void clear();

Q_SIGNALS:
    void undoRequested(const QString &accountId, const QString &id);

private:
    void tick();

    QLabel *m_text;
    QPushButton *m_undo;
    QTimer m_timer;
    QString m_accountId;
    QString m_id;
    QString m_subject;
    QDateTime m_until;
};

} // namespace Outpost
