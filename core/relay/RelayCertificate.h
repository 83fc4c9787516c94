#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>

#include <optional>

namespace Outpost {

/// The certificate the relay shows to other computers (STARTTLS, RFC 3207) when it listens on
/// the network: self-signed, made on this machine the first time it is needed. Its public
/// half is kept in the profile; its private key in the keychain, like a password. People
/// compare its fingerprint with the one the other program shows before trusting it.
struct RelayCertificate
{
    Q_DECLARE_TR_FUNCTIONS(RelayCertificate)

public:
    QSslCertificate certificate;
    QSslKey key;

    bool isNull() const { return certificate.isNull() || key.isNull(); }

    /// Whether this build can make a certificate (it needs OpenSSL's key generation).
    static bool canGenerate();
    /// A new ECDSA P-256 key and a self-signed certificate for @p hostName, valid for the
    /// names and @p addresses given (and "localhost"), for ten years. Empty with a sentence
    /// for people when it cannot be made.
    static std::optional<RelayCertificate>
    generate(const QString &hostName, const QList<QHostAddress> &addresses, QString *error);

    /// SHA-256 of @p certificate's DER form, as the pairs of hex digits other programs show
    /// ("AB:CD:…").
    static QString fingerprint(const QSslCertificate &certificate);

    /// Where the certificate (PEM, public) is kept in the profile.
    static QString fileName(const QString &profileDirectory);
};

} // namespace Outpost
