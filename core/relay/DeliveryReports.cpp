#include "DeliveryReports.h"

#include "message/HeaderCodec.h"
#include "message/MailDate.h"
#include "message/MessageReader.h"
#include "message/MessageWriter.h"
#include "schedule/Scheduler.h"
#include "store/DurableIo.h"
#include "store/InboxStore.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace Outpost {

namespace {

const QByteArray reportingMta = "outpost.localhost";

// "550 5.1.1 <x@y>: user unknown" inside the words Outpost kept; empty when there is none.
QByteArray serverReply(const QString &lastReply)
{
    static const QRegularExpression reply(QStringLiteral("\\b([245]\\d\\d)[ -]([245]\\.\\d{1,3}"
                                                         "\\.\\d{1,3} )?[^\\n]*"));
    const QRegularExpressionMatch m = reply.match(lastReply);
    if (!m.hasMatch())
        return {};
    QByteArray out;
    for (const QChar c : m.captured(0))
        out += c.unicode() >= 0x20 && c.unicode() < 0x7f ? char(c.unicode()) : '?';
    return out.trimmed();
}

QByteArray statusOf(const QByteArray &reply, bool permanent)
{
    static const QRegularExpression code(
        QStringLiteral("^\\d\\d\\d[ -]([245]\\.\\d{1,3}\\.\\d{1,3})"));
    const QRegularExpressionMatch m = code.match(QString::fromLatin1(reply));
    if (m.hasMatch() && permanent && m.captured(1).startsWith(QLatin1Char('5')))
        return m.captured(1).toLatin1();
    return permanent ? QByteArray("5.0.0") : QByteArray("4.4.7"); // delivery time expired
}

} // namespace

DeliveryReports::DeliveryReports(Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
{
    // Every outbox change during a cycle comes after cycleStarted: watch the outbox from then.
    connect(scheduler, &Scheduler::cycleStarted, this, [this](const QString &accountId) {
        OutboxStore *outbox = m_scheduler->outbox(accountId);
        m_watched.removeAll(nullptr);
        if (!outbox || m_watched.contains(outbox))
            return;
        m_watched.append(outbox);
        connect(outbox, &OutboxStore::changed, this,
                [this, accountId, outbox = QPointer<OutboxStore>(outbox)](const QString &id) {
                    if (outbox && m_scheduler->outbox(accountId) == outbox)
                        consider(accountId, id);
                });
    });
}

std::optional<DeliveryReports::Report>
DeliveryReports::build(const OutboxEntry &entry, const QByteArray &original, const QDateTime &now)
{
    const Envelope &envelope = entry.envelope;
    if (envelope.origin.isEmpty() || envelope.sender.isEmpty())
        return std::nullopt; // written in Outpost, or itself a report: no report
    Report report;
    if (entry.state == OutboxState::Failed)
        report.failedRecipients = envelope.recipients;
    else if (entry.state == OutboxState::Sent && !entry.rejectedRecipients.isEmpty())
        report.failedRecipients = entry.rejectedRecipients;
    else
        return std::nullopt;
    const QByteArray reply = serverReply(entry.lastReply);
    // A last reply of 4xx on a failed message: Outpost stopped retrying (too old).
    report.permanent = !reply.startsWith('4');

    qsizetype bodyOffset = 0;
    const QList<HeaderField> fields = MessageReader::parseHeaderBlock(original, 0, &bodyOffset);
    QString subject;
    for (const HeaderField &f : fields)
        if (f.name.compare("subject", Qt::CaseInsensitive) == 0)
            subject = HeaderCodec::decode(HeaderCodec::unfold(f.value)).trimmed();
    const QByteArray headers = original.left(bodyOffset).trimmed() + "\r\n";
    const QByteArray boundary =
        "=_outpost_report_" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);

    const QString people =
        (report.permanent
             ? tr("Outpost could not deliver the message \"%1\" that %2 handed over, to: %3.")
             : tr("Outpost gave up delivering the message \"%1\" that %2 handed over, to: %3; "
                  "it was retried for too long."))
            .arg(subject, envelope.origin, report.failedRecipients.join(QStringLiteral(", "))) +
        QStringLiteral("\r\n\r\n") +
        (entry.lastReply.isEmpty()
             ? QString()
             : tr("What happened: %1").arg(entry.lastReply) + QStringLiteral("\r\n"));

    QByteArray out;
    out += "From: " +
           HeaderCodec::encodePhrase(tr("Outpost delivery report"), HeaderCodec::Charset::Utf8)
               .join(' ') +
           " <MAILER-DAEMON@" + reportingMta + ">\r\n";
    out += "To: <" + envelope.sender.toUtf8() + ">\r\n";
    out += HeaderCodec::unstructuredField("Subject", tr("Undelivered mail: %1").arg(subject),
                                          HeaderCodec::Charset::Utf8);
    out += "Date: " + MailDate::format(now) + "\r\n";
    out +=
        "Message-ID: <" + MessageWriter::makeMessageId(QString::fromLatin1(reportingMta)) + ">\r\n";
    out += "Auto-Submitted: auto-replied\r\n"; // RFC 3834: no auto-reply to this
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/report; report-type=delivery-status;\r\n"
           " boundary=\"" +
           boundary + "\"\r\n\r\n";
    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    out += people.toUtf8();
    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: message/delivery-status\r\n\r\n";
    out += "Reporting-MTA: dns; " + reportingMta + "\r\n";
    if (entry.queuedAt.isValid())
        out += "Arrival-Date: " + MailDate::format(entry.queuedAt) + "\r\n";
    for (const QString &recipient : std::as_const(report.failedRecipients)) {
        out += "\r\nFinal-Recipient: rfc822; " + recipient.toUtf8() + "\r\n";
        out += "Action: failed\r\n";
        out += "Status: " + statusOf(reply, report.permanent) + "\r\n";
        if (!reply.isEmpty())
            out += "Diagnostic-Code: smtp; " + reply + "\r\n";
    }
    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: text/rfc822-headers\r\n\r\n";
    out += headers;
    out += "\r\n--" + boundary + "--\r\n";
    report.bytes = out;
    return report;
}

