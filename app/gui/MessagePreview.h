#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace Outpost {

class ParsedMessage;

/// The preview pane: the selected message's header, its text and its attachments (with
/// "Save attachment…").
class MessagePreview : public QWidget
{
    Q_OBJECT

public:
    explicit MessagePreview(QWidget *parent = nullptr);
    ~MessagePreview() override;

    /// Shows the message in the file @p path; @p state is its outbox state in words (empty
    /// for received mail). An empty @p path clears the pane.
    /// @p dateAtSend: the Date field is set when the message leaves (send later).
    void showMessage(const QString &path, const QString &state = {}, bool dateAtSend = false);
    /// The text shown.
    QString text() const;
    /// Shows an outbox message's delivery history, one event per line (empty: none).
    void setHistory(const QStringList &lines);
    /// The history shown, one event per line (empty when hidden).
    QString historyText() const;

Q_SIGNALS:
    /// Something to tell in the status bar (an attachment saved, or not).
    void notice(const QString &text);

private:
    void saveAttachment();

    QLabel *m_header = nullptr;
    QTextBrowser *m_history = nullptr;
    QStringList m_historyLines;
    QTextBrowser *m_text = nullptr;
    QListWidget *m_attachments = nullptr;
    QPushButton *m_save = nullptr;
    std::unique_ptr<ParsedMessage> m_parsed;
};

} // namespace Outpost
