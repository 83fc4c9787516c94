#!/usr/bin/env python3
"""Wire benchmarks: Outpost against the tools people use instead, on a real Dovecot and
Postfix (tests/e2e/mailservers.py) on loopback. Needs root (the servers run as their own
users); exits 77 (skipped) otherwise.

1. Round trips. A delay proxy on loopback sits in front of Dovecot and Postfix and adds a
   fixed one-way delay (half the round-trip time) to every byte in each direction, and the
   cost of a TCP handshake (1.5 round trips before the server sees the connection). For
   each scenario the wall time at that delay minus the wall time through the same proxy
   with no delay, divided by the round-trip time, is the number of round trips the work
   costs (start-up, disk and server work cancel out). Each setting of SCENARIOS (plain;
   plain with PIPELINING and CHUNKING hidden by the proxy, which renames them in the
   capability lists; POP3S + SMTPS; STARTTLS on both) runs Outpost's `outpost-cli
   send-receive` (POP authenticate-only, then the queued messages) as a second session (the
   POP server's capabilities remembered) and, for one message, as a first session, and
   Python's poplib (USER, PASS, STAT, QUIT) then smtplib over one connection, protected the
   same way. SMTPS is a listener added to the running Postfix (add_smtps).
2. Bulk send. N messages of S bytes straight to Postfix (no proxy), Postfix only accepting
   (defer_transports holds every delivery): Outpost in one cycle, msmtp once per message,
   a Python smtplib loop over one connection, and Postfix's smtp-source over one session.
3. Idle. `outpost-cli run` with N messages in the outbox (held by a deferral far in the
   future is not possible through the stores, so the account's interval is long and
   check-at-startup off: the scheduler holds them) and N in the inbox, left alone: CPU time
   and resident memory from /proc.

    bench_wire.py --cli build/app/cli/outpost-cli --fill build/tests/bench/bench_fill \
        [--rtt-ms 100] [--runs 3] [--batch 100] [--scenarios 1,3] [--transcripts DIR]
        [--bulk 1000] [--bulk-size 10240]
        [--idle-seconds 60] [--idle-messages 10000] [--markdown FILE] [--quick]
"""
import argparse
import asyncio
import datetime
import imaplib
import json
import os
import poplib
import shutil
import smtplib
import ssl
import statistics
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

RECIPIENT = "bench@example.net"
SENDER = "alice@outpost.test"


# --- The delay proxy ---------------------------------------------------------------------

class DelayProxy:
    """A TCP proxy on 127.0.0.1 (port chosen by the OS) in front of 127.0.0.1:target.

    Every chunk is forwarded one_way seconds after it arrived, in order; a new connection
    reaches the server 3 * one_way after it was accepted (SYN, SYN-ACK, ACK), so the
    server's greeting arrives 2 round trips after connect() as on a real link. With strip
    set, PIPELINING and CHUNKING are renamed in the server's capability lists."""

    def __init__(self, loop, target):
        self.loop = loop
        self.target = target
        self.one_way = 0.0
        self.strip = False
        self.port = None
        self.server = None

    async def start(self):
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    @staticmethod
    def rewrite(data):
        for old, new in ((b"250-PIPELINING\r\n", b"250-XPIPELINING\r\n"),
                         (b"250-CHUNKING\r\n", b"250-XCHUNKING\r\n"),
                         (b"250 CHUNKING\r\n", b"250 XCHUNKING\r\n"),
                         (b"\r\nPIPELINING\r\n", b"\r\nXPIPELINING\r\n")):
            data = data.replace(old, new)
        return data

    async def handle(self, creader, cwriter):
        one_way, strip = self.one_way, self.strip
        loop = self.loop
        accepted = loop.time()
        c2s, s2c = asyncio.Queue(), asyncio.Queue()

        async def pump_in(reader, queue):
            try:
                while True:
                    data = await reader.read(262144)
                    queue.put_nowait((loop.time() + one_way, data))
                    if not data:
                        return
            except (ConnectionError, OSError):
                queue.put_nowait((loop.time(), b""))

        async def pump_out(queue, writer, rewrite):
            try:
                while True:
                    due, data = await queue.get()
                    wait = due - loop.time()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    if not data:
                        writer.close()
                        return
                    writer.write(rewrite(data) if rewrite else data)
                    await writer.drain()
            except (ConnectionError, OSError):
                pass

        tasks = [asyncio.ensure_future(pump_in(creader, c2s))]
        try:
            wait = accepted + 3 * one_way - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            sreader, swriter = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            cwriter.close()
            return
        tasks += [asyncio.ensure_future(pump_in(sreader, s2c)),
                  asyncio.ensure_future(pump_out(c2s, swriter, None)),
                  asyncio.ensure_future(pump_out(s2c, cwriter, self.rewrite if strip else None))]
        await asyncio.gather(*tasks, return_exceptions=True)


