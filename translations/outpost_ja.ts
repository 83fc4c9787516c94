<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Account</name>
    <message>
        <source>Account &quot;%1&quot;: %2</source>
        <translation>アカウント「%1」: %2</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>アカウントには名前が必要です。</translation>
    </message>
    <message>
        <source>the account name must be on one line.</source>
        <translation>アカウント名は 1 行で入力してください。</translation>
    </message>
    <message>
        <source>the identifier &quot;%1&quot; may only contain letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>識別子「%1」に使えるのは英字、数字、「-」、「_」だけです。</translation>
    </message>
    <message>
        <source>your name must be on one line.</source>
        <translation>名前は 1 行で入力してください。</translation>
    </message>
    <message>
        <source>the e-mail address &quot;%1&quot; is not valid (expected name@example.com).</source>
        <translation>メール アドレス「%1」が正しくありません (例: name@example.com)。</translation>
    </message>
    <message>
        <source>the outgoing (SMTP) server &quot;%1&quot; is not a valid host name.</source>
        <translation>送信 (SMTP) サーバー「%1」はホスト名として正しくありません。</translation>
    </message>
    <message>
        <source>the outgoing (SMTP) port must be between 1 and 65535.</source>
        <translation>送信 (SMTP) のポート番号は 1 から 65535 の間で指定してください。</translation>
    </message>
    <message>
        <source>the outgoing (SMTP) user name contains spaces or line breaks.</source>
        <translation>送信 (SMTP) のユーザー名に空白か改行が含まれています。</translation>
    </message>
    <message>
        <source>the relay window must be between 10 seconds and 24 hours.</source>
        <translation>中継の有効時間は 10 秒から 24 時間の間で指定してください。</translation>
    </message>
    <message>
        <source>the delay after the POP login must be between 0 and 60 seconds.</source>
        <translation>POP ログイン後の待ち時間は 0 秒から 60 秒の間で指定してください。</translation>
    </message>
    <message>
        <source>the check interval must be between 0 (manual only) and 1440 minutes.</source>
        <translation>チェック間隔は 0 (手動のみ) から 1440 分の間で指定してください。</translation>
    </message>
    <message>
        <source>the time before giving up on a message must be between 1 hour and 30 days.</source>
        <translation>送信をあきらめるまでの時間は 1 時間から 30 日の間で指定してください。</translation>
    </message>
    <message>
        <source>the trusted certificate fingerprint &quot;%1&quot; is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>信頼する証明書のフィンガープリント「%1」は SHA-256 のフィンガープリント (16 進数 64 桁) ではありません。</translation>
    </message>
    <message>
        <source>the time before warning about a waiting message must be between 1 minute and 7 days.</source>
        <translation>送信待ちのメッセージを警告するまでの時間は 1 分から 7 日の間で指定してください。</translation>
    </message>
    <message>
        <source>the incoming (%1) server &quot;%2&quot; is not a valid host name.</source>
        <translation>受信 (%1) サーバー「%2」はホスト名として正しくありません。</translation>
    </message>
    <message>
        <source>the incoming (%1) port must be between 1 and 65535.</source>
        <translation>受信 (%1) のポート番号は 1 から 65535 の間で指定してください。</translation>
    </message>
    <message>
        <source>the incoming (%1) user name is missing or contains spaces.</source>
        <translation>受信 (%1) のユーザー名が空か、空白を含んでいます。</translation>
    </message>
</context>
<context>
    <name>AccountProblemText</name>
    <message>
        <source>Outpost tries again %1.</source>
        <translation>%1 に Outpost がもう一度試します。</translation>
    </message>
    <message>
        <source>Outpost tries again at the next check, %1.</source>
        <translation>次のチェック (%1) で Outpost がもう一度試します。</translation>
    </message>
    <message>
        <source>Outpost tries again when you press Send/Receive.</source>
        <translation>[送受信] を押すと Outpost がもう一度試します。</translation>
    </message>
    <message>
        <source>Mail for this account waits in the outbox; nothing is lost.</source>
        <translation>このアカウントのメールは送信トレイで待っています。何も失われていません。</translation>
    </message>
    <message>
        <source>Outpost could not save its work for “%1”</source>
        <translation>Outpost は「%1」の状態を保存できませんでした</translation>
    </message>
    <message>
        <source>Make room on the disk or check the profile folder, then try again.</source>
        <translation>ディスクの空きを作るかプロファイル フォルダーを確認してから、もう一度試してください。</translation>
    </message>
    <message>
        <source>Outpost could not log in to “%1”</source>
        <translation>Outpost は「%1」にログインできませんでした</translation>
    </message>
    <message>
        <source>The server refused the password for “%1”</source>
        <translation>「%1」のパスワードがサーバーに拒否されました</translation>
    </message>
    <message>
        <source>The outgoing server did not accept the user name and password (%1).</source>
        <translation>送信サーバーがユーザー名とパスワードを受け付けませんでした (%1)。</translation>
    </message>
    <message>
        <source>The server did not accept the user name and password (%1).</source>
        <translation>サーバーがユーザー名とパスワードを受け付けませんでした (%1)。</translation>
    </message>
    <message>
        <source>Enter the password again, and Outpost sends it at once.</source>
        <translation>パスワードを入力し直すと、Outpost はすぐに送信します。</translation>
    </message>
    <message>
        <source>The server for “%1” could not be reached</source>
        <translation>「%1」のサーバーに接続できませんでした</translation>
    </message>
    <message>
        <source>Check the network connection, and the server&apos;s name and port in the account&apos;s settings.</source>
        <translation>ネットワークの接続と、アカウントの設定にあるサーバー名とポート番号を確認してください。</translation>
    </message>
    <message>
        <source>No secure connection to the server for “%1”</source>
        <translation>「%1」のサーバーと安全な接続ができませんでした</translation>
    </message>
    <message>
        <source>The server&apos;s certificate for “%1” was not accepted</source>
        <translation>「%1」のサーバーの証明書を受け入れませんでした</translation>
    </message>
    <message>
        <source>Check the security settings of the account (or the certificate, if you trust it); Outpost tries again as soon as they change.</source>
        <translation>アカウントのセキュリティの設定 (信頼できるなら証明書) を確認してください。設定が変わるとすぐに Outpost がもう一度試します。</translation>
    </message>
    <message>
        <source>Outpost did not send the password of “%1” unencrypted</source>
        <translation>Outpost は「%1」のパスワードを暗号化せずに送ることはしませんでした</translation>
    </message>
    <message>
        <source>Choose STARTTLS or SSL/TLS in the account&apos;s settings, if the server offers it.</source>
        <translation>サーバーが対応していれば、アカウントの設定で STARTTLS か SSL/TLS を選んでください。</translation>
    </message>
    <message>
        <source>The server would not pass on the mail of “%1”</source>
        <translation>サーバーが「%1」のメールを中継しませんでした</translation>
    </message>
    <message>
        <source>Sending and receiving stopped for “%1”</source>
        <translation>「%1」の送受信を停止しました</translation>
    </message>
</context>
<context>
    <name>AccountStatusText</name>
    <message>
        <source>Receiving…</source>
        <translation>受信中…</translation>
    </message>
    <message>
        <source>Waiting a moment after the POP login…</source>
        <translation>POP ログインの後、少し待っています…</translation>
    </message>
    <message>
        <source>Connecting to the outgoing server…</source>
        <translation>送信サーバーに接続しています…</translation>
    </message>
    <message>
        <source>Sending %1 of %2</source>
        <translation>%2 件中 %1 件目を送信中</translation>
    </message>
    <message>
        <source>Logging in over POP again to keep the relay window open…</source>
        <translation>中継を続けられるように、もう一度 POP でログインしています…</translation>
    </message>
    <message>
        <source>The server refused to relay; waiting a moment before trying again…</source>
        <translation>サーバーが中継を拒否しました。少し待ってからもう一度試します…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>一時停止: %1</translation>
    </message>
    <message>
        <source>Offline — 1 message waiting</source>
        <translation>オフライン — 1 件が送信待ち</translation>
    </message>
    <message>
        <source>Offline — %1 messages waiting</source>
        <translation>オフライン — %1 件が送信待ち</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Relay window open for %1:%2</source>
        <translation>中継の有効時間 残り %1:%2</translation>
    </message>
    <message>
        <source>1 message waiting</source>
        <translation>1 件が送信待ち</translation>
    </message>
    <message>
        <source>%1 messages waiting</source>
        <translation>%1 件が送信待ち</translation>
    </message>
    <message>
        <source>Next check at %1</source>
        <translation>次のチェックは %1</translation>
    </message>
    <message>
        <source>Checks only when you press Send/Receive</source>
        <translation>[送受信] を押したときだけチェックします</translation>
    </message>
    <message>
        <source>1 message to be sent later</source>
        <translation>1 件が後で送信予定</translation>
    </message>
    <message>
        <source>%1 messages to be sent later</source>
        <translation>%1 件が後で送信予定</translation>
    </message>
    <message>
        <source>Logs in over POP before each send</source>
        <translation>送信のたびに先に POP でログインします</translation>
    </message>
    <message>
        <source>Waiting a moment after the IMAP login…</source>
        <translation>IMAP ログインの後、少し待っています…</translation>
    </message>
    <message>
        <source>Logging in over IMAP again to keep the relay window open…</source>
        <translation>中継を続けられるように、もう一度 IMAP でログインしています…</translation>
    </message>
    <message>
        <source>Logs in over IMAP before each send</source>
        <translation>送信のたびに先に IMAP でログインします</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>the value &quot;%1&quot; of %2 is not a number between %3 and %4.</source>
        <translation>%2 の値「%1」は %3 から %4 の間の数値ではありません。</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; of %2 is not true or false.</source>
        <translation>%2 の値「%1」は true か false である必要があります。</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; of %2 is not one of the known choices.</source>
        <translation>%2 の値「%1」は選択肢のどれにも当てはまりません。</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: %2</source>
        <translation>アカウント「%1」: %2</translation>
    </message>
    <message>
        <source>Could not read or write the settings file %1. Check that you may write to the profile folder and that the disk is not full.</source>
        <translation>設定ファイル %1 を読み書きできませんでした。プロファイル フォルダーへの書き込み権限があり、ディスクに空きがあることを確認してください。</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be read.</source>
        <translation>設定ファイル %1 が壊れているため読み込めません。</translation>
    </message>
    <message>
        <source>The settings file %1 was written by a newer version of Outpost (settings version %2; this version reads up to %3). Update Outpost.</source>
        <translation>設定ファイル %1 は新しいバージョンの Outpost で書かれています (設定バージョン %2。このバージョンが読めるのは %3 まで)。Outpost を更新してください。</translation>
    </message>
    <message>
        <source>The settings file %1 was written by a newer version of Outpost; this version will not overwrite it.</source>
        <translation>設定ファイル %1 は新しいバージョンの Outpost で書かれているため、このバージョンでは上書きしません。</translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation>「%1」という名前のアカウントはすでにあります。</translation>
    </message>
    <message>
        <source>There is already an account with the identifier &quot;%1&quot;.</source>
        <translation>識別子「%1」のアカウントはすでにあります。</translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot;.</source>
        <translation>アカウント「%1」はありません。</translation>
    </message>
</context>
<context>
    <name>AddressBook</name>
    <message>
        <source>The address book %1 cannot be read; it was left as it is.</source>
        <translation>アドレス帳 %1 を読み込めません。ファイルはそのまま残してあります。</translation>
    </message>
    <message>
        <source>The address book could not be saved: %1</source>
        <translation>アドレス帳を保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>AddressParser</name>
    <message>
        <source>An address is required.</source>
        <translation>アドレスを入力してください。</translation>
    </message>
    <message>
        <source>It contains a control character.</source>
        <translation>制御文字が含まれています。</translation>
    </message>
    <message>
        <source>A &quot;(&quot; is not closed with &quot;)&quot;.</source>
        <translation>「(」が「)」で閉じられていません。</translation>
    </message>
    <message>
        <source>A quotation mark is not closed.</source>
        <translation>引用符 (&quot;) が閉じられていません。</translation>
    </message>
    <message>
        <source>A &quot;[&quot; is not closed with &quot;]&quot;.</source>
        <translation>「[」が「]」で閉じられていません。</translation>
    </message>
    <message>
        <source>The character &quot;%1&quot; cannot be used here.</source>
        <translation>文字「%1」はここでは使えません。</translation>
    </message>
    <message>
        <source>A comma is missing between two addresses.</source>
        <translation>アドレスとアドレスの間にカンマ (,) がありません。</translation>
    </message>
    <message>
        <source>Only one address is allowed here.</source>
        <translation>ここに入力できるアドレスは 1 つだけです。</translation>
    </message>
    <message>
        <source>The part after &quot;@&quot; is missing (for example example.com).</source>
        <translation>「@」の後ろ (example.com など) がありません。</translation>
    </message>
    <message>
        <source>The part after &quot;@&quot;, &quot;%1&quot;, is not a valid domain.</source>
        <translation>「@」の後ろの「%1」はドメインとして正しくありません。</translation>
    </message>
    <message>
        <source>The international domain &quot;%1&quot; cannot be converted for sending.</source>
        <translation>国際化ドメイン「%1」を送信用に変換できません。</translation>
    </message>
    <message>
        <source>The part before &quot;@&quot; is empty or too long.</source>
        <translation>「@」の前が空か、長すぎます。</translation>
    </message>
    <message>
        <source>The address inside &quot;&lt;&gt;&quot; is missing.</source>
        <translation>「&lt;&gt;」の中にアドレスがありません。</translation>
    </message>
    <message>
        <source>It has no &quot;@&quot; and domain (for example name@example.com).</source>
        <translation>「@」とドメインがありません (name@example.com のように入力します)。</translation>
    </message>
    <message>
        <source>A &quot;&lt;&quot; is not closed with &quot;&gt;&quot;.</source>
        <translation>「&lt;」が「&gt;」で閉じられていません。</translation>
    </message>
    <message>
        <source>A group cannot contain another group.</source>
        <translation>グループの中に別のグループは入れられません。</translation>
    </message>
    <message>
        <source>A group needs a name before &quot;:&quot;.</source>
        <translation>グループには「:」の前に名前が必要です。</translation>
    </message>
    <message>
        <source>A comma or &quot;;&quot; is missing after an address in the group.</source>
        <translation>グループ内のアドレスの後にカンマ (,) か「;」がありません。</translation>
    </message>
    <message>
        <source>It contains a space: put a name in quotes, or the address in &quot;&lt;&gt;&quot;.</source>
        <translation>空白が含まれています。名前は引用符 (&quot;) で囲むか、アドレスを「&lt;&gt;」で囲んでください。</translation>
    </message>
    <message>
        <source>A dot cannot be at the start or end of the part before &quot;@&quot;, or follow another dot.</source>
        <translation>「@」の前の部分では、先頭や末尾にドット (.) を置いたり、ドットを続けたりできません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used here.</source>
        <translation>「%1」はここでは使えません。</translation>
    </message>
    <message>
        <source>It is not a complete address: it needs &quot;@&quot; and a domain (for example name@example.com).</source>
        <translation>アドレスが完全ではありません。「@」とドメインが必要です (name@example.com のように入力します)。</translation>
    </message>
</context>
<context>
    <name>ComposeMessage</name>
    <message>
        <source>The account&apos;s own address is not valid: %1</source>
        <translation>アカウント自身のアドレスが正しくありません: %1</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>BCC</translation>
    </message>
    <message>
        <source>Add at least one recipient in To, Cc or Bcc.</source>
        <translation>宛先、CC、BCC のどれかに 1 つ以上の宛先を入力してください。</translation>
    </message>
    <message>
        <source>The attachment %1 is not a readable file.</source>
        <translation>添付ファイル %1 は読み込めるファイルではありません。</translation>
    </message>
    <message>
        <source>An address in %1 is not valid. %2</source>
        <translation>%1欄に正しくないアドレスがあります。%2</translation>
    </message>
    <message>
        <source>The address &quot;%1&quot; in %2 is not valid. %3</source>
        <translation>%2欄のアドレス「%1」は正しくありません。%3</translation>
    </message>
    <message>
        <source>The forwarded message %1 is not a readable file.</source>
        <translation>転送するメッセージ %1 を読み込めません。</translation>
    </message>
</context>
<context>
    <name>CycleReport</name>
    <message>
        <source>Sending and receiving stopped</source>
        <translation>送受信を停止しました</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n message(s) waiting)</source>
        <translation>
            <numerusform>%1: %2 (%n 件のメッセージが送信待ち)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Outpost could not save its work</source>
        <translation>Outpost は状態を保存できませんでした</translation>
    </message>
    <message>
        <source>A message could not be sent</source>
        <translation>メッセージを送信できませんでした</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) could not be sent. The Failed folder shows the server&apos;s reply.</source>
        <translation>
            <numerusform>%1: %n 件のメッセージを送信できませんでした。サーバーの応答は [送信失敗] フォルダーで確認できます。</numerusform>
        </translation>
    </message>
    <message>
        <source>A message may have been sent</source>
        <translation>送信済みの可能性があるメッセージがあります</translation>
    </message>
    <message numerus="yes">
        <source>%1: the connection broke before the server confirmed %n message(s). Check with the recipients, then choose Resend or Mark as sent.</source>
        <translation>
            <numerusform>%1: サーバーが %n 件のメッセージの受信を確認する前に接続が切れました。宛先の人に届いたか確認してから、[再送信] か [送信済みにする] を選んでください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving did not finish</source>
        <translation>受信を完了できませんでした</translation>
    </message>
    <message>
        <source>%1: receiving: %2</source>
        <translation>%1: 受信: %2</translation>
    </message>
    <message>
        <source>Sending will be retried</source>
        <translation>送信を再試行します</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) will be retried later.</source>
        <translation>
            <numerusform>%1: %n 件のメッセージは後で再試行します。</numerusform>
        </translation>
    </message>
    <message>
        <source>New mail</source>
        <translation>新着メール</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new message(s)</source>
        <translation>
            <numerusform>%1: %n 件の新着メッセージ</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail sent</source>
        <translation>メールを送信しました</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) sent</source>
        <translation>
            <numerusform>%1: %n 件のメッセージを送信しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent after retrying</source>
        <translation>再試行の後に送信しました</translation>
    </message>
    <message numerus="yes">
        <source>%1: &quot;%2&quot; went out after %n attempt(s).</source>
        <translation>
            <numerusform>%1: 「%2」は %n 回目の試行で送信されました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>新着なし</translation>
    </message>
    <message>
        <source>%1: no new mail, nothing to send.</source>
        <translation>%1: 新着メールも送信するメッセージもありません。</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>The draft %1 could not be opened: %2</source>
        <translation>下書き %1 を開けませんでした: %2</translation>
    </message>
    <message>
        <source>The draft %1 is damaged and cannot be opened. It was left as it is.</source>
        <translation>下書き %1 は壊れているため開けません。ファイルはそのまま残してあります。</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>下書きを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>The draft %1 could not be removed: %2</source>
        <translation>下書き %1 を削除できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>ImapResponseReader</name>
    <message>
        <source>the server&apos;s response nests lists too deeply</source>
        <translation>サーバーの応答のリストの入れ子が深すぎます</translation>
    </message>
    <message>
        <source>a list in the server&apos;s response is not closed</source>
        <translation>サーバーの応答のリストが閉じていません</translation>
    </message>
    <message>
        <source>the server&apos;s response closes a list it did not open</source>
        <translation>サーバーの応答が、開いていないリストを閉じています</translation>
    </message>
    <message>
        <source>the server&apos;s response is missing a literal</source>
        <translation>サーバーの応答にリテラルが足りません</translation>
    </message>
    <message>
        <source>a quoted string in the server&apos;s response is broken</source>
        <translation>サーバーの応答の引用符付き文字列が壊れています</translation>
    </message>
    <message>
        <source>a quoted string in the server&apos;s response is not closed</source>
        <translation>サーバーの応答の引用符付き文字列が閉じていません</translation>
    </message>
    <message>
        <source>the server&apos;s response has a literal inside a section name</source>
        <translation>サーバーの応答のセクション名の中にリテラルがあります</translation>
    </message>
    <message>
        <source>a section name in the server&apos;s response is not closed</source>
        <translation>サーバーの応答のセクション名が閉じていません</translation>
    </message>
    <message>
        <source>the server&apos;s response has an unexpected character</source>
        <translation>サーバーの応答に予期しない文字があります</translation>
    </message>
    <message>
        <source>a response code in the server&apos;s response is not closed</source>
        <translation>サーバーの応答の応答コードが閉じていません</translation>
    </message>
    <message>
        <source>a response code in the server&apos;s response is empty</source>
        <translation>サーバーの応答の応答コードが空です</translation>
    </message>
    <message>
        <source>the server&apos;s continuation request is malformed</source>
        <translation>サーバーの継続要求の形式が正しくありません</translation>
    </message>
    <message>
        <source>the server&apos;s response has no tag or no content</source>
        <translation>サーバーの応答にタグか内容がありません</translation>
    </message>
    <message>
        <source>the server&apos;s response has a number that is too large</source>
        <translation>サーバーの応答に大きすぎる数値があります</translation>
    </message>
    <message>
        <source>the server&apos;s response has a number but no name</source>
        <translation>サーバーの応答に数値だけがあり、名前がありません</translation>
    </message>
    <message>
        <source>the server&apos;s response has no name</source>
        <translation>サーバーの応答に名前がありません</translation>
    </message>
    <message>
        <source>the server&apos;s response has an invalid tag</source>
        <translation>サーバーの応答のタグが正しくありません</translation>
    </message>
    <message>
        <source>the server&apos;s tagged response is not OK, NO or BAD</source>
        <translation>サーバーのタグ付き応答が OK、NO、BAD のいずれでもありません</translation>
    </message>
    <message>
        <source>the server sent a line where a literal was expected</source>
        <translation>リテラルが来るはずのところにサーバーが行を送ってきました</translation>
    </message>
    <message>
        <source>the server sent a NUL byte in a response line</source>
        <translation>サーバーが応答の行に NUL バイトを送ってきました</translation>
    </message>
    <message>
        <source>the server&apos;s response is too long</source>
        <translation>サーバーの応答が長すぎます</translation>
    </message>
    <message>
        <source>the server announced a literal that is too large</source>
        <translation>サーバーが大きすぎるリテラルを予告しました</translation>
    </message>
    <message>
        <source>the server&apos;s literal has the wrong size</source>
        <translation>サーバーのリテラルの大きさが違います</translation>
    </message>
