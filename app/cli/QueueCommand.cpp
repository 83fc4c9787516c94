// outpost-cli queue: a message into an account's outbox, from a file or from options.
#include "Cli.h"

#include "message/MessageWriter.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"
#include "usecases/ComposeMessage.h"
#include "usecases/OutboxStateText.h"
#include "usecases/SendLater.h"

#include <QBuffer>

#include <QFile>
#include <QFileInfo>

namespace Outpost {

void Cli::runQueue(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Usage: outpost-cli queue NAME FILE.eml\n"
           "       outpost-cli queue NAME --to ADDR --subject TEXT (--body TEXT | --body-file "
           "FILE) [--attach FILE]\n"
           "Add --at TIME to send it later."));
    addCommonOptions(parser, false);
    parser.addOption({QStringLiteral("to"),
                      tr("A recipient (repeatable; or a comma-separated list)."),
                      QStringLiteral("ADDR")});
    parser.addOption(
        {QStringLiteral("cc"), tr("A copy recipient (repeatable)."), QStringLiteral("ADDR")});
    parser.addOption({QStringLiteral("bcc"), tr("A blind copy recipient (repeatable)."),
                      QStringLiteral("ADDR")});
    parser.addOption({QStringLiteral("subject"), tr("The subject."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("body"), tr("The message text."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("body-file"), tr("Reads the message text (UTF-8) from FILE."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("attach"), tr("Attaches FILE (repeatable)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("encoding"),
                      tr("How Japanese text is written: auto, utf-8 or iso-2022-jp (default: the "
                         "account's choice)."),
                      QStringLiteral("auto|utf-8|iso-2022-jp")});
    parser.addOption({QStringLiteral("at"),
                      tr("Sends the message later, not before TIME: \"2026-12-24 09:00\" (your "
                         "local time; ISO 8601 or your system's date format)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("hold"),
                      tr("Holds the message SECONDS (at most 3600) before it may be sent, as "
                         "the desktop program's Undo send does."),
                      QStringLiteral("SECONDS")});
    if (!parse(parser, arguments))
        return;
    OutboxStore::QueueOptions options;
    if (parser.isSet(QStringLiteral("hold"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("hold")).toInt(&ok);
        if (!ok || seconds < 0 || seconds > 3600)
            return fail(tr("--hold: give a number of seconds from 0 to 3600."));
        if (parser.isSet(QStringLiteral("at")))
            return fail(tr("Give either --at or --hold, not both."));
        if (seconds > 0) {
            options.notBefore = QDateTime::currentDateTimeUtc().addSecs(seconds);
            options.held = true;
        }
    }
    if (parser.isSet(QStringLiteral("at"))) {
        QString problem;
        const std::optional<QDateTime> at = SendLater::parse(
            parser.value(QStringLiteral("at")), QDateTime::currentDateTimeUtc(), &problem);
        if (!at)
            return fail(tr("--at: %1").arg(problem));
        options.notBefore = *at;
    }
    const QStringList positional = parser.positionalArguments();
    // While another Outpost program holds the profile, the message goes to it through its
    // local relay.
    bool viaRunningProgram = false;
    if (!openForQueueing(&viaRunningProgram))
        return;
    const Account *account = accountArgument(positional.value(1));
    if (!account)
        return;
    const Account a = *account;
    OutboxStore *outbox = m_scheduler->outbox(a.id);
    // The bytes as the outbox would keep them, for the running program.
    auto handOverBytes =
        [this, &a, &options](
            const std::function<std::optional<Envelope>(QIODevice *, MessageError *)> &produce) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            MessageError messageError;
            const std::optional<Envelope> envelope = produce(&buffer, &messageError);
            if (!envelope)
                return fail(tr("The message was not queued: %1").arg(messageError.message));
            Envelope handed = *envelope;
            handOver(a, handed, buffer.data(), Success, UsageError, MailNotSent, false,
                     options.notBefore);
        };

    StoreError storeError;
    std::optional<QString> id;
    if (positional.size() == 3) {
        if (parser.isSet(QStringLiteral("to")) || parser.isSet(QStringLiteral("body"))) {
            fail(tr("Give either a .eml file or --to/--subject/--body, not both."));
            return;
        }
        if (!QFileInfo(positional.at(2)).isFile()) {
            fail(tr("%1 is not a file.").arg(positional.at(2)));
            return;
        }
        if (viaRunningProgram) {
            QFile in(positional.at(2));
            if (!in.open(QIODevice::ReadOnly))
                return fail(tr("The file %1 cannot be read.").arg(positional.at(2)));
            return handOverBytes([&in](QIODevice *out, MessageError *error) {
                return MessageWriter::import(&in, out, error);
            });
        }
        id = outbox->queueFile(positional.at(2), &storeError, options);
    } else if (positional.size() == 2) {
        ComposeInput input;
        input.to = parser.values(QStringLiteral("to")).join(QStringLiteral(", "));
        input.cc = parser.values(QStringLiteral("cc")).join(QStringLiteral(", "));
        input.bcc = parser.values(QStringLiteral("bcc")).join(QStringLiteral(", "));
        if (!parser.isSet(QStringLiteral("subject"))) {
            fail(tr("Give a subject with --subject (it may be empty: --subject \"\")."));
            return;
        }
        input.subject = parser.value(QStringLiteral("subject"));
        if (parser.isSet(QStringLiteral("body")) == parser.isSet(QStringLiteral("body-file"))) {
            fail(tr("Give the text with either --body or --body-file."));
            return;
        }
        if (parser.isSet(QStringLiteral("body-file"))) {
            QFile file(parser.value(QStringLiteral("body-file")));
            if (!file.open(QIODevice::ReadOnly)) {
                fail(tr("Could not read %1: %2").arg(file.fileName(), file.errorString()));
                return;
            }
            input.body = QString::fromUtf8(file.readAll());
        } else {
            input.body = parser.value(QStringLiteral("body"));
        }
        input.attachments = parser.values(QStringLiteral("attach"));
        if (parser.isSet(QStringLiteral("encoding"))) {
            JapaneseEncoding encoding = a.japaneseEncoding;
            if (!AccountWords::fromString(parser.value(QStringLiteral("encoding")), &encoding)) {
                fail(tr("--encoding: use auto, utf-8 or iso-2022-jp."));
                return;
            }
            input.encoding = ComposeMessage::textEncodingFor(encoding);
        }
        // The same rules and words as the compose window (core/usecases).
        const ComposeMessage::Result built = ComposeMessage::build(a, input);
        if (!built.ok()) {
            // Named by the option that holds the problem, as typed on the command line.
            using Field = ComposeProblem::Field;
            const Field field = built.problem.field;
            const QString option = field == Field::To           ? QStringLiteral("--to")
                                   : field == Field::Cc         ? QStringLiteral("--cc")
                                   : field == Field::Bcc        ? QStringLiteral("--bcc")
                                   : field == Field::Attachment ? QStringLiteral("--attach")
                                   : field == Field::Recipients ? QStringLiteral("--to/--cc/--bcc")
                                                                : QString();
            fail(option.isEmpty() ? built.problem.message
                                  : tr("%1: %2").arg(option, built.problem.message));
            return;
        }
        const OutgoingMessage &m = *built.message;
        if (viaRunningProgram)
            return handOverBytes([&m](QIODevice *out, MessageError *error) {
                return MessageWriter::write(m, out, error);
            });
        id = outbox->queue(m, &storeError, options);
    } else {
        fail(tr("Usage: outpost-cli queue NAME FILE.eml, or outpost-cli queue NAME --to ADDR "
                "--subject TEXT --body TEXT"));
        return;
    }
    if (!id) {
        fail(tr("The message was not queued: %1").arg(storeError.message));
        return;
    }
    print(*id);
    if (options.held)
        print(tr("It is held for %1 seconds before it may be sent.")
                  .arg(QDateTime::currentDateTimeUtc().secsTo(options.notBefore)));
    else if (options.notBefore.isValid())
        print(tr("It will be sent %1.")
                  .arg(OutboxStateText::when(options.notBefore, QDateTime::currentDateTimeUtc())));
    done(Success);
}

} // namespace Outpost
