#include "ProtocolLogWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace Outpost {

namespace {
constexpr int maxLinesPerAccount = 5000; // the log file keeps everything
}

ProtocolLogWindow::ProtocolLogWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("protocolLog"));
    setWindowTitle(tr("Protocol log"));
    m_account = new QComboBox;
    m_account->setObjectName(QStringLiteral("logAccount"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMaximumBlockCount(maxLinesPerAccount);
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &ProtocolLogWindow::showPending);

    auto *copy = new QPushButton(tr("&Copy"));
    copy->setObjectName(QStringLiteral("logCopy"));
    auto *save = new QPushButton(tr("&Save…"));
    save->setObjectName(QStringLiteral("logSave"));
    auto *close = new QPushButton(tr("Close"));
    connect(copy, &QPushButton::clicked, this, &ProtocolLogWindow::copyAll);
    connect(save, &QPushButton::clicked, this, &ProtocolLogWindow::save);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_account, &QComboBox::currentIndexChanged, this, &ProtocolLogWindow::showSelected);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Account:")));
    top->addWidget(m_account);
    top->addStretch();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Passwords are never shown in the log.")), 1);
    buttons->addWidget(copy);
    buttons->addWidget(save);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    resize(760, 480);
}

void ProtocolLogWindow::setAccounts(const QList<QPair<QString, QString>> &accounts)
{
    const QString current = m_account->currentData().toString();
    QSignalBlocker blocker(m_account);
    m_account->clear();
    for (const auto &[id, name] : accounts)
        m_account->addItem(name, id);
    const int index = m_account->findData(current);
    m_account->setCurrentIndex(index >= 0 ? index : 0);
    showSelected();
}

void ProtocolLogWindow::selectAccount(const QString &accountId)
{
    const int index = m_account->findData(accountId);
    if (index >= 0)
        m_account->setCurrentIndex(index);
}

void ProtocolLogWindow::appendLine(const QString &accountId, const QString &line)
{
    const QString stamped = QTime::currentTime().toString(QStringLiteral("HH:mm:ss ")) + line;
    QStringList &lines = m_lines[accountId];
    lines.append(stamped);
    if (lines.size() > maxLinesPerAccount)
        lines.remove(0, lines.size() - maxLinesPerAccount);
    // Shown a few times a second, many lines at once, and only while the window is open:
    // laying out the text line by line cost a thousand-message batch most of its time.
    if (m_account->currentData().toString() != accountId || !isVisible())
        return;
    m_pending.append(stamped);
    if (!m_flush.isActive())
        m_flush.start();
}

void ProtocolLogWindow::showLines(const QStringList &lines)
{
    // Lines for people (the sandbox's steps, notes) stand out from the protocol; the others
    // go in runs, one call each.
    QStringList run;
    const auto flushRun = [&] {
        if (!run.isEmpty())
            m_text->appendPlainText(run.join(QLatin1Char('\n')));
        run.clear();
    };
    for (const QString &line : lines) {
        if (line.contains(QStringLiteral("★ "))) {
            flushRun();
            m_text->appendHtml(QStringLiteral("<b>%1</b>").arg(line.toHtmlEscaped()));
        } else {
            run.append(line);
        }
    }
    flushRun();
}

void ProtocolLogWindow::showPending()
{
    showLines(m_pending);
    m_pending.clear();
}

QString ProtocolLogWindow::text() const
{
    return m_lines.value(m_account->currentData().toString()).join(QLatin1Char('\n'));
}

void ProtocolLogWindow::showEvent(QShowEvent *event)
{
    showSelected(); // what came while the window was closed
    QWidget::showEvent(event);
}

void ProtocolLogWindow::showSelected()
{
    m_flush.stop();
    m_pending.clear();
    m_text->clear();
    if (isVisible())
        showLines(m_lines.value(m_account->currentData().toString()));
    m_text->moveCursor(QTextCursor::End);
}

void ProtocolLogWindow::copyAll()
{
    QApplication::clipboard()->setText(text());
}

void ProtocolLogWindow::save()
{
    auto *dialog =
        new QFileDialog(this, tr("Save the protocol log"), {}, tr("Text files (*.txt *.log)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("log"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString content = text();
    connect(dialog, &QFileDialog::fileSelected, this, [this, content](const QString &path) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0 ||
            !file.commit()) {
            QMessageBox::warning(
                this, tr("Protocol log"),
                tr("The log could not be saved to %1: %2").arg(path, file.errorString()));
        }
    });
    dialog->open();
}

} // namespace Outpost