</context>
<context>
    <name>MessageReader</name>
    <message>
        <source>attachment %1</source>
        <translation>添付ファイル %1</translation>
    </message>
    <message>
        <source>The message has no such attachment.</source>
        <translation>メッセージにその添付ファイルはありません。</translation>
    </message>
    <message>
        <source>The attachment could not be saved to %1.</source>
        <translation>添付ファイルを %1 に保存できませんでした。</translation>
    </message>
    <message>
        <source>The message file %1 cannot be read.</source>
        <translation>メッセージ ファイル %1 を読み込めません。</translation>
    </message>
</context>
<context>
    <name>MessageWriter</name>
    <message>
        <source>The message has no sender.</source>
        <translation>メッセージに差出人がありません。</translation>
    </message>
    <message>
        <source>The address &quot;%1&quot; cannot be used.</source>
        <translation>アドレス「%1」は使えません。</translation>
    </message>
    <message>
        <source>The message has no recipients.</source>
        <translation>メッセージに宛先がありません。</translation>
    </message>
    <message>
        <source>The attachment %1 cannot be read.</source>
        <translation>添付ファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <source>The message could not be written. The disk may be full.</source>
        <translation>メッセージを書き込めませんでした。ディスクがいっぱいの可能性があります。</translation>
    </message>
    <message>
        <source>Line %1 of the message is longer than 998 octets, which mail servers refuse.</source>
        <translation>メッセージの %1 行目が 998 オクテットより長いため、メール サーバーに拒否されます。</translation>
    </message>
    <message>
        <source>Line %1 of the message header is not a header field.</source>
        <translation>メッセージ ヘッダーの %1 行目はヘッダー フィールドではありません。</translation>
    </message>
    <message>
        <source>The message header is too large.</source>
        <translation>メッセージ ヘッダーが大きすぎます。</translation>
    </message>
    <message>
        <source>The %1 field cannot be read: %2</source>
        <translation>%1 フィールドを読み取れません: %2</translation>
    </message>
    <message>
        <source>The message has no sender (no From field).</source>
        <translation>メッセージに差出人がありません (From フィールドがありません)。</translation>
    </message>
</context>
<context>
    <name>OutboxStateText</name>
    <message>
        <source>at %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>明日 %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>Waiting for the POP login</source>
        <translation>POP ログイン待ち</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>Sending (%1%)</source>
        <translation>送信中 (%1%)</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>Will retry %1</source>
        <translation>%1 に再試行</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>再試行待ち</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>送信失敗</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>送信済みの可能性あり</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>%1 に送信済み</translation>
    </message>
    <message>
        <source>%1 because: %2</source>
        <translation>%1 (理由: %2)</translation>
    </message>
    <message>
        <source>May have been sent: the connection broke before the server confirmed it</source>
        <translation>送信済みの可能性あり: サーバーが受信を確認する前に接続が切れました</translation>
    </message>
    <message>
        <source>%1, but not to %2</source>
        <translation>%1 (%2 には送信されていません)</translation>
    </message>
    <message>
        <source>Handed over by %1 through the local relay</source>
        <translation>%1 からローカル中継で受け取りました</translation>
    </message>
    <message>
        <source>To be sent %1</source>
        <translation>%1に送信予定</translation>
    </message>
    <message>
        <source>Held for Undo until %1</source>
        <translation>%1まで送信を保留（取り消し可能）</translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>%1 に送信トレイに入りました</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier attempt(s) not kept</source>
        <translation>
            <numerusform>… それ以前の %n 回の試行は記録から省略しました</numerusform>
        </translation>
    </message>
    <message>
        <source>sent</source>
        <translation>送信しました</translation>
    </message>
    <message>
        <source>to be tried again</source>
        <translation>後で再試行</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>送信失敗</translation>
    </message>
    <message>
        <source>may have been sent (no confirmation came)</source>
        <translation>送信済みの可能性あり (サーバーの確認なし)</translation>
    </message>
    <message>
        <source>interrupted when Outpost stopped; nothing was delivered</source>
        <translation>Outpost の停止で中断 (何も届いていません)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Outpost decided %1: %2</source>
        <translation>%1 Outpost の判断: %2</translation>
    </message>
    <message>
        <source>Tried %1 after the POP login %2: %3</source>
        <translation>%1 に送信を試行 (%2 の POP ログイン後): %3</translation>
    </message>
    <message>
        <source>Tried %1 with SMTP AUTH: %2</source>
        <translation>%1 に送信を試行 (SMTP AUTH 使用): %2</translation>
    </message>
    <message>
        <source>Tried %1: %2</source>
        <translation>%1 に送信を試行: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more recipient(s)</source>
        <translation>
            <numerusform>ほか %n 件の宛先</numerusform>
        </translation>
    </message>
    <message>
        <source>next try %1</source>
        <translation>次の試行は %1</translation>
    </message>
    <message>
        <source>run &quot;outpost-cli send-receive&quot; to try again</source>
        <translation>「outpost-cli send-receive」を実行すると再試行します</translation>
    </message>
    <message>
        <source>press Send/Receive to try again</source>
        <translation>[送受信] を押すと再試行します</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Outpost could not save its work (%1)</source>
        <translation>Outpost は状態を保存できませんでした (%1)</translation>
    </message>
    <message>
        <source>%1 — check the password and the account&apos;s settings</source>
        <translation>%1 — パスワードとアカウントの設定を確認してください</translation>
    </message>
    <message>
        <source>the server refused the password — enter it again</source>
        <translation>サーバーがパスワードを拒否しました — 入力し直してください</translation>
    </message>
    <message>
        <source>the server could not be reached</source>
        <translation>サーバーに接続できませんでした</translation>
    </message>
    <message>
        <source>no secure connection could be made — check the account&apos;s settings</source>
        <translation>安全な接続ができませんでした — アカウントの設定を確認してください</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was not accepted — check it in the account&apos;s settings</source>
        <translation>サーバーの証明書を受け入れませんでした — アカウントの設定で確認してください</translation>
    </message>
    <message>
        <source>the password would have crossed the network unencrypted — check the security in the account&apos;s settings</source>
        <translation>パスワードが暗号化されずにネットワークを流れるところでした — アカウントの設定でセキュリティを確認してください</translation>
    </message>
    <message>
        <source>the server would not pass the mail on — check the account&apos;s settings</source>
        <translation>サーバーがメールを中継しませんでした — アカウントの設定を確認してください</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>送信待ち: %1</translation>
    </message>
    <message>
        <source>Waiting for &quot;outpost-cli send-receive&quot;</source>
        <translation>「outpost-cli send-receive」の実行待ち</translation>
    </message>
    <message>
        <source>Waiting for you to press Send/Receive</source>
        <translation>[送受信] が押されるのを待っています</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>現在: %1</translation>
    </message>
