#!/usr/bin/env python3
"""A real POP-before-SMTP provider on loopback: Dovecot (POP3 with STLS, and POP3S; IMAP
with STARTTLS, and IMAPS) and Postfix (SMTP relay and a submission port), configured the
way ISPs build it.

- Dovecot runs a post-login script, for POP3 and IMAP logins alike, that records the
  client IP and the time.
- A Postfix policy service (spawned by Postfix) allows relaying for an IP that logged
  in over POP or IMAP within the window (seconds, in ROOT/popauth/window, changeable while
  running); otherwise Postfix refuses with "554 5.7.1 <rcpt>: Relay access denied".
- mynetworks does not include 127.0.0.1, so loopback clients get no free pass.
- The submission port requires STARTTLS, then SMTP AUTH (Dovecot SASL).
- Every accepted message is delivered, one file per recipient, into ROOT/delivered
  (nothing leaves the machine).
- Certificates come from a throw-away CA made for each run (ROOT/certs/ca.pem).
- Mail is kept in one Maildir per user (ROOT/mail/USER/Maildir), which tests read
  directly: the flags are in the file names (":2,S"). add_user() makes more users
  (same password), so that tests do not see each other's mail.

Only loopback addresses are used; ports are chosen free by the OS for each run.

    mailservers.py start ROOT      # prints ROOT/servers.json
    mailservers.py stop ROOT
"""
import email
import email.policy
import imaplib
import json
import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def free_ports(count):
    """Ports the OS reports free on 127.0.0.1 (all bound at once, so distinct)."""
    socks = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)


def daemon(cmd, log):
    """Starts a daemon that forks into the background; its own output goes to @log."""
    with open(log, "ab") as out:
        result = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n" + open(log, errors="replace").read()[-3000:])


