#include "SendLater.h"

#include <QLocale>

namespace Outpost {

namespace {

constexpr int morningHour = 8;

QDateTime localAt(const QDate &date, int hour)
{
    return QDateTime(date, QTime(hour, 0));
}

} // namespace

QList<SendLater::Choice> SendLater::quickChoices(const QDateTime &now)
{
    const QDateTime local = now.toLocalTime();
    QDateTime inAnHour = local.addSecs(3600);
    inAnHour.setTime(QTime(inAnHour.time().hour(), inAnHour.time().minute()));
    const QDate today = local.date();
    int toMonday = (8 - today.dayOfWeek()) % 7; // Qt: Monday is 1
    if (toMonday == 0)
        toMonday = 7;
    return {
        {tr("In an hour"), inAnHour},
        {tr("Tomorrow morning"), localAt(today.addDays(1), morningHour)},
        {tr("Monday morning"), localAt(today.addDays(toMonday), morningHour)},
    };
}

std::optional<QDateTime> SendLater::parse(const QString &text, const QDateTime &now, QString *error)
{
    const QString typed = text.trimmed();
    QDateTime when;
    // ISO 8601 first: a space may stand for the "T"; seconds are optional.
    QString iso = typed;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    when = QDateTime::fromString(iso, Qt::ISODate);
    if (!when.isValid()) {
        const QLocale locale = QLocale::system();
        for (const QLocale::FormatType format : {QLocale::ShortFormat, QLocale::LongFormat}) {
            when = locale.toDateTime(typed, format);
            if (when.isValid())
                break;
        }
    }
    if (!when.isValid()) {
        if (error)
            *error = tr("\"%1\" is not a time Outpost can read. Write it as 2026-12-24 09:00 "
                        "(year-month-day hours:minutes, your local time).")
                         .arg(typed);
        return std::nullopt;
    }
    if (when <= now) {
        if (error)
            *error = tr("%1 has already passed. Give a time in the future.")
                         .arg(QLocale().toString(when.toLocalTime(), QLocale::ShortFormat));
        return std::nullopt;
    }
    return when.toUTC();
}

} // namespace Outpost
