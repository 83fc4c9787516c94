#include "Banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Outpost {

Banner::Banner(Severity severity, const QString &textName, QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel)
    , m_buttons(new QVBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    const bool error = severity == Severity::Error;
    QPalette p = palette();
    p.setColor(QPalette::Window, error ? QColor(0xfd, 0xe2, 0xe1) : QColor(0xff, 0xf4, 0xce));
    p.setColor(QPalette::WindowText, error ? QColor(0x5c, 0x0b, 0x0b) : QColor(0x3b, 0x2f, 0x00));
    setPalette(p);

    auto *icon = new QLabel;
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    icon->setPixmap(
        style()
            ->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning)
            .pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    m_text->setObjectName(textName);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    hide();
}

QPushButton *Banner::addButton(const QString &text, const QString &objectName,
                               const QString &toolTip)
{
    auto *button = new QPushButton(text);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    m_buttons->insertWidget(m_buttons->count() - 1, button); // above the stretch
    return button;
}

void Banner::setHtml(const QString &html)
{
    m_text->setText(html);
}

QString Banner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace Outpost