def write(path, text, mode=0o644):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(path, mode)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def make_certificates(certs):
    os.makedirs(certs, exist_ok=True)
    ossl = ["openssl"]
    run(ossl + ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
                "-subj", "/CN=Outpost E2E Test CA", "-keyout", f"{certs}/ca.key",
                "-out", f"{certs}/ca.pem",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    run(ossl + ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", f"{certs}/server.key", "-out", f"{certs}/server.csr"])
    write(f"{certs}/ext.cnf",
          "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
          "extendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n")
    run(ossl + ["x509", "-req", "-in", f"{certs}/server.csr", "-CA", f"{certs}/ca.pem",
                "-CAkey", f"{certs}/ca.key", "-CAcreateserial", "-days", "3650",
                "-extfile", f"{certs}/ext.cnf", "-out", f"{certs}/server.pem"])
    os.chmod(f"{certs}/server.key", 0o600)
    fp = run(ossl + ["x509", "-in", f"{certs}/server.pem", "-noout", "-fingerprint",
                     "-sha256"]).stdout.decode().strip().split("=", 1)[1]
    return fp.replace(":", "").lower()


def wait_for_port(port, what, log, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    detail = open(log, encoding="utf-8", errors="replace").read()[-3000:] if os.path.exists(log) else ""
    raise RuntimeError(f"{what} did not start listening on 127.0.0.1:{port}\n{detail}")


def write_user(users, user, password):
    """The passwd-file of @user in the folder @users (Dovecot's passdb)."""
    path = os.path.join(users, user)
    write(path, f"{user}:{{PLAIN}}{password}::::::\n", 0o640)
    shutil.chown(path, "root", "dovecot")


def seed_message(maildir, index, subject, body):
    name = f"{int(time.time())}.seed{index}.e2e"
    text = (f"From: Seeder <seed@outpost.test>\r\nTo: alice@outpost.test\r\n"
            f"Subject: {subject}\r\nMessage-ID: <seed{index}@outpost.test>\r\n"
            f"Date: Sat, 28 Nov 2026 10:00:0{index} +0900\r\n\r\n{body}\r\n")
    path = os.path.join(maildir, "new", name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def start(root, window=120, seed=2):
    root = os.path.abspath(root)
    if os.path.exists(os.path.join(root, "servers.json")):
        stop(root)
    os.makedirs(root, exist_ok=True)
    os.chmod(root, 0o755)
    # Every parent must be traversable by the daemons' users.
    parent = os.path.dirname(root)
    while parent not in ("/", ""):
        st = os.stat(parent)
        if not st.st_mode & 0o001:
            os.chmod(parent, st.st_mode | 0o011)
        parent = os.path.dirname(parent)

    pop3, pop3s, imap, imaps, smtp, submission, sasl = free_ports(7)
    fingerprint = make_certificates(f"{root}/certs")
    password = secrets.token_urlsafe(12)

    # --- Dovecot --------------------------------------------------------------
    dv = f"{root}/dovecot"
    for d in (dv, f"{dv}/run", f"{dv}/state", f"{root}/mail", f"{root}/popauth"):
        os.makedirs(d, exist_ok=True)
    os.chmod(f"{root}/popauth", 0o1777)
    write(f"{root}/popauth/window", f"{window}\n")
    shutil.rmtree(f"{dv}/users.d", ignore_errors=True)  # no users from an earlier start
    os.makedirs(f"{dv}/users.d", mode=0o750)
    shutil.chown(f"{dv}/users.d", "root", "dovecot")
    write_user(f"{dv}/users.d", "alice", password)
    write(f"{dv}/postlogin.sh",
          "#!/bin/sh\n"
          "# Records the client IP of every successful POP or IMAP login (POP before SMTP).\n"
          "umask 022\n"
          f"date +%s.%N > \"{root}/popauth/$IP.tmp\" && mv \"{root}/popauth/$IP.tmp\" \"{root}/popauth/$IP\"\n"
          "exec \"$@\"\n", 0o755)
    maildir = f"{root}/mail/alice/Maildir"
    for sub in ("new", "cur", "tmp"):
        os.makedirs(f"{maildir}/{sub}", exist_ok=True)
    for i in range(seed):
        seed_message(maildir, i, f"Seeded message {i}", f"This is seeded message number {i}.")
    run(["chown", "-R", "mail:mail", f"{root}/mail"])
    write(f"{dv}/dovecot.conf", f"""
base_dir = {dv}/run
state_dir = {dv}/state
log_path = {dv}/dovecot.log
instance_name = outpost-e2e-{pop3}
protocols = pop3 imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{root}/certs/server.pem
ssl_key = <{root}/certs/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login cram-md5 apop
first_valid_uid = 8
mail_location = maildir:{root}/mail/%u/Maildir
pop3_uidl_format = %08Xu%08Xv
default_login_user = dovenull
default_internal_user = dovecot
passdb {{
  driver = passwd-file
  # A passwd-file per user: a user added while Dovecot runs is read at its first login
  # (one shared file would be looked at again only once a second).
  args = scheme=PLAIN username_format=%u {dv}/users.d/%u
}}
userdb {{
  driver = static
  args = uid=mail gid=mail home={root}/mail/%u
}}
service pop3-login {{
  inet_listener pop3 {{
    address = 127.0.0.1
    port = {pop3}
  }}
  inet_listener pop3s {{
    address = 127.0.0.1
    port = {pop3s}
    ssl = yes
  }}
}}
service pop3 {{
  executable = pop3 postlogin
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps}
    ssl = yes
  }}
}}
# An IMAP login opens the relay window exactly as a POP3 login does.
service imap {{
  executable = imap postlogin
}}
service postlogin {{
  executable = script-login {dv}/postlogin.sh
  user = mail
  unix_listener postlogin {{
  }}
}}
service auth {{
  inet_listener {{
    address = 127.0.0.1
    port = {sasl}
  }}
}}
""")
    daemon(["dovecot", "-c", f"{dv}/dovecot.conf"], f"{dv}/start.log")

    # --- Postfix --------------------------------------------------------------
    pf = f"{root}/postfix"
    conf = f"{pf}/conf"
    for d in (pf, conf, f"{pf}/queue", f"{pf}/data", f"{root}/delivered"):
        os.makedirs(d, exist_ok=True)
    os.chmod(f"{root}/delivered", 0o1777)
    shutil.chown(f"{pf}/data", "postfix", "postfix")
    shutil.copy(os.path.join(HERE, "popauth_policy.py"), f"{pf}/popauth_policy.py")
    write(f"{pf}/deliver.sh",
          "#!/bin/sh\n"
          "# One file per recipient: <queue id>.<recipient>.eml, written then renamed.\n"
          f"out=\"{root}/delivered/$1.$2\"\n"
          "cat > \"$out.tmp\" && mv \"$out.tmp\" \"$out.eml\"\n", 0o755)
    write(f"{conf}/main.cf", f"""
compatibility_level = 3.6
queue_directory = {pf}/queue
data_directory = {pf}/data
meta_directory = /etc/postfix
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = e2e.outpost.test
mydomain = outpost.test
mydestination =
alias_maps =
alias_database =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
# Loopback gets no free pass: relaying needs a POP login (or SMTP AUTH).
mynetworks = 127.0.0.254/32
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated,
    check_policy_service unix:private/popauth, reject_unauth_destination
smtpd_banner = $myhostname ESMTP Outpost end-to-end Postfix
smtpd_tls_cert_file = {root}/certs/server.pem
smtpd_tls_key_file = {root}/certs/server.key
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:{sasl}
smtpd_sasl_auth_enable = no
smtputf8_enable = yes
message_size_limit = 209715200
default_transport = fileout
local_transport = fileout
relay_transport = fileout
fileout_destination_recipient_limit = 1
maillog_file_prefixes = {pf}
maillog_file = {pf}/postfix.log
biff = no
""")
    write(f"{conf}/master.cf", f"""
127.0.0.1:{smtp} inet n - n - - smtpd
127.0.0.1:{submission} inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
popauth   unix  -       n       n       -       0       spawn
  user=nobody argv=/usr/bin/python3 {pf}/popauth_policy.py {root}/popauth
fileout   unix  -       n       n       -       -       pipe
  flags=Oq user=nobody argv=/bin/sh {pf}/deliver.sh ${{queue_id}} ${{recipient}}
""")
    daemon(["postfix", "-c", conf, "start"], f"{pf}/start.log")

    wait_for_port(pop3, "Dovecot POP3", f"{dv}/dovecot.log")
    wait_for_port(pop3s, "Dovecot POP3S", f"{dv}/dovecot.log")
    wait_for_port(imap, "Dovecot IMAP", f"{dv}/dovecot.log")
    wait_for_port(imaps, "Dovecot IMAPS", f"{dv}/dovecot.log")
    wait_for_port(smtp, "Postfix SMTP", f"{pf}/postfix.log")
    wait_for_port(submission, "Postfix submission", f"{pf}/postfix.log")

    info = {
        "root": root,
        "pop3": pop3, "pop3s": pop3s, "imap": imap, "imaps": imaps,
        "smtp": smtp, "submission": submission,
        "user": "alice", "password_file": f"{dv}/password",
        "address": "alice@outpost.test",
        "ca": f"{root}/certs/ca.pem", "fingerprint": fingerprint,
        "maildir": maildir, "delivered": f"{root}/delivered",
        "window_file": f"{root}/popauth/window", "grants": f"{root}/popauth",
        "postfix_config": conf, "dovecot_config": f"{dv}/dovecot.conf",
        "users_dir": f"{dv}/users.d", "mail": f"{root}/mail",
    }
    write(f"{dv}/password", password, 0o600)
    write(f"{root}/servers.json", json.dumps(info, indent=2))
    return info


def stop(root):
    root = os.path.abspath(root)
    conf = f"{root}/postfix/conf"
    if os.path.exists(f"{conf}/main.cf"):
        subprocess.run(["postfix", "-c", conf, "stop"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    pidfile = f"{root}/dovecot/run/master.pid"
    if os.path.exists(pidfile):
        subprocess.run(["doveadm", "-c", f"{root}/dovecot/dovecot.conf", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            pid = int(open(pidfile).read().strip())
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                os.kill(pid, 0)
                time.sleep(0.05)
            os.kill(pid, 9)
        except (OSError, ValueError):
            pass
    if os.path.exists(f"{root}/servers.json"):
        os.remove(f"{root}/servers.json")


def clear_grants(root):
    """Forgets every POP login, as if every window had expired."""
    grants = f"{os.path.abspath(root)}/popauth"
    for name in os.listdir(grants):
        if name not in ("window", "budget"):
            os.remove(os.path.join(grants, name))


# --- The tests' own look at the IMAP server --------------------------------------

# The tests' own IMAP logins come from this loopback address, so that the post-login
# script records them for 127.0.0.2: they never open a relay window for Outpost (127.0.0.1).
HELPER_ADDRESS = "127.0.0.2"


class HelperImap(imaplib.IMAP4_SSL):
    """IMAPS from HELPER_ADDRESS, the certificate verified with the run's CA."""

    def _create_socket(self, timeout):
        sock = socket.create_connection((self.host, self.port), timeout,
                                        source_address=(HELPER_ADDRESS, 0))
        return self.ssl_context.wrap_socket(sock, server_hostname=self.host)


def imap_login(info, user):
    """A logged-in IMAP connection for @user (the run's password); log it out when done."""
    context = ssl.create_default_context(cafile=info["ca"])
    client = HelperImap("127.0.0.1", info["imaps"], ssl_context=context, timeout=30)
    client.login(user, read(info["password_file"]))
    return client


def add_user(info, user):
    """A new mail user with the run's password and an empty Maildir; returns the Maildir.
    Works while Dovecot runs: it reads a user's passwd-file at the user's first login."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", user):
        raise ValueError(f"not a plain user name: {user!r}")
    if os.path.exists(os.path.join(info["users_dir"], user)):
        raise ValueError(f"user {user} exists already")
    home = os.path.join(info["mail"], user)
    maildir = os.path.join(home, "Maildir")
    for sub in ("new", "cur", "tmp"):
        os.makedirs(os.path.join(maildir, sub))
    run(["chown", "-R", "mail:mail", home])
    write_user(info["users_dir"], user, read(info["password_file"]))
    return maildir


def make_message(user, tag, subject=None, body=None):
    """A small message for @user (CRLF line ends, as IMAP serves it), Message-ID <@tag@...>."""
    subject = subject or f"IMAP message {tag}"
    body = body or f"This is message {tag}.\r\n.\r\n..A line with leading dots.\r\nLast line."
    return (f"From: Seeder <seed@outpost.test>\r\nTo: {user}@outpost.test\r\n"
            f"Subject: {subject}\r\nMessage-ID: <{tag}@outpost.test>\r\n"
            f"Date: Mon, 07 Dec 2026 10:00:00 +0900\r\n\r\n{body}\r\n").encode()


def append_messages(info, user, messages):
    """APPENDs each of @messages (bytes, or (bytes, flags such as "\\Seen")) to @user's INBOX,
    in order, the way a server's delivery would put them there; returns their UIDs."""
    client = imap_login(info, user)
    uids = []
    try:
        for message in messages:
            data, flags = (message, None) if isinstance(message, bytes) else message
            typ, answer = client.append("INBOX", f"({flags})" if flags else None, None, data)
            if typ != "OK":
                raise RuntimeError(f"APPEND failed: {answer}")
            match = re.search(rb"\[APPENDUID \d+ (\d+)\]", answer[0])
            uids.append(int(match.group(1)) if match else None)
    finally:
        client.logout()
    return uids


def maildir_state(maildir):
    """The server's files: {name without the Maildir info: flags} (":2,S" gives "S"; a file
    still in new/ has none), read from the file names in new/ and cur/ directly."""
    state = {}
    for sub in ("new", "cur"):
        for name in os.listdir(os.path.join(maildir, sub)):
            base, _, suffix = name.partition(":")
            state[base] = suffix[2:] if suffix.startswith("2,") else ""
    return state


def mailbox_status(info, user):
    """What Dovecot says about @user's INBOX, looked at with EXAMINE (read-only: it changes
    no flag): {"uidvalidity": n, "uidnext": n, "messages": {Message-ID: {"uid", "flags"}}}.
    The flags are the stored ones: \\Recent belongs to a session, not to the message."""
    client = imap_login(info, user)
    try:
        typ, data = client.select("INBOX", readonly=True)
        if typ != "OK":
            raise RuntimeError(f"EXAMINE failed: {data}")
        exists = int(data[0])
        status = {"uidvalidity": int(client.untagged_responses["UIDVALIDITY"][0]),
                  "uidnext": int(client.untagged_responses["UIDNEXT"][0]), "messages": {}}
        if exists == 0:
            return status
        typ, data = client.fetch("1:*", "(UID FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        if typ != "OK":
            raise RuntimeError(f"FETCH failed: {data}")
        for item in data:
            if not isinstance(item, tuple):
                continue
            head, header = item
            uid = int(re.search(rb"UID (\d+)", head).group(1))
            flags = re.search(rb"FLAGS \(([^)]*)\)", head).group(1).decode().split()
            headers = email.message_from_bytes(header, policy=email.policy.compat32)
            message_id = headers["Message-ID"]
            status["messages"][message_id.strip()] = {
                "uid": uid, "flags": sorted(f for f in flags if f != "\\Recent")}
        if len(status["messages"]) != exists:
            raise RuntimeError(f"{exists} messages, {len(status['messages'])} Message-IDs")
        return status
    finally:
        client.logout()


def force_uidvalidity_change(info, user):
    """Renumbers @user's INBOX, as a rebuilt or migrated server does: a new UIDVALIDITY, and
    new UIDs for the same messages, all at or above the old UIDNEXT (so a client that kept
    the old UIDs and ignored UIDVALIDITY would take every message for new). Done while
    Dovecot runs and no session is open: the indexes go, and dovecot-uidlist is replaced by
    a header alone, from which Dovecot numbers the files anew; the flags stay (they are in
    the file names). Checks all that; returns (old, new) status as mailbox_status() does."""
    maildir = os.path.join(info["mail"], user, "Maildir")
    before = mailbox_status(info, user)
    for name in os.listdir(maildir):
        if name == "dovecot-uidlist" or name.startswith("dovecot.index"):
            os.remove(os.path.join(maildir, name))
    uidlist = os.path.join(maildir, "dovecot-uidlist")
    # Format version 3, V: UIDVALIDITY, N: the next UID (Dovecot's maildir-uidlist.c).
    write(uidlist, f"3 V{before['uidvalidity'] + 1} N{before['uidnext'] + 100}\n", 0o600)
    shutil.chown(uidlist, "mail", "mail")
    after = mailbox_status(info, user)
    if after["uidvalidity"] == before["uidvalidity"]:
        raise RuntimeError(f"UIDVALIDITY stayed {before['uidvalidity']}")
    strip = lambda s: {m: v["flags"] for m, v in s["messages"].items()}
    if strip(after) != strip(before):
        raise RuntimeError(f"the messages changed: {strip(before)} -> {strip(after)}")
    if any(v["uid"] < before["uidnext"] for v in after["messages"].values()):
        raise RuntimeError(f"not renumbered above UID {before['uidnext']}: {after}")
    return before, after


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    if sys.argv[1] == "start":
        print(json.dumps(start(sys.argv[2]), indent=2))
    else:
        stop(sys.argv[2])
