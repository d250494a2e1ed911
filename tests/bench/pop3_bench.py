#!/usr/bin/env python3
"""POP3 retrieval benchmark for maild (not part of the pass/fail suite).

Starts maild on a fresh temporary data directory (loopback, free ports), creates one account,
delivers --messages messages of --size bytes to it over SMTP (several pipelined connections),
then times RETR of every message on one POP3 connection, keeping --window RETRs in flight.
Each RETR answer is checked (status, end marker, un-stuffed size equal to LIST). Prints
messages/second and MB/s (medians over --runs sessions) and maild's peak RSS (VmHWM).

With --compare-dovecot it installs dovecot-pop3d from Debian if needed, runs a Dovecot
instance entirely under /tmp (own dovecot.conf, base_dir, passwd-file, logs), listening only
on 127.0.0.1:<free high port> for POP3 (no pop3s, no IMAP), over a maildir holding the same
messages (the bytes maild stored, with LF line ends as maildir keeps them; Dovecot sends
CRLF), drives it with the same client and prints the ratio ours/theirs. Dovecot is stopped
(by its PID) and its directory removed at the end, whatever happens.

  tests/bench/pop3_bench.py [--messages 10000] [--size 4096] [--window 16] [--runs 3] [--compare-dovecot]
"""
import argparse
import os
import pwd
import grp
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import mailroomtest  # noqa: E402
from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, Rpc, free_port  # noqa: E402

DOMAIN = "example.test"
ACCOUNT = "bench"
PASSWORD = "bench-Secret-1"
HOST = "127.0.0.1"


def log(*args):
    print(*args, flush=True)


# ------------------------------------------------------------------------------------------
# SMTP loading (pipelined MAIL/RCPT/DATA, several connections)
# ------------------------------------------------------------------------------------------

class LineConn:
    def __init__(self, port, timeout=120):
        self.sock = socket.create_connection((HOST, port), timeout=timeout)
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
                return int(line[:3]), line

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def make_message(size, n):
    head = ("From: <sender@client.test>\r\nTo: <%s@%s>\r\nSubject: pop3 bench %d\r\n"
            "Message-ID: <pop3-bench-%d@client.test>\r\n\r\n" % (ACCOUNT, DOMAIN, n, n)).encode()
    lines = [b"The quick brown fox jumps over the lazy dog. 0123456789 ABCDEFGHIJKLMNOPQRSTUV\r\n",
             b".A line that starts with a dot (stuffed on the wire) 0123456789 abcdefghijklmnop\r\n"]
    body = []
    total = len(head)
    i = 0
    while total + len(lines[i % 2]) <= size:
        body.append(lines[i % 2])
        total += len(lines[i % 2])
        i += 1
    return head + b"".join(body)


def stuffed(message):
    return message.replace(b"\r\n.", b"\r\n..") + b".\r\n"  # no message starts with '.'


def deliver(port, messages, size, connections):
    """Delivers messages over `connections` SMTP connections; returns seconds."""
    lock = threading.Lock()
    counter = [0]
    errors = []

    def worker():
        c = LineConn(port)
        try:
            if c.smtp_reply()[0] != 220:
                raise RuntimeError("no SMTP greeting")
            c.sock.sendall(b"EHLO bench.client.test\r\n")
            if c.smtp_reply()[0] != 250:
                raise RuntimeError("EHLO refused")
            while True:
                with lock:
                    if counter[0] >= messages:
                        break
                    counter[0] += 1
                    n = counter[0]
                c.sock.sendall(b"MAIL FROM:<sender@client.test>\r\nRCPT TO:<%s@%s>\r\nDATA\r\n"
                               % (ACCOUNT.encode(), DOMAIN.encode()))
                codes = [c.smtp_reply()[0] for _ in range(3)]
                if codes != [250, 250, 354]:
                    raise RuntimeError("MAIL/RCPT/DATA answered %r" % codes)
                c.sock.sendall(stuffed(make_message(size, n)))
                code, line = c.smtp_reply()
                if code != 250:
                    raise RuntimeError("message %d: %r" % (n, line))
            c.sock.sendall(b"QUIT\r\n")
            c.smtp_reply()
        except Exception as e:  # noqa: BLE001
            with lock:
                errors.append(repr(e))
        finally:
            c.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(3600)
    if errors:
        raise RuntimeError("delivery failed: %s" % errors[:3])
    return time.perf_counter() - t0


