"""kill -9 of maild during a burst of SMTP deliveries, three rounds on one data directory.

Four client threads deliver up to 500 unique messages per round (each with an X-Test-Id
header, to one or two of four local accounts). The SHA-256 of every message is noted when it
is sent; a message counts as acknowledged only when its 250 arrived. After about 250
acknowledgements maild gets SIGKILL, is restarted on the same data directory, and then:

- every acknowledged message is present once in each of its recipients' INBOX, byte for byte
  after our Return-Path/Received headers (checksum);
- a message is in all of its recipients' INBOXes or in none (counted per recipient), and no
  copy is left pending;
- nothing half-written is visible: every index row's file exists with the recorded size and
  its content is exactly one of the messages that were sent (acknowledged or not), no
  message appears twice, UIDs are unique and below UIDNEXT;
- PRAGMA integrity_check is ok on maild.db and every index.db;
- the usage counter (index.db meta 'usage', if the store keeps one) and account.get's
  usageBytes equal the sum of the message sizes.

Files in msg/ that no index row names (left by a crash between rename and commit) are
reported on stderr; they are invisible to clients and allowed.
Everything is bounded in time; the whole test takes well under three minutes.
"""
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, Rpc, free_port
from smtptest import (DOMAIN, SmtpClosed, SmtpConn, SmtpTestCase, Store, dot_stuff, integrity_check, make_message,
                      split_stored, wait_smtp)

ROUNDS = 3
PER_ROUND = 500
THREADS = 4
KILL_AFTER = 250
ACCOUNTS = ["u0", "u1", "u2", "u3"]
QUOTA = 1 << 30  # a quota, so that the store keeps usage; far from full
ROUND_DEADLINE = 40.0  # seconds to reach KILL_AFTER acknowledgements
TEST_ID = re.compile(rb"(?:^|\n)X-Test-Id: ([^\r\n]+)")


