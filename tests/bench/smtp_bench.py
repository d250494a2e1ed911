#!/usr/bin/env python3
"""SMTP delivery benchmark for maild (not part of the pass/fail suite).

Starts maild on a fresh temporary data directory (loopback, free ports), creates local
accounts, and has N concurrent senders deliver M messages of S bytes each over persistent
connections. A message counts when its 250 arrived, which maild sends only after the message
file, the directory and the index are fsynced. Prints messages/second and the p50/p99/max
latency from MAIL FROM to the 250 after the final dot.

With --compare-postfix it also installs Postfix from Debian (if needed), runs a loopback-only
Postfix instance from its own configuration directory under /tmp (virtual delivery into
maildirs, fsync on by default: cleanup fsyncs the queue file before smtpd answers 250, and
virtual(8) fsyncs each maildir file), and drives both servers with Postfix's smtp-source using
the same parameters, plus smtp-sink as the protocol-only ceiling. It prints the medians over
--runs runs and the ratio ours/theirs. Postfix is stopped at the end, whatever happens.

  tests/bench/smtp_bench.py [--senders 8] [--messages 2000] [--size 4096] [--compare-postfix]
"""
import argparse
import glob
import os
import pwd
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
SMTP_SOURCE = "/usr/sbin/smtp-source"
SMTP_SINK = "/usr/sbin/smtp-sink"


def log(*args):
    print(*args, flush=True)


# ------------------------------------------------------------------------------------------
# A minimal SMTP client (persistent connection, strict replies, timeouts)
# ------------------------------------------------------------------------------------------

class Client:
    def __init__(self, port, timeout=60):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buf = b""
        self.expect(220)
        self.cmd(b"EHLO bench.client.test", 250)

    def reply(self):
        while True:
            while b"\r\n" not in self.buf:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ConnectionError("server closed the connection")
                self.buf += chunk
            line, self.buf = self.buf.split(b"\r\n", 1)
            if line[3:4] != b"-":
                return int(line[:3]), line

    def expect(self, code):
        got, line = self.reply()
        if got != code:
            raise RuntimeError("expected %d, got %r" % (code, line))

    def cmd(self, line, code):
        self.sock.sendall(line + b"\r\n")
        self.expect(code)

    def send(self, sender, rcpt, payload):
        self.cmd(b"MAIL FROM:<" + sender + b">", 250)
        self.cmd(b"RCPT TO:<" + rcpt + b">", 250)
        self.cmd(b"DATA", 354)
        self.sock.sendall(payload)
        self.expect(250)

    def close(self):
        try:
            self.sock.sendall(b"QUIT\r\n")
            self.reply()
        except OSError:
            pass
        self.sock.close()


def make_payload(size, n):
    head = ("From: <bench@client.test>\r\nTo: <bench@%s>\r\nSubject: bench %d\r\n"
            "Message-ID: <bench-%d@client.test>\r\n\r\n" % (DOMAIN, n, n)).encode()
    line = b"The quick brown fox jumps over the lazy dog. 0123456789 ABCDEFGHIJKLMNOPQRSTUV\r\n"
    body = b""
    while len(head) + len(body) + len(line) <= size:
        body += line
    body += b"x" * max(0, size - len(head) - len(body) - 2) + b"\r\n"
    return head + body + b".\r\n"  # no line starts with a dot: no stuffing needed


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def drive(port, senders, messages, size, accounts):
    """Our own load generator: returns (seconds, latencies in seconds, errors)."""
    lock = threading.Lock()
    counter = [0]
    latencies, errors = [], []

    def worker(i):
        try:
            c = Client(port)
        except Exception as e:  # noqa: BLE001
            with lock:
                errors.append(repr(e))
            return
        try:
            while True:
                with lock:
                    if counter[0] >= messages:
                        break
                    counter[0] += 1
                    n = counter[0]
                payload = make_payload(size, n)
                rcpt = ("%s@%s" % (accounts[n % len(accounts)], DOMAIN)).encode()
                t0 = time.perf_counter()
                c.send(b"bench@client.test", rcpt, payload)
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
        except Exception as e:  # noqa: BLE001
            with lock:
                errors.append(repr(e))
        finally:
            c.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(senders)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(3600)
    return time.perf_counter() - start, sorted(latencies), errors


# ------------------------------------------------------------------------------------------
# maild
# ------------------------------------------------------------------------------------------

