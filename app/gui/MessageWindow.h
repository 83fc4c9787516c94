#pragma once

#include "MessageListModel.h"

#include <QMainWindow>

namespace Outpost {

class InboxActions;
class MessagePreview;

/// One message in a window of its own (double-click, Enter or Ctrl+O on a row): its header,
/// text and attachments, with Reply, Reply all and Forward for it.
class MessageWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Shows the message in @p path of @p accountId's @p folder; @p actions answers it.
    MessageWindow(InboxActions *actions, const QString &accountId, MessageListModel::Folder folder,
                  const QString &path, QWidget *parent = nullptr);

    QString accountId() const { return m_accountId; }
    QString path() const { return m_path; }
    /// The text shown.
    QString text() const;

private:
    InboxActions *m_actions;
    QString m_accountId;
    QString m_path;
    MessagePreview *m_preview;
};

} // namespace Outpost
