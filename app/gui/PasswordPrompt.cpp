#include "PasswordPrompt.h"

#include "schedule/Scheduler.h"

#include <QInputDialog>
#include <QLineEdit>

namespace Outpost {

PasswordPrompt::PasswordPrompt(Scheduler *scheduler, CredentialStore *credentials, QWidget *window)
    : QObject(window)
    , m_scheduler(scheduler)
    , m_credentials(credentials)
    , m_window(window)
{}

void PasswordPrompt::ask(const QString &accountId, CredentialStore::Server server,
                         const CredentialResult &result)
{
    const Account *a = m_scheduler->account(accountId);
    if (!a || m_asking.contains(CredentialStore::key(accountId, server)))
        return;
    Q_EMIT notice(tr("%1: no password available (%2).").arg(a->name, result.message));
    open(accountId, server, {});
}

void PasswordPrompt::askAgain(const QString &accountId, CredentialStore::Server server)
{
    // The account keeps its password: the corrected one replaces it in the keychain.
    open(accountId, server,
         tr("The server refused the password it was given. The new one is kept in the system "
            "keychain in its place."),
         true);
}

void PasswordPrompt::open(const QString &accountId, CredentialStore::Server server,
                          const QString &why, bool keep)
{
    const Account *a = m_scheduler->account(accountId);
    if (!a)
        return;
    const QString key = CredentialStore::key(accountId, server);
    if (m_asking.contains(key))
        return;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("passwordPrompt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Password for %1").arg(a->name));
    dialog->setLabelText(
        (server == CredentialStore::Server::Incoming
             ? tr("Outpost needs the password of %1 (receiving, user %2) to continue.")
                   .arg(a->name, a->popUser)
             : tr("Outpost needs the password of %1 (sending, user %2) to continue.")
                   .arg(a->name, a->effectiveSmtpUser())) +
        u'\n' + (why.isEmpty() ? tr("It is kept in memory until Outpost quits.") : why));
    dialog->setTextEchoMode(QLineEdit::Password);
    m_asking.insert(key);
    connect(dialog, &QInputDialog::finished, this, [this, key](int) { m_asking.remove(key); });
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, accountId, server, keep](const QString &password) {
                if (password.isEmpty())
                    return;
                m_credentials->rememberForSession(accountId, server, password);
                if (keep) {
                    CredentialJob *job = m_credentials->write(accountId, server, password);
                    connect(job, &CredentialJob::finished, this,
                            [this](const CredentialResult &result) {
                                if (!result.ok())
                                    Q_EMIT notice(tr("The new password could not be kept in "
                                                     "the keychain (%1); Outpost uses it until "
                                                     "it quits.")
                                                      .arg(result.message));
                            });
                }
                m_scheduler->trigger(accountId, Scheduler::Trigger::Manual);
            });
    dialog->open();
}

} // namespace Outpost