def start_maild(args, n_accounts):
    port, sub = free_port(), free_port()
    daemon = Daemon(args=["--port", "smtp=%d" % port, "--port", "submission=%d" % sub,
                          "--set", "log.level=warning"] if args.quiet_log else
                    ["--port", "smtp=%d" % port, "--port", "submission=%d" % sub])
    daemon.start(timeout=60)
    rpc = Rpc(daemon.socket_path, timeout=60)
    rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
    rpc.call("domain.add", {"name": DOMAIN})
    rpc.call("settings.set", {"values": {"smtp.maxConnectionsPerAddress": max(64, args.senders * 2)}})
    accounts = ["bench%d" % i for i in range(n_accounts)]
    for a in accounts:
        rpc.call("account.create", {"name": a})
    rpc.close()
    deadline = time.monotonic() + 30
    while True:
        try:
            Client(port).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError("maild does not answer SMTP on port %d" % port)
            time.sleep(0.2)
    return daemon, port, accounts


def count_maild_messages(data_dir):
    import sqlite3
    total = 0
    for index in glob.glob(os.path.join(data_dir, "mail", "*", "index.db")):
        conn = sqlite3.connect("file:%s?mode=ro" % index, uri=True, timeout=30)
        try:
            total += conn.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
        finally:
            conn.close()
    return total


# ------------------------------------------------------------------------------------------
# Postfix (Debian package, own loopback-only instance)
# ------------------------------------------------------------------------------------------

def ensure_postfix():
    if os.path.exists(SMTP_SOURCE) and os.path.exists(SMTP_SINK) and shutil.which("postfix"):
        return
    log("installing Postfix from Debian (No configuration: nothing listens until we start our instance)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    selections = ("postfix postfix/main_mailer_type select No configuration\n"
                  "postfix postfix/mailname string bench.invalid\n")
    subprocess.run(["debconf-set-selections"], input=selections.encode(), check=True, env=env)
    if subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "postfix"], env=env).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, check=True)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "postfix"], env=env, check=True)
    # With "No configuration" Debian's package starts nothing; check_loopback_only() verifies
    # after our instance started that no Postfix listens beyond loopback.


