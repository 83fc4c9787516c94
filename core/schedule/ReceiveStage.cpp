#include "ReceiveStage.h"

#include "Clock.h"
#include "store/InboxStore.h"

namespace Outpost {

ReceiveStage::ReceiveStage(const Account &account, const Pop3Settings &settings, Mode mode,
                           InboxStore *inbox, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_settings(settings)
    , m_mode(mode)
    , m_inbox(inbox)
    , m_clock(clock)
{}

ReceiveStage::~ReceiveStage()
{
    abort();
}

void ReceiveStage::start()
{
    auto *pop = new Pop3Client(this);
    m_pop = pop;
    pop->setSettings(m_settings);
    connect(pop, &Pop3Client::transcript, this,
            [this](const QString &line) { Q_EMIT transcript(QStringLiteral("POP3 ") + line); });
    connect(pop, &Pop3Client::loggedIn, this, [this, pop] {
        m_outcome.loggedIn = true;
        Q_EMIT loggedIn(pop->localAddress());
    });
    connect(pop, &Pop3Client::finished, this, &ReceiveStage::sessionFinished);
    if (m_mode == Mode::AuthenticateOnly) {
        // RFC 1939: the login alone opens the window; STAT proves the session works.
        pop->stat();
        pop->quit();
    } else {
        connect(pop, &Pop3Client::uidsReceived, this, &ReceiveStage::uidsReceived);
        connect(pop, &Pop3Client::messageRetrieved, this,
                [this](int number, qint64) { messageRetrieved(number); });
        connect(pop, &Pop3Client::requestFailed, this, &ReceiveStage::requestFailed);
        pop->listUids();
    }
    pop->open();
}

void ReceiveStage::abort()
{
    if (m_pop) {
        m_pop->disconnect(this);
        m_pop->abort();
        m_pop->deleteLater();
        m_pop = nullptr;
    }
    // Uncommitted deliveries remove their partial files when destroyed.
    m_deliveries.clear();
}

void ReceiveStage::uidsReceived(const QList<Pop3Uid> &uids, bool supported)
{
    if (!supported && m_account.leaveOnServer) {
        Q_EMIT note(tr("The server cannot name its messages (no UIDL), so Outpost does not "
                       "download while mail is left on the server."));
        m_pop->quit();
        return;
    }
    if (supported) {
        QStringList listed;
        for (const Pop3Uid &u : uids)
            listed.append(QString::fromLatin1(u.uid));
        m_inbox->retainOnly(listed);
    }
    const QString session = QString::number(m_clock->now().toMSecsSinceEpoch());
    for (const Pop3Uid &u : uids) {
        const QString uid = supported ? QString::fromLatin1(u.uid)
                                      : QStringLiteral("nouidl-%1-%2").arg(session).arg(u.number);
        if (m_inbox->isSeen(uid)) {
            // Downloaded before but not deleted yet (e.g. the last session broke before
            // QUIT): delete now that the local copy is safe.
            if (!m_account.leaveOnServer && m_inbox->isStored(uid))
                m_pop->remove(u.number);
            continue;
        }
        StoreError error;
        std::unique_ptr<InboxDelivery> delivery = m_inbox->beginDelivery(uid, &error);
        if (!delivery) {
            m_outcome.storeError = error;
            break;
        }
        m_pop->retrieve(u.number, delivery->device());
        m_deliveries[u.number] = std::move(delivery);
        ++m_retrievesLeft;
    }
    if (m_retrievesLeft == 0)
        m_pop->quit();
}

void ReceiveStage::messageRetrieved(int number)
{
    auto it = m_deliveries.find(number);
    if (it != m_deliveries.end()) {
        StoreError error;
        if (it->second->commit(&error)) {
            ++m_outcome.received;
            Q_EMIT messageStored();
            // Deleted on the server only now that the local copy is on disk.
            if (!m_account.leaveOnServer)
                m_pop->remove(number);
        } else {
            m_outcome.storeError = error;
        }
        m_deliveries.erase(it);
    }
    retrieveDone();
}

void ReceiveStage::requestFailed(int number, const NetError &error)
{
    if (m_deliveries.erase(number) == 0)
        return; // a DELE that failed: the message simply stays
    m_outcome.downloadError = error;
    retrieveDone();
}

void ReceiveStage::retrieveDone()
{
    if (--m_retrievesLeft == 0)
        m_pop->quit();
}

void ReceiveStage::sessionFinished(const NetError &error)
{
    // The client has ended on its own: nothing to abort.
    if (m_pop) {
        m_pop->disconnect(this);
        m_pop->deleteLater();
        m_pop = nullptr;
    }
    m_deliveries.clear();
    m_outcome.error = error;
    Q_EMIT finished(m_outcome);
}

} // namespace Outpost
