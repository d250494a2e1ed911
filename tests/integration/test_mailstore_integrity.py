"""The mail store never hands out the wrong message: a message's id and file name are never
used again after it is expunged, so a session that has not yet heard of the expunge cannot
read or change the message delivered after it; nothing is delivered into a deleted account;
a message for two accounts reaches both or neither, wherever maild is killed.
"""
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time
import unittest

import mailroomtest
from imaptest import ImapTestCase, OwnDaemonImapTestCase, wait_imap
from smtptest import SmtpConn, dot_stuff, make_message, wait_smtp


class NoReusedIds(ImapTestCase):
    def setUp(self):
        super().setUp()
        self.name, self.pw = self.new_account("ids")

    def test_a_stale_session_never_reaches_the_message_delivered_after_an_expunge(self):
        self.deliver_to(self.name, [make_message("first"), make_message("second-old")])
        stale, _ = self.session(self.name, self.pw)
        other, _ = self.session(self.name, self.pw)
        # The newest message goes; the stale session is not told (it sends no command).
        self.expect_ok(other.cmd("STORE 2 +FLAGS (\\Deleted)"))
        self.expect_ok(other.cmd("EXPUNGE"))
        self.deliver_to(self.name, [make_message("third-new")])

        # RFC 3501 7.4.1: no EXPUNGE during FETCH, so message 2 still exists for it. Whatever
        # it answers (the old bytes, NIL, NO), it is never the newer message.
        r = stale.cmd("FETCH 2 BODY.PEEK[]")
        self.assertNotIn(b"third-new", b"".join(r.untagged), "the stale session read the newer message: %r" % r)
        stale.cmd("STORE 2 +FLAGS.SILENT (\\Flagged)")
        stale.cmd("UID STORE 2 +FLAGS.SILENT (\\Answered)")
        self.expect_ok(stale.cmd("NOOP"))
        self.expect_ok(other.cmd("NOOP"))
        flags = self.flags_of(other)
        self.assertEqual(sorted(flags), [1, 3], flags)
        self.assertNotIn("\\FLAGGED", flags[3], "a STORE meant for the expunged message changed the newer one")
        self.assertNotIn("\\ANSWERED", flags[3], "a UID STORE of the expunged UID changed the newer one")
        got, _ = self.fetch(other, "2", "BODY.PEEK[]")
        self.assertIn(b"third-new", list(got.values())[0]["BODY[]"])

    def test_ids_and_files_only_grow(self):
        self.deliver_to(self.name, [make_message("a"), make_message("b")])
        before = {m["file"] for m in self.store.messages(self.name)}
        c, _ = self.session(self.name, self.pw)
        self.expect_ok(c.cmd("STORE 2 +FLAGS (\\Deleted)"))
        self.expect_ok(c.cmd("EXPUNGE"))
        self.deliver_to(self.name, [make_message("c")])
        after = {m["file"] for m in self.store.messages(self.name)}
        new = after - before
        self.assertEqual(len(new), 1, (before, after))
        self.assertNotIn(new.pop(), before, "the new message got the file name of the expunged one")


class DeliveryIntoADeletedAccount(ImapTestCase):
    """account.delete between RCPT and the end of DATA: the message must not be accepted into
    the deleted account, nor left for a future account of the same name."""

    def delete_during_transaction(self, recipients):
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        for r in recipients:
            self.expect(c.cmd("RCPT TO:<%s>" % self.address(r)), 250, "2.1.5")
        self.rpc.call("account.delete", {"name": recipients[-1]})
        return c.data(make_message("after the delete"))

    def test_the_only_recipient_deleted_gets_550_and_nothing_remains(self):
        name, _ = self.new_account("gone")
        reply = self.delete_during_transaction([name])
        self.expect(reply, 550, "5.1.1")
        self.assertFalse(os.path.exists(self.store.account_dir(name)),
                         "the deleted account's folder came back with the message")
        # A new account of the same name starts empty.
        self.rpc.call("account.create", {"name": name, "password": "secret-password-1", "fullName": "Again"})
        self.addCleanup(self.rpc.call, "account.delete", {"name": name})
        self.assertEqual(self.store.messages(name), [])
        self.deliver_to(name, [make_message("for the new one")])

    def test_with_another_recipient_nobody_gets_it_and_the_client_may_retry(self):
        alive, _ = self.new_account("alive")
        gone, _ = self.new_account("gone")
        reply = self.delete_during_transaction([alive, gone])
        self.expect(reply, 451)
        self.assertEqual(self.store.messages(alive), [], "one recipient got a message the client was told to retry")
        self.assertFalse(os.path.exists(self.store.account_dir(gone)))


