#include "CertificateInfo.h"

#include <QCoreApplication>

namespace Outpost {

namespace {

QString describeName(const QSslCertificate &certificate, bool issuer)
{
    const auto field = [&](QSslCertificate::SubjectInfo info) {
        const QStringList values =
            issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
        return values.join(QLatin1String(", "));
    };
    QStringList parts;
    const QString cn = field(QSslCertificate::CommonName);
    const QString org = field(QSslCertificate::Organization);
    if (!cn.isEmpty())
        parts << cn;
    if (!org.isEmpty())
        parts << org;
    return parts.join(QLatin1String(", "));
}

} // namespace

CertificateInfo CertificateInfo::describe(const QSslCertificate &certificate,
                                          const QList<QSslError> &errors)
{
    CertificateInfo info;
    info.pem = certificate.toPem();
    info.subject = describeName(certificate, false);
    info.issuer = describeName(certificate, true);
    info.notBefore = certificate.effectiveDate();
    info.notAfter = certificate.expiryDate();
    info.sha256 = fingerprint(certificate);
    for (const QSslError &error : errors)
        info.reasons << error.errorString();
    return info;
}

QByteArray CertificateInfo::fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QByteArray CertificateInfo::normalizeFingerprint(const QByteArray &fingerprint)
{
    QByteArray out;
    for (char c : fingerprint) {
        if (c == ':' || c == ' ')
            continue;
        out += static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
    }
    return out;
}

QString CertificateInfo::toText() const
{
    QStringList lines;
    lines << QCoreApplication::translate("Outpost::CertificateInfo", "Subject: %1").arg(subject)
          << QCoreApplication::translate("Outpost::CertificateInfo", "Issuer: %1").arg(issuer)
          << QCoreApplication::translate("Outpost::CertificateInfo", "Valid from %1 to %2")
                 .arg(notBefore.toString(Qt::ISODate), notAfter.toString(Qt::ISODate))
          << QCoreApplication::translate("Outpost::CertificateInfo", "SHA-256 fingerprint: %1")
                 .arg(QString::fromLatin1(sha256));
    for (const QString &reason : reasons)
        lines << reason;
    return lines.join(QLatin1Char('\n'));
}

} // namespace Outpost
