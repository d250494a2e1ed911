#!/usr/bin/env python3
"""IMAP FETCH of a large mailbox: memory and time (not part of the pass/fail suite).

Starts maild on a fresh temporary data directory (loopback, free ports, log.level=warning),
creates one account and delivers --messages messages (default 10,000, about --size bytes,
default 4 KiB; every fourth one a multipart/alternative with an attachment) over several
SMTP connections. Then, --runs times (median printed):

- fast reader: `FETCH 1:* (ENVELOPE BODYSTRUCTURE)` (then `FETCH 1:* BODY.PEEK[]`) read as
  fast as the client can; prints the time and messages/second;
- slow reader: the same command, but the client reads nothing for --stall seconds first,
  so maild's output cannot drain; prints maild's peak RSS growth during the command (VmHWM,
  reset through /proc/PID/clear_refs before it) — bounded when FETCH stops building
  responses while its output is unsent, the size of the whole answer when it does not.

  tests/bench/imap_fetch_bench.py [--messages 10000] [--size 4096] [--runs 3] [--stall 2]
                                  [--maild build/dev/maild/maild]
"""
import argparse
import os
import socket
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import mailroomtest  # noqa: E402
from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, Rpc  # noqa: E402

DOMAIN = "example.test"
ACCOUNT = "fetcher"
PASSWORD = "fetch-Secret-1"
HOST = "127.0.0.1"


