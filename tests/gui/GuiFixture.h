#pragma once

// A profile in a temporary folder with one account on the in-process sandbox, for the GUI
// tests. The account is written before the main window opens, as if set up earlier.

#include "Profile.h"
#include "SandboxFixture.h"
#include "sandbox/SandboxServer.h"
#include "store/AccountStore.h"

#include <QTemporaryDir>

struct GuiFixture
{
    QTemporaryDir dir;
    Outpost::SandboxServer server;
    Outpost::Account account;

    explicit GuiFixture(bool sendImmediately = true)
    {
        server.addUser("alice", "wonderland");
        if (!server.listen())
            qFatal("sandbox did not start");
        account = SandboxFixture::account(server, QStringLiteral("home"), QStringLiteral("Home"));
        account.fullName = QStringLiteral("Alice");
        account.checkIntervalMinutes = 0;
        account.checkAtStartup = false;
        account.sendImmediately = sendImmediately;
    }

    QString profile() const { return dir.path(); }

    /// Writes the account into the profile's settings.
    void saveAccount()
    {
        Outpost::Profile p(profile());
        QString error;
        if (!p.ensureExists(&error))
            qFatal("profile: %s", qPrintable(error));
        Outpost::AccountStore store(p.settingsFile());
        if (!store.add(account, &error) || !store.save(&error))
            qFatal("account: %s", qPrintable(error));
    }

    QString accountDirectory() const
    {
        return Outpost::Profile(profile()).accountDirectory(account.id);
    }
};
