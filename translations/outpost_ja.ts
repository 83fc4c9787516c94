<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Outpost::AboutDialog</name>
    <message>
        <source>About Outpost</source>
        <translation>Outpost について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Outpost %1&lt;/h3&gt;&lt;p&gt;Sends your mail through servers that need a POP login before SMTP: every check receives first, then sends, and nothing queued is lost.&lt;/p&gt;&lt;p&gt;Released under the MIT License.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Outpost %1&lt;/h3&gt;&lt;p&gt;送信の前に POP でのログインが必要なサーバー (POP before SMTP) からでも、確実にメールを送信します。チェックのたびに受信してから送信し、送信トレイのメッセージは失われません。&lt;/p&gt;&lt;p&gt;MIT ライセンスで公開しています。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Outpost::MainWindow</name>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>No accounts yet. Add an account to start sending and receiving mail.</source>
        <translation>アカウントがまだありません。アカウントを追加すると、メールの送受信を始められます。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Outpost</source>
        <translation>Outpost について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>The profile location %1 is a file, not a folder.</source>
        <translation>プロファイルの場所 %1 はフォルダーではなくファイルです。</translation>
    </message>
    <message>
        <source>Could not create the profile folder %1. Check that the location exists and that you may write to it.</source>
        <translation>プロファイル フォルダー %1 を作成できませんでした。場所が存在し、書き込み権限があることを確認してください。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Outpost&apos;s console program: manage accounts and the outbox, and run receive-then-send cycles without a window.</source>
        <translation>Outpost のコンソール プログラム: アカウントと送信トレイを管理し、ウィンドウなしで「受信してから送信」のサイクルを実行します。</translation>
    </message>
</context>
</TS>
