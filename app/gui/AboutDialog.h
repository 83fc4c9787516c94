#pragma once

#include <QDialog>

namespace Outpost {

/// Shows the program's name, version and licence.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The text shown, for tests.
    QString text() const;

private:
    QString m_text;
};

} // namespace Outpost
