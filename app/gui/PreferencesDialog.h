#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace Outpost {

/// Program-wide settings: language, start at login, close to the tray.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const QString &profileDirectory, QWidget *parent = nullptr);

    /// The language chosen in the profile: "system", "en" or "ja".
    static QString language(const QString &profileDirectory);

public Q_SLOTS:
    void accept() override;

private:
    QString m_profileDirectory;
    QComboBox *m_language = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QCheckBox *m_closeToTray = nullptr;
};

} // namespace Outpost
