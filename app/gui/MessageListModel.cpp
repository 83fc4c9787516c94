#include "MessageListModel.h"

#include "message/MessageReader.h"
#include "store/InboxStore.h"
#include "usecases/OutboxStateText.h"

#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QSet>

namespace Outpost {

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MessageListModel::setFolder(Folder folder, OutboxStore *outbox, InboxStore *inbox)
{
    beginResetModel();
    disconnect(m_outboxConnection);
    disconnect(m_inboxConnection);
    m_folder = folder;
    m_outbox = outbox;
    m_inbox = inbox;
    m_progressBytes = m_progressSize = 0;
    m_rows = readRows();
    endResetModel();
    if (isReceived(folder) && inbox) {
        m_inboxConnection =
            connect(inbox, &InboxStore::delivered, this, &MessageListModel::refresh);
        // Read, unread, deleted or restored: the rows follow (with the other views' changes).
        m_outboxConnection = connect(inbox, &InboxStore::changed, this, &MessageListModel::refresh);
    } else if (outbox)
        m_outboxConnection =
            connect(outbox, &OutboxStore::changed, this, &MessageListModel::refreshMessage);
}

QList<MessageListModel::Row> MessageListModel::readRows() const
{
    QList<Row> rows;
    if (isReceived(m_folder)) {
        if (!m_inbox)
            return rows;
        const QList<InboxMessage> messages =
            m_folder == Folder::Inbox ? m_inbox->messages() : m_inbox->deletedMessages();
        rows.reserve(messages.size());
        for (const InboxMessage &m : messages) {
            Row row;
            row.folder = m.directory; // shared by all the rows of the folder
            row.file = m.name;
            row.size = m.size;
            row.unread = !m.seen;
            row.base = m.base();
            row.date = m.received; // no need to open 10,000 files to sort them
            rows.append(row);
        }
        return rows;
    }
    if (!m_outbox)
        return rows;
    const QList<OutboxEntry> entries =
        m_folder == Folder::Sent ? m_outbox->sentMessages() : m_outbox->messages();
    for (const OutboxEntry &e : entries) {
        const bool failed = e.state == OutboxState::Failed;
        if ((m_folder == Folder::Failed && !failed) || (m_folder == Folder::Outbox && failed))
            continue;
        Row row;
        row.id = e.id;
        row.file = e.messagePath;
        row.size = e.envelope.size;
        row.date = m_folder == Folder::Sent ? e.sentAt : e.queuedAt;
        row.entry = std::make_shared<const OutboxEntry>(e);
        rows.append(row);
    }
    return rows;
}

void MessageListModel::refresh()
{
    const QList<Row> fresh = readRows();
    QHash<QString, int> freshIndex;
    for (int i = 0; i < fresh.size(); ++i)
        freshIndex.insert(fresh.at(i).key(), i);

    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!freshIndex.contains(m_rows.at(i).key())) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    QSet<QString> present;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const QString key = row.key(); // a shared copy: the row is overwritten below
        present.insert(key);
        const Row &update = fresh.at(freshIndex.value(key));
        row = update;
        Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }
    QList<Row> added;
    for (const Row &row : fresh) {
        if (!present.contains(row.key()))
            added.append(row);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows += added;
        endInsertRows();
    }
}

void MessageListModel::refreshMessage(const QString &id)
{
    if (!m_outbox || isReceived(m_folder))
        return refresh();
    int at = -1;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) // new messages are at the end
        if (m_rows.at(i).id == id) {
            at = i;
            break;
        }
    const std::optional<OutboxEntry> e = m_outbox->message(id);
    const bool inSent = e && m_outbox->isInSent(id);
    const bool belongs =
        e && (m_folder == Folder::Sent     ? inSent
              : m_folder == Folder::Failed ? !inSent && e->state == OutboxState::Failed
                                           : !inSent && e->state != OutboxState::Failed);
    if (!belongs) {
        if (at >= 0) {
            beginRemoveRows({}, at, at);
            m_rows.removeAt(at);
            endRemoveRows();
        }
        return;
    }
    Row row;
    row.id = e->id;
    row.file = e->messagePath;
    row.size = e->envelope.size;
    row.date = m_folder == Folder::Sent ? e->sentAt : e->queuedAt;
    row.entry = std::make_shared<const OutboxEntry>(*e);
    if (at >= 0) {
        m_rows[at] = row;
        Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(row);
    endInsertRows();
}

void MessageListModel::setSendProgress(qint64 bytes, qint64 size)
{
    m_progressBytes = bytes;
    m_progressSize = size;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).entry && m_rows.at(i).entry->state == OutboxState::Sending)
            Q_EMIT dataChanged(index(i, StateColumn), index(i, StateColumn));
    }
}

