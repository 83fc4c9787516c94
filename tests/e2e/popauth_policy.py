#!/usr/bin/env python3
"""Postfix policy service (SMTPD access policy delegation) for POP before SMTP.

Allows relaying for a client IP whose last POP login (recorded by Dovecot's
post-login script as a file named after the IP, holding the Unix time) lies within
the window (seconds, read from the file "window" in the same folder on every
request, so tests can change it). Otherwise answers DUNNO, and Postfix's
reject_unauth_destination refuses with "Relay access denied".
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


def decide(attrs):
    ip = attrs.get("client_address", "")
    if not ip or "/" in ip or ip.startswith("."):
        return "DUNNO"
    try:
        granted = int(open(os.path.join(grants, ip)).read().strip())
    except (OSError, ValueError):
        return "DUNNO"
    return "OK" if time.time() - granted <= window() else "DUNNO"


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
