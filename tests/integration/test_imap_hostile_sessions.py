"""Hostile input against maild's IMAP service (TESTING.md's IMAP list), part two: mailbox names
with '..', '/', NUL, 8-bit or bad modified UTF-7, commands in the wrong state, garbage lines,
SASL abuse, the selected mailbox or the whole account deleted under open sessions, the
per-address connection limit, and IDLE left open past its timeout (the clock sped up with
libfaketime). Part one (limits, literals, sequence sets, MIME): test_imap_hostile.py.
"""
import base64
import os
import re
import socket
import time
import unittest

from imaptest import (LIBFAKETIME, ImapClosed, ImapConn, ImapTestCase, OwnDaemonImapTestCase, Sessions,
                      pending_output, quote, wait_imap)
from smtptest import make_message

LINE_LIMIT = 64 * 1024  # docs/imap-grammar.md: maxLineBytes


class HostileSessions(ImapTestCase):
    def setUp(self):
        super().setUp()
        self.name, self.pw = self.recycled_account()

    def assert_alive(self, conn=None):
        self.assertIsNone(self.daemon.proc.poll(), "maild died:\n" + self.daemon.read_output()[-3000:])
        wait_imap(self.imap_port, timeout=5)
        if conn is not None:
            self.expect_ok(conn.cmd("NOOP"), "NOOP after the abuse")

    def mailbox_names(self):
        return sorted(m["name"] for m in self.store.mailboxes(self.name))

    # -- mailbox names -----------------------------------------------------------------

    BAD_NAMES = [b"..", b"a/../b", b"../escape", b"a/..", b".", b"a/./b", b"/lead", b"a//b",
                 b"&", b"&Jjo", b"&AGE-", b"&ZeVnLIqe", b"&!!!-", b"a*b", b"a%b", b"&AGE-&AGE-",
                 b"x" * 1000, b"a\x01b", b"caf\xc3\xa9", b"a\x00b", b"a\x7fb"]

    def test_bad_mailbox_names(self):
        self.deliver_to(self.name, [make_message("names")])
        c = self.login(self.name, self.pw)
        before = self.mailbox_names()
        listed_before = set(self.list_mailboxes(c))
        failures = []
        for raw in self.BAD_NAMES:
            lit = lambda cmd, tail=b"": c.cmd_literal([cmd + b" {%d}" % len(raw), raw, tail])  # noqa: E731
            for what, r in (("CREATE", lit(b"CREATE")), ("SELECT", lit(b"SELECT")),
                            ("RENAME", c.cmd_literal([b"RENAME Sent {%d}" % len(raw), raw, b""])),
                            ("APPEND", c.cmd_literal([b"APPEND {%d}" % len(raw), raw, b" {3}", b"abc", b""])),
                            ("SUBSCRIBE", lit(b"SUBSCRIBE"))):
                if r.status not in ("NO", "BAD"):
                    failures.append("%s %r: %r" % (what, raw, r.raw[:200]))
                elif what == "APPEND" and r.code == "TRYCREATE":
                    failures.append("APPEND %r: [TRYCREATE] for a name that cannot be created: %r" % (raw, r.raw))
            if c.cmd("NOOP").status != "OK":
                failures.append("NOOP after %r failed" % raw)
                c = self.login(self.name, self.pw)
        self.assertEqual(failures, [], "bad mailbox names accepted")
        self.assertEqual(self.mailbox_names(), before, "a bad name reached the store")
        self.assertEqual(set(self.list_mailboxes(c)), listed_before)
        for d in os.listdir(self.daemon.data_dir):
            self.assertNotIn(d, ("b", "escape"), "a mailbox name escaped the account directory")
        self.assertFalse(os.path.exists(os.path.join(self.store.account_dir(self.name), "..", "escape")))

    def test_good_modified_utf7_round_trips(self):
        c = self.login(self.name, self.pw)
        for name in (b"&ZeVnLIqe-", b"&AMQ-rger", b"Tom &- Jerry", b"Sent/&AMQ-rger"):
            self.expect_ok(c.cmd(b"CREATE " + quote(name).encode()), "CREATE %r" % name)
        # RFC 3501 6.3.3: a trailing delimiter only declares that inferiors will follow
        self.expect_ok(c.cmd("CREATE \"Folder/\""), "CREATE with a trailing delimiter")
        listed = self.list_mailboxes(c)
        for name in ("&ZeVnLIqe-", "&AMQ-rger", "Tom &- Jerry", "Sent/&AMQ-rger", "Folder"):
            self.assertIn(name, listed, "LIST does not return %r as created: %r" % (name, sorted(listed)))
        self.expect_ok(c.cmd("SELECT \"&AMQ-rger\""))
        self.expect_no(c.cmd("CREATE \"&AMQ-rger\""), what="CREATE of an existing mUTF-7 name")

    # -- states and garbage ------------------------------------------------------------

    NEEDS_AUTH = ["SELECT INBOX", "EXAMINE INBOX", "CREATE x", "DELETE Sent", "RENAME Sent y", "SUBSCRIBE Sent",
                  "UNSUBSCRIBE Sent", "LIST \"\" *", "LSUB \"\" *", "STATUS INBOX (MESSAGES)", "NAMESPACE",
                  "GETQUOTAROOT INBOX", "GETQUOTA \"\"", "ENABLE CONDSTORE", "IDLE", "APPEND INBOX {3+}\r\nabc"]
    NEEDS_SELECTED = ["FETCH 1 FLAGS", "STORE 1 +FLAGS (\\Deleted)", "SEARCH ALL", "COPY 1 Sent", "MOVE 1 Sent",
                      "EXPUNGE", "UID FETCH 1 FLAGS", "UID STORE 1 +FLAGS (\\Deleted)", "UID SEARCH ALL",
                      "UID COPY 1 Sent", "UID MOVE 1 Sent", "UID EXPUNGE 1", "CLOSE", "UNSELECT", "CHECK"]
    NOT_AFTER_LOGIN = ["LOGIN a b", "AUTHENTICATE PLAIN AGEAYg==", "STARTTLS"]

    def test_commands_in_the_wrong_state(self):
        rows = self.deliver_to(self.name, [make_message("state")])
        sessions = Sessions(self)
        failures = []
        for state, cmds in (("none", self.NEEDS_AUTH + self.NEEDS_SELECTED),
                            ("auth", self.NEEDS_SELECTED + self.NOT_AFTER_LOGIN), ("selected", self.NOT_AFTER_LOGIN)):
            for cmd in cmds:
                r = sessions.get(state).cmd(cmd)
                if r.status not in ("NO", "BAD", "BYE"):  # BYE: a server may hang up on repeated errors
                    failures.append("%s: %s -> %r" % (state, cmd, r.raw))
                sessions.refused(state, r)
            # the refusals changed nothing: the state is the same
            c = sessions.get(state)
            if state == "none":
                self.login(self.name, self.pw, conn=c)
            elif state == "auth":
                self.expect_ok(c.cmd("SELECT INBOX"), "SELECT after refusals in the authenticated state")
            else:
                self.expect_ok(c.cmd("FETCH 1 UID"), "FETCH after refusals in the selected state")
        c = sessions.get("selected")
        r = c.cmd("DONE")
        self.assertNotEqual(r.status, "OK", "DONE outside IDLE")
        self.assertEqual(failures, [])
        self.assertEqual([(r["uid"], r["content"]) for r in self.inbox(self.name)],
                         [(r["uid"], r["content"]) for r in rows])
        self.assertNotIn("x", self.mailbox_names())
        got, _ = self.fetch(c, "1", "FLAGS")
        self.assertNotIn("\\DELETED", {f.upper() for f in got[1]["FLAGS"]})

    def test_garbage_lines(self):
        c = self.imap()
        c.send(b"\r\n\r\n")  # empty lines are ignored
        cases = [b"NOOP", b"* NOOP", b"+ NOOP", b"a{b NOOP", b"a\"b NOOP", b"a%b NOOP", b"T1 FOO", b"T2 NOOP extra",
                 b"T3 CAPABILITY now", b"T4 LOGIN", b"T5 LOGIN onlyuser", b"T6 \x00NOOP", b"T7 NO\x00OP",
                 b"T8 SELECT \"unterminated", b"T9 SELECT \"bad\\escape\"", b"T10 LIST \"\" (", b"T11 LIST \"\" )",
                 b"\xff\xfe\xfd NOOP", b"T12 " + b"\xc3\xa9" * 10, b"T13 uid", b"T14 UID NOOP", b"T15 UID",
                 b"GET / HTTP/1.1"]
        for i, line in enumerate(cases):
            c.send(line + b"\r\n")
            got = c.read_response_line()
            if got.startswith(b"* BYE"):  # hanging up on a client that keeps sending garbage is fine
                self.assertTrue(c.is_closed(), "BYE without closing")
                c = self.imap()
                continue
            self.assertTrue(re.match(rb"^\S+ BAD", got), "%r answered %r (expected a BAD)" % (line, got))
        self.assertEqual(pending_output(c, 0.3), b"", "more answers than commands")
        c = self.imap()
        self.login(self.name, self.pw, conn=c)
        self.expect_ok(c.cmd("NOOP"))
        # lower-case commands are fine (RFC 3501 9: case-insensitive)
        self.expect_ok(c.cmd("select inbox"))
        self.expect_ok(c.cmd("noop"))

    def test_sasl_abuse(self):
        self.name, self.pw = self.new_account()  # failed logins count against the name
        c = self.imap()
        tag = c.next_tag()
        c.send(tag + " AUTHENTICATE PLAIN\r\n")
        cont = c.continuation()
        self.assertIsInstance(cont, bytes, "AUTHENTICATE PLAIN without initial response: %r" % cont)
        c.send(b"*\r\n")
        self.expect_bad(c.response(tag), what="RFC 3501 6.2.2: '*' cancels AUTHENTICATE with a tagged BAD")
        self.expect_refused(c.cmd("AUTHENTICATE X-NO-SUCH-MECH"), "unknown mechanism")
        self.expect_refused(c.cmd("AUTHENTICATE PLAIN !!!notbase64!!!"), "bad base64")
        self.expect_no(c.cmd("AUTHENTICATE PLAIN " + base64.b64encode(b"garbage without nuls").decode()),
                       what="PLAIN without NULs")
        self.expect_no(c.cmd("AUTHENTICATE PLAIN " + base64.b64encode(
            b"other\0" + self.name.encode() + b"\0" + self.pw.encode()).decode()), what="another authorization id")
        tag = c.next_tag()
        c.send(tag + " AUTHENTICATE PLAIN\r\n")
        self.assertIsInstance(c.continuation(), bytes)
        c.send(b"A" * (LINE_LIMIT + 100) + b"\r\n")
        r = c.response(tag, timeout=30)
        self.assertIn(r.status, ("BAD", "NO"), r)
        self.expect_ok(c.cmd("AUTHENTICATE PLAIN " + base64.b64encode(
            b"\0" + self.name.encode() + b"\0" + self.pw.encode()).decode()))
        self.expect_ok(c.cmd("SELECT INBOX"))

    def test_mailbox_deleted_or_account_deleted_under_a_session(self):
        """Beyond the RFCs' letter: another session deletes the selected mailbox, then the
        administrator deletes the account while sessions are open. maild must survive, the
        sessions must not act on what is gone, and nothing may bring the account's store back."""
        self.name, self.pw = self.new_account()  # deleted at the end
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("CREATE Doomed"))
        m = make_message("doomed")
        self.expect_ok(c.cmd_literal([b"APPEND Doomed {%d}" % len(m), m, b""]))
        self.expect_ok(c.cmd("SELECT Doomed"))
        other = self.login(self.name, self.pw)
        self.expect_ok(other.cmd("DELETE Doomed"))
        # docs/imap.md: a selected mailbox deleted by another session ends the session with BYE
        r = c.cmd("FETCH 1 (BODY.PEEK[])")
        self.assertEqual(r.status, "BYE", "the session whose selected mailbox was deleted: %r" % r)
        self.assertTrue(c.is_closed())
        self.assertNotIn("Doomed", self.mailbox_names())
        # the account goes away with sessions open
        rows = self.deliver_to(self.name, [make_message("gone")])
        s1, _ = self.session(self.name, self.pw)
        s2 = self.login(self.name, self.pw)
        tag = s2.next_tag()
        s2.send(tag + " IDLE\r\n")
        self.assertIsInstance(s2.continuation(), bytes)
        self.rpc.call("account.delete", {"name": self.name})
        account_dir = self.store.account_dir(self.name)
        for cmd in ("NOOP", "FETCH 1 (BODY[])", "STORE 1 +FLAGS (\\Seen)", "CREATE Again", "EXPUNGE"):
            try:
                s1.cmd(cmd)
            except (ImapClosed, OSError, AssertionError):
                break
        try:
            s1.cmd_literal([b"APPEND INBOX {%d}" % len(m), m, b""])
        except (ImapClosed, OSError, AssertionError):
            pass
        time.sleep(0.3)
        self.assertIsNone(self.daemon.proc.poll(), "maild died:\n" + self.daemon.read_output()[-3000:])
        self.assertFalse(os.path.exists(account_dir), "the deleted account's store came back: %s %r"
                         % (account_dir, os.listdir(account_dir) if os.path.isdir(account_dir) else None))
        self.assertNotEqual(self.imap().login(self.name, self.pw).status, "OK")
        self.assertTrue(rows)
        self.assert_alive()

    def test_max_connections_per_address(self):
        # connections of earlier tests (closed by their cleanups) must be gone first
        deadline = time.monotonic() + 10
        while (self.imap_service().get("counters") or {}).get("activeConnections", 0) > 0:
            self.assertLess(time.monotonic(), deadline, "IMAP connections of earlier tests still open")
            time.sleep(0.1)
        self.set_settings({"imap.maxConnectionsPerAddress": 2})
        self.addCleanup(self.set_settings, {"imap.maxConnectionsPerAddress": 50})
        a = self.imap()
        b = self.imap()
        third = ImapConn(self.imap_port, greeting=False)
        self.addCleanup(third.close)
        try:
            line = third.line(timeout=10)
            self.assertTrue(line.startswith(b"* BYE"), "third connection with the limit at 2: %r" % line)
        except ImapClosed:
            pass
        self.assertTrue(third.is_closed(), "the connection over the limit stays open")
        self.expect_ok(a.cmd("NOOP"))
        a.close()
        b.close()
        deadline = time.monotonic() + 5
        while True:
            try:
                d = ImapConn(self.imap_port)
                self.addCleanup(d.close)
                if d.greeting.startswith(b"* OK"):
                    break
            except (ImapClosed, OSError):
                pass
            self.assertLess(time.monotonic(), deadline, "connections not accepted after the others closed")
            time.sleep(0.2)


