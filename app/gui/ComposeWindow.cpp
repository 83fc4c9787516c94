#include "ComposeWindow.h"

#include "usecases/ComposeMessage.h"
#include "usecases/MailtoLink.h"
#include "usecases/OutboxStateText.h"

#include "PopupClickThrough.h"
#include "PreferencesDialog.h"
#include "SendLaterDialog.h"
#include "message/AddressParser.h"
#include "message/MessageWriter.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTextCursor>
#include <QUrl>
#include <QVBoxLayout>

namespace Outpost {

ComposeWindow::ComposeWindow(Scheduler *scheduler, const QString &profileDirectory, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_scheduler(scheduler)
    , m_profileDirectory(profileDirectory)
    , m_drafts(profileDirectory)
    , m_addressBook(profileDirectory)
{
    StoreError bookError;
    m_addressBookRead = m_addressBook.load(&bookError);

    setObjectName(QStringLiteral("composeWindow"));
    setWindowTitle(tr("New message"));
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);

    m_from = new QComboBox;
    m_from->setObjectName(QStringLiteral("composeFrom"));
    for (const Account &a : scheduler->accounts()) {
        const QString label =
            a.fullName.isEmpty()
                ? QStringLiteral("%1 <%2>").arg(a.name, a.address)
                : QStringLiteral("%1 <%2> (%3)").arg(a.fullName, a.address, a.name);
        m_from->addItem(label, a.id);
    }
    m_to = addressField(QStringLiteral("composeTo"));
    m_cc = addressField(QStringLiteral("composeCc"));
    m_bcc = addressField(QStringLiteral("composeBcc"));
    m_subject = new QLineEdit;
    m_subject->setObjectName(QStringLiteral("composeSubject"));
    m_body = new QPlainTextEdit;
    m_body->setObjectName(QStringLiteral("composeBody"));
    m_body->setTabChangesFocus(true);
    m_body->setAcceptDrops(false);

    m_attachments = new QListWidget;
    m_attachments->setObjectName(QStringLiteral("composeAttachments"));
    m_attachments->setMaximumHeight(80);
    m_attachments->setToolTip(tr("Drop files here to attach them."));
    auto *attach = new QPushButton(tr("&Attach files…"));
    attach->setObjectName(QStringLiteral("composeAttach"));
    auto *removeAttachment = new QPushButton(tr("&Remove"));
    connect(attach, &QPushButton::clicked, this, &ComposeWindow::chooseAttachments);
    connect(removeAttachment, &QPushButton::clicked, this, &ComposeWindow::removeAttachment);

    m_encoding = new QComboBox;
    m_encoding->setObjectName(QStringLiteral("composeEncoding"));
    m_encoding->addItem(tr("Automatic"), int(TextEncoding::Automatic));
    m_encoding->addItem(tr("Unicode (UTF-8)"), int(TextEncoding::Utf8));
    m_encoding->addItem(tr("Japanese (ISO-2022-JP)"), int(TextEncoding::Iso2022Jp));
    m_encoding->setToolTip(
        tr("Automatic writes Japanese text as ISO-2022-JP when every character "
           "fits, which every Japanese mail program reads, and UTF-8 otherwise."));

    // The encoding follows the sending account's choice.
    auto followAccount = [this] {
        if (const Account *a = m_scheduler->account(m_from->currentData().toString())) {
            const TextEncoding e = ComposeMessage::textEncodingFor(a->japaneseEncoding);
            m_encoding->setCurrentIndex(qMax(0, m_encoding->findData(int(e))));
        }
    };
    connect(m_from, &QComboBox::currentIndexChanged, this, followAccount);
    followAccount();

    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("composeNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_send = new QPushButton(tr("&Send"));
    m_send->setObjectName(QStringLiteral("composeSend"));
    m_send->setDefault(true);
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_send->setToolTip(tr("Puts the message in the outbox (Ctrl+Enter)."));
    auto *sendLater = new QPushButton(tr("Send &Later…"));
    sendLater->setObjectName(QStringLiteral("composeSendLater"));
    sendLater->setToolTip(tr("Puts the message in the outbox to be sent at a time you choose."));
    connect(sendLater, &QPushButton::clicked, this, [this] {
        SendLaterDialog::ask(this, {}, m_scheduler->clock()->now(),
                             [this](const QDateTime &when) { send(when); });
    });
    auto *saveDraft = new QPushButton(tr("Save &draft"));
    saveDraft->setObjectName(QStringLiteral("composeSaveDraft"));
    connect(m_send, &QPushButton::clicked, this, [this] { send(); });
    connect(saveDraft, &QPushButton::clicked, this, [this] {
        const QString path = this->saveDraft();
        if (!path.isEmpty())
            setNotice(tr("The draft was saved."), false);
    });

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("S&ubject:"), m_subject);

    auto *attachButtons = new QVBoxLayout;
    attachButtons->addWidget(attach);
    attachButtons->addWidget(removeAttachment);
    attachButtons->addStretch();
    auto *attachRow = new QHBoxLayout;
    attachRow->addWidget(m_attachments, 1);
    attachRow->addLayout(attachButtons);

    auto *bottom = new QHBoxLayout;
    auto *encodingLabel = new QLabel(tr("&Encoding:"));
    encodingLabel->setBuddy(m_encoding);
    bottom->addWidget(encodingLabel);
    bottom->addWidget(m_encoding);
    bottom->addStretch();
    bottom->addWidget(saveDraft);
    bottom->addWidget(sendLater);
    bottom->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(new QLabel(tr("Attachments:")));
    layout->addLayout(attachRow);
    layout->addWidget(m_notice);
    layout->addLayout(bottom);

    for (QLineEdit *field : {m_to, m_cc, m_bcc, m_subject})
        connect(field, &QLineEdit::textEdited, this, [this] { m_modified = true; });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] { m_modified = true; });
    if (!m_addressBookRead)
        setNotice(bookError.message, true);
    if (m_from->count() == 0)
        setNotice(tr("There is no account to send from yet. Add one in the account settings; "
                     "meanwhile you can keep this message as a draft."),
                  true);
    resize(680, 560);
}

