#include "RelayCertificate.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>

#ifdef OUTPOST_HAVE_OPENSSL
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#endif

namespace Outpost {

#ifdef OUTPOST_HAVE_OPENSSL
namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Integer = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER, ASN1_INTEGER_free>>;
using Number = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

// The SAN value: only names and addresses that cannot break the configuration syntax.
QByteArray subjectAltNames(const QString &hostName, const QList<QHostAddress> &addresses)
{
    QByteArrayList names{"DNS:localhost"};
    const QByteArray host = hostName.toLatin1();
    bool plainHost = !host.isEmpty() && host != "localhost";
    for (const char c : host)
        if (!(QChar::isLetterOrNumber(uchar(c)) || c == '-' || c == '.'))
            plainHost = false;
    if (plainHost)
        names.append("DNS:" + host);
    QList<QHostAddress> all = addresses;
    all.append(QHostAddress(QHostAddress::LocalHost));
    all.append(QHostAddress(QHostAddress::LocalHostIPv6));
    for (const QHostAddress &address : std::as_const(all)) {
        if (address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4) ||
            address == QHostAddress(QHostAddress::AnyIPv6))
            continue;
        const QByteArray entry = "IP:" + address.toString().toLatin1();
        if (!names.contains(entry))
            names.append(entry);
    }
    return names.join(',');
}

} // namespace
#endif

bool RelayCertificate::canGenerate()
{
#ifdef OUTPOST_HAVE_OPENSSL
    return true;
#else
    return false;
#endif
}

std::optional<RelayCertificate> RelayCertificate::generate(const QString &hostName,
                                                           const QList<QHostAddress> &addresses,
                                                           QString *error)
{
#ifdef OUTPOST_HAVE_OPENSSL
    const auto failed = [error]() -> std::optional<RelayCertificate> {
        if (error)
            *error = tr("Outpost could not make a certificate for the relay (the encryption "
                        "library refused). Listening on the network stays off.");
        return std::nullopt;
    };
    const Key key(EVP_EC_gen("P-256"));
    const Certificate certificate(X509_new());
    if (!key || !certificate || X509_set_version(certificate.get(), 2) != 1)
        return failed();

    // A random 127-bit serial number (positive, RFC 5280 section 4.1.2.2).
    unsigned char serialBytes[16];
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return failed();
    serialBytes[0] &= 0x7f;
    const Number serialNumber(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    const Integer serial(serialNumber ? BN_to_ASN1_INTEGER(serialNumber.get(), nullptr) : nullptr);
    if (!serial || X509_set_serialNumber(certificate.get(), serial.get()) != 1)
        return failed();

    // From an hour ago (clocks of other computers differ) for ten years.
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) ||
        !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), 3650, 0, nullptr) ||
        X509_set_pubkey(certificate.get(), key.get()) != 1)
        return failed();

    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray commonName =
        (hostName.isEmpty() ? QStringLiteral("localhost") : hostName).left(64).toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("Outpost local relay"),
                                   -1, -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(commonName.constData()),
                                   -1, -1, 0) != 1 ||
        X509_set_issuer_name(certificate.get(), name) != 1)
        return failed();

    if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth") ||
        !addExtension(certificate.get(), NID_subject_alt_name,
                      subjectAltNames(hostName, addresses)) ||
        X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return failed();

    const Bio certificateOut(BIO_new(BIO_s_mem()));
    const Bio keyOut(BIO_new(BIO_s_mem()));
    if (!certificateOut || !keyOut ||
        PEM_write_bio_X509(certificateOut.get(), certificate.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1)
        return failed();

    RelayCertificate out;
    out.certificate = QSslCertificate(drain(certificateOut.get()), QSsl::Pem);
    out.key = QSslKey(drain(keyOut.get()), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (out.isNull())
        return failed();
    return out;
#else
    Q_UNUSED(hostName)
    Q_UNUSED(addresses)
    if (error)
        *error = tr("This version of Outpost cannot make the certificate that listening on the "
                    "network needs; the relay serves this computer only.");
    return std::nullopt;
#endif
}

QString RelayCertificate::fingerprint(const QSslCertificate &certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < digest.size(); i += 2)
        pairs.append(QString::fromLatin1(digest.mid(i, 2)));
    return pairs.join(QLatin1Char(':'));
}

QString RelayCertificate::fileName(const QString &profileDirectory)
{
    return QDir(profileDirectory).filePath(QStringLiteral("relay-certificate.pem"));
}

} // namespace Outpost