@unittest.skipUnless(os.path.exists(LIBFAKETIME), "libfaketime is not installed (Debian package faketime)")
class IdleTimeout(OwnDaemonImapTestCase):
    """imap.idleTimeoutSeconds is at least 1800 (RFC 3501 5.4: 30 minutes); maild runs with its
    clock 360 times faster (libfaketime), so 1800 s pass in 5 s."""

    SPEED = 360
    daemon_env = {"LD_PRELOAD": LIBFAKETIME, "FAKETIME": "+0 x%d" % SPEED,
                  "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"}

    def test_idle_and_silent_sessions_logged_out_after_the_timeout(self):
        self.assertEqual(self.imap_setting("imap.idleTimeoutSeconds"), 1800)
        name, pw = self.new_account()
        idler = self.login(name, pw)
        self.expect_ok(idler.cmd("SELECT INBOX"))
        tag = idler.next_tag()
        idler.send(tag + " IDLE\r\n")
        self.assertIsInstance(idler.continuation(), bytes)
        silent = self.login(name, pw)
        t0 = time.monotonic()
        # not before the timeout: 2 s real = 720 s on maild's clock
        time.sleep(2)
        self.assertEqual(pending_output(idler, 0.1), b"", "IDLE ended long before imap.idleTimeoutSeconds")
        self.expect_ok(silent.cmd("NOOP"))  # (restarts the silent one's timer)
        for who, conn in (("idling", idler), ("silent", silent)):
            deadline = time.monotonic() + 90
            seen = []
            while True:
                try:
                    line = conn.read_response_line(timeout=max(0.1, deadline - time.monotonic()))
                except ImapClosed:
                    self.fail("%s session closed without '* BYE' (RFC 3501 7.1.5: an autologout is announced "
                              "with BYE); before: %r" % (who, seen))
                except socket.timeout:
                    self.fail("%s session not logged out 90 s (32400 s on maild's clock) into a 1800 s timeout: %r"
                              % (who, seen))
                seen.append(line)
                if line.upper().startswith(b"* BYE"):
                    break
            self.assertTrue(conn.is_closed(10), "%s session open after its BYE" % who)
        elapsed = (time.monotonic() - t0) * self.SPEED
        self.assertGreater(elapsed, 1500, "logged out after only %d s on maild's clock" % elapsed)
        # maild is still fine
        self.login(name, pw)


if __name__ == "__main__":
    unittest.main()