QLineEdit *ComposeWindow::addressField(const QString &objectName)
{
    auto *field = new QLineEdit;
    field->setObjectName(objectName);
    field->setPlaceholderText(tr("name@example.com, Another Name <other@example.jp>"));
    // The address book (core/usecases) chooses the candidates; the completer only shows them.
    auto *model = new QStringListModel(m_addressBook.entries(), field);
    auto *completer = new QCompleter(model, field);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setWidget(field);
    new PopupClickThrough(completer->popup());
    // Complete the address being typed: the text after the last comma.
    connect(field, &QLineEdit::textEdited, completer,
            [this, field, completer, model](const QString &text) {
                field->setStyleSheet(QString());
                field->setToolTip(QString());
                recheckAddresses();
                const QString current =
                    text.left(field->cursorPosition()).section(u',', -1).trimmed();
                model->setStringList(current.isEmpty() ? QStringList()
                                                       : m_addressBook.complete(current));
                if (model->rowCount() > 0)
                    completer->complete();
                else
                    completer->popup()->hide();
            });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), field,
            [field](const QString &chosen) {
                const QString text = field->text();
                const int comma = int(text.left(field->cursorPosition()).lastIndexOf(u','));
                const QString before = comma >= 0 ? text.left(comma + 1) + u' ' : QString();
                field->setText(before + chosen + QStringLiteral(", "));
            });
    return field;
}

void ComposeWindow::setContent(const Content &content)
{
    const int account = m_from->findData(content.accountId);
    if (account >= 0)
        m_from->setCurrentIndex(account);
    m_to->setText(content.to);
    m_cc->setText(content.cc);
    m_bcc->setText(content.bcc);
    m_subject->setText(content.subject);
    m_body->setPlainText(content.body);
    m_attachments->clear();
    for (const QString &path : content.attachments)
        addAttachment(path);
    for (const QString &path : content.messageAttachments)
        addAttachment(path, true);
    m_inReplyTo = content.inReplyTo;
    m_references = content.references;
    if (content.encoding)
        m_encoding->setCurrentIndex(qMax(0, m_encoding->findData(int(*content.encoding))));
    m_modified = false;
}

