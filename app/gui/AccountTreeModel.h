#pragma once

#include "MessageListModel.h"
#include "store/Account.h"

#include <QAbstractItemModel>
#include <QList>

#include <array>

namespace Outpost {

class Scheduler;

/// The accounts and their folders (Inbox, Outbox, Sent, Failed, Deleted Items) with their counts,
/// for the tree on the left of the main window. Changes are applied in place: rows are inserted,
/// removed or changed, never rebuilt, so the view keeps its selection and expansion.
class AccountTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role
    {
        AccountIdRole = Qt::UserRole + 1, ///< the account's id (both levels)
        FolderRole,                       ///< the folder (int), -1 on an account's row
    };
    static constexpr int folderCount = 5;

    explicit AccountTreeModel(QObject *parent = nullptr);

    /// Shows @p accounts in this order: removed ones go, new ones come, others change in place.
    void setAccounts(const QList<Account> &accounts);
    /// Re-counts every folder from @p scheduler's stores; only changed rows are signalled.
    void updateCounts(const Scheduler *scheduler);
    /// Marks the account's row with a warning and @p title as its tip (stuck mail); an empty
    /// @p title takes the mark away.
    void setAlert(const QString &accountId, const QString &title);

    QModelIndex accountIndex(const QString &accountId) const;
    QModelIndex folderIndex(const QString &accountId, MessageListModel::Folder folder) const;
    /// A folder's name as the tree shows it, without its count.
    static QString folderName(MessageListModel::Folder folder);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        quintptr key = 0; ///< stable while the row lives: its folder rows' internal id
        QString id;
        QString name;
        QString address;
        QString alert; ///< the stuck-mail alert's title, empty when none
        std::array<int, folderCount> counts{};
    };
    int rowOf(const QString &accountId) const;
    int rowOfKey(quintptr key) const;

    QList<Row> m_rows;
    quintptr m_nextKey = 1; ///< 0 marks a top-level index
};

} // namespace Outpost
