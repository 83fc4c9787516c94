#pragma once

#include "StoreError.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QFile;
class QIODevice;

namespace Outpost {

class InboxStore;

/// One message being received into the Maildir's tmp/ folder. Write the bytes to device();
/// commit() makes them durable in new/; destroying it uncommitted removes the file.
class InboxDelivery
{
public:
    ~InboxDelivery();
    InboxDelivery(const InboxDelivery &) = delete;
    InboxDelivery &operator=(const InboxDelivery &) = delete;

    /// Where the message's bytes go (a file in tmp/).
    QIODevice *device() const;
    /// Flushes to disk, moves into new/ and records the UIDL as seen. Only when this returns
    /// true may the message be deleted on the server.
    bool commit(StoreError *error = nullptr);
    /// Removes the partial file; the UIDL stays unseen.
    void abort();
    QString uidl() const { return m_uidl; }

private:
    friend class InboxStore;
    InboxDelivery(InboxStore *store, const QString &uidl, std::unique_ptr<QFile> file,
                  const QString &baseName);

    InboxStore *m_store;
    QString m_uidl;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<QIODevice> m_device; ///< forwards to m_file and notices short writes
    QString m_baseName;
    bool m_done = false;
};

/// A received message in the Maildir.
struct InboxMessage
{
    QString directory; ///< new/ or cur/ (one string shared by all the messages in it)
    QString name;      ///< the file's name in it
    QString uidl;      ///< the server's UIDL, when known
    qint64 size = 0;
    bool isNew = true;  ///< in new/ (not yet looked at by any Maildir reader)
    bool seen = false;  ///< read: in cur/ with the Maildir flag S (":2,S")
    QDateTime received; ///< when it was delivered (from its Maildir name), UTC

    /// The name without the Maildir info (":2,<flags>"): it stays when flags change.
    QString base() const;

    /// The file (built when asked for: 10,000 full paths held 2.5 MB).
    QString path() const { return directory + QLatin1Char('/') + name; }
};

/// What Outpost knows of a mailbox on an IMAP server: the UIDVALIDITY its UIDs belong to
/// and the highest UID up to which every message is in the inbox (RFC 3501 section 2.3.1.1).
struct ImapMailboxState
{
    quint64 uidValidity = 0; ///< 0: never looked at
    quint64 lastUid = 0;
    bool operator==(const ImapMailboxState &other) const = default;
};

/// The inbox of one account: a Maildir (tmp/, new/, cur/) other tools can read, and the
/// persisted set of UIDLs already received (an append-only journal, compacted on open).
class InboxStore : public QObject
{
    Q_OBJECT

public:
    explicit InboxStore(const QString &accountDirectory, QObject *parent = nullptr);
    ~InboxStore() override;

    /// Creates the Maildir, removes deliveries a crash interrupted, loads the seen UIDLs.
    bool open(StoreError *error = nullptr);
    QString maildirPath() const;

    /// Starts receiving the message the server calls @p uidl; nullptr with @p error on failure.
    std::unique_ptr<InboxDelivery> beginDelivery(const QString &uidl, StoreError *error = nullptr);

    /// Whether @p uidl was received before (do not download it again).
    bool isSeen(const QString &uidl) const;
    /// Whether the local copy of @p uidl is on disk, so the server's copy may be deleted.
    bool isStored(const QString &uidl) const;
    QStringList seenUidls() const;
    /// Forgets seen UIDLs the server no longer lists (keeps the journal small).
    bool retainOnly(const QStringList &serverUidls, StoreError *error = nullptr);
    /// Records @p uidl as seen without a message (authenticate-only accounts never need this,
    /// but a user may skip a message).
    bool markSeen(const QString &uidl, StoreError *error = nullptr);

    /// The IMAP state of @p mailbox on the server (zero when never seen).
    ImapMailboxState imapState(const QString &mailbox) const;
    /// Keeps @p state for @p mailbox, durably (a file replaced atomically).
    bool setImapState(const QString &mailbox, const ImapMailboxState &state,
                      StoreError *error = nullptr);

    /// The messages in new/ and cur/, by name. Read from the folders' names alone (size and
    /// delivery time are in a Maildir name) and kept until a folder changes.
    QList<InboxMessage> messages() const;
    /// How many messages of the inbox are unread (no S flag).
    int unreadCount() const;

    /// Marks the message at @p path (the inbox's or Deleted Items' new/ or cur/) read or
    /// unread the Maildir way: it moves to cur/ with the info ":2,<flags>", with or without S,
    /// so other Maildir programs agree. Returns its new path, or nothing with @p error (the
    /// file was moved or removed by another program, or the folder cannot be written; the
    /// message stays where it was).
    std::optional<QString> setRead(const QString &path, bool read, StoreError *error = nullptr);

    /// Where the message that was at @p path is now (marked read or unread, deleted or
    /// restored since, here or by another view): the file of the same base name in the inbox
    /// or Deleted Items; empty when it is gone.
    QString currentPath(const QString &path) const;

    /// Deleted Items: the Maildir++ folder ".Trash" inside the inbox's Maildir.
    QString deletedPath() const;
    /// The messages in Deleted Items.
    QList<InboxMessage> deletedMessages() const;
    /// Moves the inbox message at @p path to Deleted Items (keeping its name and flags);
    /// returns its path there. The server's copy is not touched.
    std::optional<QString> moveToDeleted(const QString &path, StoreError *error = nullptr);
    /// Moves the message at @p path in Deleted Items back to the inbox; returns its path.
    std::optional<QString> restore(const QString &path, StoreError *error = nullptr);
    /// Deletes the message at @p path in Deleted Items for good.
    bool removeDeleted(const QString &path, StoreError *error = nullptr);
    /// Deletes every message in Deleted Items for good; false with @p error at the first one
    /// that could not be removed (the others before it are gone).
    bool emptyDeleted(StoreError *error = nullptr);

Q_SIGNALS:
    /// A message was delivered into new/ (its path).
    void delivered(const QString &path, const QString &uidl);
    /// A message was marked read or unread, deleted or restored.
    void changed();

private:
    friend class InboxDelivery;
    bool finishDelivery(InboxDelivery *delivery, StoreError *error);
    bool appendSeen(const QString &uidl, const QString &fileName, StoreError *error);
    bool rewriteSeen(StoreError *error);
    QString seenFile() const;
    QString imapStateFile() const;
    void loadImapStates();
    QString uniqueName();
    void setIoError(StoreError *error, const QString &what, const QString &detail,
                    bool diskFull) const;
    /// Which folder (new/ or cur/ of the inbox or Deleted Items) @p path is in; false when
    /// it is in none of them, or missing (with @p error).
    bool locate(const QString &path, QString *root, QString *sub, StoreError *error) const;
    bool ensureDeletedFolder(StoreError *error);
    /// Maildir base name -> the server's UIDL, for the listings.
    QHash<QString, QString> uidlByName() const;
    std::optional<QString> move(const QString &from, const QString &to, StoreError *error);

    QString m_accountDirectory;
    /// UIDL -> Maildir base name ("" when skipped): bytes (ASCII, UTF-8), half the memory
    /// of strings for the 10,000 of a mailbox left on the server.
    QHash<QByteArray, QByteArray> m_seen;
    struct Listing
    {
        QDateTime newChanged, curChanged; ///< the folders' modification times when listed
        QList<InboxMessage> messages;
        bool valid = false;
    };
    mutable Listing m_listing;
    QHash<QString, ImapMailboxState> m_imapStates;
    int m_counter = 0;
    bool m_open = false;
};

} // namespace Outpost