class Ledger:
    """What the clients sent and which messages got 250 (shared by the threads)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent = {}    # test id -> (sha256 hex, tuple of accounts)
        self.acked = {}   # test id -> (sha256 hex, tuple of accounts)
        self.refused = []  # (test id, reply) for non-250 final replies
        self.round_acks = 0
        self.next_n = 0

    def take(self, limit):
        with self.lock:
            if self.next_n >= limit:
                return None
            self.next_n += 1
            return self.next_n


def make_burst_message(test_id, rcpts, rng):
    lines = [b"From: <burst@client.test>", b"To: " + b", ".join(b"<%s@%s>" % (r.encode(), DOMAIN.encode()) for r in rcpts),
             b"Subject: burst " + test_id.encode(), b"X-Test-Id: " + test_id.encode(), b""]
    for _ in range(rng.randint(5, 80)):
        n = rng.randint(0, 120)
        line = bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-") for _ in range(n))
        lines.append(line)
    return b"\r\n".join(lines) + b"\r\n"


def worker(port, round_no, tid, ledger, stop, limit):
    rng = random.Random("%d-%d-%f" % (round_no, tid, time.time()))
    conn = None
    while not stop.is_set():
        n = ledger.take(limit)
        if n is None:
            break
        test_id = "r%d-t%d-n%d" % (round_no, tid, n)
        rcpts = tuple(sorted(rng.sample(ACCOUNTS, rng.choice((1, 1, 2)))))
        message = make_burst_message(test_id, rcpts, rng)
        with ledger.lock:
            ledger.sent[test_id] = (hashlib.sha256(message).hexdigest(), rcpts)
        try:
            if conn is None:
                conn = SmtpConn(port, timeout=10)
                if conn.ehlo().code != 250:
                    raise SmtpClosed("EHLO refused")
            if conn.cmd("MAIL FROM:<burst@client.test>").code != 250:
                raise SmtpClosed("MAIL refused")
            for r in rcpts:
                if conn.cmd("RCPT TO:<%s@%s>" % (r, DOMAIN)).code != 250:
                    raise SmtpClosed("RCPT refused")
            final = conn.data(message, timeout=20)
            with ledger.lock:
                if final.code == 250:
                    ledger.acked[test_id] = ledger.sent[test_id]
                    ledger.round_acks += 1
                else:
                    ledger.refused.append((test_id, final.raw))
        except (OSError, AssertionError, SmtpClosed):
            if conn is not None:
                conn.close()
            conn = None
            if stop.is_set():
                break
            time.sleep(0.05)
    if conn is not None:
        conn.close()


class CrashDuringBurst(unittest.TestCase):
    def start_daemon(self, data_dir):
        port, sub = free_port(), free_port()
        daemon = Daemon(data_dir=data_dir, args=["--port", "smtp=%d" % port, "--port", "submission=%d" % sub])
        self.addCleanup(daemon.cleanup)
        daemon.start(timeout=30)
        wait_smtp(port, timeout=15)
        return daemon, port

    def rpc(self, daemon, bootstrap=False):
        rpc = Rpc(daemon.socket_path, timeout=20)
        self.addCleanup(rpc.close)
        if bootstrap:
            rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        else:
            rpc.call("auth.login", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        return rpc

    def test_kill9_during_burst(self):
        started = time.monotonic()
        data_dir = tempfile.mkdtemp(prefix="maild-crash-")
        self.addCleanup(lambda: shutil.rmtree(data_dir, ignore_errors=True) if self.ok else
                        sys.stderr.write("crash test data kept in %s\n" % data_dir))
        self.ok = False
        self.usage_mismatches = []
        self.spanning_counted = 0
        ledger = Ledger()

        daemon, port = self.start_daemon(data_dir)
        rpc = self.rpc(daemon, bootstrap=True)
        rpc.call("domain.add", {"name": DOMAIN})
        for a in ACCOUNTS:
            rpc.call("account.create", {"name": a, "password": "password-" + a, "mail": {"quotaBytes": QUOTA}})
        rpc.close()

        for round_no in range(ROUNDS):
            ledger.round_acks = 0
            ledger.next_n = 0
            stop = threading.Event()
            threads = [threading.Thread(target=worker, args=(port, round_no, t, ledger, stop, PER_ROUND), daemon=True)
                       for t in range(THREADS)]
            for t in threads:
                t.start()
            deadline = time.monotonic() + ROUND_DEADLINE
            while ledger.round_acks < KILL_AFTER and time.monotonic() < deadline and any(t.is_alive() for t in threads):
                time.sleep(0.005)
            acks_at_kill = ledger.round_acks
            daemon.kill()  # SIGKILL, by PID
            stop.set()
            for t in threads:
                t.join(20)
                self.assertFalse(t.is_alive(), "a client thread hangs after the kill")
            sys.stderr.write("round %d: %d acknowledged at SIGKILL, %d in total, %d sent, %.1fs elapsed\n"
                             % (round_no, acks_at_kill, ledger.round_acks, len(ledger.sent), time.monotonic() - started))
            self.assertGreater(ledger.round_acks, 0, "round %d: no message was acknowledged at all\n%s"
                               % (round_no, daemon.read_output()[-3000:]))
            self.assertGreaterEqual(acks_at_kill, min(KILL_AFTER, PER_ROUND) // 5,
                                    "round %d: only %d acknowledgements in %ss" % (round_no, acks_at_kill, ROUND_DEADLINE))

            daemon, port = self.start_daemon(data_dir)
            rpc = self.rpc(daemon)
            self.verify(data_dir, ledger, rpc, round_no)
            rpc.close()

        daemon.stop()
        self.assertEqual(ledger.refused, [], "non-250 final replies during the bursts")
        self.assertEqual(self.usage_mismatches, [], "usage shown by account.get differs from the index after restart")
        self.assertGreater(self.spanning_counted, 0, "no two-recipient message was delivered: the check saw nothing")
        self.assertLess(time.monotonic() - started, 180, "the crash test took too long")
        self.ok = True

    def verify(self, data_dir, ledger, rpc, round_no):
        store = Store(data_dir)
        where = "after round %d: " % round_no
        self.assertEqual(integrity_check(os.path.join(data_dir, "maild.db")), ["ok"], where + "maild.db")
        present = {}  # (test id, account) -> count
        for account in ACCOUNTS:
            index = store.index_path(account)
            if not os.path.exists(index):
                continue
            self.assertEqual(integrity_check(index), ["ok"], where + index)
            rows = store.messages(account, None)
            referenced = set()
            uids = {}
            for row in rows:
                what = "%s%s uid %s (%s)" % (where, account, row["uid"], row["file"])
                self.assertIsNone(row.get("pending"), what + ": a copy still pending after the restart")
                self.assertIsNotNone(row["content"], what + ": index row without its file")
                self.assertEqual(os.path.getsize(row["path"]), row["size"], what + ": size differs")
                referenced.add(os.path.realpath(row["path"]))
                _, _, rest = split_stored(row["content"])
                m = TEST_ID.search(rest.split(b"\r\n\r\n", 1)[0])
                self.assertIsNotNone(m, what + ": no X-Test-Id; content %r" % rest[:200])
                test_id = m.group(1).decode()
                self.assertIn(test_id, ledger.sent, what + ": a message nobody sent")
                sha, rcpts = ledger.sent[test_id]
                self.assertEqual(hashlib.sha256(rest).hexdigest(), sha, what + ": half-written or altered message")
                self.assertIn(account, rcpts, what + ": delivered to the wrong account")
                present[(test_id, account)] = present.get((test_id, account), 0) + 1
                uids.setdefault(row["mailbox_id"], []).append(row["uid"])
            for box in store.mailboxes(account):
                got = uids.get(box["id"], [])
                self.assertEqual(len(got), len(set(got)), where + "duplicate UIDs in %s/%s" % (account, box["name"]))
                if got:
                    self.assertGreater(box["uidnext"], max(got), where + "UIDNEXT not above the highest UID")
            orphans = []
            msg_dir = os.path.join(store.account_dir(account), "msg")
            for dirpath, _, files in os.walk(msg_dir):
                for f in files:
                    p = os.path.realpath(os.path.join(dirpath, f))
                    if p not in referenced:
                        orphans.append(p)
            if orphans:
                sys.stderr.write("%s%s: %d file(s) in msg/ without an index row (invisible): %s\n"
                                 % (where, account, len(orphans), orphans[:5]))
            total = sum(r["size"] for r in rows)
            meta = store.usage_meta(account)
            if meta is not None:
                self.assertEqual(meta, total, where + "%s: meta usage %d != sum of sizes %d" % (account, meta, total))
            deadline = time.monotonic() + 5
            while True:
                usage = rpc.call("account.get", {"name": account})["usageBytes"]
                if usage == total:
                    break
                if time.monotonic() > deadline:
                    # checked at the end, so that every round's durability checks still run
                    self.usage_mismatches.append(where + "%s: account.get usageBytes %d != sum of sizes %d"
                                                 % (account, usage, total))
                    break
                time.sleep(0.2)
        duplicates = {k: v for k, v in present.items() if v > 1}
        self.assertEqual(duplicates, {}, where + "messages stored more than once")
        missing = [(tid, a) for tid, (_, rcpts) in ledger.acked.items() for a in rcpts if (tid, a) not in present]
        self.assertEqual(missing, [], where + "%d acknowledged copies lost" % len(missing))
        # A message is accepted as one: all of its recipients have it, or none (a sender not
        # told 250 retries, and a recipient that had it would get it twice).
        partial = sorted(tid for tid, (_, rcpts) in ledger.sent.items()
                         if 0 < sum((tid, a) in present for a in rcpts) < len(rcpts))
        self.assertEqual(partial, [], where + "%d message(s) reached only some of their recipients" % len(partial))
        self.spanning_counted += sum(1 for tid, (_, rcpts) in ledger.sent.items()
                                     if len(rcpts) > 1 and (tid, rcpts[0]) in present)


def parse_placement(line):
    """(source, target) absolute paths of a rename/link line of strace -y output, or None."""
    m = re.search(r"\b(rename|link|renameat2?|linkat)\((.*?)(?:\)\s+=\s+0\b|\s*<unfinished)", line)
    if not m:
        return None
    args = re.findall(r'(AT_FDCWD(?:<[^>]*>)?|\d+<[^>]*>|"[^"]*"|[A-Z_|0-9]+)', m.group(2))

    def dir_of(token):
        d = re.search(r"<([^>]*)>", token)
        return d.group(1) if d else os.getcwd()

    def resolve(dirtoken, pathtoken):
        path = pathtoken.strip('"')
        if path.startswith("/"):
            return path
        if path == "":  # linkat(fd, "", ..., AT_EMPTY_PATH)
            return dir_of(dirtoken).replace(" (deleted)", "")
        return os.path.join(dir_of(dirtoken), path)

    if m.group(1) in ("rename", "link"):
        if len(args) < 2:
            return None
        return args[0].strip('"'), args[1].strip('"')
    if len(args) < 4:
        return None
    return resolve(args[0], args[1]), resolve(args[2], args[3])


class FsyncOrder(SmtpTestCase):
    """strace of one delivery shows the durable order (TESTING.md): the message data is fsynced,
    then renamed/linked to its final name, then the directory is fsynced, then the index
    commits (fsync of index.db or its WAL), and only then the 250 is written to the client."""

    SYSCALLS = "fsync,fdatasync,sync_file_range,rename,renameat,renameat2,link,linkat,write,writev,sendto,sendmsg"

    def test_strace_order_of_one_delivery(self):
        if shutil.which("strace") is None:
            self.fail("strace is not installed (Debian package strace)")
        self.create_account("alice", "alice-Secret-1")
        # A first delivery creates the account's directories and index, so that the traced
        # one is the ordinary case.
        self.deliver("sender@client.test", ["alice@" + DOMAIN], make_message("warm-up"))
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<alice@%s>" % DOMAIN), 250, "2.1.5")
        self.expect(c.cmd("DATA"), 354)
        trace = os.path.join(self.daemon.data_dir, "strace.out")
        strace = subprocess.Popen(["strace", "-f", "-qq", "-y", "-s", "80", "-e", "trace=" + self.SYSCALLS,
                                   "-o", trace, "-p", str(self.daemon.pid)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

        def stop_strace():
            if strace.poll() is None:
                strace.send_signal(signal.SIGINT)
                try:
                    strace.wait(10)
                except subprocess.TimeoutExpired:
                    strace.kill()
                    strace.wait()
        self.addCleanup(strace.stderr.close)
        self.addCleanup(stop_strace)
        deadline = time.monotonic() + 10
        while True:  # attached once the daemon's main thread has a tracer
            with open("/proc/%d/status" % self.daemon.pid) as f:
                if re.search(r"^TracerPid:\s+[1-9]", f.read(), re.M):
                    break
            if strace.poll() is not None or time.monotonic() > deadline:
                self.fail("strace could not attach: %s" % strace.stderr.read().decode(errors="replace"))
            time.sleep(0.05)
        time.sleep(0.3)
        message = make_message("traced", "one delivery under strace\r\n")
        c.send(dot_stuff(message))
        self.expect(c.reply(timeout=30), 250, "2.0.0")
        time.sleep(0.3)
        stop_strace()
        row = self.assert_stored("alice", message)
        final = os.path.realpath(row["path"])
        msg_dir = os.path.dirname(final)
        index = os.path.realpath(self.store.index_path("alice"))
        with open(trace, errors="replace") as f:
            lines = f.read().splitlines()

        def fd_path(line):
            m = re.search(r"^\S+\s+\w+\(\d+<([^>]*)>", line)
            return m.group(1) if m else None

        reply_at = next((i for i, l in enumerate(lines) if re.search(r"\b(write|writev|sendto|sendmsg)\(", l)
                         and "250 2.0.0" in l), None)
        self.assertIsNotNone(reply_at, "no write of the 250 in the trace:\n" + "\n".join(lines[-40:]))
        before = lines[:reply_at]
        placed_at = None
        source = None
        for i, l in enumerate(before):
            placement = parse_placement(l)
            if placement and os.path.realpath(placement[1]) == final:
                placed_at, source = i, placement[0]
        dump = "\n".join(lines[max(0, reply_at - 40):reply_at + 1])
        self.assertIsNotNone(placed_at, "no rename/link to %s before the 250:\n%s" % (final, dump))
        account_dir = os.path.realpath(self.store.account_dir("alice"))
        not_data = {msg_dir, account_dir, index, index + "-wal", index + "-journal", index + "-shm"}

        def is_data_file(path):
            path = path.replace(" (deleted)", "")
            if source and os.path.realpath(path) == os.path.realpath(source):
                return True
            return path.startswith(account_dir + "/") and path not in not_data

        data_syncs = [i for i, l in enumerate(before[:placed_at]) if re.search(r"\b(fsync|fdatasync)\(", l)
                      and fd_path(l) and is_data_file(fd_path(l))]
        self.assertTrue(data_syncs, "the message file is not fsynced before its rename/link:\n" + dump)
        dir_syncs = [i for i, l in enumerate(before) if i > placed_at and re.search(r"\bfsync\(", l)
                     and fd_path(l) == msg_dir]
        self.assertTrue(dir_syncs, "the directory %s is not fsynced between the rename and the 250:\n%s"
                        % (msg_dir, dump))
        commits = [i for i, l in enumerate(before) if i > placed_at and re.search(r"\b(fsync|fdatasync)\(", l)
                   and fd_path(l) in (index, index + "-wal", index + "-journal")]
        self.assertTrue(commits, "the index is not synced (commit) between the rename and the 250:\n" + dump)
        self.assertLess(min(dir_syncs), max(commits), "directory fsync after the index commit:\n" + dump)


if __name__ == "__main__":
    unittest.main()
