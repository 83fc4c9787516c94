#!/usr/bin/env python3
"""The desktop program's start-up time and idle cost (issue 7, items 3 and 4).

An account whose outbox and inbox hold N messages each (filled through the stores by
bench_fill), no automatic check. Start-up: from launching `outpost --bench-startup` to
its "ready" line (the window shown and its list filled), median of several runs after one
warm-up. Idle: `outpost` left alone, CPU time (utime+stime from /proc) and resident memory
(VmRSS). Run it under a display (xvfb-run) for real figures; the ctest run uses the
offscreen platform and tiny sizes only so that it cannot rot.

    bench_gui.py --gui outpost --cli outpost-cli --fill bench_fill [--messages N]
                 [--runs R] [--idle-seconds S] [--markdown FILE]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench_wire import idle_cost  # the same /proc readings as the CLI's idle figure


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gui", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--fill", required=True)
    ap.add_argument("--messages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle-seconds", type=float, default=60)
    ap.add_argument("--settle-seconds", type=float, default=3)
    ap.add_argument("--planned-days", type=float, default=0,
                    help="the outbox's messages are to be sent later, over the next D days")
    ap.add_argument("--markdown")
    args = ap.parse_args()

    root = tempfile.mkdtemp(prefix="outpost-bench-gui-")
    env = dict(os.environ)
    env.setdefault("XDG_RUNTIME_DIR", root)
    os.chmod(env["XDG_RUNTIME_DIR"], 0o700)
    profile = os.path.join(root, "profile")
    subprocess.run([args.cli, "--profile", profile, "account", "add", "bench", "--address",
                    "bench@example.com", "--pop-host", "127.0.0.1", "--smtp-host", "127.0.0.1",
                    "--interval", "0", "--check-at-startup", "off", "--send-immediately", "off"],
                   check=True, capture_output=True, env=env)
    eml = os.path.join(root, "message.eml")
    with open(eml, "wb") as f:
        f.write(b"From: Bench <bench@example.com>\r\nTo: someone@example.net\r\n"
                b"Subject: A queued message\r\n\r\n" + b"Some text for the body.\r\n" * 80)
    subprocess.run([args.fill, "--account-dir", os.path.join(profile, "accounts", "bench"),
                    "--outbox", str(args.messages), "--eml", eml, "--inbox", str(args.messages),
                    "--planned-over-days", str(args.planned_days)],
                   check=True, capture_output=True, env=env)

    def start_once():
        began = time.monotonic()
        proc = subprocess.Popen([args.gui, "--profile", profile, "--bench-startup"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        line = proc.stdout.readline()
        elapsed = time.monotonic() - began
        proc.wait(60)
        if line.strip() != b"ready":
            raise RuntimeError(f"outpost did not start (exit {proc.returncode})")
        return elapsed

    start_once()  # warm-up: the files are in the page cache from now on, as on a second start
    times = [start_once() for _ in range(args.runs)]
    startup = statistics.median(times)

    per_minute, rss, _ = idle_cost([args.gui, "--profile", profile], args.settle_seconds,
                                   args.idle_seconds, env)
    platform = env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "default")
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    lines = [
        f"### Desktop program ({args.messages} messages in the outbox"
        + (f", all to be sent later over {args.planned_days:g} days," if args.planned_days else "")
        + f" and {args.messages} in the inbox; platform {platform}; load {load})",
        "",
        "| Figure | Value | Goal |",
        "|---|---:|---:|",
        f"| Start-up to the window shown (median of {args.runs}, after a warm-up) | "
        f"{startup * 1000:.0f} ms | < 300 ms |",
        f"| CPU while idle ({args.idle_seconds:g} s after {args.settle_seconds:g} s) | "
        f"{per_minute:.1f} ms per minute | < 10 ms |",
        f"| Resident memory | {rss:.1f} MiB | < 60 MiB |",
        "",
        "Start-up runs: " + ", ".join(f"{t * 1000:.0f} ms" for t in times) + ". CPU is "
        "utime+stime from /proc/PID/stat (10 ms ticks), memory VmRSS.",
        "",
    ]
    print("\n".join(lines))
    if args.markdown:
        with open(args.markdown, "a") as f:
            f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
