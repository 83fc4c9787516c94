#pragma once

#include <QCoreApplication>
#include <QString>

namespace Outpost {

/// The folder that holds one user's settings, outboxes, inboxes and logs.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    /// Name of the environment variable that overrides the default folder.
    static constexpr const char *environmentVariable = "OUTPOST_PROFILE";

    /// The folder to use: @p commandLineDir (from --profile) when set, else
    /// $OUTPOST_PROFILE when set, else the platform's application data folder.
    static QString resolveDirectory(const QString &commandLineDir = {});

    explicit Profile(const QString &directory);

    QString directory() const { return m_directory; }
    QString settingsFile() const;
    QString logsDirectory() const;
    /// The folder of one account's outbox, sent, failed and inbox data.
    QString accountDirectory(const QString &accountId) const;

    /// Creates the folder when missing. On failure returns false and sets
    /// @p errorMessage to a sentence for people.
    bool ensureExists(QString *errorMessage) const;

private:
    QString m_directory;
};

} // namespace Outpost
