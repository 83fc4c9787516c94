<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CycleReport</name>
    <message numerus="yes">
        <source>%1: %2 (%n message(s) waiting)</source>
        <translation>
            <numerusform>%1: %2 (%n message waiting)</numerusform>
            <numerusform>%1: %2 (%n messages waiting)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) could not be sent. The Failed folder shows the server&apos;s reply.</source>
        <translation>
            <numerusform>%1: a message could not be sent. The Failed folder shows the server&apos;s reply.</numerusform>
            <numerusform>%1: %n messages could not be sent. The Failed folder shows the server&apos;s replies.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the connection broke before the server confirmed %n message(s). Check with the recipients, then choose Resend or Mark as sent.</source>
        <translation>
            <numerusform>%1: the connection broke before the server confirmed %n message. Check with the recipients, then choose Resend or Mark as sent.</numerusform>
            <numerusform>%1: the connection broke before the server confirmed %n messages. Check with the recipients, then choose Resend or Mark as sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) will be retried later.</source>
        <translation>
            <numerusform>%1: %n message will be retried later.</numerusform>
            <numerusform>%1: %n messages will be retried later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new message(s)</source>
        <translation>
            <numerusform>%1: %n new message</numerusform>
            <numerusform>%1: %n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) sent</source>
        <translation>
            <numerusform>%1: %n message sent</numerusform>
            <numerusform>%1: %n messages sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: &quot;%2&quot; went out after %n attempt(s).</source>
        <translation>
            <numerusform>%1: &quot;%2&quot; went out after %n attempt.</numerusform>
            <numerusform>%1: &quot;%2&quot; went out after %n attempts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxStateText</name>
    <message numerus="yes">
        <source>… %n earlier attempt(s) not kept</source>
        <translation>
            <numerusform>… %n earlier attempt not kept</numerusform>
            <numerusform>… %n earlier attempts not kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more recipient(s)</source>
        <translation>
            <numerusform>%n more recipient</numerusform>
            <numerusform>%n more recipients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::Cli</name>
    <message numerus="yes">
        <source>%1: %n message(s) in %2</source>
        <translation>
            <numerusform>%1: %n message in %2</numerusform>
            <numerusform>%1: %n messages in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outpost is running %n account(s). Press Ctrl+C to stop.</source>
        <translation>
            <numerusform>Outpost is running %n account. Press Ctrl+C to stop.</numerusform>
            <numerusform>Outpost is running %n accounts. Press Ctrl+C to stop.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: a message from %3 to %n recipient(s) is in the outbox</source>
        <translation>
            <numerusform>%1 %2: a message from %3 to %n recipient is in the outbox</numerusform>
            <numerusform>%1 %2: a message from %3 to %n recipients is in the outbox</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::Cycle</name>
    <message numerus="yes">
        <source>Outpost gave up after trying for %n hour(s). The last reply was: %1</source>
        <translation>
            <numerusform>Outpost gave up after trying for %n hour. The last reply was: %1</numerusform>
            <numerusform>Outpost gave up after trying for %n hours. The last reply was: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server stopped relaying %n second(s) after the POP login; Outpost will log in again sooner from now on.</source>
        <translation>
            <numerusform>The server stopped relaying %n second after the POP login; Outpost will log in again sooner from now on.</numerusform>
            <numerusform>The server stopped relaying %n seconds after the POP login; Outpost will log in again sooner from now on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relaying refused right after the login; trying again in %n second(s).</source>
        <translation>
            <numerusform>Relaying refused right after the login; trying again in %n second.</numerusform>
            <numerusform>Relaying refused right after the login; trying again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::ImapClient</name>
    <message numerus="yes">
        <source>The incoming server sent %n bytes of data Outpost did not ask for.</source>
        <translation>
            <numerusform>The incoming server sent %n byte of data Outpost did not ask for.</numerusform>
            <numerusform>The incoming server sent %n bytes of data Outpost did not ask for.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::InboxActions</name>
    <message numerus="yes">
        <source>Delete the %n message(s) in Deleted Items for good? They cannot be brought back. The copies on the server are not touched.</source>
        <translation>
            <numerusform>Delete the message in Deleted Items for good? It cannot be brought back. The copy on the server is not touched.</numerusform>
            <numerusform>Delete the %n messages in Deleted Items for good? They cannot be brought back. The copies on the server are not touched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) deleted for good.</source>
        <translation>
            <numerusform>1 message deleted for good.</numerusform>
            <numerusform>%n messages deleted for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::MainWindow</name>
    <message numerus="yes">
        <source>%n message(s) in the outbox will not be sent once Outpost quits: it does not start when you log in.</source>
        <translation>
            <numerusform>%n message in the outbox will not be sent once Outpost quits: it does not start when you log in.</numerusform>
            <numerusform>%n messages in the outbox will not be sent once Outpost quits: it does not start when you log in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the outbox will not be sent once Outpost quits: %1 sends only when you press Send/Receive.</source>
        <translation>
            <numerusform>%n message in the outbox will not be sent once Outpost quits: %1 sends only when you press Send/Receive.</numerusform>
            <numerusform>%n messages in the outbox will not be sent once Outpost quits: %1 sends only when you press Send/Receive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::ReceiveStage</name>
    <message numerus="yes">
        <source>%n message(s) on the server were already in the inbox.</source>
        <translation>
            <numerusform>%n message on the server was already in the inbox.</numerusform>
            <numerusform>%n messages on the server were already in the inbox.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::RelayPage</name>
    <message numerus="yes">
        <source>%n program(s) connected now.</source>
        <translation>
            <numerusform>%n program is connected now.</numerusform>
            <numerusform>%n programs are connected now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::Session</name>
    <message numerus="yes">
        <source>%1: %n message(s) may have been sent before Outpost stopped; check with the recipients before sending again.</source>
        <translation>
            <numerusform>%1: %n message may have been sent before Outpost stopped; check with the recipients before sending it again.</numerusform>
            <numerusform>%1: %n messages may have been sent before Outpost stopped; check with the recipients before sending them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) were interrupted before they went out and will be sent again.</source>
        <translation>
            <numerusform>%1: %n message was interrupted before it went out and will be sent again.</numerusform>
            <numerusform>%1: %n messages were interrupted before they went out and will be sent again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) in the outbox could not be read and were left as they are (%2).</source>
        <translation>
            <numerusform>%1: %n message in the outbox could not be read and was left as it is (%2).</numerusform>
            <numerusform>%1: %n messages in the outbox could not be read and were left as they are (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StuckMailText</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” to %2 and %n other(s)</source>
        <translation>
            <numerusform>“%1” to %2 and %n other</numerusform>
            <numerusform>“%1” to %2 and %n others</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more message(s) in this account also need attention.</source>
        <translation>
            <numerusform>%n more message in this account also need attention.</numerusform>
            <numerusform>%n more messages in this account also need attention.</numerusform>
        </translation>
    </message>
</context>
</TS>
