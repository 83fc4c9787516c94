#include "CertificateDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Outpost {

namespace {
QString groupedFingerprint(const QByteArray &hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs.append(QString::fromLatin1(hex.mid(i, 2)).toUpper());
    return pairs.join(u':');
}

/// The fingerprint on two lines of 16 pairs: on one, it pushes the form wider than the
/// dialog and cuts its label off.
QString fingerprintLines(const QByteArray &hex)
{
    const QString all = groupedFingerprint(hex);
    const qsizetype half = (all.size() / 2 / 3 + 1) * 3; // after the colon of pair 16
    return all.size() > 48 ? all.left(half) + u'\n' + all.mid(half) : all;
}
} // namespace

CertificateDialog::CertificateDialog(const CertificateInfo &info, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Certificate not trusted"));
    const QLocale locale;
    auto *intro = new QLabel(
        tr("The server presented a certificate that this computer does not trust. Someone may "
           "be pretending to be your mail server. Trust it only if your provider confirms this "
           "fingerprint."));
    intro->setWordWrap(true);
    // Wrapped text gets more height than it needs at the dialog's width; at the top, the
    // spare room falls below the form instead of standing as a band above the text.
    intro->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *form = new QFormLayout;
    auto addRow = [form](const QString &label, const QString &value, bool mono = false) {
        auto *field = new QLabel(value);
        field->setWordWrap(true);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (mono)
            field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        form->addRow(label, field);
    };
    const QString validity =
        tr("%1 to %2")
            .arg(locale.toString(info.notBefore.toLocalTime(), QLocale::ShortFormat),
                 locale.toString(info.notAfter.toLocalTime(), QLocale::ShortFormat));
    addRow(tr("Issued to:"), info.subject);
    addRow(tr("Issued by:"), info.issuer);
    addRow(tr("Valid:"), validity);
    addRow(tr("SHA-256 fingerprint:"), fingerprintLines(info.sha256), true);
    addRow(tr("Why it is not trusted:"), info.reasons.join(u'\n'));
    m_text = QStringList{info.subject, info.issuer, validity, groupedFingerprint(info.sha256),
                         info.reasons.join(u'\n')}
                 .join(u'\n');

    auto *buttons = new QDialogButtonBox;
    auto *trust = buttons->addButton(tr("&Trust this certificate"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustCertificate"));
    auto *cancel = buttons->addButton(tr("Do &not trust"), QDialogButtonBox::RejectRole);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(600); // the longest label and the fingerprint's 16 pairs, side by side
}

} // namespace Outpost
