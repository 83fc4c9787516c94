#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Outpost {

/// A bar above the message list that needs the user: an icon, a title and text, and a column
/// of buttons. The stuck-mail alert and the account-problem banner are banners.
class Banner : public QFrame
{
    Q_OBJECT

public:
    enum class Severity
    {
        Warning, ///< mail waits longer than it should
        Error,   ///< an account stopped
    };

    /// A hidden banner; @p textName is the object name of its text (for tests).
    Banner(Severity severity, const QString &textName, QWidget *parent = nullptr);

    /// The text shown (rich text), empty while hidden; for tests.
    QString text() const;

protected:
    /// A button in the column, in the order added.
    QPushButton *addButton(const QString &text, const QString &objectName,
                           const QString &toolTip = {});
    /// Shows @p html as the banner's text.
    void setHtml(const QString &html);

private:
    QLabel *m_text;
    QVBoxLayout *m_buttons;
};

} // namespace Outpost
