#!/usr/bin/env python3
"""End-to-end tests: outpost-cli against a real Dovecot and Postfix on loopback, set up
as an ISP's POP-before-SMTP service (see mailservers.py). Needs root (the servers run
as their own users) and a Secret Service (scripts/test.sh provides one).

    test_e2e.py --cli PATH/TO/outpost-cli
"""
import email
import email.policy
import glob
import json
import os
import pathlib
import base64
import re
import selectors
import signal
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import mailservers

CLI = None
SERVERS = None
ROOT = None
OUTPUTS = []  # everything the CLI printed, checked for the password at the end
PROFILES = []


def cli(profile, *args, stdin=None, check=True):
    result = subprocess.run([CLI, "--profile", profile, *args], input=stdin, capture_output=True,
                            text=True, timeout=120)
    OUTPUTS.append(result.stdout + result.stderr)
    if check and result.returncode != 0:
        raise AssertionError(f"outpost-cli {' '.join(args)} exited {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


def password():
    return pathlib.Path(SERVERS["password_file"]).read_text()


def new_profile(*extra, name="e2e", pop_port=None):
    profile = tempfile.mkdtemp(prefix="profile-", dir=ROOT)
    PROFILES.append(profile)
    # Plain POP3 logs in with APOP (Dovecot's greeting has the timestamp), which sends no
    # password; readable passwords stay refused unless a test allows them.
    cli(profile, "account", "add", name, "--address", SERVERS["address"],
        "--pop-host", "127.0.0.1", "--pop-port", str(pop_port or SERVERS["pop3"]),
        "--pop-user", "alice", "--smtp-host", "127.0.0.1", "--smtp-port", str(SERVERS["smtp"]),
        "--interval", "0", "--allow-plain-text-auth", "off", *extra)
    cli(profile, "account", "password", name, "--password-stdin", stdin=password() + "\n")
    return profile


def new_imap_profile(user, *extra, security="tls", port=None, name="e2e"):
    """A profile whose account receives over IMAP as @user (a mail user of its own, see
    mailservers.add_user), the certificate checked with the run's CA; readable passwords
    stay refused. The --pop-* options are the incoming server's, whatever the protocol."""
    if port is None:
        port = SERVERS["imaps"] if security == "tls" else SERVERS["imap"]
    profile = tempfile.mkdtemp(prefix="profile-", dir=ROOT)
    PROFILES.append(profile)
    cli(profile, "account", "add", name, "--address", f"{user}@outpost.test",
        "--incoming", "imap", "--pop-host", "127.0.0.1", "--pop-port", str(port),
        "--pop-security", security, "--pop-user", user, "--ca-file", SERVERS["ca"],
        "--smtp-host", "127.0.0.1", "--smtp-port", str(SERVERS["smtp"]),
        "--interval", "0", "--allow-plain-text-auth", "off", *extra)
    [account] = [a for a in json.loads(cli(profile, "account", "list", "--json").stdout)
                 if a["name"] == name]
    assert account["incoming"] == "imap", account
    cli(profile, "account", "password", name, "--password-stdin", stdin=password() + "\n")
    return profile


def local_messages(profile, name="e2e"):
    """The bytes of every message in the account's local Maildir (new/ and cur/), sorted."""
    accounts = json.loads(cli(profile, "account", "list", "--json").stdout)
    [account] = [a for a in accounts if a["name"] == name]
    inbox = os.path.join(profile, "accounts", account["id"], "inbox")
    return sorted(pathlib.Path(inbox, sub, file).read_bytes()
                  for sub in ("new", "cur") for file in os.listdir(os.path.join(inbox, sub)))


def relay_answer_for_loopback(recipient):
    """Postfix's reply code to RCPT TO:<@recipient> from 127.0.0.1 (Outpost's address)."""
    with smtplib.SMTP("127.0.0.1", SERVERS["smtp"], timeout=30) as client:
        client.ehlo("check.outpost.test")
        client.mail("check@outpost.test")
        code, _ = client.rcpt(recipient)
        client.rset()
    return code


def imap_cycle(profile, name="e2e"):
    """A send-receive cycle that must end without an error, receiving included."""
    result = send_receive(profile, name)
    assert result["errorKind"] == "none" and result["receiveErrorKind"] == "none", result
    return result


def server_flags(user):
    """{Message-ID: stored flags} of @user's INBOX, as Dovecot reports them (EXAMINE)."""
    status = mailservers.mailbox_status(SERVERS, user)
    return {m: v["flags"] for m, v in status["messages"].items()}


def send_receive(profile, name="e2e", expect=0):
    r = cli(profile, "send-receive", name, "--json", check=False)
    if r.returncode != expect:
        raise AssertionError(f"send-receive exited {r.returncode}, expected {expect}:\n"
                             f"{r.stdout}\n{r.stderr}")
    return json.loads(r.stdout)[0]


def delivered_to(recipient, timeout=30):
    """The delivered files for @recipient (Postfix delivers asynchronously)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(glob.glob(os.path.join(SERVERS["delivered"], f"*.{recipient}.eml")))
        if files:
            return files
        time.sleep(0.05)
    raise AssertionError(f"nothing was delivered to {recipient}")


def without_postfix_headers(data):
    """The delivered bytes minus what Postfix adds in front (X-Original-To, Received)."""
    lines = data.split(b"\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(b"X-Original-To:"):
            i += 1
        elif line.startswith(b"Received:"):
            i += 1
            while i < len(lines) and lines[i][:1] in (b" ", b"\t"):
                i += 1
        else:
            break
    return b"\n".join(lines[i:])


def sent_file(profile, name="e2e"):
    entries = json.loads(cli(profile, "outbox", name, "--all", "--json").stdout)
    sent = [e for e in entries if e["state"] == "sent"]
    return sent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def enable_relay(profile):
    """Turns the local relay on; returns its port and the password printed once."""
    port = free_port()
    out = cli(profile, "relay", "enable", "--port", str(port)).stdout
    match = re.search(r"relay password[^:]*: (\S+)", out)
    assert match, out
    return port, match.group(1)


class Serving:
    """`outpost-cli run` serving the relay, until stopped (Ctrl+C) or killed."""

    def __init__(self, profile):
        self.process = subprocess.Popen([CLI, "--profile", profile, "run"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
        self.lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            if "other programs can send through Outpost" in line:
                self.reader = threading.Thread(target=self._drain, daemon=True)
                self.reader.start()
                return
        raise AssertionError("outpost-cli run did not start the relay:\n" + "".join(self.lines) +
                             self.process.stderr.read())

    def _drain(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        self._end()

    def kill(self):
        self.process.kill()
        self._end()

    def _end(self):
        self.process.wait(timeout=60)
        self.reader.join(timeout=30)
        OUTPUTS.append("".join(self.lines) + self.process.stderr.read())
        self.process.stdout.close()
        self.process.stderr.close()


class PassThrough:
    """What a proxy does with one session's bytes: passes them on unchanged."""

    def from_client(self, data):
        """@data from the client: (bytes for the server, bytes answered to the client)."""
        return data, b""

    def from_server(self, data):
        """@data from the server: the bytes for the client."""
        return data


class RecordingProxy:
    """A TCP proxy on 127.0.0.1 in front of @port that keeps every byte the client sends:
    what a listener on the network would see. Subclasses change the traffic in session()."""

    def __init__(self, port):
        self.target = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sent = bytearray()
        self.sessions = 0
        self.stopping = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def session(self):
        """The filter for one client connection's traffic."""
        return PassThrough()

    def _run(self):
        sel = selectors.DefaultSelector()
        sel.register(self.listener, selectors.EVENT_READ)
        peers = {}
        filters = {}
        deadline = time.monotonic() + 120
        # Stopping waits until every client has closed, so that all it sent was relayed.
        while time.monotonic() < deadline and not (self.stopping and not peers):
            for key, _ in sel.select(timeout=0.1):
                sock = key.fileobj
                if sock is not self.listener and sock not in peers:
                    continue  # closed with its peer earlier in this round
                if sock is self.listener:
                    client, _ = self.listener.accept()
                    server = socket.create_connection(("127.0.0.1", self.target))
                    peers[client], peers[server] = server, client
                    filters[client] = filters[server] = self.session()
                    self.sessions += 1
                    sel.register(client, selectors.EVENT_READ, "client")
                    sel.register(server, selectors.EVENT_READ, "server")
                    continue
                data = sock.recv(65536)
                other = peers.get(sock)
                if not data:
                    for s in (sock, other):
                        if s is not None and s in peers:
                            sel.unregister(s)
                            peers.pop(s)
                            filters.pop(s)
                            s.close()
                    continue
                if key.data == "client":
                    self.sent += data
                    forward, answer = filters[sock].from_client(data)
                    if answer:
                        sock.sendall(answer)
                else:
                    forward = filters[sock].from_server(data)
                if forward:
                    other.sendall(forward)
        for s in list(peers):
            s.close()
        self.listener.close()

    def stop(self):
        self.stopping = True
        self.thread.join(timeout=30)


class ImapLines:
    """Cuts one direction of an IMAP stream into lines (CRLF included); the bytes of a
    literal announced at a line's end ({n} or {n+}, RFC 3501 section 4.3, RFC 7888) come
    through untouched."""

    def __init__(self):
        self.buffer = b""
        self.literal = 0

    def feed(self, data):
        """Yields (is_line, bytes) for what @data completes."""
        self.buffer += data
        while self.buffer:
            if self.literal:
                chunk = self.buffer[:self.literal]
                self.buffer = self.buffer[len(chunk):]
                self.literal -= len(chunk)
                yield False, chunk
                continue
            end = self.buffer.find(b"\r\n")
            if end < 0:
                return
            line, self.buffer = self.buffer[:end + 2], self.buffer[end + 2:]
            literal = re.search(rb"\{(\d+)\+?\}\r\n$", line)
            if literal:
                self.literal = int(literal.group(1))
            yield True, line


class StartTlsStripping(PassThrough):
    """An attacker's proxy for one IMAP session: the server's capabilities lose STARTTLS (and
    LOGINDISABLED, which would tell the client not to log in), in the greeting's
    [CAPABILITY ...] code as in CAPABILITY responses; a client's STARTTLS gets a tagged BAD
    from the proxy, and the server never sees it."""

    CAPABILITY = re.compile(
        rb"^(\* CAPABILITY |\* (OK|PREAUTH) \[CAPABILITY |\S+ OK \[CAPABILITY )", re.IGNORECASE)
    STRIPPED = re.compile(rb" (STARTTLS|LOGINDISABLED)(?=[ \]\r])", re.IGNORECASE)

    def __init__(self, proxy):
        self.proxy = proxy
        self.client = ImapLines()
        self.server = ImapLines()

    def from_client(self, data):
        forward, answer = b"", b""
        for is_line, part in self.client.feed(data):
            command = re.fullmatch(rb"(\S+) STARTTLS\r\n", part, re.IGNORECASE) if is_line else None
            if command:
                self.proxy.starttls_refused += 1
                answer += command.group(1) + b" BAD STARTTLS is not available\r\n"
            else:
                forward += part
        return forward, answer

    def from_server(self, data):
        out = b""
        for is_line, part in self.server.feed(data):
            if is_line and self.CAPABILITY.match(part):
                part = self.STRIPPED.sub(b"", part)
            out += part
        return out


class ImapStartTlsStrippingProxy(RecordingProxy):
    """A RecordingProxy in front of the server's plain IMAP port that hides STARTTLS."""

    def __init__(self, port):
        self.starttls_refused = 0  # STARTTLS commands the proxy answered with BAD
        super().__init__(port)

    def session(self):
        return StartTlsStripping(self)


def password_forms(user, secret):
    """The password as a login could carry it: as is, base64 (LOGIN), a SASL PLAIN token."""
    secret = secret.encode()
    return [secret, base64.b64encode(secret),
            base64.b64encode(b"\0" + user.encode() + b"\0" + secret)]


class EndToEnd(unittest.TestCase):
    def setUp(self):
        mailservers.clear_grants(SERVERS["root"])
        for extra in ("budget",):
            path = os.path.join(SERVERS["grants"], extra)
            if os.path.exists(path):
                os.remove(path)

    def test_relay_is_refused_before_a_pop_login(self):
        profile = new_profile()
        report = json.loads(cli(profile, "probe", "e2e", "--json").stdout)
        self.assertEqual(report["relayBeforeLogin"], "refused")
        self.assertEqual(report["relayAfterLogin"], "allowed")
        self.assertTrue(report["needsPopBeforeSmtp"])
        # Dovecot and Postfix offer STARTTLS on their plain ports: the advice to use it comes
        # first, then the verdict on the relay.
        self.assertTrue(report["popStartTlsAvailable"])
        self.assertTrue(report["smtpStartTlsAvailable"])
        verdict = report["verdict"]
        self.assertIn("incoming server offers encryption (STARTTLS)", verdict[0])
        self.assertIn("outgoing server offers encryption (STARTTLS)", verdict[1])
        self.assertIn("POP before SMTP", verdict[2])

    def test_a_cycle_receives_then_sends_the_exact_bytes(self):
        profile = new_profile()
        cli(profile, "queue", "e2e", "--to", "bytes@example.com", "--subject", "Exact bytes",
            "--body", "Line one.\n.\n..leading dots\nLast line.")
        result = send_receive(profile)
        self.assertEqual(result["sent"], 1)
        self.assertEqual(result["received"], 2)  # the seeded messages
        self.assertEqual(result["popLogins"], 1)
        [entry] = sent_file(profile)
        eml = pathlib.Path(entry["file"]).read_bytes()
        [delivered] = delivered_to("bytes@example.com")
        got = without_postfix_headers(pathlib.Path(delivered).read_bytes())
        self.assertEqual(got, eml.replace(b"\r\n", b"\n"))
        inbox = json.loads(cli(profile, "inbox", "e2e", "--json").stdout)
        self.assertEqual(sorted(m["subject"] for m in inbox),
                         ["Seeded message 0", "Seeded message 1"])

    def test_after_the_window_expired_the_next_cycle_logs_in_again(self):
        profile = new_profile()
        cli(profile, "queue", "e2e", "--to", "first@example.com", "--subject", "1", "--body", "1")
        self.assertEqual(send_receive(profile)["sent"], 1)
        mailservers.clear_grants(SERVERS["root"])  # the server forgets the login: the window is over
        cli(profile, "queue", "e2e", "--to", "second@example.com", "--subject", "2", "--body", "2")
        result = send_receive(profile)
        self.assertEqual(result["sent"], 1)
        self.assertEqual(result["popLogins"], 1)
        delivered_to("second@example.com")

    def test_a_batch_that_outlasts_the_window_logs_in_again_mid_batch(self):
        profile = new_profile()
        with open(os.path.join(SERVERS["grants"], "budget"), "w") as f:
            f.write("2\n")  # the window ends after two messages
        for i in range(5):
            cli(profile, "queue", "e2e", "--to", f"batch{i}@example.com", "--subject", str(i),
                "--body", "batch")
        result = send_receive(profile)
        self.assertEqual(result["sent"], 5)
        self.assertEqual(result["popLogins"], 3)
        for i in range(5):
            delivered_to(f"batch{i}@example.com")

    def test_smtp_auth_over_starttls_with_the_test_ca(self):
        profile = new_profile("--pop-security", "starttls", "--pop-port", str(SERVERS["pop3"]),
                              "--smtp-port", str(SERVERS["submission"]), "--smtp-security",
                              "starttls", "--smtp-auth", "auto", "--pop-before-smtp", "off",
                              "--ca-file", SERVERS["ca"])
        cli(profile, "queue", "e2e", "--to", "tls@example.com", "--subject", "TLS", "--body", "x")
        result = send_receive(profile)
        self.assertEqual(result["sent"], 1)
        delivered_to("tls@example.com")
        self.assertIn("ESMTPSA", pathlib.Path(delivered_to("tls@example.com")[0]).read_text())

        # The same account without the CA: refused, and the error names the fingerprint.
        cli(profile, "account", "edit", "e2e", "--ca-file", "none")
        cli(profile, "queue", "e2e", "--to", "tls2@example.com", "--subject", "TLS", "--body", "y")
        r = cli(profile, "send-receive", "e2e", check=False)
        self.assertEqual(r.returncode, 1)
        report = json.loads(cli(profile, "probe", "e2e", "--json", check=False).stdout)
        self.assertFalse(report["smtpOk"])
        self.assertEqual(report["certificateSha256"], SERVERS["fingerprint"])
        self.assertIn(SERVERS["fingerprint"], " ".join(report["verdict"]).lower())
        # Pinning that fingerprint makes it work.
        cli(profile, "account", "edit", "e2e", "--trust-fingerprint", SERVERS["fingerprint"])
        self.assertEqual(send_receive(profile)["sent"], 1)

    def test_japanese_subject_body_and_attachment_arrive_intact(self):
        profile = new_profile()
        attachment = os.path.join(tempfile.mkdtemp(dir=ROOT), "報告書.txt")
        with open(attachment, "w", encoding="utf-8") as f:
            f.write("添付ファイルの中身です。\n")
        os.chmod(os.path.dirname(attachment), 0o755)
        for encoding in ("utf-8", "iso-2022-jp"):
            rcpt = f"nihongo-{encoding}@example.com"
            cli(profile, "queue", "e2e", "--to", rcpt, "--subject", "会議の議事録について",
                "--body", "山田様\n\nお世話になっております。\n議事録を添付します。\n",
                "--attach", attachment, "--encoding", encoding)
            self.assertEqual(send_receive(profile)["sent"], 1)
            [path] = delivered_to(rcpt)
            msg = email.message_from_bytes(pathlib.Path(path).read_bytes(), policy=email.policy.default)
            self.assertEqual(msg["Subject"], "会議の議事録について")
            body = msg.get_body(preferencelist=("plain",)).get_content()
            self.assertIn("お世話になっております。", body)
            [att] = list(msg.iter_attachments())
            self.assertEqual(att.get_filename(), "報告書.txt")
            self.assertEqual(att.get_content(), "添付ファイルの中身です。\n")

    def test_leave_on_server_and_nothing_new_the_second_time(self):
        profile = new_profile()
        self.assertEqual(send_receive(profile)["received"], 2)
        self.assertEqual(send_receive(profile)["received"], 0)
        maildir = SERVERS["maildir"]
        on_server = os.listdir(os.path.join(maildir, "cur")) + os.listdir(os.path.join(maildir, "new"))
        self.assertEqual(len(on_server), 2)

    def test_no_readable_password_on_a_plain_connection_unless_allowed(self):
        # USER/PASS over plain POP3 to a Dovecot that offers STLS, plain text not allowed:
        # nothing readable on the wire, the mail stays queued, and the probe says to switch.
        proxy = RecordingProxy(SERVERS["pop3"])
        try:
            profile = new_profile("--pop-login", "user", pop_port=proxy.port)
            cli(profile, "queue", "e2e", "--to", "clear@example.com", "--subject", "Kept",
                "--body", "kept")
            r = cli(profile, "send-receive", "e2e", "--json", check=False)
            self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
            result = json.loads(r.stdout)[0]
            self.assertEqual(result["errorKind"], "insecure-login")
            self.assertIn("STARTTLS", result["error"])
            self.assertEqual(result["sent"], 0)
            outbox = json.loads(cli(profile, "outbox", "e2e", "--json").stdout)
            self.assertEqual([e["state"] for e in outbox], ["queued"])
            report = json.loads(cli(profile, "probe", "e2e", "--json", check=False).stdout)
            self.assertEqual(report["popErrorKind"], "insecure-login")
            self.assertTrue(report["popStartTlsAvailable"])
            self.assertIn("STARTTLS", report["verdict"][0])
            text = cli(profile, "probe", "e2e", check=False).stdout
            self.assertIn(f"account edit e2e --pop-security starttls --pop-port {proxy.port}",
                          text)
            proxy.stop()  # every session relayed and closed
            seen = bytes(proxy.sent)
            self.assertIn(b"CAPA", seen)  # the proxy did see the sessions
            self.assertNotIn(b"USER", seen)
            for form in password_forms("alice", password()):
                self.assertNotIn(form, seen)

            # Allowed by choice: the login works, and a proxy shows what that means.
            proxy = RecordingProxy(SERVERS["pop3"])
            cli(profile, "account", "edit", "e2e", "--allow-plain-text-auth", "on",
                "--pop-port", str(proxy.port))
            self.assertEqual(send_receive(profile)["sent"], 1)
            proxy.stop()
            self.assertIn(b"PASS " + password().encode(), bytes(proxy.sent))
        finally:
            proxy.stop()
        delivered_to("clear@example.com")

    def test_relay_from_another_program_arrives_byte_identical(self):
        # Thunderbird-style use: authenticated submission on localhost; Outpost logs in over
        # POP first (the server relays only then) and delivers what it was given.
        profile = new_profile()
        port, relay_password = enable_relay(profile)
        serving = Serving(profile)
        try:
            submitted = (b"From: Alice <alice@example.com>\r\nTo: relayed@example.com\r\n"
                         b"Bcc: hidden@example.com\r\nSubject: Through the relay\r\n"
                         b"Date: Wed, 02 Dec 2026 10:00:00 +0900\r\n"
                         b"Message-ID: <relay-1@example.com>\r\n\r\n"
                         b"Line one.\r\n.\r\n..two dots\r\n\xe6\x97\xa5\xe6\x9c\xac\r\n")
            with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
                client.ehlo("thunderbird.example")
                client.login("e2e", relay_password)
                refused = client.sendmail("alice@example.com",
                                          ["relayed@example.com", "hidden@example.com"], submitted,
                                          mail_options=["BODY=8BITMIME"])
                self.assertEqual(refused, {})
            [delivered] = delivered_to("relayed@example.com")
            got = without_postfix_headers(pathlib.Path(delivered).read_bytes())
            expected = submitted.replace(b"Bcc: hidden@example.com\r\n", b"")
            self.assertEqual(got, expected.replace(b"\r\n", b"\n"))
            [hidden] = delivered_to("hidden@example.com")
            self.assertNotIn(b"hidden@example.com", without_postfix_headers(
                pathlib.Path(hidden).read_bytes()))
            # A wrong password: refused, nothing queued.
            with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
                client.ehlo("scanner")
                with self.assertRaises(smtplib.SMTPAuthenticationError):
                    client.login("e2e", "wrong-password")
        finally:
            serving.stop()
        self.assertEqual(serving.process.returncode, 0)
        outbox = json.loads(cli(profile, "outbox", "e2e", "--all", "--json").stdout)
        self.assertEqual([e["state"] for e in outbox], ["sent"])
        self.assertIn("relay", "".join(serving.lines))

    def test_relay_a_kill_right_after_the_250_loses_and_doubles_nothing(self):
        profile = new_profile("--send-immediately", "off")
        port, relay_password = enable_relay(profile)
        serving = Serving(profile)
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
            client.login("e2e", relay_password)
            client.sendmail("alice@example.com", ["once@example.com"],
                            b"Subject: once\r\n\r\nexactly once\r\n")
            serving.kill()  # SIGKILL the moment the 250 arrived
        # A half-finished submission on a second server run is dropped.
        serving = Serving(profile)
        with socket.create_connection(("127.0.0.1", port)) as raw:
            raw.recv(1000)
            auth = base64.b64encode(b"\0e2e\0" + relay_password.encode())
            raw.sendall(b"EHLO x\r\nAUTH PLAIN " + auth + b"\r\nMAIL FROM:<alice@example.com>\r\n"
                        b"RCPT TO:<never@example.com>\r\nDATA\r\nSubject: half\r\n\r\nhal")
            seen = b""
            while b"\r\n354 " not in seen:  # in DATA when it goes away
                chunk = raw.recv(1000)
                self.assertTrue(chunk, seen)
                seen += chunk
        serving.stop()
        outbox = json.loads(cli(profile, "outbox", "e2e", "--json").stdout)
        self.assertEqual([e["state"] for e in outbox], ["queued"])
        self.assertEqual(send_receive(profile)["sent"], 1)
        self.assertEqual(send_receive(profile)["sent"], 0)
        self.assertEqual(len(delivered_to("once@example.com")), 1)
        self.assertFalse(glob.glob(os.path.join(SERVERS["delivered"], "*.never@example.com.eml")))

    def test_sendmail_with_and_without_a_running_program(self):
        profile = new_profile()
        message = (b"From: alice@example.com\nTo: cron@example.com\nBcc: bcc@example.com\n"
                   b"Subject: nightly backup\n\nBackup finished.\n")
        # Nothing runs: queued in the outbox, sent by the next cycle.
        r = subprocess.run([CLI, "--profile", profile, "sendmail", "-t", "-i"], input=message,
                           capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(send_receive(profile)["sent"], 1)
        [got] = delivered_to("cron@example.com")
        self.assertIn(b"Backup finished.", pathlib.Path(got).read_bytes())
        delivered_to("bcc@example.com")
        # `outpost-cli run` holds the profile and serves the relay: sendmail hands the
        # message to it, and it goes out at once (send immediately).
        enable_relay(profile)
        serving = Serving(profile)
        try:
            r = subprocess.run([CLI, "--profile", profile, "sendmail", "handed@example.com"],
                               input=b"Subject: handed over\n\nvia the running program\n",
                               capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            [got] = delivered_to("handed@example.com")
            self.assertIn(b"via the running program", pathlib.Path(got).read_bytes())
            # send-receive while it runs: it runs the cycle and this one prints the result.
            result = send_receive(profile)
            self.assertEqual(result["account"], "e2e")
            self.assertEqual(result["errorKind"], "none")
            self.assertEqual(result["popLogins"], 1)
        finally:
            serving.stop()

    def test_relay_repeated_kills_lose_no_accepted_message(self):
        # Clients submit while the serving program is killed (SIGKILL) again and again: every
        # message that got its 250 is still in the outbox afterwards, and goes out once.
        # Nothing sends while the kills go on: what is queued stays listed in the outbox.
        profile = new_profile("--send-immediately", "off", "--check-at-startup", "off")
        port, relay_password = enable_relay(profile)
        accepted = []
        for round_ in range(4):
            serving = Serving(profile)
            stop = threading.Event()

            def submit(thread):
                i = 0
                while not stop.is_set():
                    subject = f"kill-{round_}-{thread}-{i}"
                    try:
                        with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
                            client.login("e2e", relay_password)
                            client.sendmail("alice@example.com", ["killed@example.com"],
                                            f"Subject: {subject}\r\n\r\nx\r\n".encode())
                        accepted.append(subject)  # only after the 250
                    except (OSError, smtplib.SMTPException):
                        return  # the server died under this client
                    i += 1

            clients = [threading.Thread(target=submit, args=(t,)) for t in range(3)]
            for c in clients:
                c.start()
            target = len(accepted) + 5 + 3 * round_
            deadline = time.monotonic() + 30
            while len(accepted) < target and time.monotonic() < deadline:
                time.sleep(0.01)
            serving.kill()
            stop.set()
            for c in clients:
                c.join(timeout=30)
        self.assertGreater(len(accepted), 20)
        outbox = json.loads(cli(profile, "outbox", "e2e", "--json").stdout)
        subjects = [e["subject"] for e in outbox]
        missing = [s for s in accepted if s not in subjects]
        self.assertEqual(missing, [], "accepted with 250, then lost")
        self.assertEqual(len(subjects), len(set(subjects)), "no message queued twice")
        result = send_receive(profile)
        self.assertEqual(result["sent"], len(subjects))
        self.assertEqual(send_receive(profile)["sent"], 0)
        delivered = delivered_to("killed@example.com")
        self.assertEqual(len(delivered), len(subjects))

    def test_imap_login_opens_the_relay_and_the_exact_bytes_go_out(self):
        # An IMAP login (STARTTLS, only to authenticate) opens the window as a POP3 login does.
        user = "imap-relay"
        maildir = mailservers.add_user(SERVERS, user)
        mailservers.append_messages(SERVERS, user, [mailservers.make_message(user, "relay-1")])
        on_server = mailservers.maildir_state(maildir)
        flags = server_flags(user)
        # Without a login the provider refuses to relay for 127.0.0.1.
        self.assertEqual(relay_answer_for_loopback("imap-refused@example.com"), 554)
        profile = new_imap_profile(user, "--receive", "auth-only", security="starttls")
        cli(profile, "queue", "e2e", "--to", "imap-bytes@example.com", "--subject",
            "Exact bytes over IMAP", "--body", "Line one.\n.\n..leading dots\nLast line.")
        result = imap_cycle(profile)
        self.assertEqual(result["sent"], 1)
        self.assertEqual(result["received"], 0)  # authenticate only
        self.assertEqual(result["popLogins"], 1)
        self.assertTrue(os.path.exists(os.path.join(SERVERS["grants"], "127.0.0.1")),
                        "Dovecot's post-login script recorded the IMAP login")
        [entry] = sent_file(profile)
        eml = pathlib.Path(entry["file"]).read_bytes()
        [delivered] = delivered_to("imap-bytes@example.com")
        got = without_postfix_headers(pathlib.Path(delivered).read_bytes())
        self.assertEqual(got, eml.replace(b"\r\n", b"\n"))
        # Authenticating read nothing and changed nothing on the server.
        self.assertEqual(local_messages(profile), [])
        self.assertEqual(mailservers.maildir_state(maildir), on_server)
        self.assertEqual(server_flags(user), flags)

    def test_imap_download_leaves_the_server_as_it_was(self):
        user = "imap-download"
        maildir = mailservers.add_user(SERVERS, user)
        first = [mailservers.make_message(user, f"download-{i}") for i in range(3)]
        mailservers.append_messages(SERVERS, user, [first[0], (first[1], "\\Seen"), first[2]])
        on_server = mailservers.maildir_state(maildir)
        self.assertEqual(sorted(on_server.values()), ["", "", "S"])
        flags = server_flags(user)
        self.assertEqual(flags["<download-1@outpost.test>"], ["\\Seen"])
        profile = new_imap_profile(user, "--receive", "download")

        self.assertEqual(imap_cycle(profile)["received"], 3)
        self.assertEqual(local_messages(profile), sorted(first))  # byte for byte
        # Nothing removed, no \Seen added (in the file names and as Dovecot reports it).
        self.assertEqual(mailservers.maildir_state(maildir), on_server)
        self.assertEqual(server_flags(user), flags)

        self.assertEqual(imap_cycle(profile)["received"], 0)
        self.assertEqual(local_messages(profile), sorted(first))

        later = mailservers.make_message(user, "download-later")
        mailservers.append_messages(SERVERS, user, [later])
        self.assertEqual(imap_cycle(profile)["received"], 1)
        self.assertEqual(local_messages(profile), sorted(first + [later]))
        self.assertEqual(len(mailservers.maildir_state(maildir)), 4)
        self.assertEqual({k: v for k, v in mailservers.maildir_state(maildir).items()
                          if k in on_server}, on_server)
        self.assertEqual(server_flags(user),
                         {**flags, "<download-later@outpost.test>": []})

    def test_imap_a_new_uidvalidity_downloads_nothing_twice(self):
        user = "imap-uidvalidity"
        maildir = mailservers.add_user(SERVERS, user)
        first = [mailservers.make_message(user, f"validity-{i}") for i in range(2)]
        mailservers.append_messages(SERVERS, user, first)
        profile = new_imap_profile(user, "--receive", "download")
        self.assertEqual(imap_cycle(profile)["received"], 2)
        self.assertEqual(local_messages(profile), sorted(first))

        # The server renumbers its mailbox (a rebuilt index, a migration): new UIDVALIDITY,
        # the same messages under new UIDs above the old ones. Neither "all new" (the new
        # UIDVALIDITY) nor "above the last UID" (the old numbering) may fetch them again.
        before, after = mailservers.force_uidvalidity_change(SERVERS, user)
        self.assertNotEqual(before["uidvalidity"], after["uidvalidity"])
        self.assertGreaterEqual(min(m["uid"] for m in after["messages"].values()),
                                before["uidnext"])
        self.assertEqual(imap_cycle(profile)["received"], 0)
        self.assertEqual(local_messages(profile), sorted(first))

        later = mailservers.make_message(user, "validity-later")
        mailservers.append_messages(SERVERS, user, [later])
        self.assertEqual(imap_cycle(profile)["received"], 1)
        self.assertEqual(local_messages(profile), sorted(first + [later]))
        self.assertEqual(imap_cycle(profile)["received"], 0)
        self.assertEqual(len(mailservers.maildir_state(maildir)), 3)

    def test_imap_starttls_stripped_no_login_goes_out(self):
        # A proxy hides STARTTLS and refuses it: with --pop-security starttls Outpost must stop
        # before any login, so nothing readable (or replayable) crosses the network.
        user = "imap-stripped"
        mailservers.add_user(SERVERS, user)
        proxy = ImapStartTlsStrippingProxy(SERVERS["imap"])
        try:
            profile = new_imap_profile(user, security="starttls", port=proxy.port)
            cli(profile, "queue", "e2e", "--to", "imap-stripped@example.com", "--subject",
                "Kept", "--body", "kept")
            r = cli(profile, "send-receive", "e2e", "--json", check=False)
            self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
            result = json.loads(r.stdout)[0]
            self.assertEqual(result["errorKind"], "tls", result)
            self.assertIn("STARTTLS", result["error"])
            self.assertEqual(result["sent"], 0)
            self.assertEqual(result["received"], 0)
            outbox = json.loads(cli(profile, "outbox", "e2e", "--json").stdout)
            self.assertEqual([e["state"] for e in outbox], ["queued"])
        finally:
            proxy.stop()  # every session relayed and closed
        self.assertGreaterEqual(proxy.sessions, 1, "Outpost connected through the proxy")
        seen = bytes(proxy.sent)
        self.assertNotIn(b"LOGIN", seen.upper())
        self.assertNotIn(b"AUTHENTICATE", seen.upper())
        for form in password_forms(user, password()):
            self.assertNotIn(form, seen)
        self.assertFalse(os.path.exists(os.path.join(SERVERS["grants"], "127.0.0.1")),
                         "no login reached the server")
        self.assertFalse(glob.glob(os.path.join(SERVERS["delivered"],
                                                "*.imap-stripped@example.com.eml")))

    def test_zz_no_password_in_profiles_logs_or_output(self):
        secret = password().encode()
        self.assertTrue(PROFILES, "the other tests made profiles")
        for profile in PROFILES:
            for folder, _, files in os.walk(profile):
                for name in files:
                    path = pathlib.Path(folder, name)
                    self.assertNotIn(secret, path.read_bytes(), str(path))
        logs = [log for profile in PROFILES for log in glob.glob(os.path.join(profile, "logs", "*.log"))]
        self.assertTrue(logs, "the protocol log is written")
        texts = [pathlib.Path(log).read_text() for log in logs]
        self.assertTrue(any("APOP alice ****" in t or "PASS ****" in t for t in texts),
                        "logins appear masked in the log")
        for output in OUTPUTS:
            self.assertNotIn(password(), output)


def main():
    global CLI, SERVERS, ROOT
    args = sys.argv[1:]
    if len(args) < 2 or args[0] != "--cli":
        print(__doc__, file=sys.stderr)
        return 2
    CLI = os.path.abspath(args[1])
    if os.geteuid() != 0:
        print("SKIP: the end-to-end tests run Dovecot and Postfix and need root")
        return 77
    ROOT = tempfile.mkdtemp(prefix="outpost-e2e-", dir=os.environ.get("OUTPOST_TEST_SCRATCH"))
    SERVERS = mailservers.start(os.path.join(ROOT, "servers"))
    try:
        program = unittest.main(argv=[sys.argv[0], "-v"] + args[2:], exit=False)
        return 0 if program.result.wasSuccessful() else 1
    finally:
        mailservers.stop(os.path.join(ROOT, "servers"))


if __name__ == "__main__":
    sys.exit(main())