void ComposeWindow::setAccount(const QString &accountId)
{
    const int account = m_from->findData(accountId);
    if (account >= 0)
        m_from->setCurrentIndex(account);
}

void ComposeWindow::setReplacing(const ReplaceMessage::Edit &edit)
{
    setContent(edit.content);
    m_replacing = edit;
    if (!edit.problems.isEmpty())
        setNotice(edit.problems.join(u'\n'), true);
}

void ComposeWindow::giveUpReplacing()
{
    if (m_replacing)
        ReplaceMessage::discard(*m_replacing);
    m_replacing.reset();
}

ComposeWindow::Content ComposeWindow::content() const
{
    Content c;
    c.accountId = m_from->currentData().toString();
    c.to = m_to->text();
    c.cc = m_cc->text();
    c.bcc = m_bcc->text();
    c.subject = m_subject->text();
    c.body = m_body->toPlainText();
    const ComposeInput in = input();
    c.attachments = in.attachments;
    c.messageAttachments = in.messageAttachments;
    c.inReplyTo = in.inReplyTo;
    c.references = in.references;
    c.encoding = in.encoding;
    return c;
}

void ComposeWindow::focusBody()
{
    m_body->setFocus();
    QTextCursor start = m_body->textCursor();
    start.movePosition(QTextCursor::Start);
    m_body->setTextCursor(start); // above the quote
}

void ComposeWindow::focusRecipients()
{
    m_to->setFocus();
}

void ComposeWindow::dropForwardedCopies()
{
    // The copies a forward as attachment made (the outbox holds the message now, or it was
    // discarded); files the user attached are never touched.
    const QString folder = QDir::cleanPath(m_profileDirectory + QStringLiteral("/forwarded"));
    for (const QString &path : input().messageAttachments) {
        const QFileInfo info(path);
        const QString dir = QDir::cleanPath(info.absolutePath());
        if (QDir::cleanPath(QFileInfo(dir).absolutePath()) != folder)
            continue;
        QFile::remove(path);
        QDir().rmdir(dir);
    }
}

void ComposeWindow::setMailto(const QUrl &url)
{
    Content c = content();
    MailtoLink::apply(url, &c);
    setContent(c);
    m_modified = true;
}

void ComposeWindow::addAttachment(const QString &path, bool wholeMessage)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return;
    auto *item = new QListWidgetItem(
        tr("%1 (%2)").arg(info.fileName(), QLocale().formattedDataSize(info.size())));
    item->setData(Qt::UserRole, info.absoluteFilePath());
    item->setData(Qt::UserRole + 1, wholeMessage); // forwarded as a message (message/rfc822)
    item->setToolTip(info.absoluteFilePath());
    m_attachments->addItem(item);
    m_modified = true;
}

void ComposeWindow::chooseAttachments()
{
    auto *dialog = new QFileDialog(this, tr("Attach files"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &file : files)
            addAttachment(file);
    });
    dialog->open();
}

void ComposeWindow::removeAttachment()
{
    qDeleteAll(m_attachments->selectedItems());
    m_modified = true;
}

void ComposeWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ComposeWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            addAttachment(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void ComposeWindow::setNotice(const QString &text, bool error)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_notice->setVisible(!text.isEmpty());
}

QString ComposeWindow::notice() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

bool ComposeWindow::checkAddresses()
{
    const Account *account = m_scheduler->account(m_from->currentData().toString());
    if (!account)
        return true; // send() says to choose an account
    return showProblem(ComposeMessage::build(*account, input()).problem);
}

