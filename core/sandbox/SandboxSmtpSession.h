#pragma once

#include "sandbox/SandboxSession.h"
#include "smtpd/SmtpAuthExchange.h"
#include "smtpd/SmtpDataDecoder.h"

#include <QFile>

#include <memory>

namespace Outpost {

/// The SMTP side of the sandbox (RFC 5321 with PIPELINING, SIZE, 8BITMIME, STARTTLS, AUTH):
/// receives mail and applies the POP-before-SMTP relay policy. The data is read by the
/// SmtpDataDecoder the local relay uses, so both end a message, unstuff dots and refuse to be
/// smuggled to in exactly one way; paths (SmtpPath) and AUTH (SmtpAuthExchange) are read by
/// the relay's code too.
class SandboxSmtpSession : public SandboxSession
{
    Q_OBJECT

public:
    explicit SandboxSmtpSession(SandboxServer *server);

protected:
    void greet() override;
    void handleLine(const QByteArray &line) override;

private:
    enum class Mode
    {
        Command,
        Auth, ///< the client's next line continues AUTH
    };
    void command(const QByteArray &verb, const QByteArray &argument, const QByteArray &line);
    qsizetype handleStream(QByteArrayView bytes) override;
    void ehlo(bool extended);
    void auth(const QByteArray &argument);
    void authStep(SmtpAuthExchange::Outcome outcome);
    void authenticated(const QByteArray &user, const QByteArray &password);
    void resetTransaction();
    void startData();
    void storeData(const QByteArray &data);
    void finishMessage();
    void handleRaw(const QByteArray &data) override;
    void bdatChunkDone();
    bool allowsRelay() const;

    Mode m_mode = Mode::Command;
    bool m_greeted = false;
    bool m_haveMail = false;
    QByteArray m_authUser;
    SmtpAuthExchange m_auth{true}; // with CRAM-MD5
    QByteArray m_challenge;
    SandboxDelivery m_delivery;
    SmtpDataDecoder m_decoder; ///< DATA, read as the relay reads it
    std::unique_ptr<QFile> m_file;
    qint64 m_dataBytes = 0;
    bool m_tooBig = false;
    bool m_bdat = false;      ///< a BDAT transfer is under way (RFC 3030)
    bool m_bdatLast = false;  ///< the current chunk is the last
    QByteArray m_bdatRefusal; ///< the answer to every chunk when the transaction failed
};

} // namespace Outpost
