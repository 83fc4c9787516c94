#include "AccountTreeModel.h"

#include "schedule/Scheduler.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QStyle>

namespace Outpost {

namespace {
// Top-level rows carry id 0; a folder row carries its account's key, which (unlike the
// account's row number) does not change when accounts above it come or go.
constexpr quintptr topLevel = 0;
} // namespace

AccountTreeModel::AccountTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

QString AccountTreeModel::folderName(MessageListModel::Folder folder)
{
    switch (folder) {
    case MessageListModel::Folder::Inbox:
        return tr("Inbox");
    case MessageListModel::Folder::Outbox:
        return tr("Outbox");
    case MessageListModel::Folder::Sent:
        return tr("Sent");
    case MessageListModel::Folder::Failed:
        return tr("Failed");
    case MessageListModel::Folder::Deleted:
        return tr("Deleted Items");
    }
    return {};
}

int AccountTreeModel::rowOfKey(quintptr key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

int AccountTreeModel::rowOf(const QString &accountId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == accountId)
            return i;
    }
    return -1;
}

void AccountTreeModel::setAccounts(const QList<Account> &accounts)
{
    // Removed accounts, from the bottom so that the rows above keep their numbers.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const bool kept = std::any_of(accounts.begin(), accounts.end(),
                                      [&](const Account &a) { return a.id == m_rows.at(i).id; });
        if (!kept) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    for (int target = 0; target < accounts.size(); ++target) {
        const Account &a = accounts.at(target);
        const int at = rowOf(a.id);
        if (at < 0) {
            beginInsertRows({}, target, target);
            m_rows.insert(target, Row{m_nextKey++, a.id, a.name, a.address, {}});
            endInsertRows();
            continue;
        }
        if (at != target) {
            beginMoveRows({}, at, at, {}, target > at ? target + 1 : target);
            m_rows.move(at, target);
            endMoveRows();
        }
        Row &row = m_rows[target];
        if (row.name != a.name || row.address != a.address) {
            row.name = a.name;
            row.address = a.address;
            const QModelIndex changed = index(target, 0);
            Q_EMIT dataChanged(changed, changed);
        }
    }
}

void AccountTreeModel::updateCounts(const Scheduler *scheduler)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        for (int f = 0; f < folderCount; ++f) {
            const int n = MessageListModel::count(
                MessageListModel::Folder(f), scheduler->outbox(row.id), scheduler->inbox(row.id));
            if (row.counts[size_t(f)] == n)
                continue;
            row.counts[size_t(f)] = n;
            const QModelIndex changed = index(f, 0, index(i, 0));
            Q_EMIT dataChanged(changed, changed);
        }
    }
}

QModelIndex AccountTreeModel::accountIndex(const QString &accountId) const
{
    const int row = rowOf(accountId);
    return row < 0 ? QModelIndex() : index(row, 0);
}

QModelIndex AccountTreeModel::folderIndex(const QString &accountId,
                                          MessageListModel::Folder folder) const
{
    const QModelIndex account = accountIndex(accountId);
    return account.isValid() ? index(int(folder), 0, account) : QModelIndex();
}

QModelIndex AccountTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, 0, topLevel) : QModelIndex();
    if (parent.internalId() != topLevel || parent.row() >= m_rows.size() || row >= folderCount)
        return {};
    return createIndex(row, 0, m_rows.at(parent.row()).key);
}

QModelIndex AccountTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == topLevel)
        return {};
    const int row = rowOfKey(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, topLevel);
}

int AccountTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    return parent.internalId() == topLevel && parent.column() == 0 ? folderCount : 0;
}

int AccountTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant AccountTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isFolder = index.internalId() != topLevel;
    const int accountRow = isFolder ? rowOfKey(index.internalId()) : index.row();
    if (accountRow < 0 || accountRow >= m_rows.size())
        return {};
    const Row &row = m_rows.at(accountRow);
    if (role == AccountIdRole)
        return row.id;
    if (role == FolderRole)
        return isFolder ? index.row() : -1;
    if (!isFolder) {
        if (role == Qt::DisplayRole)
            return row.name;
        if (role == Qt::ToolTipRole)
            return row.alert.isEmpty() ? row.address : row.address + QLatin1Char('\n') + row.alert;
        if (role == Qt::DecorationRole && !row.alert.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    }
    const auto folder = MessageListModel::Folder(index.row());
    const int n = row.counts[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return n > 0 ? tr("%1 (%2)").arg(folderName(folder)).arg(n) : folderName(folder);
    case Qt::FontRole: {
        QFont font;
        font.setBold(n > 0 && folder != MessageListModel::Folder::Sent);
        return font;
    }
    case Qt::ForegroundRole:
        if (folder == MessageListModel::Folder::Failed && n > 0)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    default:
        return {};
    }
}

void AccountTreeModel::setAlert(const QString &accountId, const QString &title)
{
    const int row = rowOf(accountId);
    if (row < 0 || m_rows.at(row).alert == title)
        return;
    m_rows[row].alert = title;
    const QModelIndex changed = index(row, 0);
    Q_EMIT dataChanged(changed, changed, {Qt::ToolTipRole, Qt::DecorationRole});
}

QVariant AccountTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Accounts");
    return {};
}

} // namespace Outpost
