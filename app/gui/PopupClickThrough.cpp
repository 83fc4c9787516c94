#include "PopupClickThrough.h"

#include <QApplication>
#include <QMouseEvent>
#include <QWidget>

namespace Outpost {

PopupClickThrough::PopupClickThrough(QWidget *popup)
    : QObject(popup)
    , m_popup(popup)
{
    popup->installEventFilter(this);
}

bool PopupClickThrough::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_popup || event->type() != QEvent::MouseButtonPress)
        return false;
    auto *press = static_cast<QMouseEvent *>(event);
    const QPoint global = press->globalPosition().toPoint();
    if (m_popup->rect().contains(m_popup->mapFromGlobal(global)))
        return false; // a choice in the popup: the completer's
    m_popup->hide();
    QWidget *target = QApplication::widgetAt(global);
    if (!target || target->window() == m_popup)
        return true;
    if (target->focusPolicy() & Qt::ClickFocus)
        target->setFocus(Qt::MouseFocusReason);
    QMouseEvent replay(QEvent::MouseButtonPress, target->mapFromGlobal(press->globalPosition()),
                       press->globalPosition(), press->button(), press->buttons(),
                       press->modifiers());
    QCoreApplication::sendEvent(target, &replay);
    return true;
}

} // namespace Outpost
