#pragma once

#include "store/CredentialStore.h"

#include <QObject>
#include <QSet>

class QWidget;

namespace Outpost {

class Scheduler;

/// Asks for a password the keychain did not give ("ask me each time", or no keychain): kept
/// in memory until Outpost quits, then the account's cycle runs again. One question per
/// account and server at a time.
class PasswordPrompt : public QObject
{
    Q_OBJECT

public:
    /// The question opens over @p window.
    PasswordPrompt(Scheduler *scheduler, CredentialStore *credentials, QWidget *window);

public Q_SLOTS:
    void ask(const QString &accountId, CredentialStore::Server server,
             const CredentialResult &result);
    /// Asks for the password the server refused (Enter password… of the account's banner).
    void askAgain(const QString &accountId, CredentialStore::Server server);

Q_SIGNALS:
    void notice(const QString &text);

private:
    /// @p keep: the password also replaces the one in the keychain.
    void open(const QString &accountId, CredentialStore::Server server, const QString &why,
              bool keep = false);

    Scheduler *m_scheduler;
    CredentialStore *m_credentials;
    QWidget *m_window;
    QSet<QString> m_asking;
};

} // namespace Outpost
