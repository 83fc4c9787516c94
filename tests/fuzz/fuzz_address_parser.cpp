// Fuzz target: the RFC 5322 address-list parser, on text as typed and on raw header bytes.
#include "message/AddressParser.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *why, const QString &input)
{
    std::fprintf(stderr, "fuzz_address_parser: %s for input \"%s\"\n", why,
                 input.toUtf8().toPercentEncoding(" <>@,;:\"()[]").constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
    const Outpost::AddressParseResult typed = Outpost::AddressParser::parseList(text);
    if (!typed.ok() && (typed.errorPosition < 0 || typed.errorPosition > text.size() ||
                        typed.errorMessage.isEmpty()))
        fail("error position outside the input", text); // an error must say where
    for (const Outpost::MailAddress &a : typed.addresses) {
        if (a.localPart().isEmpty() || a.domain().isEmpty())
            fail("empty local part or domain", text);
        // What we would write back must parse again to the same address.
        const Outpost::AddressParseResult again =
            Outpost::AddressParser::parseList(a.toDisplayString());
        if (!again.ok() || again.addresses.size() != 1 ||
            again.addresses.first().address() != a.address())
            fail(
                qPrintable(QStringLiteral("no round trip through \"%1\"").arg(a.toDisplayString())),
                text);
        (void)a.encoded(false);
    }
    (void)Outpost::AddressParser::parseHeader(bytes);
    (void)Outpost::AddressParser::parseMailbox(text);
    return 0;
}
