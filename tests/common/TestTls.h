#pragma once

// Test TLS material from tests/data (see tests/data/README.md).

#include "Wine.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace TestTls {

inline QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(OUTPOST_TEST_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data file");
    return file.readAll();
}

/// The test CA ("Outpost Test CA").
inline QSslCertificate ca()
{
    return QSslCertificate(readData(QStringLiteral("ca.pem")));
}

/// The "localhost" server certificate signed by the test CA.
inline QSslCertificate serverCertificate()
{
    return QSslCertificate(readData(QStringLiteral("server.pem")));
}

inline QSslKey serverKey()
{
    return QSslKey(readData(QStringLiteral("server.key")), QSsl::Rsa);
}

/// A self-signed "localhost" certificate no CA vouches for.
inline QSslCertificate selfSigned()
{
    return QSslCertificate(readData(QStringLiteral("selfsigned.pem")));
}

inline QSslKey selfSignedKey()
{
    return QSslKey(readData(QStringLiteral("selfsigned.key")), QSsl::Rsa);
}

/// Why no TLS server can run in this process, or an empty string. Under Wine (8.0) a
/// QSslSocket server cannot handshake: Qt's Schannel backend hands the server's key and
/// certificate to PFXImportCertStore as PKCS#12, which Wine's crypt32 (through GnuTLS,
/// gnutls_pkcs12_simple_parse) rejects, so the server has no credentials (seen with
/// WINEDEBUG=+crypt). The client side of TLS works under Wine; real Windows is not yet tried.
inline QString serverUnavailable()
{
    if (Wine::running())
        return QStringLiteral("Wine: Schannel cannot be a TLS server here (PFXImportCertStore "
                              "rejects the PKCS#12 Qt makes of the server key)");
    return {};
}

} // namespace TestTls

/// Skips the test function where a TLS server cannot run in the test (see serverUnavailable()).
#define OUTPOST_SKIP_WITHOUT_TLS_SERVER()                                                          \
    do {                                                                                           \
        const QString whyNoTlsServer = TestTls::serverUnavailable();                               \
        if (!whyNoTlsServer.isEmpty())                                                             \
            QSKIP(qPrintable(whyNoTlsServer));                                                     \
    } while (false)
