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
        <source>the incoming (POP3) server &quot;%1&quot; is not a valid host name.</source>
        <translation>受信 (POP3) サーバー「%1」はホスト名として正しくありません。</translation>
    </message>
    <message>
        <source>the incoming (POP3) port must be between 1 and 65535.</source>
        <translation>受信 (POP3) のポート番号は 1 から 65535 の間で指定してください。</translation>
    </message>
    <message>
        <source>the incoming (POP3) user name is missing or contains spaces.</source>
        <translation>受信 (POP3) のユーザー名が空か、空白を含んでいます。</translation>
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
        <source>The incoming (POP3) server.</source>
        <translation>受信 (POP3) サーバー。</translation>
    </message>
    <message>
        <source>Its port (default 110, or 995 with tls).</source>
        <translation>そのポート番号 (既定は 110、tls では 995)。</translation>
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
        <source>account add|edit|list|remove|password</source>
        <translation>account add|edit|list|remove|password</translation>
    </message>
    <message>
        <source>
Commands:
  account add NAME --address ADDR --pop-host H --smtp-host H [options]
  account edit NAME [options]
  account list [--json]
  account remove NAME
  account password NAME [--smtp] --password-stdin
Run &quot;outpost-cli COMMAND --help&quot; for the options of a command.</source>
        <translation>
コマンド:
  account add 名前 --address アドレス --pop-host ホスト --smtp-host ホスト [オプション]
  account edit 名前 [オプション]
  account list [--json]
  account remove 名前
  account password 名前 [--smtp] --password-stdin
各コマンドのオプションは「outpost-cli コマンド --help」で表示されます。</translation>
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
</TS>