void MessageListModel::setWaitingForLogin(bool waiting)
{
    if (m_waitingForLogin == waiting)
        return;
    m_waitingForLogin = waiting;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, StateColumn), index(int(m_rows.size()) - 1, StateColumn));
}

void MessageListModel::setAccountSituation(const OutboxStateContext &situation)
{
    m_situation = situation;
    m_situation.now = {}; // each row reads the clock when it is shown
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, StateColumn), index(int(m_rows.size()) - 1, StateColumn));
}

std::optional<OutboxEntry> MessageListModel::entry(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).entry)
        return std::nullopt;
    return *m_rows.at(row).entry;
}

QString MessageListModel::path(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).path() : QString();
}

const MessageListModel::Summary &MessageListModel::summary(const Row &row) const
{
    const QString path = row.path();
    auto it = m_summaries.find(path);
    if (it == m_summaries.end()) {
        const MessageSummary s = MessageReader::readSummary(path);
        Summary summary;
        summary.from = s.from;
        summary.subject = s.subject;
        summary.date = s.date;
        it = m_summaries.insert(path, summary);
    }
    return *it;
}

QString MessageListModel::people(const Row &row) const
{
    if (isReceived(m_folder) || !row.entry)
        return summary(row).from;
    return row.entry->envelope.recipients.join(QStringLiteral(", "));
}

QString MessageListModel::stateText(const OutboxEntry &e, int percent) const
{
    // One wording with outpost-cli (core/usecases/OutboxStateText).
    OutboxStateText::Context context = m_situation;
    context.waitingForLogin = m_waitingForLogin;
    context.percent = percent;
    return OutboxStateText::describe(e, context);
}

int MessageListModel::count(Folder folder, OutboxStore *outbox, InboxStore *inbox)
{
    switch (folder) {
    case Folder::Inbox:
        return inbox ? inbox->unreadCount() : 0;
    case Folder::Deleted: {
        if (!inbox)
            return 0;
        const QList<InboxMessage> deleted = inbox->deletedMessages();
        return int(std::count_if(deleted.cbegin(), deleted.cend(),
                                 [](const InboxMessage &m) { return !m.seen; }));
    }
    case Folder::Sent:
    case Folder::Outbox:
    case Folder::Failed: {
        if (!outbox)
            return 0;
        const std::array<int, 6> counts = outbox->countByState();
        const int sent = counts[size_t(OutboxState::Sent)];
        const int failed = counts[size_t(OutboxState::Failed)];
        if (folder == Folder::Sent)
            return sent;
        if (folder == Folder::Failed)
            return failed;
        int all = 0;
        for (const int n : counts)
            all += n;
        return all - sent - failed;
    }
    }
    return 0;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row.entry ? row.id : QString();
    case PathRole:
        return row.path();
    case StateRole:
        return row.entry ? int(row.entry->state) : -1;
    case UnreadRole:
        return row.unread;
    case Qt::FontRole:
        if (row.unread) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && row.entry)
            return stateText(*row.entry);
        if (row.entry && !row.entry->envelope.origin.isEmpty())
            return OutboxStateText::origin(*row.entry);
        return {};
    case Qt::DisplayRole:
    case SortRole: {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case PeopleColumn:
            return people(row);
        case SubjectColumn:
            return summary(row).subject;
        case DateColumn: {
            const QDateTime date = row.date.isValid() ? row.date : summary(row).date;
            if (sort)
                return date;
            return QLocale().toString(date.toLocalTime(), QLocale::ShortFormat);
        }
        case SizeColumn:
            if (sort)
                return row.size;
            return QLocale().formattedDataSize(row.size);
        case StateColumn: {
            if (!row.entry)
                return QString();
            if (sort)
                return int(row.entry->state);
            int percent = -1;
            if (row.entry->state == OutboxState::Sending && m_progressSize > 0)
                percent = int(
                    qBound<qint64>(qint64(0), m_progressBytes * 100 / m_progressSize, qint64(100)));
            return stateText(*row.entry, percent);
        }
        default:
            return {};
        }
    }
    default:
        return {};
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PeopleColumn:
        return isReceived(m_folder) ? tr("From") : tr("To");
    case SubjectColumn:
        return tr("Subject");
    case DateColumn:
        // A title of its own: not the name of the folder ("Sent").
        return isReceived(m_folder)       ? tr("Received")
               : m_folder == Folder::Sent ? tr("Date sent")
                                          : tr("Queued");
    case SizeColumn:
        return tr("Size");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace Outpost
