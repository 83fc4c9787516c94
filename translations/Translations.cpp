#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Outpost {
namespace {

QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

bool load(QTranslator *translator, const QLocale &locale, const QString &name,
          const QString &directory)
{
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed().append(translator);
    return true;
}

} // namespace

bool installTranslations(const QLocale &requested)
{
    removeTranslations();
    // The "C" locale (LANG unset, as in many scripts) reads English.
    const QLocale locale =
        requested.language() == QLocale::C ? QLocale(QLocale::English) : requested;
    auto *app = QCoreApplication::instance();
    // Qt's own strings (standard buttons, dialogs); absent on some systems, which is fine.
    load(new QTranslator(app), locale, QStringLiteral("qtbase"),
         QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return load(new QTranslator(app), locale, QStringLiteral("outpost"), QStringLiteral(":/i18n"));
}

void removeTranslations()
{
    for (QTranslator *translator : std::as_const(installed())) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed().clear();
}

} // namespace Outpost
