#pragma once

#include <QDateTime>
#include <QDialog>

#include <functional>

class QDateTimeEdit;
class QLabel;
class QPushButton;

namespace Outpost {

/// "Send Later": when a message is to leave, with quick choices (in an hour, tomorrow
/// morning, Monday morning) and a date and time picker, in the user's time zone. A time that
/// is not in the future cannot be chosen.
class SendLaterDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p initial: the time shown first (invalid: in an hour); @p now: the clock's time.
    SendLaterDialog(const QDateTime &initial, const QDateTime &now, QWidget *parent = nullptr);

    /// The chosen time (UTC).
    QDateTime chosen() const;
    void setChosen(const QDateTime &when);

    /// Opens the dialog over @p parent (modal to it, the event loop running on); @p chosen
    /// gets the time when the user confirms one. The dialog deletes itself when closed.
    static SendLaterDialog *ask(QWidget *parent, const QDateTime &initial, const QDateTime &now,
                                std::function<void(const QDateTime &when)> chosen);

    void accept() override;

private:
    void check();

    QDateTime m_now;
    QDateTimeEdit *m_when;
    QLabel *m_problem;
    QPushButton *m_ok = nullptr;
};

} // namespace Outpost