# ------------------------------------------------------------------------------------------
# POP3 client: RETR everything, `window` requests in flight
# ------------------------------------------------------------------------------------------

class Pop3:
    def __init__(self, port, timeout=120):
        self.c = LineConn(port, timeout)
        self.expect_ok(self.c.line())

    @staticmethod
    def expect_ok(line):
        if not line.startswith(b"+OK"):
            raise RuntimeError("POP3 answered %r" % line)
        return line

    def cmd(self, line):
        self.c.sock.sendall(line + b"\r\n")
        return self.expect_ok(self.c.line())

    def login(self, user, password):
        self.cmd(b"USER " + user.encode())
        self.cmd(b"PASS " + password.encode())

    def multiline(self):
        c = self.c
        searched = 0
        while True:
            if c.buf.startswith(b".\r\n"):
                c.buf = c.buf[3:]
                return b""
            end = c.buf.find(b"\r\n.\r\n", max(0, searched - 4))
            if end >= 0:
                body = c.buf[:end + 2]
                c.buf = c.buf[end + 5:]
                return body
            searched = len(c.buf)
            chunk = c.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("closed in a multi-line answer")
            c.buf += chunk

    def stat(self):
        parts = self.cmd(b"STAT").split()
        return int(parts[1]), int(parts[2])

    def list(self):
        self.cmd(b"LIST")
        out = {}
        for l in self.multiline().split(b"\r\n")[:-1]:
            n, s = l.split()
            out[int(n)] = int(s)
        return out

    def retr_all(self, count, window, sizes):
        """RETR 1..count with `window` in flight; returns (seconds, payload bytes, wire bytes)."""
        sock = self.c.sock
        sent = 0
        payload = wire = 0
        t0 = time.perf_counter()
        while sent < min(window, count):
            sent += 1
            sock.sendall(b"RETR %d\r\n" % sent)
        for n in range(1, count + 1):
            self.expect_ok(self.c.line())
            body = self.multiline()
            if sent < count:
                sent += 1
                sock.sendall(b"RETR %d\r\n" % sent)
            unstuffed_len = len(body) - body.count(b"\r\n..") - (1 if body.startswith(b"..") else 0)
            if unstuffed_len != sizes[n]:
                raise RuntimeError("RETR %d: %d octets after un-stuffing, LIST said %d" % (n, unstuffed_len, sizes[n]))
            payload += unstuffed_len
            wire += len(body) + 3
        return time.perf_counter() - t0, payload, wire

    def quit(self):
        try:
            self.cmd(b"QUIT")
        finally:
            self.c.close()


def measure(port, user, password, window, runs, label):
    results = []
    for run in range(runs):
        p = Pop3(port)
        p.login(user, password)
        count, total = p.stat()
        sizes = p.list()
        seconds, payload, wire = p.retr_all(count, window, sizes)
        p.quit()
        if payload != total:
            raise RuntimeError("%s: retrieved %d octets, STAT said %d" % (label, payload, total))
        rate = count / seconds
        mbs = payload / seconds / 1e6
        results.append((rate, mbs, seconds))
        log("  %-8s run %d: %d messages, %.1f MB in %.2f s: %.0f msg/s, %.1f MB/s (wire %.1f MB)"
            % (label, run + 1, count, payload / 1e6, seconds, rate, mbs, wire / 1e6))
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results), count


