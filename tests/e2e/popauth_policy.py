#!/usr/bin/env python3
"""Postfix policy service (SMTPD access policy delegation) for POP before SMTP.

Allows relaying for a client IP whose last POP or IMAP login (recorded by Dovecot's
post-login script as a file named after the IP, holding the Unix time) lies within
the window (seconds, read from the file "window" in the same folder on every
request, so tests can change it). Otherwise answers DUNNO, and Postfix's
reject_unauth_destination refuses with "Relay access denied".

A file "budget", when present, also limits the recipients relayed per login: the
tests use it to end a window in the middle of a batch without waiting in real time.
"""
import os
import sys
import time

grants = sys.argv[1]


def window():
    try:
        return int(open(os.path.join(grants, "window")).read().strip())
    except (OSError, ValueError):
        return 0


def budget():
    try:
        return int(open(os.path.join(grants, "budget")).read().strip())
    except (OSError, ValueError):
        return 0


def spend(ip, granted):
    """Counts one relay under the login stamped @granted; False when the budget is used up."""
    limit = budget()
    if limit <= 0:
        return True
    path = os.path.join(grants, ip + ".count")
    try:
        stamp, used = open(path).read().split()
        used = int(used) if stamp == granted else 0
    except (OSError, ValueError):
        used = 0
    if used >= limit:
        return False
    with open(path + ".tmp", "w") as f:
        f.write(f"{granted} {used + 1}\n")
    os.replace(path + ".tmp", path)
    return True


def decide(attrs):
    ip = attrs.get("client_address", "")
    if not ip or "/" in ip or ip.startswith("."):
        return "DUNNO"
    try:
        granted = open(os.path.join(grants, ip)).read().strip()
        age = time.time() - float(granted)
    except (OSError, ValueError):
        return "DUNNO"
    if age > window():
        return "DUNNO"
    return "OK" if spend(ip, granted) else "DUNNO"


attrs = {}
for line in sys.stdin:
    line = line.rstrip("\n")
    if line:
        key, _, value = line.partition("=")
        attrs[key] = value
        continue
    sys.stdout.write(f"action={decide(attrs)}\n\n")
    sys.stdout.flush()
    attrs = {}
