#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace Outpost {

/// What a person needs to decide whether to trust a certificate the verification refused.
struct CertificateInfo
{
    CertificateInfo() = default;

    QString subject;     ///< the subject's common name and organisation
    QString issuer;      ///< the issuer's common name and organisation
    QDateTime notBefore; ///< start of validity
    QDateTime notAfter;  ///< end of validity
    QByteArray sha256;   ///< SHA-256 fingerprint, lower-case hex without separators
    QStringList reasons; ///< why verification failed, one sentence each (from Qt)
    /// The certificate itself, PEM (for a detailed view). Not a QSslCertificate: making
    /// one, even an empty one, loads the TLS library, and every error carries this struct.
    QByteArray pem;

    /// True when no certificate is described.
    bool isNull() const { return pem.isEmpty(); }

    /// Describes @p certificate and the @p errors that made the verification fail.
    static CertificateInfo describe(const QSslCertificate &certificate,
                                    const QList<QSslError> &errors);
    /// The SHA-256 fingerprint of @p certificate as lower-case hex.
    static QByteArray fingerprint(const QSslCertificate &certificate);
    /// Normalises a fingerprint a person typed ("AB:CD:..." or "abcd...") to lower-case hex.
    static QByteArray normalizeFingerprint(const QByteArray &fingerprint);
    /// A multi-line description for people: subject, issuer, validity, fingerprint, reasons.
    QString toText() const;
};

} // namespace Outpost
