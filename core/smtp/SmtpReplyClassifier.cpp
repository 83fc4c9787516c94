#include "SmtpReplyClassifier.h"

#include <array>

namespace Outpost {

namespace {

constexpr unsigned stageBit(SmtpStage stage)
{
    return 1u << static_cast<unsigned>(stage);
}

// Relay refusals come in answer to the envelope (servers check relaying at RCPT, some at
// MAIL) and, on a few servers, only after the data.
constexpr unsigned envelopeStages = stageBit(SmtpStage::MailFrom) | stageBit(SmtpStage::RcptTo) |
                                    stageBit(SmtpStage::Data) | stageBit(SmtpStage::DataEnd);
constexpr unsigned anyStage = ~0u;

struct Rule
{
    unsigned stages;      ///< stageBit()s where the rule applies
    int codeClass;        ///< 4 or 5 (first digit), 0 for either
    const char *enhanced; ///< enhanced code that must match exactly, or nullptr
    const char *text;     ///< case-insensitive text the reply must contain, or nullptr
    SmtpReplyClass result;
};

// First match wins. Texts are those of real servers refusing to relay for a client that has
// not logged in over POP (see the test rows in tst_smtpreplyclassifier).
constexpr std::array rules{
    // Postfix: "554 5.7.1 <x>: Relay access denied", soft_bounce "454 4.7.1 ...".
    Rule{envelopeStages, 0, nullptr, "relay access denied", SmtpReplyClass::RelayDenied},
    // Postfix check_client_access / reject_unknown_client: "Client host rejected: Access denied".
    Rule{envelopeStages, 0, nullptr, "client host rejected", SmtpReplyClass::RelayDenied},
    // sendmail "550 5.7.1 <x>... Relaying denied", also "550 Relaying Denied".
    Rule{envelopeStages, 0, nullptr, "relaying denied", SmtpReplyClass::RelayDenied},
    // qmail "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)".
    Rule{envelopeStages, 0, nullptr, "allowed rcpthosts", SmtpReplyClass::RelayDenied},
    // nifty "554 sorry, you must get POP/APOP authorization".
    Rule{envelopeStages, 0, nullptr, "pop/apop", SmtpReplyClass::RelayDenied},
    Rule{envelopeStages, 0, nullptr, "pop before smtp", SmtpReplyClass::RelayDenied},
    Rule{envelopeStages, 0, nullptr, "pop-before-smtp", SmtpReplyClass::RelayDenied},
    // Exchange "550 5.7.1 Unable to relay".
    Rule{envelopeStages, 0, nullptr, "unable to relay", SmtpReplyClass::RelayDenied},
    // Exim "550 relay not permitted".
    Rule{envelopeStages, 0, nullptr, "relay not permitted", SmtpReplyClass::RelayDenied},
    Rule{envelopeStages, 0, nullptr, "relay operation rejected", SmtpReplyClass::RelayDenied},
    Rule{envelopeStages, 0, nullptr, "relaying not allowed", SmtpReplyClass::RelayDenied},
    // At RCPT, "delivery not authorized" (RFC 3463 X.7.1) without a known text. Not 4.7.1
    // alone: greylisting uses it, and that is a plain transient refusal.
    Rule{stageBit(SmtpStage::RcptTo), 5, "5.7.1", nullptr, SmtpReplyClass::RelayDenied},
    // RFC 4954 section 6: 530 5.7.0 Authentication required.
    Rule{anyStage, 5, "5.7.0", "authentication required", SmtpReplyClass::AuthRequired},
    Rule{anyStage & ~stageBit(SmtpStage::Auth), 5, nullptr, "authentication required",
         SmtpReplyClass::AuthRequired},
};

} // namespace

SmtpReplyClass classifySmtpReply(const SmtpReply &reply, SmtpStage stage)
{
    const int first = reply.code / 100;
    if (first == 2 || first == 3)
        return SmtpReplyClass::Success;
    const QByteArray text = reply.text().toLower();
    for (const Rule &rule : rules) {
        if (!(rule.stages & stageBit(stage)))
            continue;
        if (rule.codeClass != 0 && rule.codeClass != first)
            continue;
        if (rule.enhanced && reply.enhancedCode != rule.enhanced)
            continue;
        if (rule.text && !text.contains(rule.text))
            continue;
        return rule.result;
    }
    // 530 without text (RFC 4954 section 6).
    if (reply.code == 530)
        return SmtpReplyClass::AuthRequired;
    return first == 4 ? SmtpReplyClass::Transient : SmtpReplyClass::Permanent;
}

NetError::Kind errorKindFor(SmtpReplyClass replyClass)
{
    switch (replyClass) {
    case SmtpReplyClass::Success:
        return NetError::None;
    case SmtpReplyClass::Transient:
        return NetError::Transient;
    case SmtpReplyClass::Permanent:
        return NetError::Permanent;
    case SmtpReplyClass::RelayDenied:
        return NetError::RelayDenied;
    case SmtpReplyClass::AuthRequired:
        return NetError::Authentication;
    }
    return NetError::Permanent;
}

} // namespace Outpost