class AcceptedAsOne(OwnDaemonImapTestCase):
    """A message for two accounts is committed in two indexes: maild is killed (strace injects
    SIGKILL) at each fsync and fdatasync of that delivery in turn, restarted, and the copies
    are counted per recipient: both or neither, and both after a 250."""

    def count(self, account, subject):
        needle = b"\r\nSubject: " + subject.encode() + b"\r\n"
        return sum(1 for m in self.store.messages(account) if m["content"] and needle in m["content"])

    def attach(self, daemon, syscall, k):
        strace = subprocess.Popen(["strace", "-f", "-qq", "-o", os.devnull, "-e", "trace=" + syscall,
                                   "-e", "inject=%s:signal=SIGKILL:when=%d" % (syscall, k), "-p", str(daemon.pid)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:  # attached once the daemon's main thread has a tracer
            with open("/proc/%d/status" % daemon.pid) as f:
                if re.search(r"^TracerPid:\s+[1-9]", f.read(), re.M):
                    break
            self.assertIsNone(strace.poll(), "strace could not attach")
            self.assertLess(time.monotonic(), deadline, "strace did not attach")
            time.sleep(0.02)
        time.sleep(0.2)  # every thread is traced
        return strace

    def deliver_while_injecting(self, daemon, recipients, subject, syscall, k):
        """Returns (the final reply's code or None, whether maild was killed)."""
        c = SmtpConn(self.smtp_port)
        try:
            self.assertEqual(c.cmd("EHLO client.test").code, 250)
            self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
            for r in recipients:
                self.expect(c.cmd("RCPT TO:<%s>" % self.address(r)), 250, "2.1.5")
            self.expect(c.cmd("DATA"), 354)
            strace = self.attach(daemon, syscall, k)
            try:
                c.send(dot_stuff(make_message(subject)))
                try:
                    code = c.reply(timeout=15).code
                except (OSError, AssertionError, ConnectionError):
                    code = None
                try:
                    daemon.proc.wait(2 if code == 250 else 10)
                except subprocess.TimeoutExpired:
                    pass
                killed = daemon.proc.poll() is not None
            finally:
                if strace.poll() is None:
                    strace.send_signal(signal.SIGINT)
                try:
                    strace.wait(10)
                except subprocess.TimeoutExpired:
                    strace.kill()
                    strace.wait()
        finally:
            c.close()
        return code, killed

    def test_killed_at_every_sync_of_a_two_account_delivery(self):
        if shutil.which("strace") is None:
            self.fail("strace is not installed (Debian package strace)")
        one, _ = self.new_account("one")
        two, _ = self.new_account("two")
        for account in (one, two):  # the indexes exist: the traced deliveries are the ordinary case
            self.deliver_to(account, [make_message("warm-up")])
        daemon = self.daemon
        partial, lost, kills = [], [], 0
        for syscall in ("fdatasync", "fsync"):
            for k in range(1, 40):
                subject = "atomic-%s-%d" % (syscall, k)
                code, killed = self.deliver_while_injecting(daemon, [one, two], subject, syscall, k)
                if killed:
                    kills += 1
                    daemon.kill()
                    daemon = mailroomtest.Daemon(data_dir=self.daemon.data_dir, ports=self.daemon.ports)
                    daemon.start()
                    self.addCleanup(daemon.kill)
                    wait_smtp(self.smtp_port)
                counts = [self.count(one, subject), self.count(two, subject)]
                if counts not in ([0, 0], [1, 1]):
                    partial.append((subject, counts, code))
                if code == 250 and counts != [1, 1]:
                    lost.append((subject, counts))
                if not killed:
                    self.assertEqual(code, 250, subject)
                    break  # past the last %s of the delivery
        self.assertEqual(partial, [], "a message reached one of its two recipients only (killed at that sync)")
        self.assertEqual(lost, [], "acknowledged copies lost")
        self.assertGreaterEqual(kills, 4, "too few sync points were hit: the test saw nothing")
        self.assertEqual(daemon.stop(), 0)


class IndexUpgrade(OwnDaemonImapTestCase):
    def test_an_index_of_schema_2_keeps_its_messages_and_subscriptions_and_never_reuses_ids_after(self):
        name, pw = self.new_account("old")
        self.deliver_to(name, [make_message("kept-1"), make_message("kept-2")])
        self.assertEqual(self.daemon.stop(), 0)
        # Schema 2 as an earlier maild wrote it: the same columns, ids without AUTOINCREMENT.
        db = sqlite3.connect(self.store.index_path(name))
        db.executescript("""
            CREATE TABLE m2 (id INTEGER PRIMARY KEY, mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id),
                             uid INTEGER NOT NULL, internal_date TEXT NOT NULL, size INTEGER NOT NULL,
                             flags TEXT NOT NULL DEFAULT '', modseq INTEGER NOT NULL, file TEXT NOT NULL,
                             UNIQUE (mailbox_id, uid));
            INSERT INTO m2 SELECT id, mailbox_id, uid, internal_date, size, flags, modseq, file FROM messages;
            DROP TABLE messages; ALTER TABLE m2 RENAME TO messages;
            DELETE FROM sqlite_sequence WHERE name = 'messages';
            DROP TABLE subscriptions;
            ALTER TABLE mailboxes ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 1;
            UPDATE mailboxes SET subscribed = 0 WHERE name = 'Junk';
            PRAGMA user_version = 2;""")
        db.close()
        again = mailroomtest.Daemon(data_dir=self.daemon.data_dir, ports=self.daemon.ports)
        again.start()
        self.addCleanup(again.kill)
        wait_imap(self.imap_port)
        c, _ = self.session(name, pw)
        got, _ = self.fetch(c, "1:*", "BODY.PEEK[HEADER.FIELDS (SUBJECT)]")
        self.assertEqual(len(got), 2, got)
        self.assertIn(b"kept-2", got[2]["BODY[HEADER.FIELDS (SUBJECT)]"])
        self.expect_ok(c.cmd("STORE 2 +FLAGS (\\Deleted)"))
        self.expect_ok(c.cmd("EXPUNGE"))
        self.deliver_to(name, [make_message("after")])
        files = [m["file"] for m in self.store.messages(name)]
        self.assertEqual(len(files), 2, files)
        self.assertNotIn("msg/2", files, "the id of the expunged message was used again")
        db = sqlite3.connect(self.store.index_path(name))
        self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], 4)
        db.close()
        # schema 4: subscriptions of their own, as they were
        lsub = self.list_mailboxes(c, command="LSUB")
        self.assertIn("INBOX", lsub)
        self.assertIn("Sent", lsub)
        self.assertNotIn("Junk", lsub, "an unsubscribed mailbox became subscribed in the upgrade")
        self.assertEqual(again.stop(), 0)


if __name__ == "__main__":
    unittest.main()
