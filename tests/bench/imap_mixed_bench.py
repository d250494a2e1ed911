#!/usr/bin/env python3
"""Mixed IMAP workload benchmark for maild (not part of the pass/fail suite).

Starts maild on a fresh temporary data directory (loopback, free ports), creates --clients
accounts, delivers --messages messages of --size bytes to each over SMTP, then runs
--clients concurrent IMAP clients (one thread and one Python imaplib connection each) for
--seconds. Each client repeats one round of: SELECT INBOX, FETCH 1:* (FLAGS UID ENVELOPE)
(the headers a client lists), FETCH of BODY.PEEK[HEADER] for 10 messages, FETCH of
BODY.PEEK[] for 3 messages, STORE +FLAGS (\\Seen) on 5, SEARCH UNSEEN and SEARCH TEXT (a
word in some bodies), APPEND of one message, then STORE \\Deleted on it and EXPUNGE. Every
response is checked. Prints operations per second for each command (all clients together)
and the median latency, and maild's peak RSS.

With --compare-dovecot the same workload runs against Debian's Dovecot (dovecotimap.py: an
instance under /tmp on a loopback port, mail_fsync = always, maildirs holding the same
messages) and the ratio maild/Dovecot is printed per command.

  tests/bench/imap_mixed_bench.py [--clients 8] [--messages 200] [--size 4096] [--seconds 20] [--compare-dovecot]
"""
import argparse
import imaplib
import os
import random
import smtplib
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, HERE)

import mailroomtest  # noqa: E402
from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, Rpc  # noqa: E402

HOST = "127.0.0.1"
DOMAIN = "example.test"
PASSWORD = "mixed-Secret-1"


def message(i, size):
    word = "needle" if i % 10 == 0 else "hay"
    head = ("From: Sender %d <s%d@remote.test>\r\nTo: someone@example.test\r\nSubject: message %d\r\n"
            "Date: Sat, 21 Nov 2026 10:00:00 +0000\r\nMessage-ID: <%d@remote.test>\r\n\r\n" % (i, i, i, i))
    line = ("%s lorem ipsum dolor sit amet consectetur adipiscing elit\r\n" % word)
    body = line * max(1, (size - len(head)) // len(line))
    return (head + body).encode()


def peak_rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


class Worker(threading.Thread):
    def __init__(self, port, account, deadline, size):
        super().__init__(daemon=True)
        self.port, self.account, self.deadline, self.size = port, account, deadline, size
        self.times = {}
        self.error = None

    def timed(self, name, fn, *args):
        t = time.perf_counter()
        typ, data = fn(*args)
        self.times.setdefault(name, []).append(time.perf_counter() - t)
        if typ != "OK":
            raise RuntimeError("%s: %s %r" % (name, typ, data))
        return data

    def run(self):
        try:
            m = imaplib.IMAP4(HOST, self.port)
            m.login(self.account, PASSWORD)
            rnd = random.Random(self.account)
            while time.monotonic() < self.deadline:
                count = int(self.timed("SELECT", m.select, "INBOX")[0])
                self.timed("FETCH envelopes", m.fetch, "1:*", "(FLAGS UID ENVELOPE)")
                start = rnd.randint(1, max(1, count - 10))
                self.timed("FETCH headers", m.fetch, "%d:%d" % (start, min(count, start + 9)), "(BODY.PEEK[HEADER])")
                start = rnd.randint(1, max(1, count - 3))
                self.timed("FETCH bodies", m.fetch, "%d:%d" % (start, min(count, start + 2)), "(BODY.PEEK[])")
                start = rnd.randint(1, max(1, count - 5))
                self.timed("STORE", m.store, "%d:%d" % (start, min(count, start + 4)), "+FLAGS", "(\\Seen)")
                self.timed("SEARCH flags", m.search, None, "UNSEEN")
                self.timed("SEARCH text", m.search, None, "TEXT", "needle")
                data = self.timed("APPEND", m.append, "INBOX", "()", None, message(rnd.randint(0, 10 ** 6), self.size))
                uid = data[0].split(b"APPENDUID ")[1].split(b"]")[0].split()[1].decode()
                m.uid("STORE", uid, "+FLAGS", "(\\Deleted)")
                self.timed("EXPUNGE", m.expunge)
            m.logout()
        except Exception as e:  # noqa: BLE001 - reported by the main thread
            self.error = e


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--compare-dovecot", action="store_true")
    parser.add_argument("--maild", default=os.path.join(ROOT, "build", "dev", "maild", "maild"))
    args = parser.parse_args()
    mailroomtest.MAILD = args.maild
    daemon = Daemon(args=["--set", "log.level=warning"])
    daemon.start()
    try:
        rpc = Rpc(daemon.socket_path)
        rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        rpc.call("domain.add", {"name": DOMAIN})
        accounts = ["mixed%d" % i for i in range(args.clients)]
        for a in accounts:
            rpc.call("account.create", {"name": a, "password": PASSWORD})
        with smtplib.SMTP(HOST, daemon.ports["smtp"]) as s:
            for i in range(args.messages):
                for a in accounts:
                    s.sendmail("bench@remote.test", ["%s@%s" % (a, DOMAIN)], message(i, args.size))
        print("%d accounts with %d messages of %d bytes each; %d clients for %.0f s"
              % (len(accounts), args.messages, args.size, args.clients, args.seconds), flush=True)
        ours = workload(daemon.ports["imap"], accounts, args)
        print("maild peak RSS: %.1f MiB" % (peak_rss_kib(daemon.pid) / 1024))
    finally:
        daemon.stop()
        daemon.cleanup()
    theirs = None
    if args.compare_dovecot:
        import dovecotimap
        dovecotimap.install()
        dovecot = dovecotimap.DovecotImap(accounts, PASSWORD, [message(i, args.size) for i in range(args.messages)])
        try:
            dovecot.start()
            theirs = workload(dovecot.port, accounts, args)
        finally:
            dovecot.stop()
    print("%-16s %12s %10s" % ("command", "maild ops/s", "median ms") +
          ("%14s %10s %8s" % ("Dovecot ops/s", "median ms", "ratio") if theirs else ""))
    for name, (rate, median) in ours.items():
        line = "%-16s %12.0f %10.2f" % (name, rate, median)
        if theirs and name in theirs:
            line += "%14.0f %10.2f %8.2f" % (theirs[name][0], theirs[name][1], rate / theirs[name][0])
        print(line)


def workload(port, accounts, args):
    """Runs the clients for args.seconds; {command: (ops/s, median ms)}."""
    deadline = time.monotonic() + args.seconds
    workers = [Worker(port, a, deadline, args.size) for a in accounts]
    started = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join(args.seconds + 120)
    elapsed = time.monotonic() - started
    for w in workers:
        if w.error:
            raise SystemExit("a client failed: %s" % w.error)
    names = []
    for w in workers:
        for n in w.times:
            if n not in names:
                names.append(n)
    out = {}
    for n in names:
        samples = [t for w in workers for t in w.times.get(n, [])]
        out[n] = (len(samples) / elapsed, statistics.median(samples) * 1000)
    return out


if __name__ == "__main__":
    main()
