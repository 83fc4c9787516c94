#pragma once

#include <QObject>

class QWidget;

namespace Outpost {

/// Lets a click outside a completion popup reach what was clicked. QCompleter closes its
/// popup on such a click and swallows it, so the field keeps the focus and what is typed
/// next lands in it, not in the field the user clicked. Installed on the popup after the
/// completer's own filter (so it sees the click first), it closes the popup, gives the
/// focus to the clicked widget and passes the press on.
class PopupClickThrough : public QObject
{
public:
    /// Watches @p popup (QCompleter::popup(): call it after the completer has its popup).
    explicit PopupClickThrough(QWidget *popup);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_popup;
};

} // namespace Outpost
