#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Outpost {

/// "Send later": the times people choose and type, for the compose window and outpost-cli
/// alike. Times are the user's local time (the system's time zone).
class SendLater
{
    Q_DECLARE_TR_FUNCTIONS(SendLater)

public:
    /// A ready-made choice: "In an hour", "Tomorrow morning" (8:00), "Monday morning".
    struct Choice
    {
        QString label; ///< for a button or a menu
        QDateTime when;
    };
    /// The quick choices next to @p now (local time): in an hour (to the minute), tomorrow
    /// at 8:00, and next Monday at 8:00 (a week ahead when today is Monday).
    static QList<Choice> quickChoices(const QDateTime &now);

    /// Reads a time typed by a person: ISO 8601 ("2026-12-24 09:00", "2026-12-24T09:00:30",
    /// with or without seconds; a "Z" or "+09:00" says the zone, else local time) or the
    /// system locale's short or long date-and-time format. A time that is not after @p now
    /// is refused, as is text that is no time; @p error says so in people's words.
    static std::optional<QDateTime> parse(const QString &text, const QDateTime &now,
                                          QString *error);
};

} // namespace Outpost