def vm(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


# ------------------------------------------------------------------------------------------
# Dovecot (Debian package, own loopback-only instance under /tmp)
# ------------------------------------------------------------------------------------------

DOVECOT_CONF = """\
base_dir = {dir}/run
state_dir = {dir}/state
instance_name = mailroom-bench-{port}
log_path = {dir}/dovecot.log
info_log_path = {dir}/dovecot.log
protocols = pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:{dir}/home/%u/Maildir
first_valid_uid = {uid}
last_valid_uid = {uid}
pop3_uidl_format = %08Xu%08Xv
mail_fsync = always
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={dir}/home/%u
}}
service pop3-login {{
  inet_listener pop3 {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener pop3s {{
    port = 0
  }}
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service submission-login {{
  inet_listener submission {{
    port = 0
  }}
}}
service lmtp {{
  unix_listener lmtp {{
    mode = 0600
  }}
}}
"""


def install_dovecot():
    if shutil.which("dovecot") and os.path.exists("/usr/lib/dovecot/pop3"):
        return
    if os.geteuid() != 0:
        raise SystemExit("--compare-dovecot needs dovecot-pop3d; run as root or install it")
    log("installing dovecot-pop3d from Debian ...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "dovecot-pop3d"], check=True, env=env,
                   timeout=900, stdout=subprocess.DEVNULL)
    # the package's own service must not run (policy-rc.d usually prevents it; make sure)
    subprocess.run(["systemctl", "stop", "dovecot"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=60)


class Dovecot:
    def __init__(self, stored_messages):
        self.dir = tempfile.mkdtemp(prefix="mailroom-bench-dovecot-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.proc = None
        nobody = pwd.getpwnam("nobody")
        uid, gid = nobody.pw_uid, grp.getgrnam("nogroup").gr_gid
        maildir = os.path.join(self.dir, "home", ACCOUNT, "Maildir")
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(maildir, sub))
        now = int(time.time())
        for i, content in enumerate(stored_messages):
            data = content.replace(b"\r\n", b"\n")
            name = "%d.M%dP1.bench,S=%d,W=%d:2,S" % (now, i, len(data), len(content))
            with open(os.path.join(maildir, "cur", name), "wb") as f:
                f.write(data)
        for root, dirs, files in os.walk(os.path.join(self.dir, "home")):
            os.chown(root, uid, gid)
            for f in files:
                os.chown(os.path.join(root, f), uid, gid)
        with open(os.path.join(self.dir, "passwd"), "w") as f:
            f.write("%s:{PLAIN}%s\n" % (ACCOUNT, PASSWORD))
        self.conf = os.path.join(self.dir, "dovecot.conf")
        with open(self.conf, "w") as f:
            f.write(DOVECOT_CONF.format(dir=self.dir, port=self.port, uid=uid, gid=gid))

    def start(self):
        self.proc = subprocess.Popen(["dovecot", "-F", "-c", self.conf], stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(self.dir, "stderr"), "wb"))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("dovecot exited: %s" % self.log())
            try:
                p = Pop3(self.port, timeout=10)
                p.quit()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("dovecot does not answer on %d: %s" % (self.port, self.log()))
        ss = subprocess.run(["ss", "-Hltnp"], capture_output=True, timeout=30).stdout.decode()
        mine = [l for l in ss.splitlines() if "pid=%d," % self.proc.pid in l]
        bad = [l for l in mine if "127.0.0.1:%d " % self.port not in l]
        if bad or not mine:
            raise RuntimeError("dovecot listens beyond 127.0.0.1:%d: %r" % (self.port, mine))

    def log(self):
        out = ""
        for name in ("dovecot.log", "stderr"):
            try:
                with open(os.path.join(self.dir, name), errors="replace") as f:
                    out += f.read()[-3000:]
            except OSError:
                pass
        return out

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


# ------------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--messages", "-m", type=int, default=10000)
    p.add_argument("--size", "-l", type=int, default=4096)
    p.add_argument("--connections", type=int, default=4, help="SMTP connections used to load the messages")
    p.add_argument("--window", type=int, default=16, help="RETRs in flight on the POP3 connection")
    p.add_argument("--runs", type=int, default=3, help="RETR-everything sessions (medians are printed)")
    p.add_argument("--maild", default=os.environ.get("MAILD") or os.path.join(ROOT, "build", "dev", "maild", "maild"))
    p.add_argument("--compare-dovecot", action="store_true")
    args = p.parse_args()
    mailroomtest.MAILD = args.maild

    smtp_port, pop3_port, pop3s_port = free_port(), free_port(), free_port()
    daemon = Daemon(args=["--port", "smtp=%d" % smtp_port, "--port", "submission=%d" % free_port(),
                          "--port", "pop3=%d" % pop3_port, "--port", "pop3s=%d" % pop3s_port,
                          "--set", "log.level=warning"])
    dovecot = None
    try:
        daemon.start(timeout=60)
        rpc = Rpc(daemon.socket_path, timeout=120)
        rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        rpc.call("domain.add", {"name": DOMAIN})
        rpc.call("account.create", {"name": ACCOUNT, "password": PASSWORD})
        rpc.call("settings.set", {"values": {"smtp.maxConnectionsPerAddress": max(64, args.connections * 2)}})
        log("maild %s, data %s" % (args.maild, daemon.data_dir))
        log("loading %d messages of %d bytes over %d SMTP connections ..." % (args.messages, args.size,
                                                                               args.connections))
        seconds = deliver(smtp_port, args.messages, args.size, args.connections)
        log("  delivered in %.1f s (%.0f msg/s, each fsynced before its 250)" % (seconds, args.messages / seconds))
        usage = rpc.call("account.get", {"name": ACCOUNT})["usageBytes"]
        rpc.close()
        log("RETR of every message on one POP3 connection, %d in flight:" % args.window)
        ours_rate, ours_mbs, count = measure(pop3_port, ACCOUNT, PASSWORD, args.window, args.runs, "maild")
        if count != args.messages:
            raise RuntimeError("maild's maildrop holds %d messages, %d were delivered" % (count, args.messages))
        hwm, rss = vm(daemon.pid, "VmHWM"), vm(daemon.pid, "VmRSS")
        log("maild: median %.0f msg/s, %.1f MB/s; %d messages, %.1f MB stored; peak RSS (VmHWM) %.1f MiB, "
            "RSS now %.1f MiB" % (ours_rate, ours_mbs, count, usage / 1e6, hwm / 1024, rss / 1024))

        if args.compare_dovecot:
            install_dovecot()
            msgdir = os.path.join(daemon.data_dir, "mail", ACCOUNT)
            import sqlite3
            conn = sqlite3.connect("file:%s?mode=ro" % os.path.join(msgdir, "index.db"), uri=True)
            files = [r[0] for r in conn.execute("SELECT file FROM messages ORDER BY uid")]
            conn.close()
            stored = []
            for f in files:
                with open(os.path.join(msgdir, f), "rb") as fh:
                    stored.append(fh.read())
            dovecot = Dovecot(stored)
            dovecot.start()
            version = subprocess.run(["dovecot", "--version"], capture_output=True, timeout=30).stdout.decode().strip()
            log("Dovecot %s on 127.0.0.1:%d over a maildir of the same %d messages:" % (version, dovecot.port,
                                                                                    len(stored)))
            measure(dovecot.port, ACCOUNT, PASSWORD, args.window, 1, "warm-up")  # builds its index and cache
            dov_rate, dov_mbs, dcount = measure(dovecot.port, ACCOUNT, PASSWORD, args.window, args.runs, "dovecot")
            if dcount != count:
                raise RuntimeError("dovecot sees %d messages, maild %d" % (dcount, count))
            log("dovecot: median %.0f msg/s, %.1f MB/s" % (dov_rate, dov_mbs))
            log("ratio maild/dovecot: %.2f (messages/s), %.2f (MB/s)" % (ours_rate / dov_rate, ours_mbs / dov_mbs))
    finally:
        if dovecot:
            dovecot.stop()
        try:
            daemon.stop()
        finally:
            daemon.cleanup()


if __name__ == "__main__":
    main()
