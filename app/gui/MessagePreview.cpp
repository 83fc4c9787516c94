#include "MessagePreview.h"

#include "message/MessageReader.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace Outpost {

MessagePreview::MessagePreview(QWidget *parent)
    : QWidget(parent)
{
    m_header = new QLabel;
    m_header->setObjectName(QStringLiteral("previewHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The delivery history: short, under the header, scrolled when long (twelve attempts).
    m_history = new QTextBrowser;
    m_history->setObjectName(QStringLiteral("previewHistory"));
    m_history->setFrameShape(QFrame::NoFrame);
    m_history->hide();
    m_text = new QTextBrowser;
    m_text->setObjectName(QStringLiteral("preview"));
    m_text->setOpenLinks(false);
    m_attachments = new QListWidget;
    m_attachments->setObjectName(QStringLiteral("previewAttachments"));
    m_attachments->setFlow(QListView::LeftToRight);
    m_attachments->setMaximumHeight(56);
    m_save = new QPushButton(tr("&Save attachment…"));
    m_save->setObjectName(QStringLiteral("saveAttachment"));
    connect(m_save, &QPushButton::clicked, this, &MessagePreview::saveAttachment);
    auto *attachRow = new QHBoxLayout;
    attachRow->addWidget(m_attachments, 1);
    attachRow->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_history);
    layout->addWidget(m_text, 1);
    layout->addLayout(attachRow);
    showMessage({});
}

MessagePreview::~MessagePreview() = default;

QString MessagePreview::text() const
{
    return m_text->toPlainText();
}

void MessagePreview::showMessage(const QString &path, const QString &state, bool dateAtSend)
{
    m_parsed.reset();
    m_attachments->clear();
    if (path.isEmpty()) {
        setHistory({});
        m_header->clear();
        m_header->hide(); // an empty label would stand as a grey band above the text
        m_text->setPlainText(QString());
        m_save->setEnabled(false);
        m_attachments->hide();
        m_save->hide();
        return;
    }
    MessageError error;
    std::optional<ParsedMessage> parsed = MessageReader::parseFile(path, &error);
    if (!parsed) {
        m_header->setText(tr("This message could not be read: %1").arg(error.message));
        m_header->show();
        m_text->clear();
        return;
    }
    m_parsed = std::make_unique<ParsedMessage>(*parsed);
    auto list = [](const QList<MailAddress> &addresses) {
        QStringList out;
        for (const MailAddress &a : addresses)
            out.append(a.toDisplayString());
        return out.join(QStringLiteral(", ")).toHtmlEscaped();
    };
    QString header = tr("<b>From:</b> %1").arg(list(parsed->from()));
    header += QStringLiteral("<br>") + tr("<b>To:</b> %1").arg(list(parsed->to()));
    if (!parsed->cc().isEmpty())
        header += QStringLiteral("<br>") + tr("<b>Cc:</b> %1").arg(list(parsed->cc()));
    header +=
        QStringLiteral("<br>") + tr("<b>Subject:</b> %1").arg(parsed->subject().toHtmlEscaped());
    if (dateAtSend)
        header += QStringLiteral("<br>") + tr("<b>Date:</b> set when it is sent");
    else if (parsed->date().isValid())
        header += QStringLiteral("<br>") +
                  tr("<b>Date:</b> %1")
                      .arg(QLocale().toString(parsed->date().toLocalTime(), QLocale::LongFormat));
    if (!state.isEmpty())
        header += QStringLiteral("<br>") + tr("<b>State:</b> %1").arg(state.toHtmlEscaped());
    m_header->setText(header);
    m_header->show();
    m_text->setPlainText(parsed->text());
    const QList<AttachmentInfo> attachments = parsed->attachments();
    for (const AttachmentInfo &a : attachments)
        m_attachments->addItem(tr("%1 (%2)").arg(a.fileName, QLocale().formattedDataSize(a.size)));
    if (!attachments.isEmpty())
        m_attachments->setCurrentRow(0);
    m_attachments->setVisible(!attachments.isEmpty());
    m_save->setVisible(!attachments.isEmpty());
    m_save->setEnabled(!attachments.isEmpty());
}

void MessagePreview::setHistory(const QStringList &lines)
{
    m_historyLines = lines;
    if (lines.isEmpty()) {
        m_history->clear();
        m_history->hide();
        return;
    }
    QString html = QStringLiteral("<b>%1</b>").arg(tr("Delivery history").toHtmlEscaped());
    for (const QString &line : lines) {
        // Indented lines are what the server said to each recipient.
        const bool detail = line.startsWith(QLatin1Char(' '));
        html += detail ? QStringLiteral("<br>&nbsp;&nbsp;&nbsp;&nbsp;<small>%1</small>")
                             .arg(line.trimmed().toHtmlEscaped())
                       : QStringLiteral("<br>%1").arg(line.toHtmlEscaped());
    }
    m_history->setHtml(html);
    m_history->show();
    // As tall as the history, up to ten lines (a long one scrolls).
    QTextDocument *document = m_history->document();
    document->setTextWidth(m_history->viewport()->width());
    const int frame = 2 * m_history->frameWidth() + int(document->documentMargin());
    m_history->setFixedHeight(std::min(int(document->size().height()) + frame,
                                       m_history->fontMetrics().lineSpacing() * 10));
}

QString MessagePreview::historyText() const
{
    return m_history->isHidden() ? QString() : m_historyLines.join(QLatin1Char('\n'));
}

void MessagePreview::saveAttachment()
{
    const int index = m_attachments->currentRow() >= 0 ? m_attachments->currentRow() : 0;
    if (!m_parsed || index >= m_parsed->attachments().size())
        return;
    auto *dialog =
        new QFileDialog(this, tr("Save attachment"), m_parsed->attachments().at(index).fileName);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const ParsedMessage parsed = *m_parsed;
    connect(dialog, &QFileDialog::fileSelected, this, [this, parsed, index](const QString &path) {
        MessageError error;
        if (!parsed.saveAttachment(index, path, &error))
            Q_EMIT notice(tr("The attachment was not saved: %1").arg(error.message));
        else
            Q_EMIT notice(tr("Saved %1.").arg(path));
    });
    dialog->open();
}

} // namespace Outpost