QString DeliveryReports::journal(const QString &accountId) const
{
    OutboxStore *outbox = m_scheduler->outbox(accountId);
    return QFileInfo(outbox->outboxDirectory()).path() + QStringLiteral("/reports.journal");
}

bool DeliveryReports::wasReported(const QString &accountId, const QString &messageId)
{
    auto it = m_reported.find(accountId);
    if (it == m_reported.end()) {
        QSet<QString> ids;
        QFile file(journal(accountId));
        if (file.open(QIODevice::ReadOnly))
            for (const QByteArray &line : file.readAll().split('\n'))
                if (!line.trimmed().isEmpty())
                    ids.insert(QString::fromUtf8(line.trimmed()));
        it = m_reported.insert(accountId, ids);
    }
    return it->contains(messageId);
}

bool DeliveryReports::remember(const QString &accountId, const QString &messageId)
{
    QFile file(journal(accountId));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    const bool ok = file.write(messageId.toUtf8() + '\n') > 0 && DurableIo::syncFile(&file);
    m_reported[accountId].insert(messageId);
    return ok;
}

void DeliveryReports::consider(const QString &accountId, const QString &messageId)
{
    OutboxStore *outbox = m_scheduler->outbox(accountId);
    InboxStore *inbox = m_scheduler->inbox(accountId);
    if (!outbox || !inbox)
        return;
    const std::optional<OutboxEntry> entry = outbox->message(messageId);
    if (!entry || entry->envelope.origin.isEmpty() || entry->envelope.sender.isEmpty())
        return;
    if (entry->state != OutboxState::Failed &&
        !(entry->state == OutboxState::Sent && !entry->rejectedRecipients.isEmpty()))
        return;
    if (wasReported(accountId, messageId))
        return;
    QByteArray original;
    if (std::unique_ptr<QIODevice> device = outbox->openMessage(messageId))
        original = device->read(256 * 1024); // the header is what the report quotes
    const std::optional<Report> report = build(*entry, original, QDateTime::currentDateTime());
    if (!report)
        return;
    // Remembered first: a crash after this loses a report, never sends two.
    if (!remember(accountId, messageId))
        return;
    StoreError error;
    if (std::unique_ptr<InboxDelivery> delivery =
            inbox->beginDelivery(QStringLiteral("outpost-report-") + messageId, &error)) {
        delivery->device()->write(report->bytes);
        (void)delivery->commit(&error);
    }
    if (m_sendToSender) {
        Envelope envelope;
        envelope.recipients = {entry->envelope.sender}; // the null sender: no report of it
        envelope.origin.clear();
        (void)outbox->queueSubmission(report->bytes, envelope, &error);
    }
    Q_EMIT reported(
        accountId, messageId,
        tr("A message that %1 handed over could not be delivered to %2. A report is "
           "in the inbox.")
            .arg(entry->envelope.origin, report->failedRecipients.join(QStringLiteral(", "))));
}

} // namespace Outpost
