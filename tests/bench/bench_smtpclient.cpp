// Outpost's SMTP client alone, without the outbox (no state journal on disk): N copies of a
// message from a file over one session to 127.0.0.1:PORT. Prints messages per second. Used
// by bench_wire.py beside the whole outpost-cli cycle, to separate the wire from the disk.
//
//   bench_smtpclient --port P --eml FILE --count N --from ADDR --to ADDR
#include "smtp/SmtpClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Outpost;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("port"), QStringLiteral("SMTP port"), QStringLiteral("P")});
    parser.addOption({QStringLiteral("eml"), QStringLiteral("message"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("messages"), QStringLiteral("N"),
                      QStringLiteral("100")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("sender"), QStringLiteral("ADDR")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("recipient"), QStringLiteral("ADDR")});
    parser.process(app);
    const int count = parser.value(QStringLiteral("count")).toInt();

    SmtpClient smtp;
    SmtpSettings settings;
    settings.connection.host = QStringLiteral("127.0.0.1");
    settings.connection.port = quint16(parser.value(QStringLiteral("port")).toUInt());
    settings.connection.security = Security::None;
    smtp.setSettings(settings);

    // As the cycle does: up to 64 messages in flight, the next queued as one finishes.
    std::vector<std::unique_ptr<QFile>> bodies;
    int queued = 0, sent = 0, failed = 0;
    const auto queueOne = [&] {
        auto body = std::make_unique<QFile>(parser.value(QStringLiteral("eml")));
        if (!body->open(QIODevice::ReadOnly))
            qFatal("cannot read the message");
        SmtpMessage m;
        m.sender = parser.value(QStringLiteral("from")).toUtf8();
        m.recipients = {parser.value(QStringLiteral("to")).toUtf8()};
        m.body = body.get();
        bodies.push_back(std::move(body));
        smtp.send(m);
        if (++queued == count)
            smtp.quit();
    };
    QElapsedTimer timer;
    QObject::connect(&smtp, &SmtpClient::ready, [&] {
        for (int i = 0; i < 64 && queued < count; ++i)
            queueOne();
    });
    QObject::connect(&smtp, &SmtpClient::messageFinished, [&](const SmtpResult &r) {
        if (r.sent)
            ++sent;
        else if (++failed == 1)
            std::fprintf(stderr, "bench_smtpclient: %s\n", qPrintable(r.error.message));
        if (queued < count)
            queueOne();
    });
    QObject::connect(&smtp, &SmtpClient::sessionFinished, [&](const NetError &error) {
        const double s = timer.elapsed() / 1000.0;
        if (error.isError())
            std::fprintf(stderr, "bench_smtpclient: %s\n", qPrintable(error.message));
        std::printf("%d sent, %d failed in %.3f s = %.1f messages/s\n", sent, failed, s,
                    s > 0 ? sent / s : 0.0);
        app.exit(sent == count ? 0 : 1);
    });
    timer.start();
    smtp.open();
    return app.exec();
}
