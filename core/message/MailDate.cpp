#include "MailDate.h"

#include <QList>
#include <QTimeZone>

namespace Outpost {

namespace {

const char *const dayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char *const monthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int monthFromName(const QByteArray &token)
{
    if (token.size() < 3)
        return 0;
    const QByteArray prefix = token.left(3).toLower();
    for (int i = 0; i < 12; ++i)
        if (prefix == QByteArray(monthNames[i]).toLower())
            return i + 1;
    return 0;
}

bool isDayName(const QByteArray &token)
{
    if (token.size() < 3)
        return false;
    const QByteArray prefix = token.left(3).toLower();
    for (const char *day : dayNames)
        if (prefix == QByteArray(day).toLower())
            return true;
    return false;
}

bool allDigits(const QByteArray &token)
{
    if (token.isEmpty())
        return false;
    for (const char c : token)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// Zone names from RFC 5322 section 4.3, plus JST, common in Japanese mail.
bool zoneFromName(const QByteArray &name, int *seconds)
{
    static const struct
    {
        const char *name;
        int hours;
    } zones[] = {{"UT", 0},   {"UTC", 0},  {"GMT", 0},  {"Z", 0},    {"EST", -5}, {"EDT", -4},
                 {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7},
                 {"JST", 9},  {"KST", 9},  {"CET", 1},  {"CEST", 2}, {"BST", 1}};
    const QByteArray upper = name.toUpper();
    for (const auto &zone : zones) {
        if (upper == zone.name) {
            *seconds = zone.hours * 3600;
            return true;
        }
    }
    // Military single letters are unreliable (section 4.3): treat them as UTC.
    if (upper.size() == 1 && upper.at(0) >= 'A' && upper.at(0) <= 'Z') {
        *seconds = 0;
        return true;
    }
    return false;
}

bool parseTime(const QByteArray &token, QTime *time)
{
    const QList<QByteArray> parts = token.split(':');
    if (parts.size() < 2 || parts.size() > 3)
        return false;
    int values[3] = {0, 0, 0};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QByteArray part = parts.at(i);
        if (i == 2) {
            const qsizetype dot = part.indexOf('.');
            if (dot >= 0)
                part.truncate(dot); // fractional seconds
        }
        if (!allDigits(part) || part.size() > 2)
            return false;
        values[i] = part.toInt();
    }
    if (values[0] > 23 || values[1] > 59 || values[2] > 60)
        return false;
    *time = QTime(values[0], values[1], qMin(values[2], 59));
    return true;
}

} // namespace

QByteArray MailDate::format(const QDateTime &dateTime)
{
    const QDateTime dt = dateTime.isValid() ? dateTime : QDateTime::currentDateTime();
    const int offset = dt.offsetFromUtc();
    const QDate date = dt.date();
    const QTime time = dt.time();
    const int absOffset = offset < 0 ? -offset : offset;
    return QByteArray(dayNames[date.dayOfWeek() - 1]) + ", " + QByteArray::number(date.day()) +
           ' ' + monthNames[date.month() - 1] + ' ' + QByteArray::number(date.year()) + ' ' +
           QByteArray::number(time.hour()).rightJustified(2, '0') + ':' +
           QByteArray::number(time.minute()).rightJustified(2, '0') + ':' +
           QByteArray::number(time.second()).rightJustified(2, '0') + ' ' +
           (offset < 0 ? '-' : '+') + QByteArray::number(absOffset / 3600).rightJustified(2, '0') +
           QByteArray::number((absOffset % 3600) / 60).rightJustified(2, '0');
}

QDateTime MailDate::parse(const QByteArray &value)
{
    // Comments such as "(JST)" hold nothing we need; drop them first.
    QByteArray text;
    int depth = 0;
    for (const char c : value.left(256)) {
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        else if (depth == 0)
            text += (c == ',' || c == '\t' || c == '\r' || c == '\n') ? ' ' : c;
    }
    const QList<QByteArray> raw = text.simplified().split(' ');
    QList<QByteArray> tokens;
    for (const QByteArray &t : raw)
        if (!t.isEmpty())
            tokens.append(t);

    int day = -1, month = 0, year = -1;
    QTime time;
    bool haveTime = false;
    bool haveZone = false;
    int zoneSeconds = 0;
    for (const QByteArray &token : tokens) {
        if (isDayName(token) && token.size() <= 9 && !monthFromName(token)) {
            continue;
        }
        if (!haveTime && token.contains(':') && !token.contains('-')) {
            haveTime = parseTime(token, &time);
            if (haveTime)
                continue;
        }
        if ((token.startsWith('+') || token.startsWith('-')) && token.size() == 5 &&
            allDigits(token.mid(1))) {
            const int hh = token.mid(1, 2).toInt();
            const int mm = token.mid(3, 2).toInt();
            if (hh <= 23 && mm <= 59) {
                zoneSeconds = (hh * 3600 + mm * 60) * (token.startsWith('-') ? -1 : 1);
                haveZone = true;
            }
            continue;
        }
        // ISO 8601 "2026-11-28" from a few scripts.
        if (token.size() == 10 && token.at(4) == '-' && token.at(7) == '-') {
            const QDate d = QDate::fromString(QString::fromLatin1(token), Qt::ISODate);
            if (d.isValid()) {
                year = d.year();
                month = d.month();
                day = d.day();
            }
            continue;
        }
        if (const int m = monthFromName(token); m && month == 0) {
            month = m;
            continue;
        }
        if (allDigits(token) && token.size() <= 4) {
            const int number = token.toInt();
            if (day < 0 && token.size() <= 2 && number >= 1 && number <= 31 && year < 0) {
                day = number;
            } else if (year < 0) {
                // RFC 5322 section 4.3: two-digit years below 50 are 20xx, others 19xx;
                // three-digit years add 1900.
                if (token.size() <= 2)
                    year = number < 50 ? 2000 + number : 1900 + number;
                else if (token.size() == 3)
                    year = 1900 + number;
                else
                    year = number;
            }
            continue;
        }
        if (!haveZone && zoneFromName(token, &zoneSeconds))
            haveZone = true;
    }
    if (day < 0 || month == 0 || year < 0)
        return {};
    const QDate date(year, month, day);
    if (!date.isValid())
        return {};
    if (!haveTime)
        time = QTime(0, 0);
    return QDateTime(date, time, QTimeZone(zoneSeconds));
}

} // namespace Outpost