class Postfix:
    """A Postfix instance with its own config/queue/data/mail under one temporary directory,
    listening on 127.0.0.1:port only, delivering example.test into one maildir per recipient."""

    def __init__(self, port):
        self.port = port
        self.base = tempfile.mkdtemp(prefix="mailroom-bench-postfix-")
        self.conf = os.path.join(self.base, "conf")
        self.mail = os.path.join(self.base, "mail")
        self.started = False

    def write_config(self):
        os.chmod(self.base, 0o755)  # Postfix's daemons (user postfix) must reach their directories
        os.makedirs(self.conf)
        os.makedirs(self.mail)
        os.makedirs(os.path.join(self.base, "queue"))  # postfix check fills it
        os.makedirs(os.path.join(self.base, "data"))
        postfix_user = pwd.getpwnam("postfix")
        os.chown(os.path.join(self.base, "data"), postfix_user.pw_uid, postfix_user.pw_gid)
        nobody = pwd.getpwnam("nobody")
        os.chown(self.mail, nobody.pw_uid, nobody.pw_gid)
        with open(os.path.join(self.conf, "main.cf"), "w") as f:
            f.write("""compatibility_level = 3.6
queue_directory = {base}/queue
data_directory = {base}/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = loopback-only
inet_protocols = ipv4
myhostname = bench-postfix.invalid
mydomain = invalid
mydestination =
mynetworks = 127.0.0.0/8
relayhost =
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
default_process_limit = 100
virtual_mailbox_domains = {domain}
virtual_mailbox_base = {mail}
virtual_mailbox_maps = static:box/
virtual_uid_maps = static:{uid}
virtual_gid_maps = static:{gid}
virtual_minimum_uid = 100
virtual_destination_concurrency_limit = 20
maillog_file = {base}/maillog
maillog_file_prefixes = {base}
smtputf8_enable = no
biff = no
""".format(base=self.base, domain=DOMAIN, mail=self.mail, uid=nobody.pw_uid, gid=nobody.pw_gid))
        # master.cf: Debian's, with the one smtpd bound to 127.0.0.1:port (never port 25,
        # never another address) and no other inet service.
        with open("/usr/share/postfix/master.cf.dist") as f:
            lines = f.read().splitlines()
        out = []
        for line in lines:
            fields = line.split()
            if len(fields) >= 2 and not line.startswith((" ", "\t", "#")) and fields[1] == "inet":
                continue  # drop every inet listener; ours is added below
            out.append(line)
        out.append("127.0.0.1:%d inet n - n - - smtpd" % self.port)
        with open(os.path.join(self.conf, "master.cf"), "w") as f:
            f.write("\n".join(out) + "\n")

    def start(self):
        self.write_config()
        r = subprocess.run(["postfix", "-c", self.conf, "check"], capture_output=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError("postfix check failed:\n%s%s" % (r.stdout.decode(), r.stderr.decode()))
        r = subprocess.run(["postfix", "-c", self.conf, "start"], capture_output=True, timeout=120)
        self.started = True  # whatever it says, stop() runs
        if r.returncode != 0:
            raise RuntimeError("postfix start failed:\n%s%s%s" % (r.stdout.decode(), r.stderr.decode(), self.maillog()))
        deadline = time.monotonic() + 30
        while True:
            try:
                Client(self.port).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("Postfix does not answer on 127.0.0.1:%d" % self.port)
                time.sleep(0.2)
        self.check_loopback_only()

    def maillog(self):
        try:
            with open(os.path.join(self.base, "maillog"), errors="replace") as f:
                return f.read()[-3000:]
        except OSError:
            return ""

    def check_loopback_only(self):
        """Fails if any Postfix process of ours listens on a non-loopback address."""
        r = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            if "master" in line or "smtpd" in line:
                local = line.split()[3]
                if not (local.startswith("127.") or local.startswith("[::1]")):
                    self.stop()
                    raise RuntimeError("Postfix listens on a non-loopback address: " + line)

    def delivered(self):
        return len(os.listdir(os.path.join(self.mail, "box", "new"))) if os.path.isdir(
            os.path.join(self.mail, "box", "new")) else 0

    def queue_empty(self):
        for sub in ("incoming", "active", "deferred", "maildrop"):
            for _, _, files in os.walk(os.path.join(self.base, "queue", sub)):
                if files:
                    return False
        return True

    def wait_delivered(self, n, timeout=600):
        deadline = time.monotonic() + timeout
        while self.delivered() < n and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.delivered()

    def clear_mail(self):
        shutil.rmtree(os.path.join(self.mail, "box"), ignore_errors=True)

    def stop(self):
        if self.started:
            subprocess.run(["postfix", "-c", self.conf, "stop"], capture_output=True, timeout=60)
            time.sleep(0.5)
            pidfile = os.path.join(self.base, "queue", "pid", "master.pid")
            try:
                pid = int(open(pidfile).read().split()[0])
                os.kill(pid, 0)
                subprocess.run(["postfix", "-c", self.conf, "abort"], capture_output=True, timeout=60)
            except (OSError, ValueError):
                pass
            self.started = False

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)


def smtp_source(port, args, rcpt):
    """Runs smtp-source; returns (seconds, returncode, stderr)."""
    cmd = [SMTP_SOURCE, "-s", str(args.senders), "-m", str(args.messages), "-l", str(args.size), "-d",
           "-f", "bench@client.test", "-t", rcpt, "-M", "bench.client.test", "127.0.0.1:%d" % port]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, timeout=3600)
    return time.perf_counter() - t0, r.returncode, r.stderr.decode(errors="replace")