class Proxies:
    """The event loop in a thread, with one proxy for POP3 and one for SMTP."""

    def __init__(self, pop3, smtp):
        self.loop = asyncio.new_event_loop()
        self.pop = DelayProxy(self.loop, pop3)
        self.smtp = DelayProxy(self.loop, smtp)
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        for p in (self.pop, self.smtp):
            asyncio.run_coroutine_threadsafe(p.start(), self.loop).result(10)

    def set(self, rtt, strip=False):
        for p in (self.pop, self.smtp):
            p.one_way = rtt / 2.0
            p.strip = strip


# --- Helpers -------------------------------------------------------------------------------

def message_bytes(size, index=0):
    head = (f"From: Alice <{SENDER}>\r\nTo: <{RECIPIENT}>\r\nSubject: Benchmark {index}\r\n"
            f"Message-ID: <bench{index}.{time.time_ns()}@outpost.test>\r\n"
            "Date: Sat, 28 Nov 2026 10:00:00 +0900\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=us-ascii\r\n\r\n").encode()
    line = b"The quick brown fox jumps over the lazy dog, again and again and again.\r\n"
    body = line * max(1, (size - len(head)) // len(line))
    return head + body


class NoKeychain(Exception):
    """outpost-cli keeps passwords only in the system keychain, and there is none here."""


class Outpost:
    def __init__(self, cli, fill, root, servers):
        self.cli, self.fill, self.root, self.servers = cli, fill, root, servers

    def run(self, profile, *args, stdin=None, timeout=600):
        return subprocess.run([self.cli, "--profile", profile, *args], input=stdin,
                              capture_output=True, text=True, timeout=timeout)

    def profile(self, pop_port, smtp_port, *extra):
        profile = tempfile.mkdtemp(prefix="bench-profile-", dir=self.root)
        r = self.run(profile, "account", "add", "bench", "--address", SENDER,
                     "--pop-host", "127.0.0.1", "--pop-port", str(pop_port), "--pop-user",
                     "alice", "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp_port),
                     "--interval", "0", "--receive", "auth-only", *extra)
        if r.returncode != 0:
            raise RuntimeError(f"account add failed: {r.stdout}{r.stderr}")
        password = open(self.servers["password_file"]).read()
        r = self.run(profile, "account", "password", "bench", "--password-stdin",
                     stdin=password + "\n")
        if r.returncode != 0:
            if "keychain" in (r.stdout + r.stderr).lower():
                raise NoKeychain(r.stdout + r.stderr)
            raise RuntimeError(f"account password failed: {r.stdout}{r.stderr}")
        return profile

    def account_dir(self, profile):
        return os.path.join(profile, "accounts", "bench")  # the id is the account's name

    def queue(self, profile, count, size):
        eml = os.path.join(self.root, f"message-{size}.eml")
        if not os.path.exists(eml):
            with open(eml, "wb") as f:
                f.write(message_bytes(size))
        subprocess.run([self.fill, "--account-dir", self.account_dir(profile), "--outbox",
                        str(count), "--eml", eml], check=True, capture_output=True)

    def send_receive(self, profile, expect_sent, span=None):
        """Runs one cycle; returns its wall time. With @span (a list), also appends the
        time from the first to the last line of the cycle in the protocol log."""
        log = os.path.join(profile, "logs", "bench.log")
        offset = os.path.getsize(log) if os.path.exists(log) else 0
        start = time.monotonic()
        r = self.run(profile, "send-receive", "bench", "--json")
        wall = time.monotonic() - start
        if span is not None:
            with open(log, "rb") as f:
                f.seek(offset)
                stamps = [line.split(b" ", 1)[0].decode() for line in f.read().splitlines()
                          if line[:4].isdigit()]
            first, last = (datetime.datetime.fromisoformat(stamps[i]) for i in (0, -1))
            span.append((last - first).total_seconds())
        if r.returncode != 0:
            raise RuntimeError(f"send-receive exited {r.returncode}: {r.stdout}{r.stderr}")
        result = json.loads(r.stdout)[0]
        if result.get("sent") != expect_sent:
            raise RuntimeError(f"sent {result.get('sent')}, expected {expect_sent}: {r.stdout}")
        return wall


def python_cycle(scenario, pop_port, smtp_port, password, count, size, ca):
    """poplib (USER, PASS, STAT, QUIT) then smtplib over one connection, protected as
    @scenario says: implicit TLS (POP3_SSL, SMTP_SSL) or STARTTLS (stls(), starttls())."""
    context = ssl.create_default_context(cafile=ca)
    start = time.monotonic()
    if scenario.receive == "imap":
        # imaplib asks CAPABILITY after the greeting, then LOGIN, then LOGOUT: one by one.
        imap = imaplib.IMAP4_SSL("127.0.0.1", pop_port, ssl_context=context, timeout=60)
        imap.login("alice", password)
        imap.logout()
    else:
        if scenario.pop == "tls":
            pop = poplib.POP3_SSL("127.0.0.1", pop_port, timeout=60, context=context)
        else:
            pop = poplib.POP3("127.0.0.1", pop_port, timeout=60)
            if scenario.pop == "starttls":
                pop.stls(context=context)  # asks CAPA first
        pop.user("alice")
        pop.pass_(password)
        pop.stat()
        pop.quit()
    if scenario.smtp == "tls":
        smtp = smtplib.SMTP_SSL("127.0.0.1", smtp_port, timeout=60, context=context)
    else:
        smtp = smtplib.SMTP("127.0.0.1", smtp_port, timeout=60)
        if scenario.smtp == "starttls":
            smtp.starttls(context=context)  # EHLO, STARTTLS; sendmail says EHLO again
    for i in range(count):
        smtp.sendmail(SENDER, [RECIPIENT], message_bytes(size, i))
    smtp.quit()
    return time.monotonic() - start


def median(values):
    return statistics.median(values)


def loadavg():
    return open("/proc/loadavg").read().split()[0]


# --- 1. Round trips ------------------------------------------------------------------------

class Scenario:
    """One way of reaching the servers: how POP and SMTP are protected and which of the
    servers' ports serve it (keys of mailservers.start()'s result, plus "smtps" added here).
    minimum(n, known) is the protocols' least number of round trips for a POP login then n
    messages with PIPELINING and CHUNKING (@known: the POP server's capabilities known from
    the last session, so CAPA is not needed); bare(n) the least without any extension, for
    clients that use none (Python)."""

    def __init__(self, name, pop, smtp, pop_port, smtp_port, minimum, bare, strip=False,
                 receive="pop3"):
        self.name, self.pop, self.smtp = name, pop, smtp
        self.pop_port, self.smtp_port = pop_port, smtp_port
        self.minimum, self.bare, self.strip, self.receive = minimum, bare, strip, receive


# Plain: POP connect + greeting 2, (CAPA 1,) USER/PASS/STAT/QUIT in one group 1; SMTP
# connect + greeting + EHLO 3 alongside; then every MAIL/RCPT/BDAT LAST and QUIT in one group
# 1 (RFC 2920: EHLO ends a group, and no MAIL goes before the POP login has finished).
# Implicit TLS 1.3: the handshake costs 1 round trip before the server can greet (the client's
# Finished goes with its first command, but the server greets only after it): POP greeting at
# 3, login at 4 (5 with CAPA); SMTP greeting at 3, EHLO 4; the group 1 more.
# STARTTLS on both: SMTP greeting 2, EHLO 3, STARTTLS 4, handshake 5 (the client's Finished
# carries the second EHLO, RFC 3207 section 4.2), EHLO 6, the group 7; POP greeting 2, (CAPA,)
# STLS 3, handshake 4, (CAPA,) login 5 — with CAPA twice the POP side ends at 7 and the group
# at 8. Without extensions (bare): the POP login ends after PASS (USER and PASS one by one),
# then MAIL, RCPT, DATA and the data's end one by one per message, and QUIT.
SCENARIOS = [
    Scenario("POP3 + SMTP", "none", "none", "pop3", "smtp",
             minimum=lambda n, known: 4 if known else 5, bare=lambda n: 4 + 4 * n + 1),
    Scenario("POP3 + SMTP, PIPELINING/CHUNKING hidden", "none", "none", "pop3", "smtp",
             minimum=lambda n, known: (4 if known else 5) + 4 * n + 1, bare=lambda n: 4 + 4 * n + 1,
             strip=True),
    Scenario("POP3S + SMTPS (TLS 1.3)", "tls", "tls", "pop3s", "smtps",
             minimum=lambda n, known: 5 if known else 6, bare=lambda n: 5 + 4 * n + 1),
    Scenario("POP3 + SMTP, STARTTLS on both", "starttls", "starttls", "pop3", "smtp",
             minimum=lambda n, known: 7 if known else 8, bare=lambda n: 6 + 4 * n + 1),
    # IMAPS: the greeting carries the capabilities ([CAPABILITY ...], RFC 3501 section 7.1),
    # so AUTHENTICATE PLAIN (SASL-IR) and LOGOUT go at once after it: the login at 4, known
    # or not, as POP3S with its capabilities remembered; SMTPS as above.
    Scenario("IMAPS + SMTPS (TLS 1.3)", "tls", "tls", "imaps", "smtps",
             minimum=lambda n, known: 5, bare=lambda n: 5 + 4 * n + 1, receive="imap"),
]


def add_smtps(servers):
    """An SMTPS (implicit TLS, RFC 8314) listener on the running Postfix, beside its port 25
    with STARTTLS: same relay rules. Returns its port."""
    conf = servers["postfix_config"]
    port = free_port()
    service = f"127.0.0.1:{port}"
    subprocess.run(["postconf", "-c", conf, "-M", f"{service}/inet={service} inet n - n - - smtpd"],
                   check=True)
    subprocess.run(["postconf", "-c", conf, "-P", f"{service}/inet/smtpd_tls_wrappermode=yes",
                    f"{service}/inet/syslog_name=postfix/smtps"], check=True)
    subprocess.run(["postfix", "-c", conf, "reload"], check=True, capture_output=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("Postfix's SMTPS listener did not start")


def forget_capabilities(outpost, profile):
    path = os.path.join(outpost.account_dir(profile), "capabilities.json")
    if os.path.exists(path):
        os.remove(path)


def round_trips(args, outpost, servers, out):
    password = open(servers["password_file"]).read()
    rtt = args.rtt_ms / 1000.0
    if "smtps" not in servers:
        servers["smtps"] = add_smtps(servers)
    counts = [1, 10] if args.batch in (1, 10) else [1, 10, args.batch]
    if args.quick:
        counts = [1, args.batch]  # the ctest run: each setting works, in little time
    wanted = args.scenarios.split(",") if args.scenarios else None
    rows = []
    for number, scenario in enumerate(SCENARIOS, 1):
        if wanted and str(number) not in wanted:
            continue
        proxies = Proxies(servers[scenario.pop_port], servers[scenario.smtp_port])
        profile = outpost.profile(proxies.pop.port, proxies.smtp.port, "--incoming",
                                  scenario.receive, "--pop-security", scenario.pop,
                                  "--smtp-security", scenario.smtp, "--ca-file", servers["ca"])
        proxies.set(0.0, scenario.strip)
        outpost.queue(profile, 1, args.message_size)  # the first session: capabilities learnt
        outpost.send_receive(profile, 1)
        for n in counts:
            variants = [("Outpost", False)]
            if n == 1:
                variants.append(("Outpost, nothing remembered (first session)", True))
            for label, first in variants:
                walls, spans = {}, {}
                for delay in (0.0, rtt):
                    proxies.set(delay, scenario.strip)
                    samples, logged = [], []
                    for _ in range(args.runs):
                        if first:
                            forget_capabilities(outpost, profile)
                        outpost.queue(profile, n, args.message_size)
                        samples.append(outpost.send_receive(profile, n, logged))
                    walls[delay], spans[delay] = median(samples), median(logged)
                rows.append((scenario.name, n, label, walls[rtt], walls[0.0],
                             scenario.minimum(n, not first), (spans[rtt] - spans[0.0]) / rtt))
            if scenario.strip:
                continue  # the proxy hides extensions from Outpost only; Python uses none
            walls = {}
            for delay in (0.0, rtt):
                proxies.set(delay, False)
                walls[delay] = median([python_cycle(scenario, proxies.pop.port,
                                                    proxies.smtp.port, password, n,
                                                    args.message_size, servers["ca"])
                                       for _ in range(args.runs)])
            python = "imaplib" if scenario.receive == "imap" else "poplib"
            rows.append((scenario.name, n, f"Python {python} + smtplib", walls[rtt], walls[0.0],
                         scenario.bare(n), None))
        if args.transcripts:  # the protocol log, to see where each round trip goes
            os.makedirs(args.transcripts, exist_ok=True)
            shutil.copy(os.path.join(profile, "logs", "bench.log"),
                        os.path.join(args.transcripts, f"scenario-{number}.log"))

    out.append(f"### Round trips (RTT {args.rtt_ms:g} ms through a delay proxy, "
               f"median of {args.runs}, load {loadavg()})\n")
    out.append("| Setting | Messages | Client | Wall at RTT | Wall at 0 ms | Round trips | "
               "Round trips (protocol log) | Protocol minimum |")
    out.append("|---|---:|---|---:|---:|---:|---:|---:|")
    for name, n, label, wall, base, minimum, logged in rows:
        trips = (wall - base) / rtt
        logged = "—" if logged is None else f"{logged:.1f}"
        out.append(f"| {name} | {n} | {label} | {wall * 1000:.0f} ms | {base * 1000:.0f} ms | "
                   f"{trips:.1f} | {logged} | {minimum} |")
    out.append("")
    out.append("Round trips = (wall at RTT − wall at 0 ms) / RTT: process start-up, disk and "
               "server work cancel out. For Outpost the same difference is also taken from "
               "its protocol log (first to last line of the cycle, millisecond stamps), which "
               "leaves out the process around the cycle. Outpost's rows are second sessions "
               "(the POP server's capabilities remembered from the last one, CAPA skipped) "
               "unless marked first session. Protocol minimum, with PIPELINING and CHUNKING: "
               "plain 4 (POP greeting 2, login group 3; SMTP greeting and EHLO 3 alongside; "
               "every MAIL/RCPT/BDAT LAST and QUIT in one group 4), 5 when CAPA is needed; "
               "implicit TLS 1.3 one more (the handshake before each greeting); STARTTLS 7 (SMTP: "
               "greeting 2, EHLO 3, STARTTLS 4, handshake 5, EHLO 6, the group 7), 8 when POP "
               "needs CAPA before and after STLS; IMAPS + SMTPS 5, remembered or not (the "
               "IMAP greeting names the capabilities, and the login and LOGOUT go together). "
               "Python's minimum is the one without extensions (4 round trips per message; "
               "imaplib asks CAPABILITY, then LOGIN, then LOGOUT, one by one).\n")
    return rows


# --- 2. Bulk send --------------------------------------------------------------------------

def cpu_busy_share(interval):
    """The share of the machine's CPU time spent busy over @interval seconds (/proc/stat)."""
    def sample():
        fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
        return sum(fields), fields[3] + fields[4]  # total, idle + iowait
    total0, idle0 = sample()
    time.sleep(interval)
    total1, idle1 = sample()
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


def purge_queue(servers):
    """Deletes the messages Postfix holds, so every sender starts from an empty queue."""
    subprocess.run(["postsuper", "-c", servers["postfix_config"], "-d", "ALL"], check=True,
                   capture_output=True)


def settle(limit=30.0):
    """Waits (at most @limit seconds) until the machine is quiet: under 10 % busy over a
    quarter of a second, so Postfix's work on the previous sender's messages is done."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and cpu_busy_share(0.25) > 0.10:
        pass


def hold_deliveries(servers):
    conf = servers["postfix_config"]
    subprocess.run(["postconf", "-c", conf, "-e", "defer_transports=fileout"], check=True)
    subprocess.run(["postfix", "-c", conf, "reload"], check=True, capture_output=True)
    time.sleep(1)


def bulk(args, outpost, servers, out):
    hold_deliveries(servers)
    password = open(servers["password_file"]).read()
    n, size, port = args.bulk, args.bulk_size, servers["smtp"]
    payload = message_bytes(size)
    eml = os.path.join(outpost.root, "bulk.eml")
    with open(eml, "wb") as f:
        f.write(payload)
    results = []

    def login():  # opens the relay window for 127.0.0.1
        pop = poplib.POP3("127.0.0.1", servers["pop3"], timeout=60)
        pop.user("alice")
        pop.pass_(password)
        pop.quit()

    def quiet():
        purge_queue(servers)
        settle()

    def outpost_run():
        profile = outpost.profile(servers["pop3"], port)
        outpost.queue(profile, n, size)
        quiet()
        return n / outpost.send_receive(profile, n)

    def smtpclient_run():
        login()
        quiet()
        start = time.monotonic()
        r = subprocess.run([args.smtpclient, "--port", str(port), "--eml", eml, "--count",
                            str(n), "--from", SENDER, "--to", RECIPIENT],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"bench_smtpclient failed: {r.stdout}{r.stderr}")
        return n / (time.monotonic() - start)

    def smtp_source_run():
        login()
        quiet()
        start = time.monotonic()
        subprocess.run(["smtp-source", "-d", "-s", "1", "-m", str(n), "-l", str(size),
                        "-f", SENDER, "-t", RECIPIENT, f"127.0.0.1:{port}"], check=True,
                       capture_output=True)
        return n / (time.monotonic() - start)

    def smtplib_run():
        login()
        quiet()
        start = time.monotonic()
        smtp = smtplib.SMTP("127.0.0.1", port, timeout=60)
        for _ in range(n):
            smtp.sendmail(SENDER, [RECIPIENT], payload)
        smtp.quit()
        return n / (time.monotonic() - start)

    # The senders take turns, round after round, and each starts with Postfix's queue
    # emptied and the machine quiet again (the held deliveries keep Postfix's queue manager
    # busy for a while, and a fuller queue is a slower one): every sender meets the same
    # server.
    senders = [("Outpost (outpost-cli send-receive, one cycle)", outpost_run)]
    if args.smtpclient:
        senders.append(("Outpost's SmtpClient alone (no outbox journal)", smtpclient_run))
    senders += [("Postfix smtp-source (one session)", smtp_source_run),
                ("Python smtplib (one connection)", smtplib_run)]
    samples = {label: [] for label, _ in senders}
    for _ in range(args.runs):
        for label, run in senders:
            samples[label].append(run())
    for label, _ in senders:
        results.append((label, n, median(samples[label])))

    # msmtp, one process per message (slow: fewer messages, the rate is what counts).
    msmtp = shutil.which("msmtp")
    if msmtp:
        m = min(n, args.msmtp_messages)
        rc = os.path.join(outpost.root, "msmtprc")
        with open(rc, "w") as f:
            f.write(f"account bench\nhost 127.0.0.1\nport {port}\nfrom {SENDER}\n"
                    "auth off\ntls off\naccount default : bench\n")
        os.chmod(rc, 0o600)
        samples = []
        for _ in range(args.runs):
            login()
            quiet()
            start = time.monotonic()
            for _ in range(m):
                subprocess.run([msmtp, "-C", rc, RECIPIENT], input=payload, check=True,
                               capture_output=True)
            samples.append(m / (time.monotonic() - start))
        results.append(("msmtp (one process per message)", m, median(samples)))

    source = next(rate for label, _, rate in results if "smtp-source" in label)
    out.append(f"### Bulk send ({n} messages of {size} bytes to Postfix on loopback, deliveries "
               f"held; median of {args.runs}, load {loadavg()})\n")
    out.append("| Sender | Messages | Messages/s | vs smtp-source |")
    out.append("|---|---:|---:|---:|")
    for label, count, rate in results:
        out.append(f"| {label} | {count} | {rate:.0f} | {rate / source * 100:.0f} % |")
    out.append("")
    out.append("Outpost's rate is measured on the whole command: process start, reading the "
               "outbox, the POP login, and journaling every message's state changes on disk "
               "(sending, data complete, sent; flushed once per group of messages written "
               "together, before their data's end leaves). The SmtpClient row is the same wire "
               "work without the outbox. The senders take turns round after round, each "
               "starting with Postfix's queue emptied and the machine quiet again.\n")
    return results


# --- 3. Idle -------------------------------------------------------------------------------

def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def idle_cost(command, settle, seconds, env=None):
    """Starts @command, leaves it alone for @settle seconds, then measures @seconds more:
    returns (CPU in ms per minute while left alone, the larger resident memory reading in
    MiB, CPU seconds used during @settle)."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)
    try:
        time.sleep(settle)
        if proc.poll() is not None:
            raise RuntimeError(f"{command[0]} exited {proc.returncode}")
        cpu0, rss0 = cpu_seconds(proc.pid), rss_kib(proc.pid)
        time.sleep(seconds)
        cpu1, rss1 = cpu_seconds(proc.pid), rss_kib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
    return (cpu1 - cpu0) * 1000 * 60 / seconds, max(rss0, rss1) / 1024, cpu0


def idle(args, outpost, servers, out):
    # The account's servers are the real ones; with no automatic check, the scheduler only
    # waits: nothing is due to be sent until the user asks.
    profile = outpost.profile(servers["pop3"], servers["smtp"], "--interval", "0",
                              "--check-at-startup", "off", "--send-immediately", "off")
    eml = os.path.join(outpost.root, "idle.eml")
    with open(eml, "wb") as f:
        f.write(message_bytes(2048))
    subprocess.run([outpost.fill, "--account-dir", outpost.account_dir(profile), "--outbox",
                    str(args.idle_messages), "--eml", eml, "--inbox", str(args.idle_messages),
                    "--inbox-size", "4096"], check=True, capture_output=True)
    per_minute_ms, rss_mib, cpu0 = idle_cost([outpost.cli, "--profile", profile, "run"],
                                             args.idle_settle, args.idle_seconds)
    out.append(f"### Idle (`outpost-cli run`, {args.idle_messages} messages in the outbox and "
               f"{args.idle_messages} in the inbox, {args.idle_seconds:g} s after "
               f"{args.idle_settle:g} s of start-up; load {loadavg()})\n")
    out.append("| Figure | Value | Goal |")
    out.append("|---|---:|---:|")
    out.append(f"| CPU while idle | {per_minute_ms:.1f} ms per minute | < 10 ms |")
    out.append(f"| Resident memory | {rss_mib:.1f} MiB | < 25 MiB |")
    out.append(f"| CPU for start-up (first {args.idle_settle:g} s) | {cpu0 * 1000:.0f} ms | — |")
    out.append("")
    out.append("CPU is utime+stime from /proc/PID/stat (clock-tick resolution, 10 ms); "
               "resident memory is VmRSS from /proc/PID/status.\n")
    return per_minute_ms, rss_mib


# --- Main ----------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_relay(command, env, ready="other programs can send through Outpost", timeout=60):
    """Starts a program that serves the relay; returns it once it listens."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env=env)
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if ready in line:
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            return process
    process.kill()
    raise RuntimeError("the relay did not start:\n" + "".join(seen))


def wait_listening(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if b"Outpost local relay" in s.recv(200):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"nothing serves the relay on port {port}")


def final_dot_latency(port, count, size):
    """Seconds from the client's final dot to the relay's 250, per message, over one
    connection (no sign-in: the sender's address chooses the account)."""
    payload = message_bytes(size)
    stuffed = b"\r\n".join(b"." + l if l.startswith(b".") else l
                             for l in payload.split(b"\r\n"))
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # the dot leaves at once
    reader = sock.makefile("rb")

    def reply():
        while True:
            line = reader.readline()
            if not line or line[3:4] != b"-":
                return line

    reply()
    sock.sendall(b"EHLO bench\r\n")
    reply()
    times = []
    for _ in range(count):
        sock.sendall(f"MAIL FROM:<{SENDER}>\r\nRCPT TO:<{RECIPIENT}>\r\nDATA\r\n".encode())
        for _ in range(3):
            reply()
        body = stuffed if stuffed.endswith(b"\r\n") else stuffed + b"\r\n"
        sock.sendall(body)
        start = time.perf_counter()
        sock.sendall(b".\r\n")
        line = reply()
        times.append(time.perf_counter() - start)
        if not line.startswith(b"250"):
            raise RuntimeError(f"relay refused: {line!r}")
    sock.sendall(b"QUIT\r\n")
    sock.close()
    return times


def relay(args, outpost, servers, out):
    """The local relay accepting 10 KB messages with a durable 250, against Postfix's own
    smtpd accepting into its queue, both loaded by smtp-source over 1 and 8 connections."""
    hold_deliveries(servers)
    password = open(servers["password_file"]).read()
    n, size = args.relay_messages, args.bulk_size
    profile = outpost.profile(servers["pop3"], servers["smtp"], "--send-immediately", "off",
                              "--check-at-startup", "off")
    port = free_port()
    r = outpost.run(profile, "relay", "enable", "--port", str(port), "--allow-unauthenticated")
    if r.returncode != 0:
        raise RuntimeError(f"relay enable failed: {r.stdout}{r.stderr}")
    lag_cli = os.path.join(outpost.root, "lag-cli.json")
    env = dict(os.environ, OUTPOST_LAG_REPORT=lag_cli)

    def login():  # Postfix relays for 127.0.0.1 after a POP login
        pop = poplib.POP3("127.0.0.1", servers["pop3"], timeout=60)
        pop.user("alice")
        pop.pass_(password)
        pop.quit()

    def source(target, sessions):
        settle()
        start = time.monotonic()
        subprocess.run(["smtp-source", "-d", "-s", str(sessions), "-m", str(n), "-l", str(size),
                        "-f", SENDER, "-t", RECIPIENT, f"127.0.0.1:{target}"], check=True,
                       capture_output=True)
        return n / (time.monotonic() - start)

    rates = {}
    serving = serve_relay([outpost.cli, "--profile", profile, "run"], env)
    try:
        for sessions in (1, 8):
            outpost_samples, postfix_samples = [], []
            for _ in range(args.runs):
                outpost_samples.append(source(port, sessions))
                login()
                purge_queue(servers)
                postfix_samples.append(source(servers["smtp"], sessions))
            rates[sessions] = (median(outpost_samples), median(postfix_samples))
        settle()
        latency = sorted(final_dot_latency(port, args.relay_latency_messages, size))
    finally:
        serving.send_signal(signal.SIGINT)
        serving.wait(timeout=60)
    with open(lag_cli) as f:
        cli_lag = json.load(f)

    # The desktop program serving the relay while 8 clients submit: its event loop's lag.
    gui = os.path.join(os.path.dirname(os.path.dirname(outpost.cli)), "gui", "outpost")
    gui_lag = None
    if os.path.exists(gui) and shutil.which("xvfb-run") and not args.quick:
        lag_gui = os.path.join(outpost.root, "lag-gui.json")
        genv = dict(os.environ, OUTPOST_LAG_REPORT=lag_gui, QT_QPA_PLATFORM="xcb")
        desktop = subprocess.Popen(["xvfb-run", "-a", gui, "--profile", profile],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=genv, start_new_session=True)
        try:
            wait_listening(port)
            time.sleep(1.5)  # start-up done: the lag measured is the load's
            if os.path.exists(lag_gui):
                os.remove(lag_gui)
            source(port, 8)
            time.sleep(1.2)  # the probe writes once a second
            with open(lag_gui) as f:
                gui_lag = json.load(f)
        finally:
            os.killpg(desktop.pid, signal.SIGTERM)
            desktop.wait(timeout=60)

    def pct(values, share):
        return values[min(len(values) - 1, int(share * (len(values) - 1)))]

    out.append(f"### Local relay ({n} messages of {size} bytes per run, smtp-source; median of "
               f"{args.runs}, load {loadavg()})\n")
    out.append("| Connections | Outpost relay (durable 250) msg/s | Postfix smtpd (into its queue) "
               "msg/s | Outpost vs Postfix |")
    out.append("|---:|---:|---:|---:|")
    for sessions, (mine, theirs) in rates.items():
        out.append(f"| {sessions} | {mine:.0f} | {theirs:.0f} | {mine / theirs * 100:.0f} % |")
    out.append("")
    out.append("| Figure | Value | Goal |")
    out.append("|---|---:|---:|")
    out.append(f"| Final dot to 250, median ({len(latency)} messages, one connection) | "
               f"{median(latency) * 1000:.2f} ms | — |")
    out.append(f"| Final dot to 250, 99th percentile | {pct(latency, 0.99) * 1000:.2f} ms | — |")
    out.append(f"| Event-loop lag of `outpost-cli run` during the runs, p99 / max | "
               f"{cli_lag['p99Ms']:.1f} / {cli_lag['maxMs']:.1f} ms | < 50 ms |")
    if gui_lag:
        out.append(f"| Event-loop lag of the desktop program while 8 clients submit, p99 / max | "
                   f"{gui_lag['p99Ms']:.1f} / {gui_lag['maxMs']:.1f} ms | < 50 ms |")
    out.append("")
    out.append("A durable 250 is sent only once the message and its envelope are flushed to disk "
               "in the account's outbox (a temporary folder, fsync, rename, fsync of the folder). "
               "Postfix's smtpd answers 250 once the cleanup daemon has written the queue file "
               "(also flushed). Lag: a 10 ms timer in the program (OUTPOST_LAG_REPORT), how late "
               "it ran.")
    out.append("")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--fill", required=True)
    ap.add_argument("--smtpclient", help="bench_smtpclient (Outpost's SMTP client alone)")
    ap.add_argument("--rtt-ms", type=float, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--transcripts", help="copy each round-trip setting's protocol log into "
                    "this folder")
    ap.add_argument("--scenarios", help="round-trip settings to run, by number (1,3): all by "
                    "default")
    ap.add_argument("--message-size", type=int, default=2048)
    ap.add_argument("--bulk", type=int, default=1000)
    ap.add_argument("--bulk-size", type=int, default=10240)
    ap.add_argument("--msmtp-messages", type=int, default=200)
    ap.add_argument("--idle-seconds", type=float, default=60)
    ap.add_argument("--idle-settle", type=float, default=5)
    ap.add_argument("--idle-messages", type=int, default=10000)
    ap.add_argument("--relay-messages", type=int, default=1000)
    ap.add_argument("--relay-latency-messages", type=int, default=300)
    ap.add_argument("--only", default="roundtrips,bulk,idle,relay")
    ap.add_argument("--markdown", help="also write the tables to this file")
    ap.add_argument("--quick", action="store_true",
                    help="tiny sizes, one run (the ctest run: checks the benchmark works)")
    args = ap.parse_args()
    if args.quick:
        args.rtt_ms, args.runs, args.batch, args.bulk = 20, 1, 3, 5
        args.msmtp_messages, args.idle_seconds, args.idle_settle = 2, 1, 1
        args.idle_messages = 20
        args.relay_messages, args.relay_latency_messages = 5, 5
    if os.geteuid() != 0:
        print("bench_wire: needs root for the real mail servers; skipped")
        return 77
    for tool in ("dovecot", "postfix", "smtp-source"):
        if not shutil.which(tool):
            print(f"bench_wire: {tool} is not installed; skipped")
            return 77
    import mailservers

    root = tempfile.mkdtemp(prefix="outpost-bench-")
    os.chmod(root, 0o755)
    out = []
    try:
        servers = mailservers.start(os.path.join(root, "servers"), window=3600, seed=0)
        outpost = Outpost(os.path.abspath(args.cli), os.path.abspath(args.fill), root, servers)
        only = args.only.split(",")
        if "roundtrips" in only:
            round_trips(args, outpost, servers, out)
        if "idle" in only:
            idle(args, outpost, servers, out)
        if "bulk" in only:
            bulk(args, outpost, servers, out)
        if "relay" in only:
            relay(args, outpost, servers, out)
    except NoKeychain as e:
        print(f"bench_wire: no keychain for outpost-cli's password; skipped ({e.args[0].strip()})")
        return 77
    finally:
        mailservers.stop(os.path.join(root, "servers"))
        shutil.rmtree(root, ignore_errors=True)
    text = "\n".join(out)
    print(text)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
