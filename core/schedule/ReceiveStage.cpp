#include "ReceiveStage.h"

#include "Clock.h"
#include "ServerSettings.h"
#include "store/InboxStore.h"

#include <QCryptographicHash>

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
    if (m_account.incoming == IncomingProtocol::Imap) {
        startImap();
        return;
    }
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
    if (m_imap) {
        m_imap->disconnect(this);
        m_imap->abort();
        m_imap->deleteLater();
        m_imap = nullptr;
    }
    m_imapDeliveries.clear();
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
    if (m_imap) {
        m_imap->disconnect(this);
        m_imap->deleteLater();
        m_imap = nullptr;
    }
    m_deliveries.clear();
    m_imapDeliveries.clear();
    m_outcome.error = error;
    Q_EMIT finished(m_outcome);
}

// --- IMAP ---------------------------------------------------------------------------------

namespace {

const QString imapInbox = QStringLiteral("INBOX");

} // namespace

void ReceiveStage::startImap()
{
    auto *imap = new ImapClient(this);
    m_imap = imap;
    imap->setSettings(imapSettingsFrom(m_settings));
    connect(imap, &ImapClient::transcript, this,
            [this](const QString &line) { Q_EMIT transcript(QStringLiteral("IMAP ") + line); });
    connect(imap, &ImapClient::loggedIn, this, [this, imap] {
        m_outcome.loggedIn = true;
        Q_EMIT loggedIn(imap->localAddress());
    });
    connect(imap, &ImapClient::alert, this, [this](const QString &text) {
        Q_EMIT note(tr("The incoming server says: %1").arg(text));
    });
    connect(imap, &ImapClient::finished, this, &ReceiveStage::sessionFinished);
    if (m_mode == Mode::AuthenticateOnly) {
        // The login alone opens the window; LOGOUT goes with it.
        imap->authenticateOnly();
        return;
    }
    connect(imap, &ImapClient::mailboxOpened, this, &ReceiveStage::imapMailboxOpened);
    connect(imap, &ImapClient::mailboxFailed, this, [this](const NetError &error) {
        m_outcome.downloadError = error;
        m_imap->logout();
    });
    connect(imap, &ImapClient::messagesListed, this, &ReceiveStage::imapListed);
    connect(imap, &ImapClient::messageFetched, this,
            [this](quint64 uid, qint64) { imapFetched(uid); });
    connect(imap, &ImapClient::fetchFailed, this, &ReceiveStage::imapFetchFailed);
    m_imapBefore = m_inbox->imapState(imapInbox);
    // Sent with the login: EXAMINE (read-only) and the listing above the last UID received.
    // The listing is only good if UIDVALIDITY is the one it was counted in.
    imap->examine(imapInbox.toLatin1());
    imap->listMessages(m_imapBefore.lastUid + 1, true);
    imap->open();
}

QString ReceiveStage::imapUidKey(quint64 uid) const
{
    return QStringLiteral("imap:%1:%2:%3").arg(imapInbox).arg(m_imapStatus.uidValidity).arg(uid);
}

QString ReceiveStage::imapIdentityKey(const ImapMessageInfo &message) const
{
    // The same message after a renumbering: same size and the same identifying headers.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number(message.size) + '\n');
    hash.addData(message.identity);
    return QStringLiteral("imap-id:%1:%2")
        .arg(imapInbox, QString::fromLatin1(hash.result().toHex()));
}

void ReceiveStage::imapMailboxOpened(const ImapMailboxStatus &status)
{
    m_imapStatus = status;
    if (m_imapBefore.uidValidity != 0 && status.uidValidity != m_imapBefore.uidValidity) {
        // RFC 3501 section 2.3.1.1: the old UIDs mean nothing now. Every message is listed
        // again with its identity headers; those already here are recognised, not fetched.
        m_imapRenumbered = true;
        m_imapSkipListing = true;
        Q_EMIT note(tr("The incoming server renumbered the inbox (UIDVALIDITY %1 became %2). "
                       "Outpost compares the messages with those already received, so that "
                       "nothing is downloaded twice.")
                        .arg(m_imapBefore.uidValidity)
                        .arg(status.uidValidity));
        m_imap->listMessages(1, true);
    }
}