def status_kib(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak(pid):
    with open("/proc/%d/clear_refs" % pid, "w") as f:
        f.write("5")  # resets VmHWM to the current RSS (Linux 4.0+)


def make_message(size, n):
    head = ("From: Sender %d <sender%d@client.test>\r\nTo: <%s@%s>\r\nCc: Team <team@client.test>\r\n"
            "Subject: fetch bench %d\r\nDate: Thu, 3 Dec 2026 10:%02d:00 +0000\r\n"
            "Message-ID: <fetch-bench-%d@client.test>\r\nMIME-Version: 1.0\r\n"
            % (n, n, ACCOUNT, DOMAIN, n, n % 60, n)).encode()
    line = b"The quick brown fox jumps over the lazy dog. 0123456789 ABCDEFGHIJKLMNOPQRSTUV\r\n"
    text = line * max(1, (size - len(head)) // len(line) // (2 if n % 4 == 0 else 1))
    if n % 4:
        return head + b"Content-Type: text/plain; charset=us-ascii\r\n\r\n" + text
    return (head + b"Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            b"--outer\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
            b"--inner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text[:len(text) // 2] +
            b"\r\n--inner\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" + text[:len(text) // 2] +
            b"</p>\r\n--inner--\r\n--outer\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\n"
            b"Content-Disposition: attachment; filename=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            b"JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n--outer--\r\n")


class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection((HOST, port), timeout=300)
        self.buf = b""

    def line(self):
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def smtp_reply(self):
        while True:
            line = self.line()
            if line[3:4] != b"-":
                return int(line[:3])

    def until_tagged(self, tag):
        """Reads to the tagged response (skipping literals); returns (its line, bytes read,
        untagged FETCH count)."""
        buf = bytearray(self.buf)
        pos, total, fetches, skip = 0, 0, 0, 0
        while True:
            if skip:
                if len(buf) - pos < skip:
                    skip -= len(buf) - pos
                    buf.clear()
                    pos = 0
                else:
                    pos += skip
                    skip = 0
                    continue
            else:
                nl = buf.find(b"\r\n", pos)
                if nl >= 0:
                    line = bytes(buf[pos:nl])
                    pos = nl + 2
                    if line.startswith(tag + b" "):
                        self.buf = bytes(buf[pos:])
                        return line, total, fetches
                    if line.startswith(b"* ") and b" FETCH " in line[:20]:
                        fetches += 1
                    if line.endswith(b"}") and b"{" in line:
                        skip = int(line[line.rindex(b"{") + 1:-1])
                    continue
                del buf[:pos]
                pos = 0
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("server closed the connection")
            buf += chunk
            total += len(chunk)


def deliver(port, messages, size, connections=8):
    lock = threading.Lock()
    counter = [0]
    errors = []

    def worker():
        c = Conn(port)
        try:
            c.smtp_reply()
            c.sock.sendall(b"EHLO bench.client.test\r\n")
            c.smtp_reply()
            while True:
                with lock:
                    if counter[0] >= messages:
                        break
                    counter[0] += 1
                    n = counter[0]
                body = make_message(size, n).replace(b"\r\n.", b"\r\n..")
                c.sock.sendall(b"MAIL FROM:<sender@client.test>\r\nRCPT TO:<%s@%s>\r\nDATA\r\n"
                               % (ACCOUNT.encode(), DOMAIN.encode()))
                codes = [c.smtp_reply() for _ in range(3)]
                c.sock.sendall(body + b".\r\n")
                codes.append(c.smtp_reply())
                if codes != [250, 250, 354, 250]:
                    raise RuntimeError("delivery %d: %r" % (n, codes))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            c.sock.close()

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


def imap_session(port):
    c = Conn(port)
    c.line()
    c.sock.sendall(b"a LOGIN %s %s\r\nb SELECT INBOX\r\n" % (ACCOUNT.encode(), PASSWORD.encode()))
    for tag in (b"a", b"b"):
        line, _, _ = c.until_tagged(tag)
        if not line.startswith(tag + b" OK"):
            raise RuntimeError(line)
    return c


def one_fetch(port, pid, stall, messages, items):
    c = imap_session(port)
    try:
        reset_peak(pid)
        base = status_kib(pid, "VmRSS")
        started = time.monotonic()
        c.sock.sendall(b"f FETCH 1:* " + items.encode() + b"\r\n")
        if stall:
            time.sleep(stall)
        line, total, fetches = c.until_tagged(b"f")
        elapsed = time.monotonic() - started - stall
        peak = status_kib(pid, "VmHWM")
        if not line.startswith(b"f OK") or fetches != messages:
            raise RuntimeError("FETCH: %r, %d of %d messages" % (line, fetches, messages))
        c.sock.sendall(b"z LOGOUT\r\n")
        return elapsed, peak - base, total
    finally:
        c.sock.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--messages", type=int, default=10000)
    p.add_argument("--size", type=int, default=4096)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--stall", type=float, default=2.0)
    p.add_argument("--maild", default=os.path.join(ROOT, "build", "dev", "maild", "maild"))
    args = p.parse_args()
    mailroomtest.MAILD = os.path.abspath(args.maild)
    daemon = Daemon(args=["--set", "log.level=warning", "--set", "imap.maxConnectionsPerAddress=100"])
    try:
        daemon.start()
        rpc = Rpc(daemon.socket_path)
        rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        rpc.call("domain.add", {"name": DOMAIN})
        rpc.call("account.create", {"name": ACCOUNT, "password": PASSWORD})
        rpc.close()
        started = time.monotonic()
        deliver(daemon.ports["smtp"], args.messages, args.size)
        print("delivered %d messages of about %d bytes in %.1f s" % (args.messages, args.size,
                                                                      time.monotonic() - started), flush=True)
        port = daemon.ports["imap"]
        for items in ("(ENVELOPE BODYSTRUCTURE)", "BODY.PEEK[]"):
            fast, slow = [], []
            for _ in range(args.runs):
                fast.append(one_fetch(port, daemon.pid, 0, args.messages, items))
                slow.append(one_fetch(port, daemon.pid, args.stall, args.messages, items))
            t = statistics.median(r[0] for r in fast)
            answer = statistics.median(r[2] for r in fast)
            print("FETCH 1:* %s, %d messages, %.1f MiB answer:" % (items, args.messages, answer / 2**20))
            print("  fast reader: %.2f s, %.0f messages/s, peak RSS +%.1f MiB"
                  % (t, args.messages / t, statistics.median(r[1] for r in fast) / 1024))
            print("  slow reader (%.1f s before reading): peak RSS +%.1f MiB, %.2f s after the stall"
                  % (args.stall, statistics.median(r[1] for r in slow) / 1024,
                     statistics.median(r[0] for r in slow)), flush=True)
    finally:
        daemon.stop()
        daemon.cleanup()


if __name__ == "__main__":
    main()
