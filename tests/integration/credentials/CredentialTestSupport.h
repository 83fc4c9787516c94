#pragma once

#include "store/CredentialStore.h"

#include <QSignalSpy>
#include <QTest>

// Runs one credential job to completion and returns its result.
inline Outpost::CredentialResult finish(Outpost::CredentialJob *job)
{
    QSignalSpy spy(job, &Outpost::CredentialJob::finished);
    if (!spy.wait(20000)) {
        Outpost::CredentialResult timedOut;
        timedOut.error = Outpost::CredentialError::Other;
        timedOut.message = QStringLiteral("the job never finished");
        return timedOut;
    }
    return spy.takeFirst().at(0).value<Outpost::CredentialResult>();
}