</context>
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
    <name>Outpost::AccountDialog</name>
    <message>
        <source>None (plain text)</source>
        <translation>なし (平文)</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>&amp;Identity</source>
        <translation>差出人情報(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Receiving</source>
        <translation>受信(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;ending</source>
        <translation>送信(&amp;E)</translation>
    </message>
    <message>
        <source>Sc&amp;hedule</source>
        <translation>スケジュール(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Test settings</source>
        <translation>設定をテスト(&amp;T)</translation>
    </message>
    <message>
        <source>Logs in over POP and asks the SMTP server whether it would relay, without sending any mail.</source>
        <translation>POP でログインし、メールを送らずに SMTP サーバーが中継するかを確認します。</translation>
    </message>
    <message>
        <source>Press &quot;Test settings&quot; to check the servers. The conversation appears here, with passwords hidden.</source>
        <translation>「設定をテスト」を押すとサーバーを確認します。やり取りはここに表示されます (パスワードは伏せ字)。</translation>
    </message>
    <message>
        <source>&amp;Ask me each time</source>
        <translation>毎回確認する(&amp;A)</translation>
    </message>
    <message>
        <source>Keeps the password in memory until Outpost quits; it is never written to a file.</source>
        <translation>Outpost を終了するまでパスワードをメモリに保持します。ファイルには書き込みません。</translation>
    </message>
    <message>
        <source>Account settings — %1</source>
        <translation>アカウントの設定 — %1</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>アカウントの追加</translation>
    </message>
    <message>
        <source>e.g. Home (nifty)</source>
        <translation>例: 自宅 (nifty)</translation>
    </message>
    <message>
        <source>e.g. Taro Yamada</source>
        <translation>例: 山田 太郎</translation>
    </message>
    <message>
        <source>e.g. taro@example.ne.jp</source>
        <translation>例: taro@example.ne.jp</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>アカウント名(&amp;N):</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>E-mail &amp;address:</source>
        <translation>メール アドレス(&amp;A):</translation>
    </message>
    <message>
        <source>The account name is only for you; recipients see your name and address.</source>
        <translation>アカウント名は自分用の名前です。受信者にはあなたの名前とアドレスが表示されます。</translation>
    </message>
    <message>
        <source>e.g. pop.example.ne.jp</source>
        <translation>例: pop.example.ne.jp</translation>
    </message>
    <message>
        <source>Automatic (the safest the server offers)</source>
        <translation>自動 (サーバーが提供する最も安全な方式)</translation>
    </message>
    <message>
        <source>APOP</source>
        <translation>APOP</translation>
    </message>
    <message>
        <source>USER and PASS</source>
        <translation>USER と PASS</translation>
    </message>
    <message>
        <source>SASL PLAIN</source>
        <translation>SASL PLAIN</translation>
    </message>
    <message>
        <source>Download new messages</source>
        <translation>新着メッセージをダウンロードする</translation>
    </message>
    <message>
        <source>Only log in (I read my mail elsewhere)</source>
        <translation>ログインだけする (メールは別のソフトで読む)</translation>
    </message>
    <message>
        <source>&amp;Leave a copy of messages on the server</source>
        <translation>サーバーにメッセージのコピーを置く(&amp;L)</translation>
    </message>
    <message>
        <source>Allow sending my password &amp;unencrypted when the connection has no security</source>
        <translation>接続が保護されていないときに暗号化せずにパスワードを送ることを許可する(&amp;U)</translation>
    </message>
    <message>
        <source>Some providers offer only plain-text logins. Outpost refuses them unless you allow it here.</source>
        <translation>平文のログインしか提供しないプロバイダーもあります。ここで許可しない限り、Outpost はそのようなログインを行いません。</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート:</translation>
    </message>
    <message>
        <source>POP3 &amp;server:</source>
        <translation>POP3 サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>セキュリティ(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Login method:</source>
        <translation>ログイン方式(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;When checking:</source>
        <translation>チェック時の動作(&amp;W):</translation>
    </message>
    <message>
        <source>e.g. smtp.example.ne.jp</source>
        <translation>例: smtp.example.ne.jp</translation>
    </message>
    <message>
        <source>None (POP before SMTP)</source>
        <translation>なし (POP before SMTP)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>PLAIN</source>
        <translation>PLAIN</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>CRAM-MD5</source>
        <translation>CRAM-MD5</translation>
    </message>
    <message>
        <source>The same as for receiving</source>
        <translation>受信と同じ</translation>
    </message>
    <message>
        <source>Use the same &amp;password as for receiving</source>
        <translation>受信と同じパスワードを使う(&amp;P)</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTP サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>認証(&amp;A):</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Only when I press Send/Receive</source>
        <translation>[送受信] を押したときだけ</translation>
    </message>
    <message>
        <source>Send messages &amp;immediately</source>
        <translation>メッセージを直ちに送信する(&amp;I)</translation>
    </message>
    <message>
        <source>Check for new messages at &amp;start-up</source>
        <translation>起動時に新着メッセージをチェックする(&amp;S)</translation>
    </message>
    <message>
        <source>Log in over &amp;POP before sending (POP before SMTP)</source>
        <translation>送信の前に POP でログインする (POP before SMTP)(&amp;P)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ミリ秒</translation>
    </message>
    <message>
        <source>Check &amp;every:</source>
        <translation>チェックの間隔(&amp;E):</translation>
    </message>
    <message>
        <source>Relay &amp;window after a login:</source>
        <translation>ログイン後の中継の有効時間(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Delay after the POP login:</source>
        <translation>POP ログイン後の待ち時間(&amp;D):</translation>
    </message>
    <message>
        <source>Learned window:</source>
        <translation>学習した有効時間:</translation>
    </message>
    <message>
        <source>About %1 seconds, learned from this server&apos;s answers.</source>
        <translation>約 %1 秒 (このサーバーの応答から学習)。</translation>
    </message>
    <message>
        <source>The saved password could not be read: %1</source>
        <translation>保存されたパスワードを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The account could not be saved: %1</source>
        <translation>アカウントを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>There is no keychain on this computer (no Secret Service is running).</source>
        <translation>このコンピューターにはキーチェーンがありません (Secret Service が動作していません)。</translation>
    </message>
    <message>
        <source>The account was saved, but the password could not be stored in the system keychain. %1 Outpost never writes passwords to a file. Choose &quot;Ask me each time&quot; to use the password you typed until Outpost quits.</source>
        <translation>アカウントは保存しましたが、パスワードをシステムのキーチェーンに保存できませんでした。%1 Outpost はパスワードをファイルに書き込みません。「毎回確認する」を選ぶと、入力したパスワードを Outpost の終了まで使います。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <source>The certificate is trusted for this account once you press OK. Press &quot;Test settings&quot; to try again.</source>
        <translation>OK を押すと、この証明書はこのアカウントで信頼されます。「設定をテスト」を押してもう一度試してください。</translation>
    </message>
    <message>
        <source>Switch t&amp;o STARTTLS</source>
        <translation>STARTTLS に切り替える(&amp;O)</translation>
    </message>
    <message>
        <source>Switches to the encryption the server offers, keeps the port, and tests again.</source>
        <translation>サーバーが提供している暗号化に切り替え、ポートはそのままで、もう一度テストします。</translation>
    </message>
    <message>
        <source>A message that has not gone out after this long, or that failed, is shown above the message list with what to do.</source>
        <translation>この時間がたっても送信されないメッセージや、送信に失敗したメッセージを、対処のしかたと一緒にメッセージ一覧の上に表示します。</translation>
    </message>
    <message>
        <source>Warn about waiting mail a&amp;fter:</source>
        <translation>送信待ちを警告するまでの時間(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Measure the relay window</source>
        <translation>中継の有効時間を測る(&amp;M)</translation>
    </message>
    <message>
        <source>Finds out how long the server relays after a POP login, so that Outpost can tell you when the window closes.</source>
        <translation>POP でログインしてから何秒間サーバーが中継するかを調べます。わかると、Outpost は有効時間が切れる時刻をお知らせできます。</translation>
    </message>
    <message>
        <source>Measuring the relay window: Outpost logs in over POP once, then asks the server every 30 seconds whether it would relay, until it refuses (at most 30 minutes). No mail is sent. You can go on working; Cancel stops the measurement.</source>
        <translation>中継の有効時間を測っています。POP で一度ログインしたあと、30 秒ごとに中継するかどうかをサーバーに尋ね、断られるまで続けます (最長 30 分)。メールは送信しません。このまま作業を続けられます。[キャンセル] で測定をやめます。</translation>
    </message>
    <message>
        <source>Measuring the relay window…</source>
        <translation>中継の有効時間を測っています…</translation>
    </message>
    <message>
        <source>The window could not be measured: %1</source>
        <translation>有効時間を測れませんでした: %1</translation>
    </message>
    <message>
        <source>Measured: the server relays for between %1 and %2 seconds after a login. Kept when you press OK.</source>
        <translation>測定結果: このサーバーはログインのあと %1 秒から %2 秒のあいだ中継します。[OK] を押すと保存します。</translation>
    </message>
    <message>
        <source>Measured: the server still relayed %1 seconds after a login. Kept when you press OK.</source>
        <translation>測定結果: ログインの %1 秒後もまだ中継しました。[OK] を押すと保存します。</translation>
    </message>
    <message>
        <source>Not known yet: Outpost logs in over POP before each send, so this does not hold your mail up. &quot;Test settings&quot; can measure it.</source>
        <translation>まだわかりません。Outpost は送信のたびに先に POP でログインするので、送信が遅れることはありません。[設定をテスト] で測れます。</translation>
    </message>
    <message>
        <source>POP3</source>
        <translation>POP3</translation>
    </message>
    <message>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <source>IMAP leaves your mailbox on the server exactly as it is: Outpost copies new messages and never marks, moves or deletes them.</source>
        <translation>IMAP ではサーバー上のメールボックスはそのまま残ります。Outpost は新しいメッセージをコピーするだけで、既読にしたり、移動したり、削除したりはしません。</translation>
    </message>
    <message>
        <source>Incoming server t&amp;ype:</source>
        <translation>受信サーバーの種類(&amp;Y):</translation>
    </message>
    <message>
        <source>IMAP &amp;server:</source>
        <translation>IMAP サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>With IMAP, messages always stay on the server.</source>
        <translation>IMAP では、メッセージは常にサーバーに残ります。</translation>
    </message>
    <message>
        <source>e.g. imap.example.ne.jp</source>
        <translation>例: imap.example.ne.jp</translation>
    </message>
</context>
<context>
    <name>Outpost::AccountProbe</name>
    <message>
        <source>The certificate is not trusted: %1 (issued by %2, SHA-256 %3). %4</source>
        <translation>証明書は信頼されていません: %1 (発行者 %2、SHA-256 %3)。%4</translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation>、暗号化あり</translation>
    </message>
    <message>
        <source>Sending (SMTP) does not work: %1</source>
        <translation>送信 (SMTP) ができません: %1</translation>
    </message>
    <message>
        <source>SMTP AUTH works (%1).</source>
        <translation>SMTP 認証は成功しました (%1)。</translation>
    </message>
    <message>
        <source>This server needs POP before SMTP; Outpost will log in over POP before sending.</source>
        <translation>このサーバーは POP before SMTP が必要です。Outpost は送信の前に POP でログインします。</translation>
    </message>
    <message>
        <source>The server relayed without a new POP login, but an earlier login may still have been counting. Outpost logs in before sending anyway.</source>
        <translation>サーバーは新しい POP ログインなしで中継しましたが、以前のログインがまだ有効だった可能性があります。Outpost はいずれにしても送信の前にログインします。</translation>
    </message>
    <message>
        <source>The server relays your mail without a POP login.</source>
        <translation>このサーバーは POP ログインなしでメールを中継します。</translation>
    </message>
    <message>
        <source>The server refuses to relay even after a POP login. Check the outgoing server and whether it needs SMTP AUTH instead. It said: %1</source>
        <translation>POP ログインの後でもサーバーが中継を拒否しました。送信サーバーの設定と、代わりに SMTP 認証が必要かどうかを確認してください。サーバーの応答: %1</translation>
    </message>
    <message>
        <source>The relay window lasts between %1 and %2 seconds after a login.</source>
        <translation>中継が許可される時間は、ログインから %1 秒以上 %2 秒未満です。</translation>
    </message>
    <message>
        <source>The relay window stayed open for the whole measurement (%1 seconds).</source>
        <translation>測定中 (%1 秒間) ずっと中継が許可されていました。</translation>
    </message>
    <message>
        <source>The largest message the server accepts is %1 MB.</source>
        <translation>サーバーが受け付けるメッセージの最大サイズは %1 MB です。</translation>
    </message>
    <message>
        <source>Connecting to the outgoing server %1:%2…</source>
        <translation>送信サーバー %1:%2 に接続しています…</translation>
    </message>
    <message>
        <source>Logging in to the incoming server %1:%2…</source>
        <translation>受信サーバー %1:%2 にログインしています…</translation>
    </message>
    <message>
        <source>Measuring the relay window: still open after %1 seconds; checking again in %2 seconds…</source>
        <translation>中継の有効時間を測定しています: %1 秒後もまだ有効です。%2 秒後にもう一度確認します…</translation>
    </message>
    <message>
        <source>The incoming server offers encryption (STARTTLS), but this account does not use it. Switch the incoming server&apos;s security to STARTTLS to protect your password and mail.</source>
        <translation>受信サーバーは暗号化 (STARTTLS) に対応していますが、このアカウントでは使っていません。パスワードとメールを守るため、受信サーバーのセキュリティを STARTTLS に切り替えてください。</translation>
    </message>
    <message>
        <source>The outgoing server offers encryption (STARTTLS), but this account does not use it. Switch the outgoing server&apos;s security to STARTTLS to protect your password and mail.</source>
        <translation>送信サーバーは暗号化 (STARTTLS) に対応していますが、このアカウントでは使っていません。パスワードとメールを守るため、送信サーバーのセキュリティを STARTTLS に切り替えてください。</translation>
    </message>
    <message>
        <source>The incoming server offers no encryption. Outpost logs in with APOP, which does not send the password itself, but your mail travels unencrypted.</source>
        <translation>受信サーバーは暗号化に対応していません。Outpost はパスワードそのものを送らない APOP でログインしますが、メールは暗号化されずに送受信されます。</translation>
    </message>
    <message>
        <source>The incoming server offers encryption (STARTTLS), but this account does not use it, so your password was sent unencrypted. Switch the incoming server&apos;s security to STARTTLS.</source>
        <translation>受信サーバーは暗号化 (STARTTLS) に対応していますが、このアカウントでは使っていないため、パスワードが暗号化されずに送られました。受信サーバーのセキュリティを STARTTLS に切り替えてください。</translation>
    </message>
    <message>
        <source>The outgoing server offers encryption (STARTTLS), but this account does not use it, so your password was sent unencrypted. Switch the outgoing server&apos;s security to STARTTLS.</source>
        <translation>送信サーバーは暗号化 (STARTTLS) に対応していますが、このアカウントでは使っていないため、パスワードが暗号化されずに送られました。送信サーバーのセキュリティを STARTTLS に切り替えてください。</translation>
    </message>
    <message>
        <source>The outgoing server offers encryption (STARTTLS), but this account does not use it. Switch the outgoing server&apos;s security to STARTTLS to protect your mail.</source>
        <translation>送信サーバーは暗号化 (STARTTLS) に対応していますが、このアカウントでは使っていません。メールを守るため、送信サーバーのセキュリティを STARTTLS に切り替えてください。</translation>
    </message>
    <message>
        <source>The outgoing server offers no encryption, and your password is sent unencrypted because you allowed it: anyone on the network between you and the server can read it. Ask your provider whether it offers SMTP over TLS (usually port 465, or 587 with STARTTLS).</source>
        <translation>送信サーバーは暗号化に対応しておらず、あなたが許可したため、パスワードは暗号化されずに送られています。あなたとサーバーの間のネットワーク上の誰でも読み取れます。SMTP over TLS (通常はポート 465、または STARTTLS でポート 587) が使えないか、プロバイダーに確認してください。</translation>
    </message>
    <message>
        <source>The outgoing server offers no encryption. Outpost logs in with CRAM-MD5, which does not send the password itself, but your mail travels unencrypted.</source>
        <translation>送信サーバーは暗号化に対応していません。Outpost はパスワードそのものを送らない CRAM-MD5 でログインしますが、メールは暗号化されずに送られます。</translation>
    </message>
    <message>
        <source>Sending (SMTP) does not work until then: Outpost did not send your password unencrypted.</source>
        <translation>切り替えるまで送信 (SMTP) はできません。パスワードは送っていないので、読み取られてはいません。</translation>
    </message>
    <message>
        <source>The incoming server offers no encryption, and your password is sent unencrypted because you allowed it: anyone on the network between you and the server can read it. Ask your provider whether it offers %1 over TLS (usually port %2).</source>
        <translation>受信サーバーは暗号化に対応しておらず、あなたが許可したため、パスワードは暗号化されずに送られています。あなたとサーバーの間のネットワーク上の誰でも読み取れます。%1 over TLS (通常はポート %2) が使えないか、プロバイダーに確認してください。</translation>
    </message>
    <message>
        <source>Receiving (%1) does not work until then: Outpost did not send your password unencrypted.</source>
        <translation>切り替えるまで受信 (%1) はできません。パスワードは送っていないので、読み取られてはいません。</translation>
    </message>
    <message>
        <source>Receiving (%1) does not work: %2</source>
        <translation>受信 (%1) ができません: %2</translation>
    </message>
    <message>
        <source>%1 login works (%2%3).</source>
        <translation>%1 のログインは成功しました (%2%3)。</translation>
    </message>
    <message>
        <source>This server sends mail only after a login to the incoming server (POP or IMAP before SMTP); Outpost will log in over IMAP before sending.</source>
        <translation>このサーバーは受信サーバーへのログインの後でしか送信を受け付けません (POP/IMAP before SMTP)。Outpost は送信の前に IMAP でログインします。</translation>
    </message>
    <message>
        <source>The server relayed without a new IMAP login, but an earlier login may still have been counting. Outpost logs in before sending anyway.</source>
        <translation>サーバーは新しい IMAP ログインなしで中継しましたが、以前のログインがまだ有効だった可能性があります。Outpost はいずれにしても送信の前にログインします。</translation>
    </message>
    <message>
        <source>The server relays your mail without an IMAP login.</source>
        <translation>このサーバーは IMAP ログインなしでメールを中継します。</translation>
    </message>
    <message>
        <source>The server refuses to relay even after an IMAP login. Check the outgoing server and whether it needs SMTP AUTH instead. It said: %1</source>
        <translation>IMAP ログインの後でもサーバーが中継を拒否しました。送信サーバーの設定と、代わりに SMTP 認証が必要かどうかを確認してください。サーバーの応答: %1</translation>
    </message>
    <message>
        <source>Checking whether the server relays before logging in to the incoming server…</source>
        <translation>受信サーバーにログインする前に中継されるかを確認しています…</translation>
    </message>
    <message>
        <source>Checking whether the server relays after the login…</source>
        <translation>ログインの後に中継されるかを確認しています…</translation>
    </message>
</context>
<context>
    <name>Outpost::AccountProblemBar</name>
    <message>
        <source>&amp;Enter password…</source>
        <translation>パスワードを入力(&amp;E)…</translation>
    </message>
    <message>
        <source>Acc&amp;ount settings…</source>
        <translation>アカウントの設定(&amp;O)…</translation>
    </message>
    <message>
        <source>Try a&amp;gain</source>
        <translation>再試行(&amp;G)</translation>
    </message>
    <message>
        <source>Runs Send/Receive for this account now.</source>
        <translation>このアカウントの送受信を今すぐ実行します。</translation>
    </message>
</context>
<context>
    <name>Outpost::AccountTreeModel</name>
    <message>
        <source>Inbox</source>
        <translation>受信トレイ</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>送信トレイ</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済みアイテム</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>送信失敗</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Deleted Items</source>
        <translation>削除済みアイテム</translation>
    </message>
</context>
<context>
    <name>Outpost::CertificateDialog</name>
    <message>
        <source>Certificate not trusted</source>
        <translation>信頼されていない証明書</translation>
    </message>
    <message>
        <source>The server presented a certificate that this computer does not trust. Someone may be pretending to be your mail server. Trust it only if your provider confirms this fingerprint.</source>
        <translation>サーバーが、このコンピューターが信頼していない証明書を提示しました。誰かがメール サーバーになりすましている可能性があります。プロバイダーがこのフィンガープリントを確認した場合にだけ信頼してください。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 から %2</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>発行先:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>発行者:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有効期間:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 フィンガープリント:</translation>
    </message>
    <message>
        <source>Why it is not trusted:</source>
        <translation>信頼されない理由:</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>この証明書を信頼する(&amp;T)</translation>
    </message>
    <message>
        <source>Do &amp;not trust</source>
        <translation>信頼しない(&amp;N)</translation>
    </message>
</context>
<context>
    <name>Outpost::CertificateInfo</name>
    <message>
        <source>Subject: %1</source>
        <translation>サブジェクト: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>発行者: %1</translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation>有効期間: %1 から %2 まで</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256 フィンガープリント: %1</translation>
    </message>
</context>
<context>
    <name>Outpost::Cli</name>
    <message>
        <source>Your e-mail address.</source>
        <translation>あなたのメール アドレス。</translation>
    </message>
    <message>
        <source>Your name, shown in From.</source>
        <translation>差出人 (From) に表示するあなたの名前。</translation>
    </message>
    <message>
        <source>How the POP3 connection is protected.</source>
        <translation>POP3 接続の保護方法。</translation>
    </message>
    <message>
        <source>The POP3 user name.</source>
        <translation>POP3 のユーザー名。</translation>
    </message>
    <message>
        <source>How to log in over POP3.</source>
        <translation>POP3 のログイン方法。</translation>
    </message>
    <message>
        <source>The outgoing (SMTP) server.</source>
        <translation>送信 (SMTP) サーバー。</translation>
    </message>
    <message>
        <source>Its port (default 25, 587 with starttls, 465 with tls).</source>
        <translation>そのポート番号 (既定は 25、starttls では 587、tls では 465)。</translation>
    </message>
    <message>
        <source>How the SMTP connection is protected.</source>
        <translation>SMTP 接続の保護方法。</translation>
    </message>
    <message>
        <source>SMTP authentication.</source>
        <translation>SMTP 認証。</translation>
    </message>
    <message>
        <source>The SMTP user name (default: the POP3 user).</source>
        <translation>SMTP のユーザー名 (既定は POP3 のユーザー名)。</translation>
    </message>
    <message>
        <source>SMTP AUTH uses the POP3 password (default on).</source>
        <translation>SMTP 認証に POP3 と同じパスワードを使う (既定はオン)。</translation>
    </message>
    <message>
        <source>Allows sending the password without TLS (off unless you choose it).</source>
        <translation>TLS なしでパスワードを送ることを許可する (選んだ場合だけオン)。</translation>
    </message>
    <message>
        <source>Logs in over POP before sending (default on).</source>
        <translation>送信の前に POP でログインする (既定はオン)。</translation>
    </message>
    <message>
        <source>How long a POP login opens the relay (default 300).</source>
        <translation>POP ログインで中継が許可される時間 (秒、既定は 300)。</translation>
    </message>
    <message>
        <source>Waits this long after the POP login before sending.</source>
        <translation>POP ログインの後、送信までこの時間 (ミリ秒) 待つ。</translation>
    </message>
    <message>
        <source>Checks every MINUTES (0: only when asked).</source>
        <translation>MINUTES 分ごとにチェックする (0: 手動のみ)。</translation>
    </message>
    <message>
        <source>A queued message starts a cycle at once.</source>
        <translation>メッセージを直ちに送信する (送信トレイに入れたらすぐ送受信を始める)。</translation>
    </message>
    <message>
        <source>Runs a cycle when Outpost starts.</source>
        <translation>起動時に送受信する。</translation>
    </message>
    <message>
        <source>Downloads new mail, or only logs in (for mail read elsewhere).</source>
        <translation>新着メールをダウンロードするか、ログインだけする (メールを別のソフトで読む場合)。</translation>
    </message>
    <message>
        <source>Keeps downloaded mail on the server (default on).</source>
        <translation>ダウンロードしたメールをサーバーに残す (既定はオン)。</translation>
    </message>
    <message>
        <source>A message that cannot be sent fails after HOURS.</source>
        <translation>送信できないメッセージを HOURS 時間後に失敗とする。</translation>
    </message>
    <message>
        <source>How Japanese text is written.</source>
        <translation>日本語の文字コード。</translation>
    </message>
    <message>
        <source>Also trusts the CA certificates in this PEM file.</source>
        <translation>この PEM ファイルの CA 証明書も信頼する。</translation>
    </message>
    <message>
        <source>Trusts the server certificate with this SHA-256 fingerprint (repeatable; &quot;none&quot; removes all).</source>
        <translation>この SHA-256 フィンガープリントのサーバー証明書を信頼する (複数指定可。「none」ですべて解除)。</translation>
    </message>
    <message>
        <source>Say what to do with accounts: add, edit, list, remove or password.</source>
        <translation>アカウントに対する操作を指定してください: add、edit、list、remove、password。</translation>
    </message>
    <message>
        <source>Unknown account command &quot;%1&quot;: use add, edit, list, remove or password.</source>
        <translation>アカウントのコマンド「%1」は不明です。add、edit、list、remove、password のどれかを使ってください。</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a valid value; expected %3.</source>
        <translation>--%1: 「%2」は正しい値ではありません。%3 のどれかを指定してください。</translation>
    </message>
    <message>
        <source>--ca-file: %1 holds no PEM certificate (or cannot be read).</source>
        <translation>--ca-file: %1 に PEM 形式の証明書がありません (または読み込めません)。</translation>
    </message>
    <message>
        <source>The account&apos;s name.</source>
        <translation>アカウントの名前。</translation>
    </message>
    <message>
        <source>Usage: outpost-cli account add NAME --address ADDR --pop-host HOST --smtp-host HOST [options]</source>
        <translation>使い方: outpost-cli account add 名前 --address アドレス --pop-host ホスト --smtp-host ホスト [オプション]</translation>
    </message>
    <message>
        <source>Usage: outpost-cli account edit NAME [options]</source>
        <translation>使い方: outpost-cli account edit 名前 [オプション]</translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation>「%1」という名前のアカウントはすでにあります。</translation>
    </message>
    <message>
        <source>Added account &quot;%1&quot; (%2). Store its password with: outpost-cli account password &quot;%1&quot; --password-stdin</source>
        <translation>アカウント「%1」(%2) を追加しました。パスワードは次のコマンドで保存します: outpost-cli account password &quot;%1&quot; --password-stdin</translation>
    </message>
    <message>
        <source>Updated account &quot;%1&quot;.</source>
        <translation>アカウント「%1」を更新しました。</translation>
    </message>
    <message>
        <source>No accounts. Add one with: outpost-cli account add NAME --address ADDR --pop-host HOST --smtp-host HOST</source>
        <translation>アカウントがありません。次のコマンドで追加します: outpost-cli account add 名前 --address アドレス --pop-host ホスト --smtp-host ホスト</translation>
    </message>
    <message>
        <source>%1 (%2) &lt;%3&gt;
  receive: %4@%5:%6 (%7)
  send:    %8:%9 (%10, auth %11)%12</source>
        <translation>%1 (%2) &lt;%3&gt;
  受信: %4@%5:%6 (%7)
  送信: %8:%9 (%10、認証 %11)%12</translation>
    </message>
    <message>
        <source>
  POP before SMTP, window %1 s, check every %2 min</source>
        <translation>
  POP before SMTP、有効時間 %1 秒、%2 分ごとにチェック</translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot;. Its mail stays in %2.</source>
        <translation>アカウント「%1」を削除しました。メールは %2 に残っています。</translation>
    </message>
    <message>
        <source>Sets the SMTP password (when it differs from the POP3 password).</source>
        <translation>SMTP のパスワードを設定する (POP3 のパスワードと違う場合)。</translation>
    </message>
    <message>
        <source>Reads the password from standard input (required: a password on the command line would end up in the shell history).</source>
        <translation>パスワードを標準入力から読む (必須: コマンドラインに書いたパスワードはシェルの履歴に残るため)。</translation>
    </message>
    <message>
        <source>When there is no keychain, keeps passwords in a plain-text file in the profile. Anyone who can read your files can read them.</source>
        <translation>キーチェーンがない場合、パスワードをプロファイル内の平文ファイルに保存する。あなたのファイルを読める人は誰でもパスワードを読めます。</translation>
    </message>
    <message>
        <source>Give the password on standard input with --password-stdin.</source>
        <translation>パスワードは --password-stdin を付けて標準入力から渡してください。</translation>
    </message>
    <message>
        <source>Could not read standard input.</source>
        <translation>標準入力を読み込めませんでした。</translation>
    </message>
    <message>
        <source>The password on standard input is empty.</source>
        <translation>標準入力のパスワードが空です。</translation>
    </message>
    <message>
        <source>Warning: if there is no keychain, the password will be kept in plain text in %1.</source>
        <translation>警告: キーチェーンがない場合、パスワードは %1 に平文で保存されます。</translation>
    </message>
    <message>
        <source>The password was not stored: %1</source>
        <translation>パスワードは保存されませんでした: %1</translation>
    </message>
    <message>
        <source>Stored the SMTP password of &quot;%1&quot;.</source>
        <translation>「%1」の SMTP パスワードを保存しました。</translation>
    </message>
    <message>
        <source>Stored the password of &quot;%1&quot;.</source>
        <translation>「%1」のパスワードを保存しました。</translation>
    </message>
    <message>
        <source>Outpost&apos;s console program: manage accounts and the outbox, and run receive-then-send cycles without a window.</source>
        <translation>Outpost のコンソール プログラム: アカウントと送信トレイを管理し、ウィンドウなしで「受信してから送信」のサイクルを実行します。</translation>
    </message>
    <message>
        <source>Shows the version and exits.</source>
        <translation>バージョンを表示して終了する。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run &quot;outpost-cli --help&quot; for the list of commands.</source>
        <translation>コマンド「%1」は不明です。コマンドの一覧は「outpost-cli --help」で表示されます。</translation>
    </message>
    <message>
        <source>Shows this help and exits.</source>
        <translation>このヘルプを表示して終了する。</translation>
    </message>
    <message>
        <source>Uses the profile in DIR instead of the default (also: the OUTPOST_PROFILE environment variable).</source>
        <translation>既定の代わりに DIR のプロファイルを使う (環境変数 OUTPOST_PROFILE でも指定可)。</translation>
    </message>
    <message>
        <source>Prints the result as JSON.</source>
        <translation>結果を JSON で出力する。</translation>
    </message>
    <message>
        <source>Name the account.</source>
        <translation>アカウントを指定してください。</translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot;. &quot;outpost-cli account list&quot; shows the accounts.</source>
        <translation>アカウント「%1」はありません。アカウントの一覧は「outpost-cli account list」で表示されます。</translation>
    </message>
    <message>
        <source>There are no accounts yet. Add one with &quot;outpost-cli account add&quot;.</source>
        <translation>アカウントがまだありません。「outpost-cli account add」で追加してください。</translation>
    </message>
    <message>
        <source>A recipient (repeatable; or a comma-separated list).</source>
        <translation>宛先 (複数指定可。カンマ区切りでも可)。</translation>
    </message>
    <message>
        <source>A copy recipient (repeatable).</source>
        <translation>CC の宛先 (複数指定可)。</translation>
    </message>
    <message>
        <source>A blind copy recipient (repeatable).</source>
        <translation>BCC の宛先 (複数指定可)。</translation>
    </message>
    <message>
        <source>The subject.</source>
        <translation>件名。</translation>
    </message>
    <message>
        <source>The message text.</source>
        <translation>本文。</translation>
    </message>
    <message>
        <source>Reads the message text (UTF-8) from FILE.</source>
        <translation>本文 (UTF-8) を FILE から読み込む。</translation>
    </message>
    <message>
        <source>Attaches FILE (repeatable).</source>
        <translation>FILE を添付する (複数指定可)。</translation>
    </message>
    <message>
        <source>How Japanese text is written: auto, utf-8 or iso-2022-jp (default: the account&apos;s choice).</source>
        <translation>日本語の文字コード: auto、utf-8、iso-2022-jp (既定はアカウントの設定)。</translation>
    </message>
    <message>
        <source>Give either a .eml file or --to/--subject/--body, not both.</source>
        <translation>.eml ファイルか --to/--subject/--body のどちらか一方を指定してください。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 はファイルではありません。</translation>
    </message>
    <message>
        <source>Give a subject with --subject (it may be empty: --subject &quot;&quot;).</source>
        <translation>--subject で件名を指定してください (空でもかまいません: --subject &quot;&quot;)。</translation>
    </message>
    <message>
        <source>Give the text with either --body or --body-file.</source>
        <translation>本文は --body か --body-file のどちらかで指定してください。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>--encoding: use auto, utf-8 or iso-2022-jp.</source>
        <translation>--encoding: auto、utf-8、iso-2022-jp のどれかを指定してください。</translation>
    </message>
    <message>
        <source>Usage: outpost-cli queue NAME FILE.eml, or outpost-cli queue NAME --to ADDR --subject TEXT --body TEXT</source>
        <translation>使い方: outpost-cli queue 名前 ファイル.eml、または outpost-cli queue 名前 --to アドレス --subject 件名 --body 本文</translation>
    </message>
    <message>
        <source>The message was not queued: %1</source>
        <translation>メッセージは送信トレイに入りませんでした: %1</translation>
    </message>
    <message>
        <source>Prints the conversation with the servers (passwords masked).</source>
        <translation>サーバーとのやり取りを表示する (パスワードは伏せ字)。</translation>
    </message>
    <message>
        <source>%1: received %2, sent %3, deferred %4, failed %5</source>
        <translation>%1: 受信 %2、送信 %3、延期 %4、失敗 %5</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Also lists the Sent folder.</source>
        <translation>送信済みフォルダーも表示する。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) in %2</source>
        <translation>
            <numerusform>%1: %2 に %n 件のメッセージ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n 件のメッセージ</numerusform>
        </translation>
    </message>
    <message>
        <source>Also measures how long the relay window lasts (probes every 30 seconds, at most 30 minutes).</source>
        <translation>中継の有効時間も測定する (30 秒ごとに確認、最大 30 分)。</translation>
    </message>
    <message>
        <source>No password for &quot;%1&quot;: %2 Store it with: outpost-cli account password &quot;%1&quot; --password-stdin</source>
        <translation>「%1」のパスワードがありません: %2 次のコマンドで保存してください: outpost-cli account password &quot;%1&quot; --password-stdin</translation>
    </message>
    <message>
        <source>No SMTP password for &quot;%1&quot;: %2</source>
        <translation>「%1」の SMTP パスワードがありません: %2</translation>
    </message>
    <message>
        <source>%1 %2: send/receive started</source>
        <translation>%1 %2: 送受信を開始しました</translation>
    </message>
    <message>
        <source>%1 %2: received %3, sent %4, deferred %5, failed %6%7</source>
        <translation>%1 %2: 受信 %3、送信 %4、延期 %5、失敗 %6%7</translation>
    </message>
    <message>
        <source> — paused: %1</source>
        <translation> — 一時停止: %1</translation>
    </message>
    <message>
        <source>%1 %2: next check at %3</source>
        <translation>%1 %2: 次のチェックは %3</translation>
    </message>
    <message>
        <source>Stopping.</source>
        <translation>停止します。</translation>
    </message>
    <message numerus="yes">
        <source>Outpost is running %n account(s). Press Ctrl+C to stop.</source>
        <translation>
            <numerusform>Outpost は %n 個のアカウントで動作中です。Ctrl+C で停止します。</numerusform>
        </translation>
    </message>
    <message>
        <source>The SMTP port (default: any free port).</source>
        <translation>SMTP のポート番号 (既定: 空いている任意のポート)。</translation>
    </message>
    <message>
        <source>The POP3 port (default: any free port).</source>
        <translation>POP3 のポート番号 (既定: 空いている任意のポート)。</translation>
    </message>
    <message>
        <source>How long a POP login allows relaying, in seconds (default 120).</source>
        <translation>POP ログインで中継を許可する時間 (秒、既定は 120)。</translation>
    </message>
    <message>
        <source>--smtp-port and --pop-port take a port number, --window a number of seconds.</source>
        <translation>--smtp-port と --pop-port にはポート番号を、--window には秒数を指定してください。</translation>
    </message>
    <message>
        <source>The sandbox could not start: %1</source>
        <translation>サンドボックスを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>%1 SMTP relay to %2 refused for %3: no POP login in the window</source>
        <translation>%1 %3 からの %2 への SMTP 中継を拒否: 有効時間内に POP ログインがありません</translation>
    </message>
    <message>
        <source>%1 SMTP accepted a message from %2 to %3 (%4 bytes)</source>
        <translation>%1 SMTP が %2 から %3 へのメッセージを受け付けました (%4 バイト)</translation>
    </message>
    <message>
        <source>  learned: the server stops relaying about %1 s after a login</source>
        <translation>  学習結果: サーバーはログインから約 %1 秒後に中継をやめます</translation>
    </message>
    <message>
        <source>To switch: outpost-cli account edit %1 %2</source>
        <translation>切り替えるには: outpost-cli account edit %1 %2</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>account, queue, send-receive, outbox, inbox, probe, run, relay or sandbox</source>
        <translation>account、queue、send-receive、outbox、inbox、probe、run、relay、sandbox のどれか</translation>
    </message>
    <message>
        <source>%1 relay: other programs can send through Outpost at localhost, port %2.</source>
        <translation>%1 中継: ほかのプログラムから localhost のポート %2 で Outpost 経由の送信ができます。</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: a message from %3 to %n recipient(s) is in the outbox</source>
        <translation>
            <numerusform>%1 %2: %3 からの %n 人宛てのメッセージを送信トレイに入れました</numerusform>
        </translation>
    </message>
    <message>
        <source>another program</source>
        <translation>ほかのプログラム</translation>
    </message>
    <message>
        <source>relay enable: the port to listen on (default %1).</source>
        <translation>relay enable: 待ち受けるポート (既定は %1)。</translation>
    </message>
    <message>
        <source>relay enable: accept mail from programs on this computer without the relay password; the sender&apos;s address then chooses the account. Any program on this computer could then send mail as you.</source>
        <translation>relay enable: このコンピューターのプログラムからのメールを中継用パスワードなしで受け付けます。その場合、差出人のアドレスでアカウントが決まります。このコンピューターのどのプログラムでも、あなたとしてメールを送れるようになります。</translation>
    </message>
    <message>
        <source>relay password: reads the new relay password from standard input.</source>
        <translation>relay password: 新しい中継用パスワードを標準入力から読み込みます。</translation>
    </message>
    <message>
        <source>relay password: makes a new random relay password and prints it once.</source>
        <translation>relay password: 新しい中継用パスワードをランダムに作り、一度だけ表示します。</translation>
    </message>
    <message>
        <source>enable, disable, password or status</source>
        <translation>enable、disable、password、status のどれか</translation>
    </message>
    <message>
        <source>Say what to do with the relay: enable, disable, password or status.</source>
        <translation>中継をどうするか指定してください: enable、disable、password、status のどれかです。</translation>
    </message>
    <message>
        <source>The relay is off. Programs that send through Outpost will get no answer on port %1.</source>
        <translation>中継をオフにしました。Outpost 経由で送信するプログラムは、ポート %1 で応答を得られなくなります。</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>ポートは 1 から 65535 までの数で指定してください。</translation>
    </message>
    <message>
        <source>Warning: any program on this computer can now send mail through your accounts without a password.</source>
        <translation>警告: このコンピューターのどのプログラムでも、パスワードなしであなたのアカウントからメールを送れるようになりました。</translation>
    </message>
    <message>
        <source>The relay password (shown once; &quot;outpost-cli relay password --generate&quot; makes a new one): %1</source>
        <translation>中継用パスワード (表示は一度だけです。「outpost-cli relay password --generate」で新しく作れます): %1</translation>
    </message>
    <message>
        <source>The relay password cannot be read from the keychain: %1</source>
        <translation>中継用パスワードをキーチェーンから読み込めません: %1</translation>
    </message>
    <message>
        <source>The relay password cannot be stored in the keychain: %1</source>
        <translation>中継用パスワードをキーチェーンに保存できません: %1</translation>
    </message>
    <message>
        <source>Choose one: --generate makes a new password, --password-stdin reads yours.</source>
        <translation>どちらか一方を指定してください: --generate は新しいパスワードを作り、--password-stdin はあなたのパスワードを読み込みます。</translation>
    </message>
    <message>
        <source>The relay password was not stored: %1</source>
        <translation>中継用パスワードを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The new relay password (shown once): %1</source>
        <translation>新しい中継用パスワード (表示は一度だけです): %1</translation>
    </message>
    <message>
        <source>Stored the relay password.</source>
        <translation>中継用パスワードを保存しました。</translation>
    </message>
    <message>
        <source>Programs that send through Outpost need the new password now.</source>
        <translation>Outpost 経由で送信するプログラムには、これからは新しいパスワードが必要です。</translation>
    </message>
    <message>
        <source>The relay password must have at least 8 characters.</source>
        <translation>中継用パスワードは 8 文字以上にしてください。</translation>
    </message>
    <message>
        <source>The relay is off. &quot;outpost-cli relay enable&quot; turns it on.</source>
        <translation>中継はオフです。「outpost-cli relay enable」でオンにできます。</translation>
    </message>
    <message>
        <source>Outpost is serving it now.</source>
        <translation>いま Outpost が中継しています。</translation>
    </message>
    <message>
        <source>No Outpost program serves it right now: start the Outpost window or &quot;outpost-cli run&quot;.</source>
        <translation>いまは中継している Outpost がありません。Outpost のウィンドウか「outpost-cli run」を起動してください。</translation>
    </message>
    <message>
        <source>The relay is on: Outpost serves it while &quot;outpost-cli run&quot; or the Outpost window runs.
In the other program, set the outgoing (SMTP) server to %1, with no encryption and no sign-in.</source>
        <translation>中継をオンにしました。「outpost-cli run」または Outpost のウィンドウが動いている間、Outpost が中継します。
ほかのプログラムでは、送信 (SMTP) サーバーを %1 にし、暗号化なし・認証なしに設定してください。</translation>
    </message>
    <message>
        <source>The relay is on: Outpost serves it while &quot;outpost-cli run&quot; or the Outpost window runs.
In the other program, set the outgoing (SMTP) server to %1, with no encryption; sign in with an account&apos;s name as the user name and the relay password.</source>
        <translation>中継をオンにしました。「outpost-cli run」または Outpost のウィンドウが動いている間、Outpost が中継します。
ほかのプログラムでは、送信 (SMTP) サーバーを %1 にし、暗号化なしに設定してください。認証のユーザー名にはアカウント名を、パスワードには中継用パスワードを使います。</translation>
    </message>
    <message>
        <source>localhost (127.0.0.1), port %1</source>
        <translation>localhost (127.0.0.1) のポート %1</translation>
    </message>
    <message>
        <source>The relay is on at %1; no sign-in needed.</source>
        <translation>中継はオンです: %1、認証は不要です。</translation>
    </message>
    <message>
        <source>The relay is on at %1; programs sign in with the relay password.</source>
        <translation>中継はオンです: %1、プログラムは中継用パスワードで認証します。</translation>
    </message>
    <message>
        <source>Handed to the Outpost program that is running: %1</source>
        <translation>実行中の Outpost に渡しました: %1</translation>
    </message>
    <message>
        <source>The running Outpost program did not take the message: %1</source>
        <translation>実行中の Outpost はメッセージを受け取りませんでした: %1</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>ファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <source>The %1 field cannot be read: %2</source>
        <translation>%1 フィールドを読み取れません: %2</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 には値が必要です。</translation>
    </message>
    <message>
        <source>Usage: outpost-cli sendmail [-t] [-i] [-f ADDR] [-F NAME] [--account NAME] [ADDR...] &lt; message
Queues the message on standard input in an Outpost account&apos;s outbox (or hands it to the Outpost program that is running), like sendmail.
  -t            also send to the To, Cc and Bcc addresses of the message (Bcc is removed)
  -i, -oi       a line with a single dot does not end the message
  -f ADDR       the sender (envelope and, when missing, From)
  -F NAME       the sender&apos;s full name for a From field that is missing
  --account NAME  the account (default: the one whose address is the sender, or the only one)
Exit status as sendmail (sysexits.h): 0 queued, 64 usage, 65 bad message, 67 unknown sender or bad address, 75 try again later, 78 no account.</source>
        <translation>使い方: outpost-cli sendmail [-t] [-i] [-f アドレス] [-F 名前] [--account 名前] [アドレス...] &lt; メッセージ
標準入力のメッセージを、sendmail と同じように Outpost のアカウントの送信トレイに入れます (実行中の Outpost があればそれに渡します)。
  -t            メッセージの To、Cc、Bcc のアドレスにも送る (Bcc は取り除かれます)
  -i, -oi       ドットだけの行でメッセージを終わりにしない
  -f アドレス   差出人 (エンベロープと、ない場合は From)
  -F 名前       From フィールドがない場合に使う差出人の名前
  --account 名前  アカウント (既定: 差出人のアドレスを持つアカウント、またはただ一つのアカウント)
終了コードは sendmail と同じ (sysexits.h): 0 送信トレイに入れた、64 使い方の誤り、65 メッセージの誤り、67 差出人が不明かアドレスの誤り、75 後でやり直す、78 アカウントがない。</translation>
    </message>
    <message>
        <source>%1 needs an address.</source>
        <translation>%1 にはアドレスが必要です。</translation>
    </message>
    <message>
        <source>-F needs a name.</source>
        <translation>-F には名前が必要です。</translation>
    </message>
    <message>
        <source>sendmail: the option %1 is not supported.</source>
        <translation>sendmail: オプション %1 には対応していません。</translation>
    </message>
    <message>
        <source>The message on standard input is empty.</source>
        <translation>標準入力のメッセージが空です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mail address.</source>
        <translation>「%1」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>No recipients: give them as arguments, or -t to take them from the message&apos;s To, Cc and Bcc.</source>
        <translation>宛先がありません。引数で指定するか、-t でメッセージの To、Cc、Bcc から取り出してください。</translation>
    </message>
    <message>
        <source>No account has the address %1: choose one with --account NAME.</source>
        <translation>アドレス %1 を持つアカウントがありません。--account 名前 でアカウントを選んでください。</translation>
    </message>
    <message>
        <source>(no sender given)</source>
        <translation>(差出人の指定なし)</translation>
    </message>
    <message>
        <source>relay enable: also mail delivery reports to the sender through the account&apos;s server (they always go into the account&apos;s inbox).</source>
        <translation>relay enable: 配信できなかったときの通知を、アカウントのサーバー経由で差出人にも送ります (通知はいつもアカウントの受信トレイに入ります)。</translation>
    </message>
    <message>
        <source>--report-to-sender: use on or off.</source>
        <translation>--report-to-sender: on か off を指定してください。</translation>
    </message>
    <message>
        <source>The running Outpost program did not run the send/receive: %1</source>
        <translation>実行中の Outpost は送受信を実行しませんでした: %1</translation>
    </message>
    <message>
        <source>
Commands:
  account add NAME --address ADDR --pop-host H --smtp-host H [options]
  account edit NAME [options]
  account list [--json]
  account remove NAME
  account password NAME [--smtp] --password-stdin
  queue NAME FILE.eml
  queue NAME --to ADDR [--cc ADDR] [--bcc ADDR] --subject TEXT (--body TEXT | --body-file FILE) [--attach FILE]
  send-receive [NAME] [--verbose] [--json]
  outbox [NAME] [--all] [--json]
  inbox [NAME] [--json]
  probe NAME [--measure-window] [--json]
  run [--verbose]
  relay enable [--port N] [--listen ADDR] [--allow-unauthenticated] [--report-to-sender on|off]
  relay disable
  relay password (--generate | --password-stdin)
  relay status [--json]
  sendmail [-t] [-i] [-f ADDR] [-F NAME] [--account NAME] [ADDR...] &lt; FILE
  sandbox [--window SECONDS]
Exit status: 0 when every due message was sent, 1 when one was deferred or failed, 2 for a usage or configuration error.
Run &quot;outpost-cli COMMAND --help&quot; for the options of a command.</source>
        <translation>
コマンド:
  account add 名前 --address アドレス --pop-host ホスト --smtp-host ホスト [オプション]
  account edit 名前 [オプション]
  account list [--json]
  account remove 名前
  account password 名前 [--smtp] --password-stdin
  queue 名前 ファイル.eml
  queue 名前 --to アドレス [--cc アドレス] [--bcc アドレス] --subject 件名 (--body 本文 | --body-file ファイル) [--attach ファイル]
  send-receive [名前] [--verbose] [--json]
  outbox [名前] [--all] [--json]
  inbox [名前] [--json]
  probe 名前 [--measure-window] [--json]
  run [--verbose]
  relay enable [--port 番号] [--listen アドレス] [--allow-unauthenticated] [--report-to-sender on|off]
  relay disable
  relay password (--generate | --password-stdin)
  relay status [--json]
  sendmail [-t] [-i] [-f アドレス] [-F 名前] [--account 名前] [アドレス...] &lt; ファイル
  sandbox [--window 秒]
終了コード: 送信すべきメッセージをすべて送信できたら 0、延期または失敗したものがあれば 1、使い方や設定の誤りは 2。
各コマンドのオプションは「outpost-cli コマンド --help」で表示されます。</translation>
    </message>
    <message>
        <source>%1 relay: other computers too, at %2 with STARTTLS; certificate fingerprint (SHA-256) %3.</source>
        <translation>%1 中継: ほかのコンピューターからも %2 で STARTTLS により受け付けます。証明書のフィンガープリント (SHA-256): %3。</translation>
    </message>
    <message>
        <source>relay enable: also accept mail from other computers on this address of the network (0.0.0.0 for all; localhost for this computer only). They must use STARTTLS and the relay password.</source>
        <translation>relay enable: ネットワークのこのアドレスで、ほかのコンピューターからのメールも受け付けます (0.0.0.0 ですべて、localhost でこのコンピューターのみ)。相手は STARTTLS と中継用パスワードを使う必要があります。</translation>
    </message>
    <message>
        <source>This version of Outpost cannot make the certificate that listening on the network needs; the relay serves this computer only.</source>
        <translation>この版の Outpost では、ネットワークで待ち受けるのに必要な証明書を作成できません。中継はこのコンピューターだけで使えます。</translation>
    </message>
    <message>
        <source>Other computers reach it at %1, port %2, with STARTTLS and the relay password. Its certificate is made when the relay first starts; &quot;outpost-cli relay status&quot; then shows the fingerprint to compare with the one the other program shows.</source>
        <translation>ほかのコンピューターからは %1 のポート %2 に、STARTTLS と中継用パスワードで接続します。証明書は中継が初めて起動したときに作成されます。その後「outpost-cli relay status」でフィンガープリントを表示し、相手のプログラムに表示されるものと照合してください。</translation>
    </message>
    <message>
        <source>Other computers: %1, port %2, with STARTTLS and the relay password. The certificate is made when the relay first starts.</source>
        <translation>ほかのコンピューター: %1 のポート %2、STARTTLS と中継用パスワードで接続。証明書は中継が初めて起動したときに作成されます。</translation>
    </message>
    <message>
        <source>Other computers: %1, port %2, with STARTTLS and the relay password. Certificate fingerprint (SHA-256): %3</source>
        <translation>ほかのコンピューター: %1 のポート %2、STARTTLS と中継用パスワードで接続。証明書のフィンガープリント (SHA-256): %3</translation>
    </message>
    <message>
        <source>Usage: outpost-cli queue NAME FILE.eml
       outpost-cli queue NAME --to ADDR --subject TEXT (--body TEXT | --body-file FILE) [--attach FILE]
Add --at TIME to send it later.</source>
        <translation>使い方: outpost-cli queue 名前 ファイル.eml
        outpost-cli queue 名前 --to アドレス --subject 件名 (--body 本文 | --body-file ファイル) [--attach ファイル]
後で送信するには --at 日時 を付けます。</translation>
    </message>
    <message>
        <source>Sends the message later, not before TIME: &quot;2026-12-24 09:00&quot; (your local time; ISO 8601 or your system&apos;s date format).</source>
        <translation>メッセージを後で送信します。日時より前には送信しません: &quot;2026-12-24 09:00&quot;（この PC の時刻。ISO 8601 またはシステムの日付形式）。</translation>
    </message>
    <message>
        <source>--at: %1</source>
        <translation>--at: %1</translation>
    </message>
    <message>
        <source>It will be sent %1.</source>
        <translation>%1に送信されます。</translation>
    </message>
    <message>
        <source>Holds the message SECONDS (at most 3600) before it may be sent, as the desktop program&apos;s Undo send does.</source>
        <translation>メッセージを送信する前に指定の秒数（最大 3600）保留します。デスクトップ版の「送信の取り消し」と同じです。</translation>
    </message>
    <message>
        <source>--hold: give a number of seconds from 0 to 3600.</source>
        <translation>--hold: 0 から 3600 までの秒数を指定してください。</translation>
    </message>
    <message>
        <source>Give either --at or --hold, not both.</source>
        <translation>--at と --hold は同時に指定できません。どちらか一方にしてください。</translation>
    </message>
    <message>
        <source>It is held for %1 seconds before it may be sent.</source>
        <translation>送信する前に %1 秒間保留します。</translation>
    </message>
    <message>
        <source>Warns about a message still waiting after MINUTES (default 30).</source>
        <translation>MINUTES 分たっても送信されないメッセージを警告します (既定は 30)。</translation>
    </message>
    <message>
        <source>%1 %2: attention: %3</source>
        <translation>%1 %2: 要確認: %3</translation>
    </message>
    <message>
        <source>%1 %2: what to do: %3</source>
        <translation>%1 %2: 対処: %3</translation>
    </message>
    <message>
        <source>  ! %1</source>
        <translation>  ! %1</translation>
    </message>
    <message>
        <source>The incoming server&apos;s protocol (default pop3). IMAP never changes the mailbox on the server.</source>
        <translation>受信サーバーのプロトコル (既定は pop3)。IMAP ではサーバー上のメールボックスを一切変更しません。</translation>
    </message>
    <message>
        <source>The incoming (POP3 or IMAP) server.</source>
        <translation>受信 (POP3 または IMAP) サーバー。</translation>
    </message>
    <message>
        <source>Its port (default 110, or 995 with tls; IMAP 143, or 993 with tls).</source>
        <translation>そのポート番号 (既定は 110、tls では 995。IMAP では 143、tls では 993)。</translation>
    </message>
    <message>
        <source>The IMAP port (default: any free port).</source>
        <translation>IMAP のポート番号 (既定: 空いている任意のポート)。</translation>
    </message>
    <message>
        <source>%1 %2 logged in (POP3 or IMAP) from %3: relaying allowed for %4 seconds</source>
        <translation>%1 %3 から %2 がログイン (POP3 または IMAP): %4 秒間の中継を許可</translation>
    </message>
    <message>
        <source>The Outpost sandbox is running: a POP-before-SMTP mail server on this computer.
  POP3 127.0.0.1:%1, SMTP 127.0.0.1:%2, user &quot;demo&quot;, password &quot;demo&quot;, relay window %3 seconds.
Add it as an account and send through it (in another terminal):
  outpost-cli%4 account add sandbox --address demo@sandbox.invalid --pop-host 127.0.0.1 --pop-port %1 --pop-user demo --smtp-host 127.0.0.1 --smtp-port %2 --interval 0
  echo demo | outpost-cli%4 account password sandbox --password-stdin
  outpost-cli%4 queue sandbox --to friend@example.com --subject Hello --body Hi
  outpost-cli%4 send-receive sandbox --verbose
The same mailbox is served over IMAP on 127.0.0.1:%5: add the account with --incoming imap --pop-port %5 to use it.
Press Ctrl+C to stop the sandbox.</source>
        <translation>Outpost サンドボックスが動作中です: このコンピューター上の POP before SMTP メール サーバーです。
  POP3 127.0.0.1:%1、SMTP 127.0.0.1:%2、ユーザー「demo」、パスワード「demo」、中継の有効時間 %3 秒。
アカウントとして追加し、これを通して送信してみてください (別の端末で):
  outpost-cli%4 account add sandbox --address demo@sandbox.invalid --pop-host 127.0.0.1 --pop-port %1 --pop-user demo --smtp-host 127.0.0.1 --smtp-port %2 --interval 0
  echo demo | outpost-cli%4 account password sandbox --password-stdin
  outpost-cli%4 queue sandbox --to friend@example.com --subject Hello --body Hi
  outpost-cli%4 send-receive sandbox --verbose
同じメールボックスを IMAP でも 127.0.0.1:%5 で提供しています。使うには、アカウントを --incoming imap --pop-port %5 を付けて追加してください。
Ctrl+C でサンドボックスを停止します。</translation>
    </message>
</context>
<context>
    <name>Outpost::ComposeWindow</name>
    <message>
        <source>New message</source>
        <translation>新しいメッセージ</translation>
    </message>
    <message>
        <source>Drop files here to attach them.</source>
        <translation>ファイルをここにドロップすると添付されます。</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>ファイルを添付(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Unicode (UTF-8)</source>
        <translation>Unicode (UTF-8)</translation>
    </message>
    <message>
        <source>Japanese (ISO-2022-JP)</source>
        <translation>日本語 (ISO-2022-JP)</translation>
    </message>
    <message>
        <source>Automatic writes Japanese text as ISO-2022-JP when every character fits, which every Japanese mail program reads, and UTF-8 otherwise.</source>
        <translation>「自動」では、すべての文字が収まる場合は日本語のメール ソフトならどれでも読める ISO-2022-JP で、収まらない場合は UTF-8 で書きます。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <source>Puts the message in the outbox (Ctrl+Enter).</source>
        <translation>メッセージを送信トレイに入れます (Ctrl+Enter)。</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>下書きとして保存(&amp;D)</translation>
    </message>
    <message>
        <source>The draft was saved.</source>
        <translation>下書きを保存しました。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>差出人(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>宛先(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>CC(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>BCC(&amp;B):</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>件名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>文字コード(&amp;E):</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>添付ファイル:</translation>
    </message>
    <message>
        <source>There is no account to send from yet. Add one in the account settings; meanwhile you can keep this message as a draft.</source>
        <translation>送信に使うアカウントがまだありません。アカウントの設定で追加してください。それまでの間、このメッセージは下書きとして残せます。</translation>
    </message>
    <message>
        <source>name@example.com, Another Name &lt;other@example.jp&gt;</source>
        <translation>name@example.com, 別の名前 &lt;other@example.jp&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>ファイルの添付</translation>
    </message>
    <message>
        <source>Choose the account to send from. If there is none, add one in the account settings first.</source>
        <translation>送信に使うアカウントを選んでください。アカウントがない場合は、先にアカウントの設定で追加してください。</translation>
    </message>
    <message>
        <source>The message was not put in the outbox, and nothing you wrote was lost: %1</source>
        <translation>メッセージは送信トレイに入りませんでしたが、書いた内容は失われていません: %1</translation>
    </message>
    <message>
        <source>The message is in the outbox; Outpost logs in over POP and sends it now.</source>
        <translation>メッセージを送信トレイに入れました。Outpost が POP でログインして今すぐ送信します。</translation>
    </message>
    <message>
        <source>The message is in the outbox and is being sent now.</source>
        <translation>メッセージを送信トレイに入れました。今すぐ送信します。</translation>
    </message>
    <message>
        <source>The message is in the outbox and will be sent at the next check, at %1.</source>
        <translation>メッセージを送信トレイに入れました。次のチェック (%1) で送信します。</translation>
    </message>
    <message>
        <source>The message is in the outbox and will be sent when you press Send/Receive.</source>
        <translation>メッセージを送信トレイに入れました。[送受信] を押すと送信します。</translation>
    </message>
    <message>
        <source>Keep this message?</source>
        <translation>このメッセージを残しますか?</translation>
    </message>
    <message>
        <source>This message has not been sent. Do you want to keep it as a draft?</source>
        <translation>このメッセージは送信されていません。下書きとして残しますか?</translation>
    </message>
    <message>
        <source>&amp;Keep as draft</source>
        <translation>下書きとして残す(&amp;K)</translation>
    </message>
    <message>
        <source>Minutes of Monday&apos;s meeting</source>
        <translation>月曜日の会議の議事録</translation>
    </message>
    <message>
        <source>Hello Hanako,

Here are the minutes of Monday&apos;s meeting.

Best regards,
Taro</source>
        <translation>花子さん

月曜日の会議の議事録をお送りします。

よろしくお願いします。
太郎</translation>
    </message>
    <message>
        <source>Send &amp;Later…</source>
        <translation>後で送信(&amp;L)…</translation>
    </message>
    <message>
        <source>Puts the message in the outbox to be sent at a time you choose.</source>
        <translation>メッセージを送信トレイに入れ、指定した日時に送信します。</translation>
    </message>
    <message>
        <source>The message is in the outbox and will be sent %1.</source>
        <translation>メッセージを送信トレイに入れました。%1に送信されます。</translation>
    </message>
    <message>
        <source>The message is in the outbox; for %1 seconds, Undo brings it back.</source>
        <translation>メッセージを送信トレイに入れました。%1 秒間は [取り消し] で元に戻せます。</translation>
    </message>
</context>
<context>
    <name>Outpost::Connection</name>
    <message>
        <source>Cannot use the local address %1: %2</source>
        <translation>ローカル アドレス %1 を使えません: %2</translation>
    </message>
    <message>
        <source>The server sent data before the TLS handshake.</source>
        <translation>サーバーが TLS ハンドシェイクの前にデータを送ってきました。</translation>
    </message>
    <message>
        <source>The server sent an over-long line.</source>
        <translation>サーバーが長すぎる行を送ってきました。</translation>
    </message>
    <message>
        <source>The secure connection (TLS) failed: %1</source>
        <translation>安全な接続 (TLS) に失敗しました: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>サーバーの証明書は信頼されていません。</translation>
    </message>
    <message>
        <source>The server %1 was not found.</source>
        <translation>サーバー %1 が見つかりません。</translation>
    </message>
    <message>
        <source>The server %1 refused the connection.</source>
        <translation>サーバー %1 が接続を拒否しました。</translation>
    </message>
    <message>
        <source>The server closed the connection during the TLS handshake.</source>
        <translation>TLS ハンドシェイクの途中でサーバーが接続を閉じました。</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>サーバーが接続を閉じました。</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>ネットワーク エラー: %1</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 seconds.</source>
        <translation>%2 秒以内に %1 に接続できませんでした。</translation>
    </message>
    <message>
        <source>The server did not answer within %1 seconds.</source>
        <translation>サーバーが %1 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <source>This connection was set up without TLS.</source>
        <translation>この接続は TLS を使わない設定になっています。</translation>
    </message>
</context>
<context>
    <name>Outpost::CredentialStore</name>
    <message>
        <source>No password is stored for this account yet.</source>
        <translation>このアカウントのパスワードはまだ保存されていません。</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it (for example by logging in again) and try again.</source>
        <translation>キーチェーンがロックされています。ロックを解除して (たとえばログインし直して)、もう一度試してください。</translation>
    </message>
    <message>
        <source>No keychain is available on this system, so Outpost cannot store the password safely. You can type it each time Outpost starts.</source>
        <translation>このシステムにはキーチェーンがないため、Outpost はパスワードを安全に保存できません。Outpost を起動するたびに入力することはできます。</translation>
    </message>
    <message>
        <source>Access to the keychain was refused. Allow Outpost to use the keychain and try again.</source>
        <translation>キーチェーンへのアクセスが拒否されました。Outpost がキーチェーンを使えるように許可して、もう一度試してください。</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>キーチェーンがエラーを報告しました。</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>キーチェーンがエラーを報告しました: %1</translation>
    </message>
    <message>
        <source>Could not write the password file %1.</source>
        <translation>パスワード ファイル %1 に書き込めませんでした。</translation>
    </message>
</context>
<context>
    <name>Outpost::Cycle</name>
    <message numerus="yes">
        <source>Outpost gave up after trying for %n hour(s). The last reply was: %1</source>
        <translation>
            <numerusform>%n 時間試しましたが送信をあきらめました。最後の応答: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>接続が閉じられました。</translation>
    </message>
    <message>
        <source>The relay window is about to close; logging in over POP again.</source>
        <translation>中継の有効時間がまもなく切れるため、もう一度 POP でログインします。</translation>
    </message>
    <message>
        <source>An address in this message has non-ASCII characters before the @, and the server does not accept such addresses (no SMTPUTF8).</source>
        <translation>このメッセージのアドレスの「@」より前に ASCII 以外の文字があり、サーバーはそのようなアドレスを受け付けません (SMTPUTF8 非対応)。</translation>
    </message>
    <message numerus="yes">
        <source>The server stopped relaying %n second(s) after the POP login; Outpost will log in again sooner from now on.</source>
        <translation>
            <numerusform>サーバーは POP ログインから %n 秒後に中継をやめました。今後は早めにログインし直します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relaying refused right after the login; trying again in %n second(s).</source>
        <translation>
            <numerusform>ログイン直後に中継を拒否されました。%n 秒後にもう一度試します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Relaying refused; logging in over POP again.</source>
        <translation>中継を拒否されました。もう一度 POP でログインします。</translation>
    </message>
    <message>
        <source>The server refused to relay even right after a POP login. Check the outgoing server name, that &quot;POP before SMTP&quot; is what this provider uses (it may need SMTP AUTH instead), and the POP user name. The server said: %1</source>
        <translation>POP ログインの直後でもサーバーが中継を拒否しました。送信サーバー名、このプロバイダーが本当に「POP before SMTP」を使っているか (代わりに SMTP 認証が必要な場合があります)、POP のユーザー名を確認してください。サーバーの応答: %1</translation>
    </message>
    <message>
        <source>Sending was interrupted after the whole message had gone out, before the server confirmed it.</source>
        <translation>メッセージ全体を送り終えた後、サーバーが受信を確認する前に送信が中断されました。</translation>
    </message>
    <message>
        <source>Sending was interrupted.</source>
        <translation>送信が中断されました。</translation>
    </message>
    <message>
        <source>This message holds 8-bit text, and the server does not accept 8-bit mail (no 8BITMIME). Send it again from a program that encodes it (quoted-printable or base64), or use a server that accepts it.</source>
        <translation>このメッセージには 8 ビットのテキストが含まれていますが、サーバーは 8 ビットのメールを受け付けません (8BITMIME なし)。エンコードするプログラム (quoted-printable や base64) から送り直すか、受け付けるサーバーを使ってください。</translation>
    </message>
    <message>
        <source>The relay window is about to close; logging in over IMAP again.</source>
        <translation>中継の有効時間がまもなく切れるため、もう一度 IMAP でログインします。</translation>
    </message>
    <message>
        <source>Relaying refused; logging in over IMAP again.</source>
        <translation>中継を拒否されました。もう一度 IMAP でログインします。</translation>
    </message>
</context>
<context>
    <name>Outpost::DeliveryReports</name>
    <message>
        <source>Outpost could not deliver the message &quot;%1&quot; that %2 handed over, to: %3.</source>
        <translation>%2 から受け取ったメッセージ「%1」を、次の宛先に配信できませんでした: %3。</translation>
    </message>
    <message>
        <source>Outpost gave up delivering the message &quot;%1&quot; that %2 handed over, to: %3; it was retried for too long.</source>
        <translation>%2 から受け取ったメッセージ「%1」は、長く再試行しても送れなかったため、次の宛先への配信をあきらめました: %3。</translation>
    </message>
    <message>
        <source>What happened: %1</source>
        <translation>起きたこと: %1</translation>
    </message>
    <message>
        <source>Outpost delivery report</source>
        <translation>Outpost 配信通知</translation>
    </message>
    <message>
        <source>Undelivered mail: %1</source>
        <translation>配信できなかったメール: %1</translation>
    </message>
    <message>
        <source>A message that %1 handed over could not be delivered to %2. A report is in the inbox.</source>
        <translation>%1 から受け取ったメッセージを %2 に配信できませんでした。受信トレイに通知があります。</translation>
    </message>
</context>
<context>
    <name>Outpost::ImapClient</name>
    <message>
        <source>The session was cancelled.</source>
        <translation>セッションは取り消されました。</translation>
    </message>
    <message>
        <source>The incoming server sent a response Outpost cannot read (%1).</source>
        <translation>受信サーバーから Outpost が読み取れない応答が届きました (%1)。</translation>
    </message>
    <message numerus="yes">
        <source>The incoming server sent %n bytes of data Outpost did not ask for.</source>
        <translation>
            <numerusform>受信サーバーから、Outpost が求めていない %n バイトのデータが届きました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The incoming server answered a command Outpost did not send.</source>
        <translation>受信サーバーが、Outpost の送っていないコマンドに応答しました。</translation>
    </message>
    <message>
        <source>The incoming server asked for more of a command Outpost did not send.</source>
        <translation>受信サーバーが、Outpost の送っていないコマンドの続きを求めました。</translation>
    </message>
    <message>
        <source>The incoming server asked for more of a command that was complete.</source>
        <translation>受信サーバーが、すでに送り終えたコマンドの続きを求めました。</translation>
    </message>
    <message>
        <source>The incoming server logged Outpost in before encryption was started (PREAUTH), so the connection cannot be protected with STARTTLS. Outpost did not go on.</source>
        <translation>受信サーバーが暗号化の開始前に Outpost をログイン済みにした (PREAUTH) ため、STARTTLS で接続を保護できません。Outpost はここで中止しました。</translation>
    </message>
    <message>
        <source>The incoming server refused the connection: %1</source>
        <translation>受信サーバーが接続を拒否しました: %1</translation>
    </message>
    <message>
        <source>The incoming server did not greet Outpost the way IMAP servers do.</source>
        <translation>受信サーバーの最初の応答が IMAP サーバーのものではありませんでした。</translation>
    </message>
    <message>
        <source>The incoming server ended the session: %1</source>
        <translation>受信サーバーがセッションを終了しました: %1</translation>
    </message>
    <message>
        <source>The incoming server sent another message than the one Outpost asked for.</source>
        <translation>受信サーバーが、Outpost の求めたものとは別のメッセージを送ってきました。</translation>
    </message>
    <message>
        <source>The incoming server refused CAPABILITY: %1</source>
        <translation>受信サーバーが CAPABILITY を拒否しました: %1</translation>
    </message>
    <message>
        <source>The incoming server refused to start encryption: %1</source>
        <translation>受信サーバーが暗号化の開始を拒否しました: %1</translation>
    </message>
    <message>
        <source>The incoming server refused the login: %1</source>
        <translation>受信サーバーがログインを拒否しました: %1</translation>
    </message>
    <message>
        <source>The incoming server could not open the inbox: %1</source>
        <translation>受信サーバーで受信トレイを開けませんでした: %1</translation>
    </message>
    <message>
        <source>The incoming server could not list the new messages: %1</source>
        <translation>受信サーバーで新しいメッセージの一覧を取得できませんでした: %1</translation>
    </message>
    <message>
        <source>The incoming server could not send a message: %1</source>
        <translation>受信サーバーからメッセージを受け取れませんでした: %1</translation>
    </message>
    <message>
        <source>The message is no longer on the incoming server.</source>
        <translation>このメッセージはもう受信サーバーにありません。</translation>
    </message>
    <message>
        <source>The message could not be written to the disk.</source>
        <translation>メッセージをディスクに書き込めませんでした。</translation>
    </message>
    <message>
        <source>The incoming server does not offer STARTTLS, so the connection cannot be protected. Outpost did not send the password.</source>
        <translation>受信サーバーが STARTTLS に対応していないため、接続を保護できません。Outpost はパスワードを送っていません。</translation>
    </message>
    <message>
        <source>Outpost did not log in to the incoming server, because the password would have been sent unencrypted. The server offers encryption: in the account settings, set the incoming server&apos;s security to STARTTLS.</source>
        <translation>パスワードが暗号化されずに送られてしまうため、Outpost は受信サーバーにログインしませんでした。サーバーは暗号化に対応しています。アカウントの設定で、受信サーバーのセキュリティを STARTTLS にしてください。</translation>
    </message>
    <message>
        <source>Outpost did not log in to the incoming server, because the password would have been sent unencrypted and the server offers no encryption. Ask your provider for an encrypted connection (IMAP over TLS, usually port 993), or tick &quot;Allow sending my password unencrypted when the connection has no security&quot; on the Receiving tab of the account settings: anyone on the network between you and the server could then read the password.</source>
        <translation>パスワードが暗号化されずに送られてしまい、サーバーも暗号化に対応していないため、Outpost は受信サーバーにログインしませんでした。暗号化された接続 (IMAP over TLS、通常はポート 993) が使えないかプロバイダーに確認するか、アカウントの設定の「受信」タブで「接続が保護されていないときに暗号化せずにパスワードを送ることを許可する」をオンにしてください。オンにすると、あなたとサーバーの間のネットワーク上の誰でもパスワードを読み取れるようになります。</translation>
    </message>
    <message>
        <source>The incoming server does not allow logging in on this connection (LOGINDISABLED). Choose TLS or STARTTLS for the incoming server.</source>
        <translation>受信サーバーはこの接続でのログインを受け付けていません (LOGINDISABLED)。受信サーバーのセキュリティを TLS か STARTTLS にしてください。</translation>
    </message>
</context>
<context>
    <name>Outpost::InboxActions</name>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>Opens the message in a window of its own (Ctrl+O, or double-click)</source>
        <translation>メッセージを別のウィンドウで開きます (Ctrl+O またはダブルクリック)</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>返信(&amp;R)</translation>
    </message>
    <message>
        <source>Reply &amp;all</source>
        <translation>全員に返信(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>転送(&amp;F)</translation>
    </message>
    <message>
        <source>Forward as a&amp;ttachment</source>
        <translation>添付ファイルとして転送(&amp;T)</translation>
    </message>
    <message>
        <source>Mark as r&amp;ead</source>
        <translation>既読にする(&amp;E)</translation>
    </message>
    <message>
        <source>Mark as &amp;unread</source>
        <translation>未読にする(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Move to &amp;Inbox</source>
        <translation>受信トレイに戻す(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>削除を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Empty Deleted Items…</source>
        <translation>削除済みアイテムを空にする(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>完全に削除(&amp;D)…</translation>
    </message>
    <message>
        <source>The message cannot be answered: it cannot be read. %1</source>
        <translation>このメッセージに返信できません。メッセージを読み込めません。%1</translation>
    </message>
    <message>
        <source>The message cannot be forwarded: it cannot be read. %1</source>
        <translation>このメッセージを転送できません。メッセージを読み込めません。%1</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <source>Delete this message for good? It cannot be brought back. The copy on the server is not touched.</source>
        <translation>このメッセージを完全に削除しますか? 元に戻すことはできません。サーバー上のメッセージはそのままです。</translation>
    </message>
    <message>
        <source>The message was deleted for good.</source>
        <translation>メッセージを完全に削除しました。</translation>
    </message>
    <message>
        <source>Moved to Deleted Items. Press Ctrl+Z to bring it back.</source>
        <translation>削除済みアイテムに移動しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>The message is back in the Inbox.</source>
        <translation>メッセージを受信トレイに戻しました。</translation>
    </message>
    <message>
        <source>The message is no longer in Deleted Items.</source>
        <translation>メッセージはもう削除済みアイテムにありません。</translation>
    </message>
    <message>
        <source>Empty Deleted Items</source>
        <translation>削除済みアイテムを空にする</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n message(s) in Deleted Items for good? They cannot be brought back. The copies on the server are not touched.</source>
        <translation>
            <numerusform>削除済みアイテムの %n 通のメッセージを完全に削除しますか? 元に戻すことはできません。サーバー上のメッセージはそのままです。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) deleted for good.</source>
        <translation>
            <numerusform>%n 通のメッセージを完全に削除しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::InboxStore</name>
    <message>
        <source>This message was already stored or abandoned.</source>
        <translation>このメッセージはすでに保存されたか、破棄されています。</translation>
    </message>
    <message>
        <source>%1: the disk is full. Free some space; the message stays on the server.</source>
        <translation>%1: ディスクがいっぱいです。空き容量を確保してください。メッセージはサーバーに残っています。</translation>
    </message>
    <message>
        <source>%1: the folder %2 cannot be written. The message stays on the server.</source>
        <translation>%1: フォルダー %2 に書き込めません。メッセージはサーバーに残っています。</translation>
    </message>
    <message>
        <source>The inbox cannot be opened</source>
        <translation>受信トレイを開けません</translation>
    </message>
    <message>
        <source>The server gave an invalid message id.</source>
        <translation>サーバーが不正なメッセージ ID を返しました。</translation>
    </message>
    <message>
        <source>A message could not be received</source>
        <translation>メッセージを受信できませんでした</translation>
    </message>
    <message>
        <source>The list of received messages could not be saved</source>
        <translation>受信済みメッセージの一覧を保存できませんでした</translation>
    </message>
    <message>
        <source>This message is not in the inbox or in Deleted Items.</source>
        <translation>このメッセージは受信トレイにも削除済みアイテムにもありません。</translation>
    </message>
    <message>
        <source>This message is no longer there: another program moved or deleted it. Nothing was changed.</source>
        <translation>このメッセージはもうありません。ほかのプログラムが移動または削除しました。何も変更していません。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. The message stays where it was.</source>
        <translation>フォルダー %1 を作成できません。メッセージは元の場所にあります。</translation>
    </message>
    <message>
        <source>A message of the same name is already there. Nothing was changed.</source>
        <translation>同じ名前のメッセージがすでにあります。何も変更していません。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space; the message stays where it was.</source>
        <translation>ディスクがいっぱいです。空き領域を作ってください。メッセージは元の場所にあります。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written. The message stays where it was.</source>
        <translation>フォルダー %1 に書き込めません。メッセージは元の場所にあります。</translation>
    </message>
    <message>
        <source>This message is in Deleted Items already.</source>
        <translation>このメッセージはすでに削除済みアイテムにあります。</translation>
    </message>
    <message>
        <source>This message is not in Deleted Items.</source>
        <translation>このメッセージは削除済みアイテムにありません。</translation>
    </message>
    <message>
        <source>Only messages in Deleted Items are deleted for good.</source>
        <translation>完全に削除できるのは削除済みアイテムのメッセージだけです。</translation>
    </message>
    <message>
        <source>The message could not be deleted: %1</source>
        <translation>メッセージを削除できませんでした: %1</translation>
    </message>
    <message>
        <source>The inbox&apos;s IMAP state cannot be saved</source>
        <translation>受信トレイの IMAP の状態を保存できません</translation>
    </message>
</context>
<context>
    <name>Outpost::MainWindow</name>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
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
    <message>
        <source>&amp;Add an account…</source>
        <translation>アカウントを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;New message</source>
        <translation>新しいメッセージ(&amp;N)</translation>
    </message>
    <message>
        <source>Open &amp;draft</source>
        <translation>下書きを開く(&amp;D)</translation>
    </message>
    <message>
        <source>No drafts</source>
        <translation>下書きはありません</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>&amp;Mail</source>
        <translation>メール(&amp;M)</translation>
    </message>
    <message>
        <source>Send/&amp;Receive</source>
        <translation>送受信(&amp;R)</translation>
    </message>
    <message>
        <source>Receives, then sends, for every account (F5)</source>
        <translation>すべてのアカウントで受信してから送信します (F5)</translation>
    </message>
    <message>
        <source>Send/Receive &amp;one account</source>
        <translation>アカウントを選んで送受信(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Protocol log</source>
        <translation>プロトコル ログ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>アカウント(&amp;A)</translation>
    </message>
    <message>
        <source>Account &amp;settings…</source>
        <translation>アカウントの設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Remove account…</source>
        <translation>アカウントの削除(&amp;R)…</translation>
    </message>
    <message>
        <source>Try the &amp;sandbox</source>
        <translation>サンドボックスで試す(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メイン ツール バー</translation>
    </message>
    <message>
        <source>There is no account yet. Add one first.</source>
        <translation>アカウントがまだありません。先に追加してください。</translation>
    </message>
    <message>
        <source>The sandbox account is only for this session and cannot be edited.</source>
        <translation>サンドボックスのアカウントはこのセッション専用で、編集できません。</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>アカウントの削除</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot;? Its settings and saved password are removed. Its messages stay in the profile folder.</source>
        <translation>アカウント「%1」を削除しますか? 設定と保存されたパスワードは削除されます。メッセージはプロファイル フォルダーに残ります。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>the Outpost window</source>
        <translation>Outpost のウィンドウ</translation>
    </message>
    <message>
        <source>Outpost stopped unexpectedly</source>
        <translation>Outpost が予期せず終了しました</translation>
    </message>
    <message>
        <source>Outpost was interrupted the last time it ran, and it checked the outbox:</source>
        <translation>前回 Outpost は途中で終了したため、送信トレイを確認しました:</translation>
    </message>
    <message>
        <source>(damaged draft)</source>
        <translation>(壊れた下書き)</translation>
    </message>
    <message>
        <source>Local relay</source>
        <translation>ローカル中継</translation>
    </message>
    <message>
        <source>Sending soon</source>
        <translation>まもなく送信します</translation>
    </message>
    <message>
        <source>Click here to undo.</source>
        <translation>ここをクリックすると送信を取り消します。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the outbox will not be sent once Outpost quits: it does not start when you log in.</source>
        <translation>
            <numerusform>送信トレイの %n 件のメッセージは、Outpost を終了すると送信されません。Outpost はログイン時に起動しない設定です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail is waiting</source>
        <translation>送信待ちのメールがあります</translation>
    </message>
    <message>
        <source>&amp;Send now, then quit</source>
        <translation>今すぐ送信して終了(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray</source>
        <translation>トレイで動かし続ける(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>このまま終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Sending; Outpost quits when the mail has gone out.</source>
        <translation>送信しています。メールを送り終えたら Outpost を終了します。</translation>
    </message>
    <message>
        <source>Send it now, or keep Outpost running so that it sends the mail when it can.</source>
        <translation>今すぐ送信するか、Outpost を動かし続けて送信できるときに送信させてください。</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>動かし続ける(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the outbox will not be sent once Outpost quits: %1 sends only when you press Send/Receive.</source>
        <translation>
            <numerusform>送信トレイの %n 件のメッセージは、Outpost を終了すると送信されません。%1 は [送受信] を押したときだけ送信します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Outpost keeps running: %1</source>
        <translation>Outpost は動き続けます: %1</translation>
    </message>
</context>
<context>
    <name>Outpost::MessageListModel</name>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受信日時</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>送信日時</translation>
    </message>
</context>
<context>
    <name>Outpost::MessagePreview</name>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>添付ファイルを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>This message could not be read: %1</source>
        <translation>このメッセージを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;From:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;差出人:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;To:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;宛先:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cc:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;CC:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Subject:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;件名:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Date:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;日時:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;State:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;状態:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>添付ファイルの保存</translation>
    </message>
    <message>
        <source>The attachment was not saved: %1</source>
        <translation>添付ファイルは保存されませんでした: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 を保存しました。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Date:&lt;/b&gt; set when it is sent</source>
        <translation>&lt;b&gt;日時:&lt;/b&gt; 送信するときに設定されます</translation>
    </message>
    <message>
        <source>Delivery history</source>
        <translation>配信の履歴</translation>
    </message>
</context>
<context>
    <name>Outpost::MessageWindow</name>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>返信(&amp;R)</translation>
    </message>
    <message>
        <source>Reply &amp;all</source>
        <translation>全員に返信(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>転送(&amp;F)</translation>
    </message>
    <message>
        <source>Forward as a&amp;ttachment</source>
        <translation>添付ファイルとして転送(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Outpost::OutboxActions</name>
    <message>
        <source>Send now</source>
        <translation>今すぐ送信</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Opens the message in a new window to correct it and send it again.</source>
        <translation>メッセージを新しいウィンドウで開き、修正してもう一度送信します。</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>再送信</translation>
    </message>
    <message>
        <source>Sends the message again. If it did go out, the recipients get it twice.</source>
        <translation>メッセージをもう一度送信します。前回送信できていた場合、受信者には 2 通届きます。</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>送信済みにする</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>The message is queued again.</source>
        <translation>メッセージをもう一度送信トレイに入れました。</translation>
    </message>
    <message>
        <source>The message was moved to Sent.</source>
        <translation>メッセージを [送信済みアイテム] に移動しました。</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>メッセージの削除</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? It cannot be recovered.</source>
        <translation>「%1」を削除しますか? 元に戻すことはできません。</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Change Time…</source>
        <translation>送信日時の変更…</translation>
    </message>
    <message>
        <source>Chooses when the message is sent (Send Later).</source>
        <translation>メッセージを送信する日時を選びます（後で送信）。</translation>
    </message>
    <message>
        <source>The message will be sent %1.</source>
        <translation>メッセージは%1に送信されます。</translation>
    </message>
    <message>
        <source>Not sent: the message is back in its window.</source>
        <translation>送信を取り消しました。メッセージは作成ウィンドウに戻っています。</translation>
    </message>
</context>
<context>
    <name>Outpost::OutboxStore</name>
    <message>
        <source>%1: the disk is full. Free some space and try again; nothing was lost.</source>
        <translation>%1: ディスクがいっぱいです。空き容量を確保してもう一度試してください。失われたものはありません。</translation>
    </message>
    <message>
        <source>%1: the folder %2 cannot be written. Check that it exists and that you may write to it; nothing was lost.</source>
        <translation>%1: フォルダー %2 に書き込めません。フォルダーが存在し、書き込み権限があることを確認してください。失われたものはありません。</translation>
    </message>
    <message>
        <source>The outbox cannot be opened</source>
        <translation>送信トレイを開けません</translation>
    </message>
    <message>
        <source>The message state could not be saved</source>
        <translation>メッセージの状態を保存できませんでした</translation>
    </message>
    <message>
        <source>The message could not be moved to the Sent folder</source>
        <translation>メッセージを送信済みフォルダーに移動できませんでした</translation>
    </message>
    <message>
        <source>The message could not be queued</source>
        <translation>メッセージを送信トレイに入れられませんでした</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>ファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <source>The message is no longer in the outbox.</source>
        <translation>メッセージはもう送信トレイにありません。</translation>
    </message>
    <message>
        <source>The message file cannot be read.</source>
        <translation>メッセージ ファイルを読み込めません。</translation>
    </message>
    <message>
        <source>This cannot be done to a message that is %1.</source>
        <translation>「%1」のメッセージにはこの操作はできません。</translation>
    </message>
    <message>
        <source>The message is being sent and cannot be deleted now.</source>
        <translation>メッセージは送信中のため、今は削除できません。</translation>
    </message>
    <message>
        <source>The message could not be deleted</source>
        <translation>メッセージを削除できませんでした</translation>
    </message>
    <message>
        <source>The message states could not be saved</source>
        <translation>メッセージの状態の記録を保存できませんでした</translation>
    </message>
    <message>
        <source>Another Outpost program (process %1) is using this account&apos;s outbox. Close it, or send and queue from it; nothing was changed.</source>
        <translation>別の Outpost プログラム (プロセス %1) がこのアカウントの送信トレイを使用中です。そのプログラムを閉じるか、そちらから送信・登録してください。何も変更していません。</translation>
    </message>
    <message>
        <source>Outpost stopped after the whole message had gone out, before the server confirmed it.</source>
        <translation>メッセージをすべて送り終えた後、サーバーが受信を確認する前に Outpost が停止しました。</translation>
    </message>
    <message>
        <source>Outpost stopped while sending it, before the end of the message; it was not delivered and is sent again.</source>
        <translation>メッセージを最後まで送る前に Outpost が停止しました。届いていないので、もう一度送信します。</translation>
    </message>
    <message>
        <source>The message is being corrected and is not sent meanwhile.</source>
        <translation>このメッセージは修正中のため、その間は送信しません。</translation>
    </message>
</context>
<context>
    <name>Outpost::PasswordPrompt</name>
    <message>
        <source>%1: no password available (%2).</source>
        <translation>%1: パスワードがありません (%2)。</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>%1 のパスワード</translation>
    </message>
    <message>
        <source>Outpost needs the password of %1 (receiving, user %2) to continue.</source>
        <translation>続けるには %1 (受信、ユーザー %2) のパスワードが必要です。</translation>
    </message>
    <message>
        <source>Outpost needs the password of %1 (sending, user %2) to continue.</source>
        <translation>続けるには %1 (送信、ユーザー %2) のパスワードが必要です。</translation>
    </message>
    <message>
        <source>It is kept in memory until Outpost quits.</source>
        <translation>パスワードは Outpost を終了するまでメモリに保持されます。</translation>
    </message>
    <message>
        <source>The server refused the password it was given. The new one is kept in the system keychain in its place.</source>
        <translation>サーバーが以前のパスワードを受け付けませんでした。新しいパスワードを代わりにシステムのキーチェーンに保存します。</translation>
    </message>
    <message>
        <source>The new password could not be kept in the keychain (%1); Outpost uses it until it quits.</source>
        <translation>新しいパスワードをキーチェーンに保存できませんでした (%1)。Outpost を終了するまではこのパスワードを使います。</translation>
    </message>
</context>
<context>
    <name>Outpost::Pop3Client</name>
    <message>
        <source>The session was cancelled.</source>
        <translation>セッションは取り消されました。</translation>
    </message>
    <message>
        <source>The server sent a response nobody asked for.</source>
        <translation>サーバーが要求していない応答を送ってきました。</translation>
    </message>
    <message>
        <source>The server sent something that is not a POP3 response.</source>
        <translation>サーバーが POP3 の応答ではないものを送ってきました。</translation>
    </message>
    <message>
        <source>The server refused the connection: %1</source>
        <translation>サーバーが接続を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server does not offer STLS, so the connection cannot be protected.</source>
        <translation>サーバーが STLS に対応していないため、接続を保護できません。</translation>
    </message>
    <message>
        <source>The server refused STLS: %1</source>
        <translation>サーバーが STLS を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server refused the user name: %1</source>
        <translation>サーバーがユーザー名を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server refused the login: %1</source>
        <translation>サーバーがログインを拒否しました: %1</translation>
    </message>
    <message>
        <source>The server refused STAT: %1</source>
        <translation>サーバーが STAT を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server&apos;s STAT answer is malformed.</source>
        <translation>サーバーの STAT の応答が不正です。</translation>
    </message>
    <message>
        <source>The server could not send message %1: %2</source>
        <translation>サーバーがメッセージ %1 を送れませんでした: %2</translation>
    </message>
    <message>
        <source>The server could not delete message %1: %2</source>
        <translation>サーバーがメッセージ %1 を削除できませんでした: %2</translation>
    </message>
    <message>
        <source>The server could not finish the session: %1</source>
        <translation>サーバーがセッションを終了できませんでした: %1</translation>
    </message>
    <message>
        <source>Message %1 could not be stored: %2</source>
        <translation>メッセージ %1 を保存できませんでした: %2</translation>
    </message>
    <message>
        <source>no place to store it</source>
        <translation>保存先がありません</translation>
    </message>
    <message>
        <source>The server does not offer APOP.</source>
        <translation>サーバーは APOP に対応していません。</translation>
    </message>
    <message>
        <source>The server does not offer SASL PLAIN.</source>
        <translation>サーバーは SASL PLAIN に対応していません。</translation>
    </message>
    <message>
        <source>Outpost did not log in to the incoming server, because the password would have been sent unencrypted. The server offers encryption: in the account settings, set the incoming server&apos;s security to STARTTLS.</source>
        <translation>パスワードが暗号化されずに送られてしまうため、Outpost は受信サーバーにログインしませんでした。サーバーは暗号化に対応しています。アカウントの設定で、受信サーバーのセキュリティを STARTTLS にしてください。</translation>
    </message>
    <message>
        <source>Outpost did not log in to the incoming server, because the password would have been sent unencrypted and the server offers no encryption. Ask your provider for an encrypted connection (POP3 over TLS, usually port 995), or tick &quot;Allow sending my password unencrypted when the connection has no security&quot; on the Receiving tab of the account settings: anyone on the network between you and the server could then read the password.</source>
        <translation>パスワードが暗号化されずに送られてしまい、サーバーも暗号化に対応していないため、Outpost は受信サーバーにログインしませんでした。暗号化された接続 (POP3 over TLS、通常はポート 995) が使えないかプロバイダーに確認するか、アカウントの設定の「受信」タブで「接続が保護されていないときに暗号化せずにパスワードを送ることを許可する」をオンにしてください。オンにすると、あなたとサーバーの間のネットワーク上の誰でもパスワードを読み取れるようになります。</translation>
    </message>
</context>
<context>
    <name>Outpost::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Start Outpost when I log in</source>
        <translation>ログイン時に Outpost を起動する</translation>
    </message>
    <message>
        <source>Closing the window keeps Outpost running in the tray</source>
        <translation>ウィンドウを閉じても Outpost をトレイで動作させ続ける</translation>
    </message>
    <message>
        <source>A new language applies the next time Outpost starts.</source>
        <translation>新しい言語は次に Outpost を起動したときから使われます。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Outpost could not change whether it starts at login.</source>
        <translation>ログイン時に起動するかどうかを変更できませんでした。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Use Outpost from other programs</source>
        <translation>ほかのプログラムから Outpost を使う</translation>
    </message>
    <message>
        <source>Open e-mail links (mailto:) with Outpost</source>
        <translation>メールのリンク (mailto:) を Outpost で開く</translation>
    </message>
    <message>
        <source>Outpost could not change whether it opens e-mail links.</source>
        <translation>メールのリンクを開くかどうかの設定を Outpost が変更できませんでした。</translation>
    </message>
    <message>
        <source>Off: send at once</source>
        <translation>オフ: すぐに送信</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Each message waits this long in the outbox; until then, Undo in the status bar brings it back to its window.</source>
        <translation>各メッセージは送信トレイでこの時間だけ待ちます。その間はステータス バーの [取り消し] で作成ウィンドウに戻せます。</translation>
    </message>
    <message>
        <source>&amp;Undo send:</source>
        <translation>送信の取り消し(&amp;U):</translation>
    </message>
</context>
<context>
    <name>Outpost::ProtocolLogWindow</name>
    <message>
        <source>Protocol log</source>
        <translation>プロトコル ログ</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>アカウント:</translation>
    </message>
    <message>
        <source>Passwords are never shown in the log.</source>
        <translation>パスワードはログに表示されません。</translation>
    </message>
    <message>
        <source>Save the protocol log</source>
        <translation>プロトコル ログの保存</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log)</source>
        <translation>テキスト ファイル (*.txt *.log)</translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2</source>
        <translation>ログを %1 に保存できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Outpost::ReceiveStage</name>
    <message>
        <source>The server cannot name its messages (no UIDL), so Outpost does not download while mail is left on the server.</source>
        <translation>サーバーがメッセージの識別子 (UIDL) に対応していないため、メールをサーバーに残す設定ではダウンロードしません。</translation>
    </message>
    <message>
        <source>The incoming server says: %1</source>
        <translation>受信サーバーからのお知らせ: %1</translation>
    </message>
    <message>
        <source>The incoming server renumbered the inbox (UIDVALIDITY %1 became %2). Outpost compares the messages with those already received, so that nothing is downloaded twice.</source>
        <translation>受信サーバーが受信トレイの番号を振り直しました (UIDVALIDITY が %1 から %2 に変わりました)。同じメッセージを二度ダウンロードしないよう、Outpost は受信済みのメッセージと照らし合わせます。</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) on the server were already in the inbox.</source>
        <translation>
            <numerusform>サーバー上の %n 件のメッセージは受信済みでした。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::RelayHandOver</name>
    <message>
        <source>Its local relay is off, so the message cannot be handed to it. Turn on &quot;Use Outpost from other programs&quot; in its preferences (or &quot;outpost-cli relay enable&quot;), or quit it and try again.</source>
        <translation>そのプログラムのローカル中継がオフのため、メッセージを渡せません。その設定の「ほかのプログラムから Outpost を使う」をオンにする (または「outpost-cli relay enable」) か、そのプログラムを終了してからやり直してください。</translation>
    </message>
    <message>
        <source>The relay password cannot be read from the keychain: %1</source>
        <translation>中継用パスワードをキーチェーンから読み込めません: %1</translation>
    </message>
    <message>
        <source>Nothing answers on its relay&apos;s port %1, so the message cannot be handed to it.</source>
        <translation>その中継のポート %1 で応答がないため、メッセージを渡せません。</translation>
    </message>
    <message>
        <source>Its local relay is off, so it cannot be asked to send and receive. Turn on &quot;Use Outpost from other programs&quot; in its preferences (or &quot;outpost-cli relay enable&quot;), or quit it and try again.</source>
        <translation>そのプログラムのローカル中継がオフのため、送受信を頼めません。その設定の「ほかのプログラムから Outpost を使う」をオンにする (または「outpost-cli relay enable」) か、そのプログラムを終了してからやり直してください。</translation>
    </message>
    <message>
        <source>The running program answered something unexpected.</source>
        <translation>実行中のプログラムから予期しない応答がありました。</translation>
    </message>
    <message>
        <source>The running program&apos;s answer cannot be read.</source>
        <translation>実行中のプログラムの応答を読み取れません。</translation>
    </message>
    <message>
        <source>Nothing answers on its relay&apos;s port %1, so it cannot be asked to send and receive.</source>
        <translation>その中継のポート %1 で応答がないため、送受信を頼めません。</translation>
    </message>
    <message>
        <source>The Outpost program that is running is older and cannot keep a message for later. Update it, or quit it and try again.</source>
        <translation>実行中の Outpost は古い版のため、後で送信するメッセージを預かれません。更新するか、終了してからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>Outpost::RelayNotices</name>
    <message>
        <source>%1: a message from %2 is in the outbox.</source>
        <translation>%1: %2 からのメッセージを送信トレイに入れました。</translation>
    </message>
    <message>
        <source>Mail from another program was not delivered</source>
        <translation>ほかのプログラムからのメールが配信されませんでした</translation>
    </message>
</context>
<context>
    <name>Outpost::RelayPage</name>
    <message>
        <source>&amp;Let other programs on this computer send mail through Outpost</source>
        <translation>このコンピューターのほかのプログラムが Outpost 経由でメールを送れるようにする(&amp;L)</translation>
    </message>
    <message>
        <source>Mail programs such as Thunderbird or Outlook, scanner software and scripts on this computer use Outpost as their outgoing (SMTP) server. Outpost keeps their mail in the account&apos;s outbox and sends it with the account&apos;s checks: it logs in to receive first, so servers that need &quot;POP before SMTP&quot; accept it.</source>
        <translation>このコンピューターの Thunderbird や Outlook などのメールソフト、スキャナーのソフト、スクリプトが、Outpost を送信 (SMTP) サーバーとして使います。Outpost はそのメールをアカウントの送信トレイに入れ、アカウントの確認のときに送信します。先に受信のためにログインするので、「POP before SMTP」が必要なサーバーでも受け付けられます。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>The user name chooses the account the mail goes out through: its name or its address.</source>
        <translation>ユーザー名で、メールを送るアカウントが決まります (アカウント名かそのアドレス)。</translation>
    </message>
    <message>
        <source>Made when the relay is first turned on</source>
        <translation>中継を初めてオンにしたときに作られます</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>New password…</source>
        <translation>新しいパスワード…</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>サーバー:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>暗号化:</translation>
    </message>
    <message>
        <source>None (the mail does not leave this computer on its way to Outpost)</source>
        <translation>なし (Outpost に届くまで、メールはこのコンピューターの外に出ません)</translation>
    </message>
    <message>
        <source>&amp;Accept mail without the password from programs on this computer</source>
        <translation>このコンピューターのプログラムからはパスワードなしでメールを受け付ける(&amp;A)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Any program on this computer could then send mail as you.&lt;/b&gt; The sender&apos;s address chooses the account; mail from other addresses is refused.</source>
        <translation>&lt;b&gt;このコンピューターのどのプログラムでも、あなたとしてメールを送れるようになります。&lt;/b&gt;差出人のアドレスでアカウントが決まり、ほかのアドレスからのメールは断ります。</translation>
    </message>
    <message>
        <source>New relay password</source>
        <translation>新しい中継用パスワード</translation>
    </message>
    <message>
        <source>Make a new relay password? Programs that send through Outpost stop working until you enter the new password in them.</source>
        <translation>中継用パスワードを新しく作りますか? Outpost 経由で送信しているプログラムは、新しいパスワードを入力するまで送信できなくなります。</translation>
    </message>
    <message>
        <source>The new password cannot be stored in the keychain: %1</source>
        <translation>新しいパスワードをキーチェーンに保存できません: %1</translation>
    </message>
    <message>
        <source>an account&apos;s name</source>
        <translation>アカウント名</translation>
    </message>
    <message>
        <source>no authentication</source>
        <translation>認証なし</translation>
    </message>
    <message>
        <source>authentication with the user name %1 and the relay password</source>
        <translation>ユーザー名 %1 と中継用パスワードで認証</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Thunderbird:&lt;/b&gt; Account Settings → Outgoing Server (SMTP) → Add: server &lt;b&gt;localhost&lt;/b&gt;, port &lt;b&gt;%1&lt;/b&gt;, connection security &lt;b&gt;None&lt;/b&gt;, then %2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outlook (classic):&lt;/b&gt; File → Account Settings → your account → Change: outgoing mail server &lt;b&gt;localhost&lt;/b&gt;; More Settings → Outgoing Server: %2; Advanced: outgoing server (SMTP) port &lt;b&gt;%1&lt;/b&gt;, encryption &lt;b&gt;None&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Scanner software or a script on this computer:&lt;/b&gt; SMTP server &lt;b&gt;localhost&lt;/b&gt;, port &lt;b&gt;%1&lt;/b&gt;, no SSL/TLS, %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Thunderbird:&lt;/b&gt; アカウント設定 → 送信 (SMTP) サーバー → 追加: サーバー名 &lt;b&gt;localhost&lt;/b&gt;、ポート番号 &lt;b&gt;%1&lt;/b&gt;、接続の保護 &lt;b&gt;なし&lt;/b&gt;、%2。&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outlook (従来版):&lt;/b&gt; ファイル → アカウント設定 → アカウント → 変更: 送信メール サーバー (SMTP) &lt;b&gt;localhost&lt;/b&gt;、詳細設定 → 送信サーバー: %2、詳細設定タブ: 送信サーバー (SMTP) のポート &lt;b&gt;%1&lt;/b&gt;、暗号化の種類 &lt;b&gt;なし&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;このコンピューターのスキャナーのソフトやスクリプト:&lt;/b&gt; SMTP サーバー &lt;b&gt;localhost&lt;/b&gt;、ポート &lt;b&gt;%1&lt;/b&gt;、SSL/TLS なし、%2。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The relay is off.</source>
        <translation>中継はオフです。</translation>
    </message>
    <message>
        <source>The relay is starting…</source>
        <translation>中継を開始しています…</translation>
    </message>
    <message numerus="yes">
        <source>%n program(s) connected now.</source>
        <translation>
            <numerusform>いま %n 個のプログラムが接続しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Also &amp;send delivery reports to the sender through the account&apos;s server</source>
        <translation>配信できなかったときの通知を、アカウントのサーバー経由で差出人にも送る(&amp;S)</translation>
    </message>
    <message>
        <source>When mail from another program cannot be delivered, a report always goes into the account&apos;s inbox; this also mails it to the sender address that program used.</source>
        <translation>ほかのプログラムからのメールを配信できなかったとき、通知はいつもアカウントの受信トレイに入ります。これをオンにすると、そのプログラムが使った差出人アドレスにもメールで送ります。</translation>
    </message>
    <message>
        <source>Also accept mail from other &amp;computers on the network</source>
        <translation>ネットワーク上のほかのコンピューターからのメールも受け付ける(&amp;C)</translation>
    </message>
    <message>
        <source>0.0.0.0 accepts on every network this computer is on; an address of this computer accepts on that network only.</source>
        <translation>0.0.0.0 ではこのコンピューターがつながっているすべてのネットワークで受け付けます。このコンピューターのアドレスを指定すると、そのネットワークだけで受け付けます。</translation>
    </message>
    <message>
        <source>Made when the relay first listens on the network</source>
        <translation>中継が初めてネットワークで待ち受けるときに作成されます</translation>
    </message>
    <message>
        <source>Other computers must use &lt;b&gt;STARTTLS&lt;/b&gt; and sign in with the relay password, even when programs on this computer need none. The first time, their mail program shows Outpost&apos;s certificate: accept it only if its fingerprint is the one below.</source>
        <translation>ほかのコンピューターは、このコンピューター上のプログラムにパスワードが不要な設定でも、&lt;b&gt;STARTTLS&lt;/b&gt; を使い中継用パスワードでサインインする必要があります。最初の接続でメールソフトに Outpost の証明書が表示されます。フィンガープリントが下のものと同じ場合にだけ受け入れてください。</translation>
    </message>
    <message>
        <source>Network &amp;address:</source>
        <translation>ネットワークのアドレス(&amp;A):</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>証明書のフィンガープリント (SHA-256):</translation>
    </message>
    <message>
        <source>This version of Outpost cannot make the certificate that listening on the network needs.</source>
        <translation>この版の Outpost では、ネットワークで待ち受けるのに必要な証明書を作成できません。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;On another computer:&lt;/b&gt; server &lt;b&gt;%1&lt;/b&gt; (this computer&apos;s address), port &lt;b&gt;%2&lt;/b&gt;, connection security &lt;b&gt;STARTTLS&lt;/b&gt;, authentication with the user name %3 and the relay password.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;ほかのコンピューター:&lt;/b&gt; サーバー &lt;b&gt;%1&lt;/b&gt; (このコンピューターのアドレス)、ポート &lt;b&gt;%2&lt;/b&gt;、接続の保護 &lt;b&gt;STARTTLS&lt;/b&gt;、ユーザー名 %3 と中継用パスワードで認証。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Listening on localhost and on %1 (STARTTLS), port %2.</source>
        <translation>localhost と %1 (STARTTLS) のポート %2 で待ち受けています。</translation>
    </message>
    <message>
        <source>Listening on localhost, port %1.</source>
        <translation>localhost のポート %1 で待ち受けています。</translation>
    </message>
    <message>
        <source>%1 %2 Messages relayed since Outpost started: %3.</source>
        <translation>%1%2 Outpost の起動後に中継したメッセージ: %3 件。</translation>
    </message>
</context>
<context>
    <name>Outpost::RelayServer</name>
    <message>
        <source>Port %1 is already used by another program on this computer. Choose another port for the relay.</source>
        <translation>ポート %1 は、このコンピューターのほかのプログラムがすでに使っています。中継には別のポートを選んでください。</translation>
    </message>
    <message>
        <source>The relay cannot listen on %1, port %2: %3</source>
        <translation>%1 のポート %2 で中継を待ち受けられません: %3</translation>
    </message>
</context>
<context>
    <name>Outpost::RelayService</name>
    <message>
        <source>The relay is off because its password cannot be read from the keychain: %1</source>
        <translation>中継用パスワードをキーチェーンから読み込めないため、中継は止まっています: %1</translation>
    </message>
    <message>
        <source>The relay is off because its password cannot be stored in the keychain: %1</source>
        <translation>中継用パスワードをキーチェーンに保存できないため、中継は止まっています: %1</translation>
    </message>
    <message>
        <source>The relay serves this computer, but not the network: %1</source>
        <translation>中継はこのコンピューターでは使えますが、ネットワークでは使えません: %1</translation>
    </message>
    <message>
        <source>The relay does not listen on the network because the key of its certificate cannot be stored in the keychain: %1</source>
        <translation>証明書の鍵をキーチェーンに保存できないため、中継はネットワークで待ち受けていません: %1</translation>
    </message>
    <message>
        <source>The relay does not listen on the network because its certificate cannot be saved in %1: %2</source>
        <translation>証明書を %1 に保存できないため、中継はネットワークで待ち受けていません: %2</translation>
    </message>
    <message>
        <source>The relay does not listen on the network because the key of its certificate cannot be read from the keychain: %1</source>
        <translation>証明書の鍵をキーチェーンから読み取れないため、中継はネットワークで待ち受けていません: %1</translation>
    </message>
</context>
<context>
    <name>Outpost::SandboxTour</name>
    <message>
        <source>The sandbox could not start: %1</source>
        <translation>サンドボックスを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>デモ</translation>
    </message>
    <message>
        <source>The server refused: relaying to %1 is denied, because this computer has not logged in over POP yet. This is the error mail programs show when they send before receiving.</source>
        <translation>サーバーが拒否しました: このコンピューターがまだ POP でログインしていないため、%1 への中継は許可されません。受信の前に送信したときにメール ソフトが表示するのがこのエラーです。</translation>
    </message>
    <message>
        <source>Outpost logged in over POP first. The server now relays mail from this computer for 2 minutes.</source>
        <translation>Outpost は先に POP でログインしました。これからの 2 分間、サーバーはこのコンピューターからのメールを中継します。</translation>
    </message>
    <message>
        <source>The server accepted the message for %1.</source>
        <translation>サーバーが %1 宛てのメッセージを受け付けました。</translation>
    </message>
    <message>
        <source>Hello from the Outpost sandbox</source>
        <translation>Outpost サンドボックスからこんにちは</translation>
    </message>
    <message>
        <source>This message was sent the way Outpost always sends: first log in over POP, then send over SMTP.
</source>
        <translation>このメッセージは、Outpost がいつも行う方法で送信されました: まず POP でログインし、それから SMTP で送信します。
</translation>
    </message>
    <message>
        <source>The sandbox account is not open.</source>
        <translation>サンドボックスのアカウントを開けていません。</translation>
    </message>
    <message>
        <source>The sandbox is running: a practice mail server on this computer that, like many providers, relays mail only after a POP login. A message is waiting in the outbox.</source>
        <translation>サンドボックスが動作中です: 多くのプロバイダーと同じく、POP ログインの後にだけメールを中継する、このコンピューター上の練習用メール サーバーです。送信トレイでメッセージが 1 件待っています。</translation>
    </message>
    <message>
        <source>Step 1: sending the way a plain mail program does, without logging in first…</source>
        <translation>手順 1: 普通のメール ソフトと同じように、先にログインせずに送信します…</translation>
    </message>
    <message>
        <source>So this server needs POP before SMTP.</source>
        <translation>つまり、このサーバーには POP before SMTP が必要です。</translation>
    </message>
    <message>
        <source>Step 2: now Outpost&apos;s Send/Receive: receive first (the POP login opens the relay window), then send.</source>
        <translation>手順 2: 次は Outpost の送受信です: 先に受信し (POP ログインで中継が許可されます)、それから送信します。</translation>
    </message>
    <message>
        <source>Step 3: done. The message went out on the first cycle and is now in the Sent folder. This is what Outpost does at every check.</source>
        <translation>手順 3: 完了です。メッセージは 1 回目の送受信で送信され、[送信済みアイテム] フォルダーに移りました。Outpost はチェックのたびにこれを行います。</translation>
    </message>
    <message>
        <source>Step 3: the message did not go out; the log above shows why.</source>
        <translation>手順 3: メッセージは送信されませんでした。理由は上のログで確認できます。</translation>
    </message>
    <message>
        <source>Sandbox (until Outpost quits)</source>
        <translation>サンドボックス (Outpost の終了まで)</translation>
    </message>
</context>
<context>
    <name>Outpost::Scheduler</name>
    <message>
        <source>Account &quot;%1&quot;: %2</source>
        <translation>アカウント「%1」: %2</translation>
    </message>
</context>
<context>
    <name>Outpost::SendLaterDialog</name>
    <message>
        <source>Send Later</source>
        <translation>後で送信</translation>
    </message>
    <message>
        <source>&amp;Send it on:</source>
        <translation>送信日時(&amp;S):</translation>
    </message>
    <message>
        <source>Your computer&apos;s time (%1). Outpost sends it then, if it is running; otherwise as soon as it starts again.</source>
        <translation>この PC の時刻（%1）です。その時刻に Outpost が起動していれば送信し、起動していなければ次に起動したときにすぐ送信します。</translation>
    </message>
    <message>
        <source>Send &amp;Later</source>
        <translation>後で送信(&amp;L)</translation>
    </message>
    <message>
        <source>When should this message be sent?</source>
        <translation>このメッセージをいつ送信しますか?</translation>
    </message>
    <message>
        <source>%1 has already passed. Choose a time in the future.</source>
        <translation>%1 はすでに過ぎています。これから先の日時を選んでください。</translation>
    </message>
</context>
<context>
    <name>Outpost::Session</name>
    <message>
        <source>Outpost cannot write in the profile folder %1. Check that it is yours and that the disk is not full.</source>
        <translation>プロファイル フォルダー %1 に書き込めません。自分のフォルダーであることと、ディスクに空きがあることを確認してください。</translation>
    </message>
    <message>
        <source>Another Outpost program (%1, process %2) is using this profile. Close it, or do this there; nothing was changed.</source>
        <translation>別の Outpost プログラム (%1、プロセス %2) がこのプロファイルを使用中です。そのプログラムを閉じるか、そちらで操作してください。何も変更していません。</translation>
    </message>
    <message>
        <source>Another Outpost program (process %1) is using this profile. Close it, or do this there; nothing was changed.</source>
        <translation>別の Outpost プログラム (プロセス %1) がこのプロファイルを使用中です。そのプログラムを閉じるか、そちらで操作してください。何も変更していません。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) may have been sent before Outpost stopped; check with the recipients before sending again.</source>
        <translation>
            <numerusform>%1: %n 件のメッセージは Outpost が終了する前に送信された可能性があります。もう一度送る前に、宛先の人に届いたか確認してください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) were interrupted before they went out and will be sent again.</source>
        <translation>
            <numerusform>%1: %n 件のメッセージは送信の途中で中断されたため、もう一度送信します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) in the outbox could not be read and were left as they are (%2).</source>
        <translation>
            <numerusform>%1: 送信トレイの %n 件のメッセージを読み込めなかったため、そのままにしてあります (%2)。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outpost::SmtpClient</name>
    <message>
        <source>The session was cancelled.</source>
        <translation>セッションは取り消されました。</translation>
    </message>
    <message>
        <source>The server sent something that is not an SMTP reply.</source>
        <translation>サーバーが SMTP の応答ではないものを送ってきました。</translation>
    </message>
    <message>
        <source>The server sent a reply nobody asked for.</source>
        <translation>サーバーが要求していない応答を送ってきました。</translation>
    </message>
    <message>
        <source>The server is closing the connection: %1</source>
        <translation>サーバーが接続を閉じようとしています: %1</translation>
    </message>
    <message>
        <source>The server refused the connection: %1</source>
        <translation>サーバーが接続を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server refused EHLO: %1</source>
        <translation>サーバーが EHLO を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server refused HELO: %1</source>
        <translation>サーバーが HELO を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server refused STARTTLS: %1</source>
        <translation>サーバーが STARTTLS を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS, so the connection cannot be protected.</source>
        <translation>サーバーが STARTTLS に対応していないため、接続を保護できません。</translation>
    </message>
    <message>
        <source>The server offers no authentication method Outpost supports.</source>
        <translation>サーバーは Outpost が対応している認証方式を提供していません。</translation>
    </message>
    <message>
        <source>The server does not offer the authentication method %1.</source>
        <translation>サーバーは認証方式 %1 に対応していません。</translation>
    </message>
    <message>
        <source>The server continued the authentication unexpectedly.</source>
        <translation>サーバーが予期せず認証を続けました。</translation>
    </message>
    <message>
        <source>The server refused the login: %1</source>
        <translation>サーバーがログインを拒否しました: %1</translation>
    </message>
    <message>
        <source>The message file cannot be read.</source>
        <translation>メッセージ ファイルを読み込めません。</translation>
    </message>
    <message>
        <source>The message (%1 bytes) is larger than the server accepts (%2 bytes).</source>
        <translation>メッセージ (%1 バイト) はサーバーが受け付けるサイズ (%2 バイト) より大きいです。</translation>
    </message>
    <message>
        <source>The server does not accept international addresses (SMTPUTF8).</source>
        <translation>サーバーは国際化アドレス (SMTPUTF8) を受け付けません。</translation>
    </message>
    <message>
        <source>The server refused the sender %1: %2</source>
        <translation>サーバーが差出人 %1 を拒否しました: %2</translation>
    </message>
    <message>
        <source>The server refused the recipient %1: %2</source>
        <translation>サーバーが宛先 %1 を拒否しました: %2</translation>
    </message>
    <message>
        <source>The server refused the message: %1</source>
        <translation>サーバーがメッセージを拒否しました: %1</translation>
    </message>
    <message>
        <source>The message has no recipients.</source>
        <translation>メッセージに宛先がありません。</translation>
    </message>
    <message>
        <source>The message file went away while it was sent.</source>
        <translation>送信中にメッセージ ファイルがなくなりました。</translation>
    </message>
    <message>
        <source>The session ended because a message could not be read.</source>
        <translation>メッセージを読み込めなかったため、セッションを終了しました。</translation>
    </message>
    <message>
        <source>The message file could not be read: %1</source>
        <translation>メッセージ ファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The session ended before the message was sent.</source>
        <translation>メッセージを送信する前にセッションが終了しました。</translation>
    </message>
    <message>
        <source>The server refused to relay: %1</source>
        <translation>サーバーが中継を拒否しました: %1</translation>
    </message>
    <message>
        <source>The server ended the session without answering.</source>
        <translation>サーバーが応答せずにセッションを終了しました。</translation>
    </message>
    <message>
        <source>Outpost did not log in to the outgoing server, because the password would have been sent unencrypted. The server offers encryption: in the account settings, set the outgoing server&apos;s security to STARTTLS.</source>
        <translation>パスワードが暗号化されずに送られてしまうため、Outpost は送信サーバーにログインしませんでした。サーバーは暗号化に対応しています。アカウントの設定で、送信サーバーのセキュリティを STARTTLS にしてください。</translation>
    </message>
    <message>
        <source>The outgoing server accepts a login only over an encrypted connection. The server offers encryption: in the account settings, set the outgoing server&apos;s security to STARTTLS.</source>
        <translation>送信サーバーは暗号化された接続でしかログインを受け付けません。サーバーは暗号化に対応しています。アカウントの設定で、送信サーバーのセキュリティを STARTTLS にしてください。</translation>
    </message>
    <message>
        <source>Outpost did not log in to the outgoing server, because the password would have been sent unencrypted and the server offers no encryption. Ask your provider for an encrypted connection (SMTP over TLS, usually port 465, or 587 with STARTTLS), or tick &quot;Allow sending my password unencrypted when the connection has no security&quot; on the Receiving tab of the account settings: anyone on the network between you and the server could then read the password.</source>
        <translation>パスワードが暗号化されずに送られてしまい、サーバーも暗号化に対応していないため、Outpost は送信サーバーにログインしませんでした。暗号化された接続 (SMTP over TLS、通常はポート 465、または STARTTLS でポート 587) が使えないかプロバイダーに確認するか、アカウントの設定の「受信」タブで「接続が保護されていないときに暗号化せずにパスワードを送ることを許可する」をオンにしてください。オンにすると、あなたとサーバーの間のネットワーク上の誰でもパスワードを読み取れるようになります。</translation>
    </message>
</context>
<context>
    <name>Outpost::StatusLine</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No accounts</source>
        <translation>アカウントがありません</translation>
    </message>
</context>
<context>
    <name>Outpost::StuckMailBar</name>
    <message>
        <source>&amp;Show message</source>
        <translation>メッセージを表示(&amp;S)</translation>
    </message>
    <message>
        <source>T&amp;ry again</source>
        <translation>もう一度送信(&amp;R)</translation>
    </message>
    <message>
        <source>Sends the message again now.</source>
        <translation>今すぐメッセージをもう一度送信します。</translation>
    </message>
    <message>
        <source>Account se&amp;ttings…</source>
        <translation>アカウントの設定(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>非表示(&amp;D)</translation>
    </message>
    <message>
        <source>Hides this until another message needs you; the message stays in the outbox.</source>
        <translation>ほかのメッセージで確認が必要になるまで、この表示を隠します。メッセージは送信トレイに残ります。</translation>
    </message>
</context>
<context>
    <name>Outpost::TrayIcon</name>
    <message>
        <source>Send/&amp;Receive</source>
        <translation>送受信(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open Outpost</source>
        <translation>Outpost を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <source>Outpost — working</source>
        <translation>Outpost — 処理中</translation>
    </message>
    <message>
        <source>Outpost — an account needs attention</source>
        <translation>Outpost — 確認が必要なアカウントがあります</translation>
    </message>
    <message>
        <source>Outpost keeps running</source>
        <translation>Outpost は動作を続けます</translation>
    </message>
    <message>
        <source>Outpost keeps checking and sending in the background. Use Quit in the tray menu to stop it.</source>
        <translation>Outpost はバックグラウンドでチェックと送信を続けます。終了するには、トレイのメニューの [終了] を使ってください。</translation>
    </message>
</context>
<context>
    <name>Outpost::UndoSendBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>取り消し(&amp;U)</translation>
    </message>
    <message>
        <source>Stops the message and opens it again, as you wrote it.</source>
        <translation>送信を止めて、書いたとおりのメッセージをもう一度開きます。</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>“%1” can be undone for %2 s</source>
        <translation>「%1」はあと %2 秒取り消せます</translation>
    </message>
</context>
<context>
    <name>Outpost::WelcomePage</name>
    <message>
        <source>&lt;h2&gt;Welcome to Outpost&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Outpost へようこそ&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Outpost sends your mail through servers that only accept it after you have checked for new mail (&quot;POP before SMTP&quot;). Every Send/Receive logs in over POP first and then sends, so your messages go out on the first try.

Add your mail account to start, or try Outpost with a practice server on this computer: no account or Internet connection needed.</source>
        <translation>Outpost は、新着メールをチェックした後でないと送信を受け付けないサーバー (POP before SMTP) からでも、メールを送信します。送受信のたびに先に POP でログインしてから送信するので、メッセージは 1 回目で送信されます。

メール アカウントを追加して始めるか、このコンピューター上の練習用サーバーで Outpost を試してください。アカウントもインターネット接続も必要ありません。</translation>
    </message>
    <message>
        <source>&amp;Add an account…</source>
        <translation>アカウントを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Try the sandbox</source>
        <translation>サンドボックスで試す(&amp;T)</translation>
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
    <name>RelayCertificate</name>
    <message>
        <source>Outpost could not make a certificate for the relay (the encryption library refused). Listening on the network stays off.</source>
        <translation>Outpost は中継用の証明書を作成できませんでした (暗号ライブラリが拒否しました)。ネットワークでの待ち受けはオフのままです。</translation>
    </message>
    <message>
        <source>This version of Outpost cannot make the certificate that listening on the network needs; the relay serves this computer only.</source>
        <translation>この版の Outpost では、ネットワークで待ち受けるのに必要な証明書を作成できません。中継はこのコンピューターだけで使えます。</translation>
    </message>
</context>
<context>
    <name>RelaySettings</name>
    <message>
        <source>The relay settings in %1 cannot be read: %2</source>
        <translation>%1 の中継の設定を読み込めません: %2</translation>
    </message>
    <message>
        <source>The relay settings in %1 are damaged. Set the relay up again, or delete the file.</source>
        <translation>%1 の中継の設定が壊れています。中継を設定し直すか、このファイルを削除してください。</translation>
    </message>
    <message>
        <source>The relay settings cannot be saved: the disk is full.</source>
        <translation>ディスクがいっぱいのため、中継の設定を保存できません。</translation>
    </message>
    <message>
        <source>The relay settings cannot be saved in %1: %2</source>
        <translation>中継の設定を %1 に保存できません: %2</translation>
    </message>
    <message>
        <source>The relay settings in %1 name a network address that cannot be read. Set the relay up again, or delete the file.</source>
        <translation>%1 の中継の設定にあるネットワークのアドレスを読み取れません。中継を設定し直すか、ファイルを削除してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address of this computer&apos;s network. Give an IP address such as 192.168.1.10, 0.0.0.0 for all, or localhost for this computer only.</source>
        <translation>「%1」はこのコンピューターのネットワークのアドレスではありません。192.168.1.10 のような IP アドレス、すべてなら 0.0.0.0、このコンピューターだけなら localhost を指定してください。</translation>
    </message>
</context>
<context>
    <name>ReplaceMessage</name>
    <message>
        <source>The message is no longer in the outbox.</source>
        <translation>メッセージはもう送信トレイにありません。</translation>
    </message>
    <message>
        <source>The message was sent already; it cannot be corrected.</source>
        <translation>このメッセージは送信済みのため、修正できません。</translation>
    </message>
    <message>
        <source>The message is being sent now; it cannot be corrected.</source>
        <translation>このメッセージは送信中のため、修正できません。</translation>
    </message>
    <message>
        <source>The message could not be read: %1</source>
        <translation>メッセージを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The attachment %1 could not be copied: %2</source>
        <translation>添付ファイル %1 をコピーできませんでした: %2</translation>
    </message>
    <message>
        <source>its folder cannot be created.</source>
        <translation>保存先のフォルダーを作成できません。</translation>
    </message>
    <message>
        <source>The corrected message is in the outbox, but the old one could not be deleted: %1</source>
        <translation>修正したメッセージは送信トレイに入りましたが、元のメッセージを削除できませんでした: %1</translation>
    </message>
    <message>
        <source>Too late to undo: the message is already being sent.</source>
        <translation>取り消せません。メッセージはすでに送信中です。</translation>
    </message>
    <message>
        <source>The message went out while you corrected it, so the correction was not queued.</source>
        <translation>修正している間にメッセージが送信されたため、修正したメッセージは送信トレイに入れませんでした。</translation>
    </message>
</context>
<context>
    <name>ReplyForward</name>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 さんは書きました:</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <extracomment>%1 is the date and time, %2 the sender&apos;s name</extracomment>
        <translation>%1、%2 さんは書きました:</translation>
    </message>
    <message>
        <source>---------- Forwarded message ----------</source>
        <translation>---------- 転送メッセージ ----------</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>差出人: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日時: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>宛先: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>CC: %1</translation>
    </message>
    <message>
        <source>Forwarded message</source>
        <translation>転送メッセージ</translation>
    </message>
    <message>
        <source>The message to forward cannot be read: %1</source>
        <translation>転送するメッセージを読み込めません: %1</translation>
    </message>
    <message>
        <source>The message cannot be forwarded: the disk is full.</source>
        <translation>メッセージを転送できません。ディスクがいっぱいです。</translation>
    </message>
    <message>
        <source>The message cannot be forwarded: the folder %1 cannot be written.</source>
        <translation>メッセージを転送できません。フォルダー %1 に書き込めません。</translation>
    </message>
</context>
<context>
    <name>SendLater</name>
    <message>
        <source>In an hour</source>
        <translation>1 時間後</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>明日の朝</translation>
    </message>
    <message>
        <source>Monday morning</source>
        <translation>月曜日の朝</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time Outpost can read. Write it as 2026-12-24 09:00 (year-month-day hours:minutes, your local time).</source>
        <translation>「%1」は日時として読み取れません。2026-12-24 09:00 のように書いてください（年-月-日 時:分、この PC の時刻）。</translation>
    </message>
    <message>
        <source>%1 has already passed. Give a time in the future.</source>
        <translation>%1 はすでに過ぎています。これから先の日時を指定してください。</translation>
    </message>
</context>
<context>
    <name>StuckMailText</name>
    <message>
        <source>Check the network connection, and the outgoing server&apos;s name, port and security in the account&apos;s settings. Outpost keeps trying by itself.</source>
        <translation>ネットワークの接続と、アカウントの設定の送信サーバー名、ポート、セキュリティを確認してください。Outpost は自動で再試行を続けます。</translation>
    </message>
    <message>
        <source>Check the address it is sent to: correct it with Edit, then send it again, or delete the message.</source>
        <translation>宛先のアドレスを確認してください。[編集] で直してからもう一度送信するか、メッセージを削除してください。</translation>
    </message>
    <message>
        <source>The server would not pass the message on. Check the user name and password for sending, and that this server is the one your provider gave for outgoing mail.</source>
        <translation>サーバーがメッセージを中継しませんでした。送信用のユーザー名とパスワード、そしてこのサーバーがプロバイダーから指定された送信サーバーかどうかを確認してください。</translation>
    </message>
    <message>
        <source>The server would not pass the message on. Check that the incoming (POP) login works and the relay window in the account&apos;s settings, or turn on SMTP AUTH if your provider asks for it.</source>
        <translation>サーバーがメッセージを中継しませんでした。受信 (POP) のログインが成功しているかと、アカウントの設定の中継の有効時間を確認してください。プロバイダーが SMTP AUTH を求めている場合は、SMTP AUTH をオンにしてください。</translation>
    </message>
    <message>
        <source>Check the user name and password for sending in the account&apos;s settings; Outpost tries again when they change.</source>
        <translation>アカウントの設定で送信用のユーザー名とパスワードを確認してください。変更すると Outpost はすぐに再試行します。</translation>
    </message>
    <message>
        <source>The message is larger than the server takes. Remove or shrink attachments with Edit, then send it again.</source>
        <translation>メッセージがサーバーの受け付ける大きさを超えています。[編集] で添付ファイルを外すか小さくしてから、もう一度送信してください。</translation>
    </message>
    <message>
        <source>The server asked to try again later, and Outpost does so by itself. If it lasts, ask your provider.</source>
        <translation>サーバーから後で再試行するよう求められたため、Outpost が自動で再試行します。長く続く場合はプロバイダーに問い合わせてください。</translation>
    </message>
    <message>
        <source>The connection broke after the whole message went out, so it may have arrived. Check with a recipient, then mark it as sent or send it again.</source>
        <translation>メッセージをすべて送った後に接続が切れたため、届いている可能性があります。宛先の人に確認してから、[送信済みにする] か [再送信] を選んでください。</translation>
    </message>
    <message>
        <source>The account stopped: %1 Fix this, and Outpost tries again as soon as the settings or the password change.</source>
        <translation>アカウントが停止しています: %1これを直すと、設定やパスワードが変わった時点で Outpost がすぐに再試行します。</translation>
    </message>
    <message>
        <source>This account sends only when you press Send/Receive. Press it now, or set an automatic check in the account&apos;s settings.</source>
        <translation>このアカウントは [送受信] を押したときだけ送信します。今すぐ押すか、アカウントの設定で自動チェックを設定してください。</translation>
    </message>
    <message>
        <source>Outpost tries again at the next check (%1). If it keeps waiting, check the account&apos;s settings.</source>
        <translation>次のチェック (%1) で再試行します。送信待ちが続く場合は、アカウントの設定を確認してください。</translation>
    </message>
    <message>
        <source>Press Send/Receive to send it now.</source>
        <translation>今すぐ送信するには [送受信] を押してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(件名なし)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>“%1” to %2</source>
        <translation>%2 宛ての「%1」</translation>
    </message>
    <message numerus="yes">
        <source>“%1” to %2 and %n other(s)</source>
        <translation>
            <numerusform>%2 ほか %n 名宛ての「%1」</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed %2 ago</source>
        <translation>%1 は %2 前に送信失敗</translation>
    </message>
    <message>
        <source>%1 may have been sent %2 ago</source>
        <translation>%1 は %2 前に送信済みの可能性あり</translation>
    </message>
    <message>
        <source>%1 has waited for %2</source>
        <translation>%1 が送信待ちのまま %2 経過</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A message could not be sent</source>
        <translation>メッセージを送信できませんでした</translation>
    </message>
    <message>
        <source>%1 could not be sent (%2 ago).</source>
        <translation>%1 を送信できませんでした (%2 前)。</translation>
    </message>
    <message>
        <source>A message may have been sent</source>
        <translation>送信済みの可能性があるメッセージがあります</translation>
    </message>
    <message>
        <source>%1 may have been sent %2 ago, but the server did not confirm it.</source>
        <translation>%1 は %2 前に送信された可能性がありますが、サーバーの確認がありません。</translation>
    </message>
    <message>
        <source>A message has been waiting for %1</source>
        <translation>%1 以上送信されていないメッセージがあります</translation>
    </message>
    <message>
        <source>%1 has not gone out for %2; Outpost keeps trying.</source>
        <translation>%1 は %2 たっても送信できていません。Outpost は再試行を続けています。</translation>
    </message>
    <message>
        <source>%1 has waited in the outbox for %2.</source>
        <translation>%1 が送信トレイで待ったまま %2 経過しました。</translation>
    </message>
    <message numerus="yes">
        <source>%n more message(s) in this account also need attention.</source>
        <translation>
            <numerusform>このアカウントには、ほかにも確認が必要なメッセージが %n 件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server wants a login for sending (SMTP AUTH). Turn it on in the account&apos;s settings, with the user name and password your provider gave.</source>
        <translation>サーバーは送信時のログイン (SMTP AUTH) を求めています。アカウントの設定で SMTP AUTH をオンにし、プロバイダーから指定されたユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The server refused the sender address. Check the e-mail address in the account&apos;s settings: many providers send only for their own addresses.</source>
        <translation>サーバーが差出人のアドレスを拒否しました。アカウントの設定のメール アドレスを確認してください。多くのプロバイダーは自社のアドレスからのメールしか送信しません。</translation>
    </message>
    <message>
        <source>The server wants an encrypted connection first. Set the outgoing security to STARTTLS (or SSL/TLS) in the account&apos;s settings.</source>
        <translation>サーバーは先に暗号化された接続を求めています。アカウントの設定で送信のセキュリティを STARTTLS (または SSL/TLS) にしてください。</translation>
    </message>
    <message>
        <source>Outpost stopped trying after the time set for giving up. Send it again to try once more; if it keeps failing, ask your provider.</source>
        <translation>送信をあきらめるまでの時間が過ぎたため、Outpost は再試行をやめました。もう一度送信すると再び試します。失敗が続く場合はプロバイダーに問い合わせてください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full. Send it again later, or tell them another way.</source>
        <translation>宛先のメールボックスがいっぱいです。後でもう一度送信するか、別の方法で相手に知らせてください。</translation>
    </message>
    <message>
        <source>This account sends only when asked: run &quot;outpost-cli send-receive&quot;, or set an automatic check with &quot;outpost-cli account edit&quot; and --interval.</source>
        <translation>このアカウントは指示したときだけ送信します。「outpost-cli send-receive」を実行するか、「outpost-cli account edit」と --interval で自動チェックを設定してください。</translation>
    </message>
    <message>
        <source>Run &quot;outpost-cli send-receive&quot; to send it now.</source>
        <translation>今すぐ送信するには「outpost-cli send-receive」を実行してください。</translation>
    </message>
    <message>
        <source>Read the reason above; change the message with Edit and send it again, or delete it.</source>
        <translation>上の理由を確認してください。[編集] でメッセージを直してもう一度送信するか、削除してください。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Outpost sends mail through POP-before-SMTP servers.</source>
        <translation>Outpost は POP before SMTP のサーバーを通してメールを送信します。</translation>
    </message>
    <message>
        <source>Uses the profile in DIR.</source>
        <translation>DIR のプロファイルを使う。</translation>
    </message>
    <message>
        <source>A mailto: link to write to.</source>
        <translation>宛先にする mailto: リンク。</translation>
    </message>
    <message>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
</context>
</TS>