ComposeInput ComposeWindow::input() const
{
    ComposeInput in;
    in.to = m_to->text();
    in.cc = m_cc->text();
    in.bcc = m_bcc->text();
    in.subject = m_subject->text();
    in.body = m_body->toPlainText();
    for (int i = 0; i < m_attachments->count(); ++i) {
        const QListWidgetItem *item = m_attachments->item(i);
        (item->data(Qt::UserRole + 1).toBool() ? in.messageAttachments : in.attachments)
            .append(item->data(Qt::UserRole).toString());
    }
    in.inReplyTo = m_inReplyTo;
    in.references = m_references;
    in.encoding = TextEncoding(m_encoding->currentData().toInt());
    return in;
}

void ComposeWindow::recheckAddresses()
{
    // Only an error already shown is looked at again: a half-typed address is no error yet.
    if (!m_addressProblemShown)
        return;
    const Account *account = m_scheduler->account(m_from->currentData().toString());
    const ComposeProblem::Field field = account
                                            ? ComposeMessage::build(*account, input()).problem.field
                                            : ComposeProblem::Field::None;
    using Field = ComposeProblem::Field;
    if (field == Field::To || field == Field::Cc || field == Field::Bcc ||
        field == Field::Recipients)
        return;
    m_addressProblemShown = false;
    for (QLineEdit *edit : {m_to, m_cc, m_bcc}) {
        edit->setStyleSheet(QString());
        edit->setToolTip(QString());
    }
    setNotice({}, false);
}

bool ComposeWindow::showProblem(const ComposeProblem &problem)
{
    using Field = ComposeProblem::Field;
    m_addressProblemShown = false;
    for (QLineEdit *edit : {m_to, m_cc, m_bcc}) {
        edit->setStyleSheet(QString());
        edit->setToolTip(QString());
    }
    if (problem.field == Field::None)
        return true;
    QLineEdit *edit = problem.field == Field::To           ? m_to
                      : problem.field == Field::Cc         ? m_cc
                      : problem.field == Field::Bcc        ? m_bcc
                      : problem.field == Field::Recipients ? m_to
                                                           : nullptr;
    if (edit) {
        if (problem.field != Field::Recipients) {
            edit->setStyleSheet(QStringLiteral("background: #fde7e9;"));
            edit->setToolTip(problem.message);
            edit->setCursorPosition(problem.position);
        }
        m_addressProblemShown = true;
        edit->setFocus();
    }
    setNotice(problem.field == Field::Attachment
                  ? tr("The message was not put in the outbox, and nothing you wrote was lost: "
                       "%1")
                        .arg(problem.message)
                  : problem.message,
              true);
    return false;
}

bool ComposeWindow::send(const QDateTime &notBefore)
{
    const QString accountId = m_from->currentData().toString();
    const Account *account = m_scheduler->account(accountId);
    OutboxStore *outbox = m_scheduler->outbox(accountId);
    if (!account || !outbox) {
        setNotice(tr("Choose the account to send from. If there is none, add one in the "
                     "account settings first."),
                  true);
        return false;
    }
    const ComposeMessage::Result built = ComposeMessage::build(*account, input());
    if (!showProblem(built.problem))
        return false;
    const OutgoingMessage &m = *built.message;

    // Undo send: held for the chosen seconds (not for a message sent later).
    const int hold =
        notBefore.isValid() ? 0 : PreferencesDialog::undoSendSeconds(m_profileDirectory);
    const QDateTime when = hold > 0 ? m_scheduler->clock()->now().addSecs(hold) : notBefore;
    const std::optional<QString> id = queue(outbox, m, when, hold > 0);
    if (!id)
        return false;
    rememberAddresses(m);

    QString how;
    if (hold > 0) {
        how = tr("The message is in the outbox; for %1 seconds, Undo brings it back.").arg(hold);
    } else if (notBefore.isValid()) {
        how = tr("The message is in the outbox and will be sent %1.")
                  .arg(OutboxStateText::when(notBefore, m_scheduler->clock()->now()));
    } else if (account->sendImmediately) {
        m_scheduler->trigger(accountId, Scheduler::Trigger::Queued);
        how = account->popBeforeSmtp
                  ? tr("The message is in the outbox; Outpost logs in over POP and sends it now.")
                  : tr("The message is in the outbox and is being sent now.");
    } else {
        const QDateTime next = m_scheduler->status(accountId).nextCheck;
        how = next.isValid()
                  ? tr("The message is in the outbox and will be sent at the next check, at %1.")
                        .arg(QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat))
                  : tr("The message is in the outbox and will be sent when you press "
                       "Send/Receive.");
    }
    if (!m_draftPath.isEmpty())
        (void)m_drafts.remove(m_draftPath); // the message is safe in the outbox either way
    m_draftPath.clear();
    dropForwardedCopies();
    m_modified = false;
    if (!m_notice->text().isEmpty())
        how = m_notice->text(); // the old message of a correction could not be removed
    Q_EMIT queued(accountId, *id, how);
    m_closing = true;
    close();
    return true;
}

