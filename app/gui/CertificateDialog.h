#pragma once

#include "net/CertificateInfo.h"

#include <QDialog>

namespace Outpost {

/// Shows a certificate the system does not trust (subject, issuer, validity, SHA-256
/// fingerprint and the reasons) and lets the user trust it for one account. Accepted only by
/// the explicit "Trust this certificate" button.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CertificateDialog(const CertificateInfo &info, QWidget *parent = nullptr);

    /// The text shown, for tests.
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace Outpost
