#pragma once

// Test TLS material from tests/data (see tests/data/README.md).

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

} // namespace TestTls
