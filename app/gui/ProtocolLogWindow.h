#pragma once

#include <QHash>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QPlainTextEdit;

namespace Outpost {

/// The live conversation with the servers, per account (passwords already masked by the
/// clients), with Copy and Save.
class ProtocolLogWindow : public QWidget
{
    Q_OBJECT

public:
    explicit ProtocolLogWindow(QWidget *parent = nullptr);

    /// Names the accounts for the account filter (id -> name).
    void setAccounts(const QList<QPair<QString, QString>> &accounts);
    /// Adds one line of @p accountId's log.
    void appendLine(const QString &accountId, const QString &line);
    /// The text shown for the selected account.
    QString text() const;
    /// Shows @p accountId's log.
    void selectAccount(const QString &accountId);

public Q_SLOTS:
    void copyAll();
    void save();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showSelected();
    void showLines(const QStringList &lines);
    void showPending();

    QComboBox *m_account = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QHash<QString, QStringList> m_lines;
    QStringList m_pending; ///< lines for the window, shown at the next m_flush
    QTimer m_flush;
};

} // namespace Outpost
