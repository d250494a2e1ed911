"""Hostile input against maild's POP3 service (docs/pop3.md): over-long lines, unknown
commands, commands in the wrong state, bad message numbers, NUL bytes, deleting twice,
floods of pipelined commands, a 5 MB message full of lines that start with '.', a RETR that
must be streamed (maild's anonymous memory does not grow by the message size), the
per-address connection limit and the idle-timeout floor. After every abuse the session (or
at least maild) must still work and the maildrop must be unchanged.
"""
import base64
import hashlib
import os
import secrets
import socket
import time
import unittest

from pop3test import MAX_LINE, Pop3Closed, Pop3Conn, Pop3TestCase, messages_with, stuff, unstuff, vm_field, wait_pop3
from smtptest import DOMAIN, HOST, make_message
from tlstest import unsolicited

ALICE_PW = "alice-Secret-1"


class Hostile(Pop3TestCase):
    def setUp(self):
        super().setUp()
        self.create_account("alice", ALICE_PW)

    def assert_alive(self):
        self.assertIsNone(self.daemon.proc.poll(), "maild died:\n" + self.daemon.read_output()[-3000:])
        wait_pop3(self.pop3_port, timeout=5)

    def assert_unchanged(self, rows):
        self.assertEqual([(r["uid"], r["content"]) for r in self.inbox("alice")],
                         [(r["uid"], r["content"]) for r in rows], "the maildrop changed")

    # -- line length -------------------------------------------------------------------

    def test_over_long_lines(self):
        rows = self.deliver_all("alice", messages_with(2))
        c = self.pop3()
        # 255 octets including CRLF is allowed (RFC 2449), 256 is not
        at_limit = "USER " + "a" * (MAX_LINE - 7)
        self.assertEqual(len(at_limit) + 2, MAX_LINE)
        s = c.cmd(at_limit)
        self.assertNotEqual(s.text, "line too long", "a command of exactly 255 octets was refused")
        self.expect_err(c.cmd("USER " + "a" * (MAX_LINE - 6)), text="line too long")
        for n in (300, 5000):
            self.expect_err(c.cmd("X" * n), text="line too long")
            self.assertIn("USER", self.capa_names(c), "session unusable after a %d-octet line" % n)
        # a long line followed by a command in the same packet: the command is still answered
        c.send(b"USER " + b"b" * 5000 + b"\r\nCAPA\r\n")
        self.expect_err(c.status(), text="line too long")
        self.expect_ok(c.status())
        self.assertIn("TOP", {l.split()[0] for l in c.lines()})
        # the long USER did not leave a user behind: PASS has no USER
        self.expect_err(c.cmd("PASS " + ALICE_PW))
        self.login("alice", ALICE_PW, conn=c)
        self.expect_err(c.cmd("LIST " + "1" * 300), text="line too long")
        self.expect_err(c.cmd("RETR " + "9" * 5000), text="line too long")
        self.assertEqual(self.stat(c), (2, sum(r["size"] for r in rows)))
        self.expect_ok(c.cmd("QUIT"))
        self.assert_unchanged(rows)

    def test_megabyte_without_line_end(self):
        c = self.pop3()
        closed = False
        try:
            for _ in range(16):
                c.send(b"Y" * 65536)
            c.send(b"\r\nCAPA\r\n")
            s = c.status(timeout=20)
            self.expect_err(s, text="line too long")
            self.expect_ok(c.status())
            c.lines()
        except (Pop3Closed, BrokenPipeError, ConnectionResetError):
            closed = True  # hanging up on such a client is acceptable too
        self.assert_alive()
        if not closed:
            self.login("alice", ALICE_PW, conn=c)

    def test_split_command_and_slow_client(self):
        c = self.pop3()
        c.send(b"US")
        time.sleep(0.3)
        c.send(b"ER ali")
        time.sleep(0.3)
        c.send(b"ce\r")
        time.sleep(0.3)
        c.send(b"\n")
        self.expect_ok(c.status())
        self.expect_ok(c.cmd("PASS " + ALICE_PW))

    # -- commands and states -----------------------------------------------------------

    def test_unknown_commands(self):
        c = self.pop3()
        for line in ("FOO", "XTND XMIT", "HELO there", "EHLO there", "GET / HTTP/1.0", "LOGIN alice x", "STATX",
                     "RETR1"):
            self.expect_err(c.cmd(line), text="unknown command")
        self.expect_err(c.cmd(""))
        self.expect_err(c.cmd("   "))
        self.expect_err(c.cmd("APOP alice 0123456789abcdef0123456789abcdef"))
        # keywords are case-insensitive (RFC 1939 3)
        self.expect_ok(c.cmd("capa"))
        c.lines()
        self.expect_ok(c.cmd("user alice"))
        self.expect_ok(c.cmd("pAsS " + ALICE_PW))
        self.expect_err(c.cmd("FOO"), text="unknown command")
        self.expect_ok(c.cmd("stat"))
        self.expect_ok(c.cmd("noop"))

    def test_commands_in_the_wrong_state(self):
        rows = self.deliver_all("alice", messages_with(1))
        c = self.pop3()
        for cmd in ("STAT", "LIST", "LIST 1", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 0", "UIDL", "UIDL 1"):
            self.expect_err(c.cmd(cmd), text="%s not allowed now" % cmd.split()[0])
        self.login("alice", ALICE_PW, conn=c)
        for cmd in ("USER alice", "PASS " + ALICE_PW, "AUTH PLAIN AGFsaWNlAHg=", "STLS"):
            self.expect_err(c.cmd(cmd), text="%s not allowed now" % cmd.split()[0])
        self.assertEqual(self.stat(c), (1, rows[0]["size"]))
        self.expect_ok(c.cmd("QUIT"))
        self.assert_unchanged(rows)

    def test_pass_without_user(self):
        """RFC 1939: PASS only right after a successful USER; docs: wrong state ->
        '-ERR <cmd> not allowed now'."""
        c = self.pop3()
        s = self.expect_err(c.cmd("PASS " + ALICE_PW))
        self.expect_err(c.cmd("STAT"), text="STAT not allowed now")  # not logged in
        self.expect_ok(c.cmd("USER nosuchuser"))
        self.expect_err(c.cmd("PASS x"), code="AUTH")
        s2 = self.expect_err(c.cmd("PASS " + ALICE_PW))  # the failed PASS consumed the USER
        self.expect_err(c.cmd("STAT"), text="STAT not allowed now")
        self.login("alice", ALICE_PW, conn=c)
        self.assertEqual(s.sentence, "PASS not allowed now", s)
        self.assertEqual(s2.sentence, "PASS not allowed now", s2)

    def test_bad_message_numbers(self):
        rows = self.deliver_all("alice", messages_with(2))
        c = self.login("alice", ALICE_PW)
        bad = ("0", "-1", "3", "999999", "4294967297", "99999999999999999999", "abc", "1abc", "0x1", "1.0",
               "\u0661")
        for cmd in ("RETR %s", "DELE %s", "LIST %s", "UIDL %s", "TOP %s 0"):
            for arg in bad:
                line = cmd % arg
                self.expect_err(c.cmd(line.encode("utf-8")), text="no such message")
        for line in ("RETR 1 2", "DELE 1 2", "LIST 1 2", "UIDL 1 2", "RETR", "DELE", "TOP", "TOP 1", "TOP 1 -1",
                     "TOP 1 abc", "TOP 1 1 1"):
            self.expect_err(c.cmd(line))
        self.assertEqual(self.stat(c), (2, sum(r["size"] for r in rows)), "a bad DELE deleted something")
        self.expect_ok(c.cmd("QUIT"))
        self.assert_unchanged(rows)

    def test_nul_in_commands(self):
        rows = self.deliver_all("alice", messages_with(1))
        c = self.pop3()
        self.expect_err(c.cmd(b"CA\x00PA"))
        self.expect_err(c.cmd(b"USER al\x00ice"))
        s = c.cmd(b"PASS " + ALICE_PW.encode())
        self.assertFalse(s.ok, "USER with a NUL byte logged in as %r" % s)
        self.expect_err(c.cmd(b"\x00"))
        self.login("alice", ALICE_PW, conn=c)
        self.expect_err(c.cmd(b"DELE 1\x00"))
        self.expect_err(c.cmd(b"DELE \x001"))
        self.expect_err(c.cmd(b"STAT\x00\x00\x00"))
        self.expect_ok(c.cmd("NOOP"))
        self.expect_ok(c.cmd("QUIT"))
        self.assert_unchanged(rows)
        self.assert_alive()

    def test_binary_garbage(self):
        rows = self.deliver_all("alice", messages_with(1))
        c = self.pop3()
        junk = secrets.token_bytes(4096).replace(b"\r", b"").replace(b"\n", b"")
        lines = [junk[i:i + 100] for i in range(0, len(junk), 100)]
        c.send(b"\r\n".join(lines) + b"\r\n")
        for _ in lines:
            self.expect_err(c.status())
        self.assertEqual(unsolicited(c, 0.3, tls=False), b"")
        self.login("alice", ALICE_PW, conn=c)
        self.expect_ok(c.cmd("QUIT"))
        self.assert_unchanged(rows)

    def test_dele_twice_and_reading_a_deleted_message(self):
        rows = self.deliver_all("alice", messages_with(3))
        c = self.login("alice", ALICE_PW)
        self.expect_ok(c.cmd("DELE 2"))
        self.expect_err(c.cmd("DELE 2"), text="message 2 is deleted")
        self.expect_err(c.cmd("RETR 2"), text="message 2 is deleted")
        self.expect_err(c.cmd("TOP 2 0"), text="message 2 is deleted")
        self.expect_err(c.cmd("LIST 2"))
        self.expect_err(c.cmd("UIDL 2"))
        self.assertNotIn(2, self.list_all(c))
        self.assertNotIn(2, self.uidl_all(c))
        self.assertEqual(self.retr(c, 3), rows[2]["content"])
        self.expect_ok(c.cmd("QUIT"))
        self.assertEqual([r["uid"] for r in self.inbox("alice")], [rows[0]["uid"], rows[2]["uid"]])

    def test_pipelined_flood_and_commands_after_quit(self):
        rows = self.deliver_all("alice", messages_with(3))
        c = self.login("alice", ALICE_PW)
        n = 3000
        c.send(b"NOOP\r\n" * n)
        for i in range(n):
            self.expect_ok(c.status(timeout=30))
        c.send(b"RETR 1\r\n" * 50)
        for i in range(50):
            self.expect_ok(c.status(timeout=30))
            self.assertEqual(c.multiline(timeout=30), rows[0]["content"])
        # commands pipelined after QUIT are never executed
        c.send(b"DELE 1\r\nQUIT\r\nDELE 2\r\nDELE 3\r\n")
        self.expect_ok(c.status())
        self.expect_ok(c.status())
        self.assertTrue(c.is_closed(), "connection open after QUIT")
        self.assertEqual([r["uid"] for r in self.inbox("alice")], [rows[1]["uid"], rows[2]["uid"]])

    def test_auth_abuse(self):
        c = self.pop3()
        s = c.cmd("AUTH")  # RFC 5034 leaves it undefined; the common extension lists the mechanisms
        if s.ok:
            self.assertEqual(c.lines(), ["PLAIN", "LOGIN", "SCRAM-SHA-256"])
        self.expect_err(c.cmd("AUTH PLAIN ===="))
        self.expect_err(c.cmd("AUTH PLAIN " + "QUFBQQ" * 10))  # base64 of something without NULs
        self.expect_err(c.cmd("AUTH PLAIN " + base64.b64encode(b"bob\0alice\0" + ALICE_PW.encode()).decode()),
                        code="AUTH")  # authorization identity other than the user
        self.expect_err(c.cmd("AUTH PLAIN " + base64.b64encode(b"\0alice\0" + ALICE_PW.encode() + b"\0x").decode()))
        self.expect_err(c.cmd("AUTH SCRAM-SHA-256 " + base64.b64encode(b"garbage").decode()))
        c.send(b"AUTH LOGIN\r\n")
        line = c.line()
        self.assertTrue(line.startswith(b"+ "), line)
        c.send(b"not base64 !!\r\n")
        self.expect_err(c.status())
        self.login("alice", ALICE_PW, conn=c)
        self.expect_ok(c.cmd("QUIT"))

    def test_account_deleted_during_a_session(self):
        """Beyond docs/pop3.md (which says nothing about it): account.delete while a POP3
        session holds the maildrop with a DELE pending. maild must survive, and the session's
        QUIT must not bring the deleted account's mail store back to life."""
        self.deliver_all("alice", messages_with(3))
        c = self.login("alice", ALICE_PW)
        self.expect_ok(c.cmd("DELE 2"))
        self.rpc.call("account.delete", {"name": "alice"})
        account_dir = self.store.account_dir("alice")
        self.assertFalse(os.path.exists(account_dir), "account.delete left %s" % account_dir)
        try:
            c.cmd("RETR 1")
            c.buffer = b""
            c.cmd("QUIT")
        except (Pop3Closed, OSError, AssertionError):
            pass  # the session may be closed or refuse; it must not write
        c.close()
        time.sleep(0.5)
        self.assert_alive()
        left = sorted(os.path.relpath(os.path.join(r, f), account_dir)
                      for r, ds, fs in os.walk(account_dir) for f in fs + ds)
        self.assertFalse(os.path.exists(account_dir),
                         "the QUIT of a session of the deleted account re-created %s: %r" % (account_dir, left))

    # -- big messages ------------------------------------------------------------------

    def dotty_message(self, size):
        """A message of about size bytes where most lines start with '.'."""
        patterns = [b".", b"..", b"...", b".x leading dot", b". space", b"normal line", b".\t", b"..."]
        lines = []
        total = 0
        i = 0
        while total < size:
            l = patterns[i % len(patterns)] + (b" %08d" % i if i % 3 else b"")
            lines.append(l)
            total += len(l) + 2
            i += 1
        return make_message("big dotty", body=b"\r\n".join(lines) + b"\r\n.\r\n")

    def test_5mb_message_intact_with_dot_stuffing(self):
        message = self.dotty_message(5 * 1024 * 1024)
        self.deliver("sender@client.test", ["alice@" + DOMAIN], message)
        row = self.assert_stored("alice", message)
        content = row["content"]
        self.assertGreater(content.count(b"\r\n."), 100000)
        c = self.login("alice", ALICE_PW, timeout=60)
        self.assertEqual(self.list_all(c), {1: len(content)})
        self.expect_ok(c.cmd("RETR 1"))
        wire = c.multiline_raw(timeout=120)
        self.assertEqual(hashlib.sha256(unstuff(wire)).hexdigest(), hashlib.sha256(content).hexdigest(),
                         "the 5 MB message differs after removing the stuffing")
        self.assertEqual(len(wire) + 3, len(stuff(content)))
        self.assertTrue(wire + b".\r\n" == stuff(content), "byte-stuffing on the wire is not exact")
        self.expect_ok(c.cmd("NOOP"))
        self.expect_ok(c.cmd("QUIT"))

    def test_large_retr_is_streamed(self):
        """docs: RETR streams the stored file, never loaded whole. A fresh maild sends a 24 MiB
        message to a slow reader; its anonymous memory must not grow by half of that."""
        size = 24 * 1024 * 1024
        line = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.:0123456789\r\n"
        message = make_message("huge", body=line * (size // len(line)))
        self.deliver("sender@client.test", ["alice@" + DOMAIN], message)
        row = self.assert_stored("alice", message)
        # restart maild so the SMTP delivery's buffers do not hide anything
        self.rpc.close()
        self.assertEqual(self.daemon.stop(), 0)
        # Under AddressSanitizer freed memory waits in a quarantine and would count as growth;
        # without ASan the option does nothing.
        self.daemon.env["ASAN_OPTIONS"] = os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=0"
        self.daemon.start()
        wait_pop3(self.pop3_port)
        c = self.login("alice", ALICE_PW, timeout=60)
        c.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        pid = self.daemon.pid
        base = vm_field(pid, "RssAnon")
        peak = base
        c.send(b"RETR 1\r\n")
        received = bytearray()
        deadline = time.monotonic() + 180
        end = b"\r\n.\r\n"
        while not received.endswith(end):
            self.assertLess(time.monotonic(), deadline, "RETR of 24 MiB did not finish")
            chunk = c.sock.recv(256 * 1024)
            if not chunk:
                self.fail("connection closed during RETR")
            received += chunk
            if len(received) % (1024 * 1024) < len(chunk):
                peak = max(peak, vm_field(pid, "RssAnon"))
                time.sleep(0.05)  # a slow reader: a server that does not stream buffers it all
        peak = max(peak, vm_field(pid, "RssAnon"))
        status_end = received.index(b"\r\n")
        self.assertTrue(received.startswith(b"+OK"), received[:100])
        body = bytes(received[status_end + 2:-3])
        self.assertEqual(hashlib.sha256(unstuff(body)).hexdigest(), hashlib.sha256(row["content"]).hexdigest())
        growth = (peak - base) * 1024
        self.assertLess(growth, size // 2, "maild's anonymous memory grew by %.1f MiB while sending a %d MiB message"
                        " (RssAnon %d -> %d KiB): the message is not streamed" % (growth / 2**20, size // 2**20,
                                                                                   base, peak))

    # -- limits and settings -----------------------------------------------------------

    def test_max_connections_per_address(self):
        self.set_settings({"pop3.maxConnectionsPerAddress": 2})
        a = self.pop3()
        b = self.pop3()
        third = Pop3Conn(self.pop3_port, greeting=False)
        self.addCleanup(third.close)
        try:
            s = third.status(timeout=10)
            self.assertFalse(s.ok, "a third connection from one address got %r with the limit at 2" % s)
            self.assertTrue(s.sentence, s)
        except Pop3Closed:
            pass  # closed without a word is acceptable too
        self.assertTrue(third.is_closed(), "the connection over the limit stays open")
        self.expect_ok(a.cmd("CAPA"))
        a.lines()
        a.close()
        b.close()
        deadline = time.monotonic() + 5
        while True:
            try:
                d = Pop3Conn(self.pop3_port)
                self.addCleanup(d.close)
                if d.greeting.ok:
                    break
            except (Pop3Closed, OSError):
                pass
            self.assertLess(time.monotonic(), deadline, "connections not accepted again after the others closed")
            time.sleep(0.2)

    def test_idle_timeout_floor(self):
        """RFC 1939 asks for at least 10 minutes; settings below 600 s are refused."""
        got = self.rpc.call("settings.get", {"keys": ["pop3.idleTimeoutSeconds"]})["settings"][0]
        self.assertEqual(got["default"], 600)
        for value in (599, 300, 1, 0, -1):
            e = self.assertRpcError(1102, "settings.set", {"values": {"pop3.idleTimeoutSeconds": value}})
            self.assertEqual((e.data or {}).get("field"), "pop3.idleTimeoutSeconds", e.data)
        self.assertEqual(self.rpc.call("settings.get", {"keys": ["pop3.idleTimeoutSeconds"]})["settings"][0]["value"],
                         600)
        self.set_settings({"pop3.idleTimeoutSeconds": 601})
        self.set_settings({"pop3.idleTimeoutSeconds": 600})
        # an idle session is not dropped early (well below the floor, but it proves no tiny default)
        c = self.pop3()
        time.sleep(3)
        self.expect_ok(c.cmd("CAPA"))


if __name__ == "__main__":
    unittest.main()