void ReceiveStage::imapListed(const QList<ImapMessageInfo> &messages)
{
    if (m_imapSkipListing) {
        m_imapSkipListing = false; // the next listing, from UID 1, is the one
        return;
    }
    int recognised = 0;
    for (const ImapMessageInfo &m : messages) {
        const QString uidKey = imapUidKey(m.uid);
        if (m_inbox->isSeen(uidKey))
            continue;
        const QString identity = imapIdentityKey(m);
        if (m_imapRenumbered && m_inbox->isSeen(identity)) {
            StoreError error;
            if (!m_inbox->markSeen(uidKey, &error)) {
                m_outcome.storeError = error;
                break;
            }
            ++recognised;
            continue;
        }
        StoreError error;
        std::unique_ptr<InboxDelivery> delivery = m_inbox->beginDelivery(uidKey, &error);
        if (!delivery) {
            m_outcome.storeError = error;
            m_imapFailed.insert(m.uid);
            break;
        }
        m_imapListed.insert(m.uid);
        m_imapIdentities[m.uid] = identity;
        m_imap->fetchMessage(m.uid, delivery->device());
        m_imapDeliveries[m.uid] = std::move(delivery);
    }
    if (m_imapRenumbered && recognised > 0)
        Q_EMIT note(
            tr("%n message(s) on the server were already in the inbox.", nullptr, recognised));
    if (m_imapDeliveries.empty())
        imapFetchDone();
}

void ReceiveStage::imapFetched(quint64 uid)
{
    auto it = m_imapDeliveries.find(uid);
    if (it == m_imapDeliveries.end())
        return;
    StoreError error;
    if (it->second->commit(&error)) {
        ++m_outcome.received;
        // Recognisable after a renumbering, too.
        m_inbox->markSeen(m_imapIdentities[uid], nullptr);
        Q_EMIT messageStored();
    } else {
        m_outcome.storeError = error;
        m_imapFailed.insert(uid);
    }
    m_imapDeliveries.erase(it);
    if (m_imapDeliveries.empty())
        imapFetchDone();
}

void ReceiveStage::imapFetchFailed(quint64 uid, const NetError &error)
{
    if (m_imapDeliveries.erase(uid) == 0)
        return;
    m_outcome.downloadError = error;
    m_imapFailed.insert(uid);
    if (m_imapDeliveries.empty())
        imapFetchDone();
}

void ReceiveStage::imapFetchDone()
{
    // The last UID moves up to just below the first message not received (it is tried
    // again next time); messages above it that did arrive are known by their seen UIDs.
    ImapMailboxState state{m_imapStatus.uidValidity, m_imapBefore.lastUid};
    if (m_imapRenumbered || state.uidValidity != m_imapBefore.uidValidity)
        state.lastUid = 0;
    const quint64 firstFailed = m_imapFailed.empty() ? 0 : *m_imapFailed.begin();
    for (quint64 uid : m_imapListed) {
        if (firstFailed != 0 && uid >= firstFailed)
            break;
        state.lastUid = qMax(state.lastUid, uid);
    }
    if (firstFailed == 0 && m_imapStatus.uidNext > 1 &&
        m_outcome.storeError.kind == StoreError::Kind::None)
        state.lastUid = qMax(state.lastUid, m_imapStatus.uidNext - 1);
    if (state.uidValidity != 0 && !(state == m_imapBefore)) {
        StoreError error;
        if (!m_inbox->setImapState(imapInbox, state, &error))
            m_outcome.storeError = error;
    }
    m_imap->logout();
}

} // namespace Outpost
