#!/usr/bin/env python3
"""IMAP idle-connections benchmark for maild (not part of the pass/fail suite).

Starts maild on a fresh temporary data directory (loopback, free ports) with the per-address
and total IMAP connection limits raised, creates --accounts accounts, then opens
--connections IMAP connections (asyncio, one process), each of which logs in (the password
cache makes all but the first login per account cheap), SELECTs INBOX and enters IDLE.
Prints maild's RSS before and after (VmRSS) and the memory per idle connection, then
delivers one message over SMTP to every account and measures how long until every IDLE
session has seen its untagged EXISTS (median and maximum wake latency). Every connection
ends with DONE and LOGOUT; maild is stopped by its PID.

  tests/bench/imap_idle_bench.py [--connections 10000] [--accounts 10] [--maild build/dev/maild/maild]
"""
import argparse
import asyncio
import os
import resource
import smtplib
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, Rpc  # noqa: E402

HOST = "127.0.0.1"
DOMAIN = "example.test"
PASSWORD = "idle-Secret-1"


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Client:
    def __init__(self, account):
        self.account = account
        self.tag = 0
        self.woken = None

    async def command(self, text):
        self.tag += 1
        tag = b"a%d" % self.tag
        self.writer.write(tag + b" " + text + b"\r\n")
        await self.writer.drain()
        while True:
            line = await self.reader.readline()
            if not line:
                raise ConnectionError("closed during %r" % text)
            if line.startswith(tag + b" "):
                if not line.startswith(tag + b" OK"):
                    raise RuntimeError("%r -> %r" % (text, line))
                return

    async def open(self, port):
        self.reader, self.writer = await asyncio.open_connection(HOST, port, limit=1 << 16)
        await self.reader.readline()  # greeting
        await self.command(b"LOGIN %s %s" % (self.account.encode(), PASSWORD.encode()))
        await self.command(b"SELECT INBOX")
        self.writer.write(b"i IDLE\r\n")
        await self.writer.drain()
        line = await self.reader.readline()
        if not line.startswith(b"+"):
            raise RuntimeError("IDLE refused: %r" % line)

    async def wait_exists(self, started):
        while True:
            line = await self.reader.readline()
            if not line:
                raise ConnectionError("closed while idling")
            if line.endswith(b" EXISTS\r\n"):
                self.woken = time.monotonic() - started
                return

    async def close(self):
        self.writer.write(b"DONE\r\n")
        await self.writer.drain()
        while True:
            line = await self.reader.readline()
            if not line or line.startswith(b"i "):
                break
        await self.command(b"LOGOUT")
        self.writer.close()


async def run(args, daemon):
    port = daemon.ports["imap"]
    accounts = ["idle%d" % i for i in range(args.accounts)]
    clients = [Client(accounts[i % len(accounts)]) for i in range(args.connections)]
    base = rss_kib(daemon.pid)
    print("maild RSS before: %.1f MiB" % (base / 1024), flush=True)
    started = time.monotonic()
    # The first login of each account pays the password hash; the rest come from the cache.
    await asyncio.gather(*(c.open(port) for c in clients[:len(accounts)]))
    batch = 500
    for i in range(len(accounts), len(clients), batch):
        await asyncio.gather(*(c.open(port) for c in clients[i:i + batch]))
    opened = time.monotonic() - started
    await asyncio.sleep(2)
    after = rss_kib(daemon.pid)
    per = (after - base) * 1024 / len(clients)
    print("%d connections logged in, SELECTed and IDLE in %.1f s (%.0f/s)"
          % (len(clients), opened, len(clients) / opened), flush=True)
    print("maild RSS with them idle: %.1f MiB; %.1f KiB per idle connection"
          % (after / 1024, per / 1024), flush=True)

    # One delivery wakes the sessions of one account; then one message for every account.
    for label, targets in (("one account", accounts[:1]), ("every account", accounts)):
        waiting = [c for c in clients if c.account in targets]
        t0 = time.monotonic()
        waits = [asyncio.ensure_future(c.wait_exists(t0)) for c in waiting]
        with smtplib.SMTP(HOST, daemon.ports["smtp"]) as s:
            for a in targets:
                s.sendmail("bench@remote.test", ["%s@%s" % (a, DOMAIN)], b"Subject: wake up\r\n\r\nhello\r\n")
        await asyncio.wait_for(asyncio.gather(*waits), 300)
        woken = sorted(c.woken for c in waiting)
        print("IDLE wake after delivery to %s: median %.0f ms, max %.0f ms (%d sessions woke; the "
              "figure includes SMTP and this Python client reading them all)"
              % (label, statistics.median(woken) * 1000, woken[-1] * 1000, len(woken)), flush=True)
    for i in range(0, len(clients), batch):
        await asyncio.gather(*(c.close() for c in clients[i:i + batch]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=10000)
    parser.add_argument("--accounts", type=int, default=10)
    parser.add_argument("--maild", default=os.path.join(ROOT, "build", "dev", "maild", "maild"))
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < args.connections + 200:
        sys.exit("the open-file limit (%d) is too low for %d connections" % (hard, args.connections))
    os.environ["MAILD"] = args.maild
    import mailroomtest
    mailroomtest.MAILD = args.maild
    daemon = Daemon(args=["--set", "imap.maxConnectionsPerAddress=%d" % (args.connections + 10),
                          "--set", "imap.maxConnections=%d" % (args.connections + 10),
                          "--set", "log.level=warning"])
    daemon.start()
    try:
        rpc = Rpc(daemon.socket_path)
        rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        rpc.call("domain.add", {"name": DOMAIN})
        for i in range(args.accounts):
            rpc.call("account.create", {"name": "idle%d" % i, "password": PASSWORD})
        asyncio.run(run(args, daemon))
    finally:
        daemon.stop()
        daemon.cleanup()


if __name__ == "__main__":
    main()