class Sink:
    def __init__(self, port):
        self.port = port
        self.proc = subprocess.Popen([SMTP_SINK, "-u", "nobody", "127.0.0.1:%d" % port, "256"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("smtp-sink does not listen")
                time.sleep(0.1)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# ------------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--senders", "-s", type=int, default=8)
    p.add_argument("--messages", "-m", type=int, default=2000)
    p.add_argument("--size", "-l", type=int, default=4096)
    p.add_argument("--accounts", type=int, default=8, help="local accounts the messages are spread over")
    p.add_argument("--runs", type=int, default=3, help="runs per measurement (medians are printed)")
    p.add_argument("--maild", default=os.environ.get("MAILD") or os.path.join(ROOT, "build", "dev", "maild", "maild"))
    p.add_argument("--compare-postfix", action="store_true")
    p.add_argument("--quiet-log", action="store_true", help="run maild with log.level=warning")
    args = p.parse_args()
    mailroomtest.MAILD = args.maild
    if not os.access(args.maild, os.X_OK):
        sys.exit("no maild binary at %s (build it or pass --maild)" % args.maild)

    log("maild: %s" % args.maild)
    log("load: %d senders, %d messages of %d bytes, %d accounts, %d run(s); data dir fsync always on"
        % (args.senders, args.messages, args.size, args.accounts, args.runs))

    ours_rates, p50s, p99s = [], [], []
    for run in range(args.runs):
        daemon, port, accounts = start_maild(args, args.accounts)
        try:
            seconds, lat, errors = drive(port, args.senders, args.messages, args.size, accounts)
            stored = count_maild_messages(daemon.data_dir)
        finally:
            daemon.stop()
            daemon.cleanup()
        rate = len(lat) / seconds if seconds else 0
        ours_rates.append(rate)
        p50s.append(percentile(lat, 50) * 1000)
        p99s.append(percentile(lat, 99) * 1000)
        log("maild run %d: %d/%d acknowledged (%d stored) in %.2fs = %.0f msg/s; latency p50 %.2f ms, p99 %.2f ms, "
            "max %.2f ms%s" % (run + 1, len(lat), args.messages, stored, seconds, rate, p50s[-1], p99s[-1],
                               (lat[-1] * 1000 if lat else float("nan")),
                               ("; errors: %s" % errors[:3]) if errors else ""))
    log("maild (own client, median of %d): %.0f msg/s, p50 %.2f ms, p99 %.2f ms"
        % (args.runs, statistics.median(ours_rates), statistics.median(p50s), statistics.median(p99s)))

    if not args.compare_postfix:
        return 0

    ensure_postfix()
    postfix = Postfix(free_port())
    sink = None
    results = {"maild": [], "postfix": [], "postfix-delivered": [], "sink": []}
    try:
        postfix.start()
        log("Postfix instance: %s, listening on 127.0.0.1:%d only" % (postfix.base, postfix.port))
        sink_port = free_port()
        sink = Sink(sink_port)
        for run in range(args.runs):
            # maild, driven by smtp-source (one account: smtp-source sends to one address)
            daemon, port, accounts = start_maild(args, 1)
            try:
                seconds, rc, err = smtp_source(port, args, "%s@%s" % (accounts[0], DOMAIN))
                stored = count_maild_messages(daemon.data_dir)
            finally:
                daemon.stop()
                daemon.cleanup()
            results["maild"].append(args.messages / seconds)
            log("smtp-source -> maild   run %d: %.2fs, %.0f msg/s, %d stored%s"
                % (run + 1, seconds, args.messages / seconds, stored, (" rc=%d %s" % (rc, err[-300:])) if rc else ""))

            # Postfix: acceptance (250 after the queue file fsync) and full delivery into maildirs
            postfix.clear_mail()
            t0 = time.perf_counter()
            seconds, rc, err = smtp_source(postfix.port, args, "bench@%s" % DOMAIN)
            delivered = postfix.wait_delivered(args.messages)
            all_done = time.perf_counter() - t0
            results["postfix"].append(args.messages / seconds)
            results["postfix-delivered"].append(delivered / all_done)
            log("smtp-source -> Postfix run %d: %.2fs accepted = %.0f msg/s; %d in maildirs after %.2fs = %.0f msg/s%s"
                % (run + 1, seconds, args.messages / seconds, delivered, all_done, delivered / all_done,
                   (" rc=%d %s" % (rc, err[-300:])) if rc else ""))

            seconds, rc, err = smtp_source(sink_port, args, "bench@%s" % DOMAIN)
            results["sink"].append(args.messages / seconds)
            log("smtp-source -> smtp-sink run %d: %.2fs = %.0f msg/s%s"
                % (run + 1, seconds, args.messages / seconds, (" rc=%d %s" % (rc, err[-300:])) if rc else ""))
    finally:
        if sink:
            sink.stop()
        postfix.cleanup()

    med = {k: statistics.median(v) for k, v in results.items() if v}
    log("")
    log("medians over %d run(s), smtp-source -s %d -m %d -l %d:" % (args.runs, args.senders, args.messages, args.size))
    log("  maild (250 = stored, fsynced, indexed)   %8.0f msg/s" % med["maild"])
    log("  Postfix accepted (250 = queue fsynced)   %8.0f msg/s" % med["postfix"])
    log("  Postfix delivered into maildirs          %8.0f msg/s" % med["postfix-delivered"])
    log("  smtp-sink (protocol only, ceiling)       %8.0f msg/s" % med["sink"])
    log("  ratio maild / Postfix accepted           %8.2f" % (med["maild"] / med["postfix"]))
    log("  ratio maild / Postfix delivered          %8.2f" % (med["maild"] / med["postfix-delivered"]))
    log("  ratio maild / smtp-sink                  %8.2f" % (med["maild"] / med["sink"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
