#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QTabWidget;

namespace Outpost {

class AccountStore;
class RelayPage;
class RelayService;

/// Program-wide settings: language, start at login, mailto: links (Windows), close to the
/// tray; and the local relay ("Use Outpost from other programs").
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(const QString &profileDirectory, RelayService *relay,
                      const AccountStore *accounts, QWidget *parent = nullptr);
    /// Shows the relay's page first.
    void showRelayPage();

    /// The language chosen in the profile: "system", "en" or "ja".
    static QString language(const QString &profileDirectory);
    /// Undo send: how long each message is held before it may go (0, 5, 10, 30 or 60 s).
    static int undoSendSeconds(const QString &profileDirectory);

public Q_SLOTS:
    void accept() override;

private:
    QString m_profileDirectory;
    QComboBox *m_language = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QCheckBox *m_openMailto = nullptr; ///< Windows: Outpost opens mailto: links
    QCheckBox *m_closeToTray = nullptr;
    QComboBox *m_undoSend = nullptr;
    QTabWidget *m_tabs = nullptr;
    RelayPage *m_relayPage = nullptr;
};

} // namespace Outpost
