#pragma once

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace Outpost {

/// A stored message read with its Date field set anew: for mail sent later, whose Date must
/// say when it left (RFC 5322 section 3.6.1: the time the message was ready to go), not when
/// it was written. Every Date field of the header block (folded lines included) is left out
/// and one "Date:" line with the new value comes first; the rest, body included, is the
/// stored bytes unchanged. The file itself is never rewritten.
class RedatedMessage : public QIODevice
{
    Q_OBJECT

public:
    /// @p source must be open for reading at its start; the device owns it. @p dateLine is
    /// the whole new field with its CRLF, e.g. "Date: Thu, 24 Dec 2026 09:00:00 +0900\r\n".
    /// The header block is read now (it ends at the first empty line); a message without one
    /// is all header.
    RedatedMessage(std::unique_ptr<QIODevice> source, const QByteArray &dateLine,
                   QObject *parent = nullptr);
    ~RedatedMessage() override;

    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    std::unique_ptr<QIODevice> m_source;
    QByteArray m_head;     ///< the new Date, then the header block without its Date fields
    qint64 m_bodyFrom = 0; ///< where the rest starts in the source
    qint64 m_sourceSize = 0;
};

} // namespace Outpost