std::optional<QString> ComposeWindow::queue(OutboxStore *outbox, const OutgoingMessage &message,
                                            const QDateTime &notBefore, bool hold)
{
    setNotice(QString(), false);
    StoreError error;
    std::optional<QString> id;
    if (m_replacing) {
        // Queued first, the old message removed only then (core/usecases/ReplaceMessage).
        // From another account: the old message leaves its own outbox.
        OutboxStore *oldOutbox = m_scheduler->outbox(m_replacing->content.accountId);
        const ReplaceMessage::Result r = ReplaceMessage::replace(
            *outbox, *m_replacing, message, oldOutbox != outbox ? oldOutbox : nullptr);
        id = r.newId;
        error = r.error;
        if (r.ok()) {
            m_replacing.reset();
            // Sent later: the time chosen now wins over the one the message had.
            if (notBefore.isValid() && !outbox->plan(*id, notBefore, &error, hold))
                setNotice(error.message, true);
            if (r.oldKept.isError())
                setNotice(r.oldKept.message, true);
        }
    } else {
        OutboxStore::QueueOptions options;
        options.notBefore = notBefore;
        options.held = hold;
        id = outbox->queue(message, &error, options);
    }
    if (!id)
        setNotice(tr("The message was not put in the outbox, and nothing you wrote was lost: %1")
                      .arg(error.message),
                  true);
    return id;
}

void ComposeWindow::rememberAddresses(const OutgoingMessage &m)
{
    if (!m_addressBookRead)
        return; // a damaged address book is left as it is
    StoreError error;
    // Only for completion: the message is queued whether or not this is written.
    (void)m_addressBook.remember(m.to + m.cc + m.bcc, &error);
}

QString ComposeWindow::saveDraft()
{
    StoreError error;
    const std::optional<QString> path = m_drafts.save(content(), m_draftPath, &error);
    if (!path) {
        setNotice(error.message, true);
        return {};
    }
    m_draftPath = *path;
    m_modified = false;
    return m_draftPath;
}

bool ComposeWindow::loadDraft(const QString &path)
{
    StoreError error;
    const std::optional<ComposeContent> draft = m_drafts.load(path, &error);
    if (!draft) {
        setNotice(error.message, true);
        return false;
    }
    setContent(*draft);
    m_draftPath = path;
    return true;
}

void ComposeWindow::closeEvent(QCloseEvent *event)
{
    if (m_closing || !m_modified) {
        if (m_draftPath.isEmpty()) {
            giveUpReplacing();
            dropForwardedCopies();
        }
        event->accept();
        return;
    }
    event->ignore();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Keep this message?"),
                        tr("This message has not been sent. Do you want to keep it as a "
                           "draft?"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("keepDraftQuestion"));
    box->button(QMessageBox::Save)->setText(tr("&Keep as draft"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        const auto button = box->standardButton(box->clickedButton());
        if (button == QMessageBox::Save) {
            if (saveDraft().isEmpty())
                return;
        } else if (button == QMessageBox::Discard) {
            if (!m_draftPath.isEmpty())
                (void)m_drafts.remove(m_draftPath);
            m_draftPath.clear();
            dropForwardedCopies();
        } else {
            return;
        }
        m_closing = true;
        close();
    });
    box->open();
}

} // namespace Outpost
