// Sends a large message to the sandbox over SMTP and downloads one over POP3, printing the
// throughput and the process's peak memory growth during each transfer (from
// /proc/self/status; the peak is reset through /proc/self/clear_refs before each phase).
// Usage: bench_bigmessage [--size-mb N] [--tls] (default 50 MB, plain; --tls: implicit TLS
// with the test CA for both protocols). Fails when a transfer fails, the bytes
// differ in size, or the growth exceeds 20 MB. Build without sanitizers for real figures.
#include "pop3/Pop3Client.h"
#include "sandbox/SandboxServer.h"
#include "smtp/SmtpClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSslKey>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <thread>

using namespace Outpost;

namespace {

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer keeps freed memory in quarantine, so resident memory only grows: report
// the figure but do not judge it.
constexpr bool judgeMemory = false;
#else
constexpr bool judgeMemory = true;
#endif

QByteArray testData(const char *name)
{
    QFile file(QStringLiteral(OUTPOST_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data");
    return file.readAll();
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArrayList lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(static_cast<qsizetype>(qstrlen(field)))
                .trimmed()
                .split(' ')[0]
                .toLongLong();
    }
    return -1;
}

/// Resets VmHWM to the current RSS (Linux 4.0+) and returns the current RSS in kB.
qint64 startMeasuring()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
    return statusKb("VmRSS:");
}

void writeMessage(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the test message");
    QByteArray block = "From: a@example.com\r\nTo: b@example.net\r\nSubject: big\r\n\r\n";
    qint64 written = 0;
    int line = 0;
    while (written < bytes) {
        QByteArray chunk;
        while (chunk.size() < 64 * 1024) {
            // Every 50th line starts with a dot, to exercise stuffing both ways.
            chunk += (line % 50 == 0 ? "." : "") +
                     QByteArray("The quick brown fox jumps over the lazy dog, line ") +
                     QByteArray::number(line) + "\r\n";
            ++line;
        }
        file.write(block + chunk);
        written += block.size() + chunk.size();
        block.clear();
    }
}

/// The baseline: the same bytes copied file -> loopback TCP -> file with plain blocking
/// sockets, 64 KB at a time (a receiving thread writes them out). Returns milliseconds.
QByteArray digest(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result();
}

qint64 loopbackCopyMs(const QString &source, const QString &target)
{
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr *>(&address), length) != 0 ||
        ::listen(listener, 1) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        qFatal("loopback copy: cannot listen");
    QElapsedTimer timer;
    timer.start();
    std::thread receiver([&] {
        const int peer = ::accept(listener, nullptr, nullptr);
        QFile out(target);
        if (peer < 0 || !out.open(QIODevice::WriteOnly))
            qFatal("loopback copy: cannot accept");
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        for (;;) {
            const ssize_t got = ::read(peer, buffer.data(), size_t(buffer.size()));
            if (got <= 0)
                break;
            out.write(buffer.constData(), got);
        }
        ::close(peer);
    });
    const int sender = ::socket(AF_INET, SOCK_STREAM, 0);
    if (sender < 0 || ::connect(sender, reinterpret_cast<sockaddr *>(&address), length) != 0)
        qFatal("loopback copy: cannot connect");
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("loopback copy: cannot read");
    for (;;) {
        const QByteArray chunk = in.read(64 * 1024);
        if (chunk.isEmpty())
            break;
        qsizetype done = 0;
        while (done < chunk.size()) {
            const ssize_t sent =
                ::write(sender, chunk.constData() + done, size_t(chunk.size() - done));
            if (sent <= 0)
                qFatal("loopback copy: write failed");
            done += sent;
        }
    }
    ::close(sender);
    receiver.join();
    ::close(listener);
    return timer.elapsed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 sizeMb = 50;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--size-mb"));
    if (at >= 0 && at + 1 < args.size())
        sizeMb = args[at + 1].toLongLong();
    const qint64 limitKb = 20 * 1024;
    const bool tls = args.contains(QStringLiteral("--tls"));
    const Security security = tls ? Security::Tls : Security::None;
    const QList<QSslCertificate> ca{QSslCertificate(testData("ca.pem"))};

    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("message.eml"));
    writeMessage(source, sizeMb * 1024 * 1024);
    const qint64 size = QFileInfo(source).size();

    SandboxServer server;
    server.settings().popBeforeSmtp = false;
    server.settings().maxSize = 0;
    server.settings().deliveryFolder = dir.filePath(QStringLiteral("delivered"));
    server.addUser("bench", "bench");
    server.addMessageFile("bench", source);
    if (tls) {
        server.settings().certificate = QSslCertificate(testData("server.pem"));
        server.settings().privateKey = QSslKey(testData("server.key"), QSsl::Rsa);
        server.settings().smtpSecurity = Security::Tls;
        server.settings().popSecurity = Security::Tls;
    }
    if (!server.listen())
        qFatal("sandbox: %s", qPrintable(server.errorString()));

    int status = 0;
    // The baseline, measured in the same run: the same bytes copied over plain loopback TCP.
    const qint64 copyMs = loopbackCopyMs(source, dir.filePath(QStringLiteral("copied.eml")));
    const double copyMbps = copyMs > 0 ? size / 1048576.0 * 1000.0 / copyMs : 0.0;
    std::printf("plain copy     %8.1f MB in %7.3f s = %8.1f MB/s (file -> loopback TCP -> file)\n",
                size / 1048576.0, copyMs / 1000.0, copyMbps);
    QFile::remove(dir.filePath(QStringLiteral("copied.eml")));
    const auto report = [&](const char *what, qint64 bytes, qint64 ms, qint64 baseKb) {
        const qint64 growthKb = statusKb("VmHWM:") - baseKb;
        const double mb = bytes / 1048576.0;
        const double mbps = ms > 0 ? mb * 1000.0 / ms : 0.0;
        std::printf("%-5s %-8s %8.1f MB in %7.3f s = %8.1f MB/s (%3.0f %% of the copy), peak "
                    "memory growth %6.1f MB%s\n",
                    tls ? "TLS" : "plain", what, mb, ms / 1000.0, mbps,
                    copyMbps > 0 ? mbps / copyMbps * 100.0 : 0.0, growthKb / 1024.0,
                    !judgeMemory         ? "  (sanitizer build: not judged)"
                    : growthKb > limitKb ? "  (OVER the 20 MB limit)"
                                         : "");
        std::fflush(stdout);
        if (judgeMemory && growthKb > limitKb)
            status = 1;
    };

    // Phase 1: send over SMTP.
    QFile body(source);
    body.open(QIODevice::ReadOnly);
    SmtpClient smtp;
    SmtpSettings smtpSettings;
    smtpSettings.connection.host = QStringLiteral("127.0.0.1");
    smtpSettings.connection.port = server.smtpPort();
    smtpSettings.connection.security = security;
    smtpSettings.connection.extraCaCertificates = ca;
    smtp.setSettings(smtpSettings);
    Pop3Client pop;
    QFile sink(dir.filePath(QStringLiteral("downloaded.eml")));
    QElapsedTimer timer;
    qint64 base = startMeasuring();
    timer.start();

    QObject::connect(&smtp, &SmtpClient::messageFinished, [&](const SmtpResult &result) {
        if (!result.sent) {
            std::fprintf(stderr, "send failed: %s\n", qPrintable(result.error.message));
            status = 1;
        }
    });
    QObject::connect(&smtp, &SmtpClient::sessionFinished, [&](const NetError &error) {
        const qint64 ms = timer.elapsed();
        if (error.isError()) {
            std::fprintf(stderr, "SMTP session failed: %s\n", qPrintable(error.message));
            app.exit(1);
            return;
        }
        report("send", size, ms, base);
        const QList<SandboxDelivery> deliveries = server.deliveries();
        if (deliveries.size() != 1 || deliveries[0].size != size) {
            std::fprintf(stderr, "delivered size differs\n");
            status = 1;
        }
        // Phase 2: download over POP3.
        sink.open(QIODevice::WriteOnly);
        Pop3Settings popSettings;
        popSettings.connection.host = QStringLiteral("127.0.0.1");
        popSettings.connection.port = server.popPort();
        popSettings.connection.security = security;
        popSettings.connection.extraCaCertificates = ca;
        popSettings.user = QStringLiteral("bench");
        popSettings.password = QStringLiteral("bench");
        pop.setSettings(popSettings);
        base = startMeasuring();
        timer.restart();
        pop.open();
        pop.retrieve(1, &sink);
        pop.quit();
    });
    QObject::connect(&pop, &Pop3Client::finished, [&](const NetError &error) {
        const qint64 ms = timer.elapsed();
        sink.close();
        if (error.isError()) {
            std::fprintf(stderr, "POP3 session failed: %s\n", qPrintable(error.message));
            app.exit(1);
            return;
        }
        report("download", size, ms, base);
        if (QFileInfo(sink.fileName()).size() != size) {
            std::fprintf(stderr, "downloaded size differs\n");
            status = 1;
        } else if (digest(sink.fileName()) != digest(source)) {
            std::fprintf(stderr, "downloaded bytes differ from the message\n");
            status = 1;
        }
        app.exit(status);
    });

    if (qEnvironmentVariableIsSet("OUTPOST_BENCH_TRANSCRIPT")) {
        const auto print = [](const QString &line) {
            std::fprintf(stderr, "%s\n", qPrintable(line));
        };
        QObject::connect(&smtp, &SmtpClient::transcript, print);
        QObject::connect(&pop, &Pop3Client::transcript, print);
    }
    SmtpMessage message;
    message.sender = "a@example.com";
    message.recipients = {"b@example.net"};
    message.body = &body;
    smtp.open();
    smtp.send(message);
    smtp.quit();
    return app.exec();
}
