// outpost-cli outbox | inbox: what an account holds, for people or as JSON.
#include "Cli.h"

#include "message/MessageReader.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"
#include "usecases/OutboxStateText.h"
#include "usecases/StuckMail.h"
#include "usecases/StuckMailText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Outpost {
namespace {

QJsonObject entryJson(const OutboxEntry &e, const QString &account, bool stuck)
{
    const MessageSummary summary = MessageReader::readSummary(e.messagePath);
    return QJsonObject{
        // Failed, or waiting past the account's alert threshold: the user should look.
        {QStringLiteral("stuck"), stuck},
        {QStringLiteral("account"), account},
        {QStringLiteral("id"), e.id},
        {QStringLiteral("state"), OutboxStore::stateName(e.state)},
        {QStringLiteral("subject"), summary.subject},
        {QStringLiteral("sender"), e.envelope.sender},
        {QStringLiteral("recipients"), QJsonArray::fromStringList(e.envelope.recipients)},
        {QStringLiteral("size"), double(e.envelope.size)},
        {QStringLiteral("queuedAt"), e.queuedAt.toString(Qt::ISODate)},
        {QStringLiteral("attempts"), e.attempts},
        {QStringLiteral("nextAttempt"), e.nextAttempt.toString(Qt::ISODate)},
        {QStringLiteral("sentAt"), e.sentAt.toString(Qt::ISODate)},
        {QStringLiteral("lastReply"), e.lastReply},
        {QStringLiteral("rejectedRecipients"), QJsonArray::fromStringList(e.rejectedRecipients)},
        {QStringLiteral("file"), e.messagePath},
        {QStringLiteral("origin"), e.envelope.origin},
        {QStringLiteral("notBefore"), e.notBefore.toString(Qt::ISODate)},
        // {"attempts": [{"start", "end", "login", "auth", "outcome", "reply", "rcpt": [{"to",
        // "reply", "ok"}], "more"}], "omitted"}: as journaled, oldest first.
        {QStringLiteral("history"), QJsonDocument::fromJson(e.history.json()).object()},
    };
}

} // namespace

void Cli::runListing(const QStringList &arguments, bool inbox)
{
    QCommandLineParser parser;
    addCommonOptions(parser, true);
    if (!inbox)
        parser.addOption({QStringLiteral("all"), tr("Also lists the Sent folder.")});
    if (!parse(parser, arguments))
        return;
    if (!openProfile(Session::Access::Read))
        return;
    const QList<Account> selected = selectedAccounts(parser.positionalArguments().value(1));
    if (selected.isEmpty())
        return;
    if (!openProfile(Session::Access::Read))
        return;
    QJsonArray list;
    for (const Account &a : selected) {
        if (inbox) {
            const QList<InboxMessage> messages = m_scheduler->inbox(a.id)->messages();
            if (!m_json)
                print(tr("%1: %n message(s) in %2", nullptr, int(messages.size()))
                          .arg(a.name, m_scheduler->inbox(a.id)->maildirPath()));
            for (const InboxMessage &m : messages) {
                const MessageSummary s = MessageReader::readSummary(m.path());
                if (m_json) {
                    list.append(QJsonObject{{QStringLiteral("account"), a.id},
                                            {QStringLiteral("from"), s.from},
                                            {QStringLiteral("fromAddress"), s.fromAddress},
                                            {QStringLiteral("subject"), s.subject},
                                            {QStringLiteral("date"), s.date.toString(Qt::ISODate)},
                                            {QStringLiteral("size"), double(m.size)},
                                            {QStringLiteral("uidl"), m.uidl},
                                            {QStringLiteral("new"), m.isNew},
                                            {QStringLiteral("file"), m.path()}});
                } else {
                    print(QStringLiteral("  %1  %2  %3")
                              .arg(QLocale().toString(s.date.toLocalTime(), QLocale::ShortFormat),
                                   s.from, s.subject));
                }
            }
            continue;
        }
        OutboxStore *outbox = m_scheduler->outbox(a.id);
        QList<OutboxEntry> entries = outbox->messages();
        if (parser.isSet(QStringLiteral("all")))
            entries += outbox->sentMessages();
        const StuckMailWatch *watch = m_session->stuckMail();
        if (!m_json) {
            print(tr("%1: %n message(s)", nullptr, int(entries.size())).arg(a.name));
            const StuckMailAlert alert = StuckMailText::alert(
                watch->messages(a.id), *outbox,
                {a, m_scheduler->status(a.id), m_scheduler->clock()->now(), true});
            if (!alert.isEmpty()) {
                print(tr("  ! %1").arg(alert.title));
                for (const QString &line : alert.text.split(QLatin1Char('\n')))
                    print(QStringLiteral("    ") + line);
                print(QStringLiteral("    ") + alert.advice);
            }
        }
        // One wording with the window's outbox (core/usecases/OutboxStateText): a waiting
        // message says what it waits for.
        const OutboxStateContext context = OutboxStateContext::forAccount(
            a, m_scheduler->status(a.id), m_scheduler->clock()->now(), true);
        for (const OutboxEntry &e : entries) {
            const bool stuck = watch->isStuck(a.id, e.id);
            if (m_json) {
                list.append(entryJson(e, a.id, stuck));
                continue;
            }
            const MessageSummary s = MessageReader::readSummary(e.messagePath);
            // "!" marks the messages the alert is about.
            print(QStringLiteral("%1%2  %3  %4  %5")
                      .arg(stuck ? QStringLiteral("! ") : QStringLiteral("  "), e.id,
                           OutboxStateText::label(e, context),
                           e.envelope.recipients.join(QStringLiteral(", ")), s.subject));
            if (!e.lastReply.isEmpty() && e.state != OutboxState::Sent)
                print(QStringLiteral("      ") + e.lastReply.simplified());
            if (!e.envelope.origin.isEmpty())
                print(QStringLiteral("      ") + OutboxStateText::origin(e));
        }
    }
    if (m_json)
        printJson(list);
    done(Success);
}

} // namespace Outpost
