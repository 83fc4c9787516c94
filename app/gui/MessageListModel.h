#pragma once

#include "store/OutboxStore.h"
#include "usecases/OutboxStateText.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>

#include <memory>
#include <optional>

namespace Outpost {

class InboxStore;
class OutboxStore;
struct MessageSummary;

/// The messages of one folder of one account (Inbox, Outbox, Sent, Failed or Deleted Items) for the
/// list view. Header summaries are read only when a row is first shown (or sorted) and cached, so
/// a folder of 10,000 messages opens at once; whole messages are never parsed here.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Which list of an account.
    enum class Folder
    {
        Inbox,
        Outbox,
        Sent,
        Failed,
        Deleted, ///< the inbox's Deleted Items
    };
    Q_ENUM(Folder)
    /// Whether @p folder holds received mail (the inbox store's), not the outbox's.
    static bool isReceived(Folder folder)
    {
        return folder == Folder::Inbox || folder == Folder::Deleted;
    }

    /// The columns.
    enum Column
    {
        PeopleColumn, ///< sender (Inbox) or recipients
        SubjectColumn,
        DateColumn,
        SizeColumn,
        StateColumn, ///< the outbox state in people's words
        ColumnCount,
    };

    /// Extra roles.
    enum Role
    {
        IdRole = Qt::UserRole + 1, ///< the outbox id (empty for inbox messages)
        PathRole,                  ///< the .eml file
        StateRole,                 ///< OutboxState as int (-1 for inbox messages)
        SortRole,                  ///< the value to sort by
        UnreadRole,                ///< received mail not read yet (bool)
    };

    explicit MessageListModel(QObject *parent = nullptr);

    /// Shows @p folder of an account; nullptr stores show nothing.
    void setFolder(Folder folder, OutboxStore *outbox, InboxStore *inbox);
    Folder folder() const { return m_folder; }
    /// Re-reads the folder's message list (keeps rows that did not change).
    void refresh();
    /// One outbox message changed: only its row is updated, added or removed (the relay may
    /// add hundreds a second to an outbox of thousands).
    void refreshMessage(const QString &id);
    /// Marks the current send's progress (@p bytes of @p size of the message being sent).
    void setSendProgress(qint64 bytes, qint64 size);
    /// Whether a queued message waits for a POP login first (POP before SMTP, window closed).
    void setWaitingForLogin(bool waiting);
    /// The account's situation (OutboxStateContext::forAccount()), for the reason a waiting
    /// message gives; its waitingForLogin and percent are not used.
    void setAccountSituation(const OutboxStateContext &situation);

    /// The outbox entry of @p row (empty for inbox rows).
    std::optional<OutboxEntry> entry(int row) const;
    QString path(int row) const;

    /// Counts for the account tree: unread inbox, outbox (not failed), sent, failed, unread
    /// in Deleted Items.
    static int count(Folder folder, OutboxStore *outbox, InboxStore *inbox);

    /// How many header summaries were read so far (for tests of the lazy reading).
    int cachedSummaries() const { return int(m_summaries.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString id;     ///< outbox id (empty for the inbox)
        QString folder; ///< inbox: new/ or cur/, shared by the folder's rows
        QString file;   ///< inbox: the name in the folder; outbox: the whole path
        qint64 size = 0;
        QDateTime date;      ///< queued or sent time; for the inbox from the summary
        bool unread = false; ///< received mail without the Maildir "seen" flag
        QString base;        ///< received mail: the Maildir name without its flags
        std::shared_ptr<const OutboxEntry> entry; ///< outbox folders only

        QString path() const { return folder.isEmpty() ? file : folder + QLatin1Char('/') + file; }
        /// What identifies the row from one refresh to the next, without building a string
        /// (a refresh looks at every row several times). An inbox message moved from new/
        /// to cur/, or marked read (a new name: the same base, other flags), stays the same
        /// row, updated in place.
        const QString &key() const { return id.isEmpty() ? base : id; }
    };
    struct Summary
    {
        QString from;
        QString subject;
        QDateTime date;
    };
    QList<Row> readRows() const;
    const Summary &summary(const Row &row) const;
    QString people(const Row &row) const;
    /// The state of @p entry in people's words ("Will retry at 10:42 because: …").
    QString stateText(const OutboxEntry &entry, int percent = -1) const;

    Folder m_folder = Folder::Inbox;
    QPointer<OutboxStore> m_outbox;
    QPointer<InboxStore> m_inbox;
    QList<Row> m_rows;
    mutable QHash<QString, Summary> m_summaries; ///< by path
    qint64 m_progressBytes = 0;
    qint64 m_progressSize = 0;
    bool m_waitingForLogin = false;
    OutboxStateContext m_situation; ///< the account's, without the clock
    QMetaObject::Connection m_outboxConnection;
    QMetaObject::Connection m_inboxConnection;
};

} // namespace Outpost
