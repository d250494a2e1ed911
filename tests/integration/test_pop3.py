"""POP3 against a real maild (docs/pop3.md) with real clients: Python's poplib (plain, STLS,
POP3_SSL), curl (pop3://, pop3s://, --ssl-reqd) and fetchmail, plus a raw socket wherever the
exact bytes matter. Mail is delivered first over SMTP; what POP3 returns is compared byte for
byte with the stored file under <data>/mail/<account>/msg/ (which includes our Return-Path and
Received headers), and the store is checked after every change: files, index rows, usage.
"""
import base64
import hashlib
import os
import poplib
import re
import socket
import ssl
import time
import unittest

from mailroomtest import RpcError
from pop3test import (GREETING, Fetchmail, Pop3Conn, Pop3TestCase, Status, auth_login, auth_scram, client_context,
                      curl, messages_with, port_refuses, read_sasl, stuff, unstuff, wait_pop3)
from smtptest import DOMAIN, HOST, TIMEOUT, TRICKY_BODY, make_message
from tlstest import fingerprint_der, leaf_fingerprint, unsolicited

ALICE_PW = "alice-Secret-1"
BOB_PW = "bob-Secret-2"
CAROL_PW = "carol-Secret-3"

CAPABILITIES = {"TOP", "UIDL", "USER", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "SASL", "STLS",
                "IMPLEMENTATION", "LOGIN-DELAY", "EXPIRE"}


def sample_messages():
    """A plain message, one with 8-bit text and lines starting with '.', one whose last line
    is '.', and a larger one."""
    return [make_message("plain one"),
            make_message("tricky dots and 8-bit", body=TRICKY_BODY,
                         headers=("MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                                  "Content-Transfer-Encoding: 8bit")),
            make_message("ends with a dot line", body=b"first\r\n..\r\n.\r\n"),
            make_message("larger", size=20000)]


class Pop3Base(Pop3TestCase):
    def setUp(self):
        super().setUp()
        self.create_account("alice", ALICE_PW)
        self.create_account("bob", BOB_PW)

    def sizes(self, rows):
        return [r["size"] for r in rows]


# --------------------------------------------------------------------------------------------
# Real clients
# --------------------------------------------------------------------------------------------

class Clients(Pop3Base):
    """Each client downloads exactly the stored bytes."""

    def setUp(self):
        super().setUp()
        self.rows = self.deliver_all("alice", sample_messages())
        for r in self.rows:
            self.assertEqual(len(r["content"]), r["size"])

    def poplib_check(self, p):
        """A logged-in poplib session: STAT, LIST, UIDL and RETR of every message."""
        count, total = p.stat()
        self.assertEqual((count, total), (len(self.rows), sum(self.sizes(self.rows))))
        _, listing, _ = p.list()
        self.assertEqual([l.decode() for l in listing],
                         ["%d %d" % (i + 1, r["size"]) for i, r in enumerate(self.rows)])
        _, uidls, _ = p.uidl()
        uv = self.uidvalidity("alice")
        self.assertEqual([l.decode() for l in uidls],
                         ["%d %d.%d" % (i + 1, uv, r["uid"]) for i, r in enumerate(self.rows)])
        for i, row in enumerate(self.rows):
            resp, lines, octets = p.retr(i + 1)
            self.assertTrue(resp.startswith(b"+OK"), resp)
            got = b"\r\n".join(lines) + b"\r\n"
            self.assertEqual(got, row["content"], "RETR %d differs from %s" % (i + 1, row["path"]))
            self.assertEqual(octets, row["size"], "octets poplib counted for RETR %d" % (i + 1))

    def test_raw_retr_is_the_stored_file_with_exact_stuffing(self):
        c = self.login("alice", ALICE_PW)
        for i, row in enumerate(self.rows):
            self.expect_ok(c.cmd("RETR %d" % (i + 1)))
            wire = c.multiline_raw()
            self.assertEqual(wire + b".\r\n", stuff(row["content"]),
                             "RETR %d is not the stored file with each leading '.' doubled" % (i + 1))
        self.assertIn(b"\r\n..a line that starts with a dot\r\n", stuff(self.rows[1]["content"]))
        self.expect_ok(c.cmd("QUIT"))
        self.assertTrue(c.is_closed(), "connection open after QUIT")
        self.assertEqual(len(self.inbox("alice")), len(self.rows), "RETR and QUIT deleted something")

    def test_poplib_plain(self):
        p = poplib.POP3(HOST, self.pop3_port, timeout=TIMEOUT)
        self.addCleanup(p.close)
        self.assertRegex(p.getwelcome().decode(), GREETING.pattern)
        p.user("alice")
        p.pass_(ALICE_PW)
        self.poplib_check(p)
        self.assertTrue(p.quit().startswith(b"+OK"))
        self.assertEqual([r["content"] for r in self.inbox("alice")], [r["content"] for r in self.rows])

    def test_poplib_stls(self):
        p = poplib.POP3("localhost", self.pop3_port, timeout=TIMEOUT)  # the name stls() checks
        self.addCleanup(p.close)
        self.assertIn("STLS", p.capa())
        cafile, pem = self.certificate_pem()
        ctx = client_context(cadata=pem, check_hostname=True)
        p.stls(context=ctx)
        self.assertIn(p.sock.version(), ("TLSv1.2", "TLSv1.3"))
        self.assertEqual(fingerprint_der(p.sock.getpeercert(binary_form=True)), leaf_fingerprint(pem))
        caps = p.capa()
        self.assertNotIn("STLS", caps, "STLS still offered on an encrypted connection")
        self.assertIn("USER", caps)
        p.user("alice")
        p.pass_(ALICE_PW)
        self.poplib_check(p)
        p.quit()

    def test_poplib_pop3_ssl(self):
        _, pem = self.certificate_pem()
        # "localhost": the certificate names it; maild listens on 127.0.0.1 only, and
        # create_connection falls back to it when ::1 refuses
        p = poplib.POP3_SSL("localhost", self.pop3s_port, context=client_context(cadata=pem, check_hostname=True),
                            timeout=TIMEOUT)
        self.addCleanup(p.close)
        self.assertRegex(p.getwelcome().decode(), GREETING.pattern)
        self.assertIn(p.sock.version(), ("TLSv1.2", "TLSv1.3"))
        self.assertEqual(fingerprint_der(p.sock.getpeercert(binary_form=True)), leaf_fingerprint(pem))
        self.assertNotIn("STLS", p.capa(), "STLS offered on the implicit-TLS port")
        p.user("alice")
        p.pass_(ALICE_PW)
        self.poplib_check(p)
        p.dele(1)
        p.quit()
        self.assertEqual([r["uid"] for r in self.inbox("alice")], [r["uid"] for r in self.rows[1:]])

    def test_curl_retrieves_and_lists(self):
        for i, row in enumerate(self.rows):
            r = curl("pop3://%s:%d/%d" % (HOST, self.pop3_port, i + 1), "alice", ALICE_PW)
            self.assertEqual(r.returncode, 0, "curl RETR %d: %s" % (i + 1, r.stderr.decode()))
            self.assertEqual(r.stdout, row["content"], "curl RETR %d differs from the stored file" % (i + 1))
        r = curl("pop3://%s:%d/" % (HOST, self.pop3_port), "alice", ALICE_PW)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stdout.decode().splitlines(),
                         ["%d %d" % (i + 1, row["size"]) for i, row in enumerate(self.rows)])
        r = curl("pop3://%s:%d/" % (HOST, self.pop3_port), "alice", ALICE_PW, "-X", "UIDL")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        uv = self.uidvalidity("alice")
        self.assertEqual(r.stdout.decode().splitlines(),
                         ["%d %d.%d" % (i + 1, uv, row["uid"]) for i, row in enumerate(self.rows)])
        # wrong password: curl's "login denied" (67)
        r = curl("pop3://%s:%d/1" % (HOST, self.pop3_port), "alice", "wrong")
        self.assertEqual(r.returncode, 67, "curl with a wrong password: rc %d %s" % (r.returncode, r.stderr.decode()))
        self.assertEqual(r.stdout, b"")

    def test_curl_over_tls(self):
        cafile, _ = self.certificate_pem()
        resolve = ["--cacert", cafile, "--resolve", "localhost:%d:127.0.0.1" % self.pop3s_port,
                   "--resolve", "localhost:%d:127.0.0.1" % self.pop3_port]
        r = curl("pop3s://localhost:%d/2" % self.pop3s_port, "alice", ALICE_PW, *resolve)
        self.assertEqual(r.returncode, 0, "curl pop3s: %s" % r.stderr.decode())
        self.assertEqual(r.stdout, self.rows[1]["content"])
        r = curl("pop3://localhost:%d/3" % self.pop3_port, "alice", ALICE_PW, "--ssl-reqd", *resolve)
        self.assertEqual(r.returncode, 0, "curl STLS (--ssl-reqd): %s" % r.stderr.decode())
        self.assertEqual(r.stdout, self.rows[2]["content"])

    def fetchmail(self):
        f = Fetchmail()
        self.addCleanup(f.cleanup)
        return f

    def test_fetchmail_downloads_and_deletes(self):
        usage_before = self.usage("alice")
        self.assertEqual(usage_before, sum(self.sizes(self.rows)))
        f = self.fetchmail()
        r = f.run(self.pop3_port, "alice", ALICE_PW)
        self.assertEqual(r.returncode, 0, "fetchmail failed:\n" + f.output)
        got = f.messages()
        self.assertEqual(len(got), len(self.rows), f.output)
        for i, (g, row) in enumerate(zip(got, self.rows)):
            self.assertEqual(g, row["content"], "fetchmail's copy of message %d differs from %s" % (i + 1, row["path"]))
        # fetchmail deleted them (DELE each, then QUIT): files, rows and usage are gone
        self.assertEqual(self.inbox("alice"), [], f.output)
        for row in self.rows:
            self.assertFalse(os.path.exists(row["path"]), "%s still exists after DELE+QUIT" % row["path"])
        self.assertEqual(self.usage("alice"), 0)
        self.assertEqual(self.store.usage_meta("alice"), 0)
        # a second run finds nothing
        f2 = self.fetchmail()
        r = f2.run(self.pop3_port, "alice", ALICE_PW)
        self.assertEqual(r.returncode, 1, "fetchmail on an empty maildrop should say 'no mail' (1):\n" + f2.output)
        self.assertEqual(f2.messages(), [])

    def test_fetchmail_stls_and_ssl_with_certificate_check(self):
        cafile, _ = self.certificate_pem()
        f = self.fetchmail()
        r = f.run(self.pop3_port, "alice", ALICE_PW, tls="stls", cafile=cafile, keep=True, uidl=True)
        self.assertEqual(r.returncode, 0, "fetchmail with STLS failed:\n" + f.output)
        self.assertIn("STLS", f.output)
        self.assertEqual(f.messages(), [row["content"] for row in self.rows], f.output)
        f2 = self.fetchmail()
        r = f2.run(self.pop3s_port, "alice", ALICE_PW, tls="ssl", cafile=cafile, keep=True)
        self.assertEqual(r.returncode, 0, "fetchmail over implicit TLS failed:\n" + f2.output)
        self.assertEqual(f2.messages(), [row["content"] for row in self.rows], f2.output)
        self.assertEqual([r["content"] for r in self.inbox("alice")], [r["content"] for r in self.rows],
                         "fetchmail 'keep' runs changed the maildrop")


# --------------------------------------------------------------------------------------------
# The maildrop: STAT, LIST, UIDL, TOP, DELE, RSET, QUIT
# --------------------------------------------------------------------------------------------

class Maildrop(Pop3Base):
    def test_stat_and_list_sizes_equal_stored(self):
        rows = self.deliver_all("alice", sample_messages())
        c = self.login("alice", ALICE_PW)
        self.assertEqual(self.stat(c), (len(rows), sum(os.path.getsize(r["path"]) for r in rows)))
        self.assertEqual(self.list_all(c), {i + 1: os.path.getsize(r["path"]) for i, r in enumerate(rows)})
        for i, r in enumerate(rows):
            s = self.expect_ok(c.cmd("LIST %d" % (i + 1)))
            self.assertEqual(s.text, "%d %d" % (i + 1, r["size"]))
        self.expect_err(c.cmd("LIST %d" % (len(rows) + 1)), text="no such message")
        self.expect_ok(c.cmd("NOOP"))
        self.expect_ok(c.cmd("QUIT"))

    def test_empty_maildrop(self):
        self.assertFalse(os.path.exists(self.store.index_path("bob")), "bob has an index before any mail")
        c = self.login("bob", BOB_PW)
        self.assertEqual(self.stat(c), (0, 0))
        self.assertEqual(self.list_all(c), {})
        self.assertEqual(self.uidl_all(c), {})
        self.expect_err(c.cmd("RETR 1"), text="no such message")
        self.expect_err(c.cmd("DELE 1"), text="no such message")
        self.expect_ok(c.cmd("RSET"))
        self.expect_ok(c.cmd("QUIT"))

    def test_uidl_stable_across_sessions_and_equals_index(self):
        rows = self.deliver_all("alice", messages_with(3))
        uv = self.uidvalidity("alice")
        expected = {i + 1: "%d.%d" % (uv, r["uid"]) for i, r in enumerate(rows)}
        c = self.login("alice", ALICE_PW)
        first = self.uidl_all(c)
        self.assertEqual(first, expected, "UIDL is not <uidvalidity>.<uid> of index.db")
        for n, uid in expected.items():
            self.assertEqual(self.expect_ok(c.cmd("UIDL %d" % n)).text, "%d %s" % (n, uid))
        self.expect_ok(c.cmd("QUIT"))
        c = self.login("alice", ALICE_PW)
        self.assertEqual(self.uidl_all(c), first, "UIDL changed between sessions")
        self.expect_ok(c.cmd("DELE 1"))
        self.expect_ok(c.cmd("QUIT"))
        self.deliver("sender@client.test", ["alice@" + DOMAIN], make_message("fourth"))
        rows = self.inbox("alice")
        c = self.login("alice", ALICE_PW)
        after = self.uidl_all(c)
        self.assertEqual(after, {i + 1: "%d.%d" % (uv, r["uid"]) for i, r in enumerate(rows)})
        self.assertEqual(after[1], first[2], "message 2 kept its UIDL after message 1 was deleted")
        self.assertEqual(after[2], first[3])
        self.assertNotIn(after[3], first.values(), "a new message reuses a UIDL")
        self.assertEqual(len(set(after.values())), len(after))

    def test_top(self):
        body = b"line 1\r\n.line 2 starts with a dot\r\nline 3\r\n\r\nline 5\r\n"
        rows = self.deliver_all("alice", [make_message("top", body=body)])
        content = rows[0]["content"]
        head_end = content.index(b"\r\n\r\n") + 4
        body_lines = content[head_end:].split(b"\r\n")[:-1]
        c = self.login("alice", ALICE_PW)
        for n in (0, 1, 2, 3, 5, 6, 1000):
            self.expect_ok(c.cmd("TOP 1 %d" % n))
            wire = c.multiline_raw()
            expected = content[:head_end] + b"".join(l + b"\r\n" for l in body_lines[:n])
            self.assertEqual(unstuff(wire), expected, "TOP 1 %d" % n)
            self.assertEqual(wire + b".\r\n", stuff(expected), "TOP 1 %d: stuffing on the wire" % n)
        self.expect_err(c.cmd("TOP 1"))
        self.expect_err(c.cmd("TOP 1 -1"))
        self.expect_err(c.cmd("TOP 2 0"), text="no such message")
        self.expect_ok(c.cmd("QUIT"))
        self.assertEqual(len(self.inbox("alice")), 1)

    def test_dele_then_quit_removes(self):
        rows = self.deliver_all("alice", messages_with(3, size=3000))
        usage = self.usage("alice")
        self.assertEqual(usage, sum(self.sizes(rows)))
        before = self.counters()
        c = self.login("alice", ALICE_PW)
        self.expect_ok(c.cmd("DELE 2"))
        # nothing happens before QUIT
        self.assertTrue(os.path.exists(rows[1]["path"]), "DELE removed the file before QUIT")
        self.assertEqual(self.usage("alice"), usage)
        self.expect_ok(c.cmd("QUIT"))
        self.assertTrue(c.is_closed(), "connection open after QUIT")
        self.assertFalse(os.path.exists(rows[1]["path"]), "file of the deleted message still exists")
        self.assertEqual([r["uid"] for r in self.index_rows("alice")], [rows[0]["uid"], rows[2]["uid"]],
                         "index rows after DELE 2 + QUIT")
        for r in (rows[0], rows[2]):
            with open(r["path"], "rb") as f:
                self.assertEqual(f.read(), r["content"])
        self.assertEqual(self.usage("alice"), usage - rows[1]["size"], "account usageBytes after the deletion")
        self.assertEqual(self.store.usage_meta("alice"), usage - rows[1]["size"], "index.db meta usage")
        after = self.counters()
        self.assertEqual(after.get("messagesDeleted", 0) - before.get("messagesDeleted", 0), 1,
                         "messagesDeleted: %r -> %r" % (before, after))
        c = self.login("alice", ALICE_PW)
        self.assertEqual(self.stat(c), (2, rows[0]["size"] + rows[2]["size"]))

    def test_dele_all_then_quit_empties(self):
        rows = self.deliver_all("alice", messages_with(4))
        c = self.login("alice", ALICE_PW)
        for n in range(1, 5):
            self.expect_ok(c.cmd("DELE %d" % n))
        self.assertEqual(self.stat(c), (0, 0), "STAT counts deleted messages (RFC 1939 5: it must not)")
        self.expect_ok(c.cmd("QUIT"))
        self.assertEqual(self.index_rows("alice"), [])
        self.assertEqual([r for r in rows if os.path.exists(r["path"])], [])
        self.assertEqual(self.usage("alice"), 0)

    def test_dele_then_dropped_connection_keeps_everything(self):
        rows = self.deliver_all("alice", messages_with(3))
        usage = self.usage("alice")
        c = self.login("alice", ALICE_PW)
        self.expect_ok(c.cmd("DELE 1"))
        self.expect_ok(c.cmd("DELE 3"))
        c.sock.shutdown(socket.SHUT_RDWR)
        c.close()
        # the maildrop is released once the server notices; nothing was deleted
        deadline = time.monotonic() + 10
        while True:
            c2 = self.pop3()
            u, p = c2.user_pass("alice", ALICE_PW)
            if p is not None and p.ok:
                break
            self.assertEqual(p.code if p else None, "IN-USE", "login after a dropped session: %r %r" % (u, p))
            c2.close()
            self.assertLess(time.monotonic(), deadline, "the maildrop stays locked 10 s after the client vanished")
            time.sleep(0.2)
        self.assertEqual(self.stat(c2), (3, sum(self.sizes(rows))))
        self.expect_ok(c2.cmd("QUIT"))
        self.assertEqual([r["content"] for r in self.inbox("alice")], [r["content"] for r in rows])
        self.assertEqual(self.usage("alice"), usage)

    def test_rset_undoes_dele(self):
        rows = self.deliver_all("alice", messages_with(3))
        c = self.login("alice", ALICE_PW)
        self.expect_ok(c.cmd("DELE 1"))
        self.expect_err(c.cmd("RETR 1"), text="message 1 is deleted")
        self.expect_err(c.cmd("DELE 1"), text="message 1 is deleted")
        self.assertEqual(self.stat(c), (2, rows[1]["size"] + rows[2]["size"]))
        self.assertEqual(self.list_all(c), {2: rows[1]["size"], 3: rows[2]["size"]})
        self.expect_ok(c.cmd("RSET"))
        self.assertEqual(self.stat(c), (3, sum(self.sizes(rows))))
        self.assertEqual(self.retr(c, 1), rows[0]["content"])
        self.expect_ok(c.cmd("QUIT"))
        self.assertEqual([r["uid"] for r in self.index_rows("alice")], [r["uid"] for r in rows])
        self.assertTrue(all(os.path.exists(r["path"]) for r in rows))

    def test_maildrop_is_fixed_at_login(self):
        rows = self.deliver_all("alice", messages_with(2))
        c = self.login("alice", ALICE_PW)
        self.deliver("sender@client.test", ["alice@" + DOMAIN], make_message("arrives during the session"))
        self.assertEqual(self.stat(c), (2, sum(self.sizes(rows))))
        self.expect_err(c.cmd("RETR 3"), text="no such message")
        self.expect_ok(c.cmd("DELE 1"))
        self.expect_ok(c.cmd("QUIT"))
        c = self.login("alice", ALICE_PW)
        count, _ = self.stat(c)
        self.assertEqual(count, 2, "the message delivered during the session is missing or DELE 1 hit it")
        self.assertEqual(self.retr(c, 2), self.inbox("alice")[1]["content"])

    def test_pipelining(self):
        rows = self.deliver_all("alice", messages_with(2))
        c = self.pop3()
        self.assertIn("PIPELINING", self.capa_names(c))
        c.send("USER alice\r\nPASS %s\r\nSTAT\r\nLIST\r\nUIDL\r\nRETR 1\r\nTOP 2 0\r\nLIST 2\r\nNOOP\r\n" % ALICE_PW)
        self.expect_ok(c.status())
        self.expect_ok(c.status())
        self.assertEqual(self.expect_ok(c.status()).text.split()[:2], ["2", str(sum(self.sizes(rows)))])
        self.expect_ok(c.status())  # LIST
        self.assertEqual(len(c.lines()), 2)
        self.expect_ok(c.status())  # UIDL
        self.assertEqual(len(c.lines()), 2)
        self.expect_ok(c.status())
        self.assertEqual(c.multiline(), rows[0]["content"])
        self.expect_ok(c.status())
        head = rows[1]["content"]
        self.assertEqual(c.multiline(), head[:head.index(b"\r\n\r\n") + 4])
        self.assertEqual(self.expect_ok(c.status()).text, "2 %d" % rows[1]["size"])
        self.expect_ok(c.status())
        self.assertEqual(unsolicited(c, 0.3), b"", "more answers than commands")

    def test_quit_in_authorization(self):
        self.deliver_all("alice", messages_with(1))
        c = self.pop3()
        self.expect_ok(c.cmd("USER alice"))
        self.expect_ok(c.cmd("QUIT"))
        self.assertTrue(c.is_closed())
        self.assertEqual(len(self.inbox("alice")), 1)

    def test_second_login_in_use_until_first_quits(self):
        rows = self.deliver_all("alice", messages_with(2))
        first = self.login("alice", ALICE_PW)
        second = self.pop3()
        self.expect_ok(second.cmd("USER alice"))
        self.expect_err(second.cmd("PASS " + ALICE_PW), code="IN-USE",
                        text="Mailbox is in use by another POP3 session")
        third = self.pop3(tls=True)
        self.expect_err(third.auth_plain("alice", ALICE_PW), code="IN-USE")
        # another account is not affected
        self.login("bob", BOB_PW)
        # the first session still works
        self.assertEqual(self.retr(first, 1), rows[0]["content"])
        self.expect_ok(first.cmd("QUIT"))
        self.assertTrue(first.is_closed())
        fourth = self.login("alice", ALICE_PW)
        self.assertEqual(self.stat(fourth), (2, sum(self.sizes(rows))))


# --------------------------------------------------------------------------------------------
# Authentication
# --------------------------------------------------------------------------------------------

class Auth(Pop3Base):
    def test_wrong_password_and_unknown_user(self):
        before = self.counters()
        c = self.pop3()
        self.expect_ok(c.cmd("USER alice"))
        self.expect_err(c.cmd("PASS wrong"), code="AUTH", text="Authentication failed")
        u, p = c.user_pass("nosuchuser", "wrong")
        self.expect_err(p if u.ok else u, code="AUTH", text="Authentication failed")
        self.expect_err(c.auth_plain("alice", "wrong-again"), code="AUTH", text="Authentication failed")
        after = self.counters()
        self.assertGreaterEqual(after.get("authFailures", 0) - before.get("authFailures", 0), 3,
                                "authFailures: %r -> %r" % (before, after))
        # three failures are below the default lockout (5): the right password works, same session
        self.login("alice", ALICE_PW, conn=c)
        self.assertEqual(self.stat(c), (0, 0))

    def test_imap_only_and_disabled_accounts_refused(self):
        self.create_account("imaponly", "imap-Secret-1", access="imap")
        self.create_account("popper", "pop-Secret-1", access="pop")
        self.create_account("off", "off-Secret-1", state="disabled")
        self.create_account("fwd", "fwd-Secret-1", state="forward", forwardAddress="somebody@remote.test",
                            access="pop")
        sentences = {}
        for name, pw in (("imaponly", "imap-Secret-1"), ("off", "off-Secret-1")):
            c = self.pop3()
            u, p = c.user_pass(name, pw)
            s = self.expect_err(p if u.ok else u, code="AUTH")
            self.assertNotEqual(s.sentence, "Authentication failed",
                                "%s with the right password: the refusal should say why (docs: [AUTH] <reason>)" % name)
            sentences[name] = s.sentence
            # the same refusal by AUTH PLAIN, and still in AUTHORIZATION afterwards
            s2 = self.expect_err(c.auth_plain(name, pw), code="AUTH")
            self.assertEqual(s2.sentence, s.sentence)
            self.expect_err(c.cmd("STAT"), text="STAT not allowed now")
            # a wrong password gets the generic answer: the policy is told only to the owner
            c2 = self.pop3()
            u, p = c2.user_pass(name, "wrong")
            self.expect_err(p if u.ok else u, code="AUTH", text="Authentication failed")
        # the POP-only account logs in, and so does a forwarding one (Workgroup Manager: new
        # mail goes elsewhere, what the mailbox already holds can still be read)
        c = self.login("popper", "pop-Secret-1")
        self.assertEqual(self.stat(c), (0, 0))
        self.assertEqual(self.stat(self.login("fwd", "fwd-Secret-1")), (0, 0))
        # allowing POP3 for the IMAP-only account makes the same password work
        self.update_mail("imaponly", access="both")
        self.login("imaponly", "imap-Secret-1")
        self.update_mail("off", state="enabled")
        self.login("off", "off-Secret-1")

    def test_lockout_login_delay(self):
        self.set_settings({"auth.failuresBeforeLockout": 2, "auth.lockoutSeconds": 2})
        self.deliver_all("alice", messages_with(1))
        for i in range(2):
            c = self.pop3()
            u, p = c.user_pass("alice", "wrong-%d" % i)
            self.expect_err(p, code="AUTH", text="Authentication failed")
            c.close()
        c = self.pop3()
        u = c.cmd("USER alice")
        locked = u if not u.ok else c.cmd("PASS " + ALICE_PW)
        self.expect_err(locked, code="LOGIN-DELAY")
        m = re.match(r"^Too many failed logins; try again in (\d+) seconds$", locked.sentence, re.I)
        self.assertIsNotNone(m, "LOGIN-DELAY sentence %r" % locked.sentence)
        self.assertTrue(1 <= int(m.group(1)) <= 3, "retry after %s s with lockoutSeconds=2" % m.group(1))
        t_locked = time.monotonic()
        self.expect_err(self.pop3().auth_plain("alice", ALICE_PW), code="LOGIN-DELAY")
        # after the delay the right password works
        time.sleep(max(0, int(m.group(1)) + 0.3 - (time.monotonic() - t_locked)))
        deadline = time.monotonic() + 5
        while True:
            c = self.pop3()
            u, p = c.user_pass("alice", ALICE_PW)
            if p is not None and p.ok:
                break
            self.assertLess(time.monotonic(), deadline, "still refused after the lockout: %r %r" % (u, p))
            c.close()
            time.sleep(0.5)
        self.assertEqual(self.stat(c)[0], 1)
        # the sentence exactly as docs/pop3.md writes it
        self.assertRegex(locked.sentence, r"^Too many failed logins; try again in \d+ seconds$")

    def test_auth_scram_sha256(self):
        """RFC 5034 4: the server-final message goes in a '+' continuation, the client answers
        with an empty line, and only then comes +OK."""
        c = self.pop3()
        c.send(b"AUTH SCRAM-SHA-256\r\n")
        ch = read_sasl(c)
        self.assertNotIsInstance(ch, Status, "SCRAM without initial response: expected '+ ', got %r" % ch)
        self.expect_err(c.cmd("*"))
        final, _ = auth_scram(c, "bob", BOB_PW, tamper=True)
        self.expect_err(final, code="AUTH", text="Authentication failed")
        c = self.pop3()
        final, verified = auth_scram(c, "alice", ALICE_PW)
        self.expect_ok(final)
        self.assertTrue(verified, "SCRAM server signature missing or wrong")
        self.assertEqual(unsolicited(c, 0.3, tls=False), b"", "answers nobody asked for after the SCRAM exchange")
        self.assertEqual(self.stat(c), (0, 0))
        self.expect_ok(c.cmd("QUIT"))

    def test_auth_plain_and_login(self):
        c = self.pop3()
        self.expect_ok(c.auth_plain("alice", ALICE_PW))
        self.assertEqual(self.stat(c), (0, 0))
        self.expect_ok(c.cmd("QUIT"))
        c = self.pop3()
        self.expect_ok(c.auth_plain("alice", ALICE_PW, initial=False))
        self.expect_ok(c.cmd("QUIT"))
        # '*' cancels with -ERR; the session is still in AUTHORIZATION
        c = self.pop3()
        c.send(b"AUTH PLAIN\r\n")
        ch = read_sasl(c)
        self.assertNotIsInstance(ch, Status, "AUTH PLAIN without initial response: expected '+ ', got %r" % ch)
        self.assertEqual(ch.raw, b"+ ", "the PLAIN challenge is empty: '+ '")
        self.expect_err(c.cmd("*"))
        self.login("alice", ALICE_PW, conn=c)
        self.expect_ok(c.cmd("QUIT"))
        # AUTH LOGIN
        c = self.pop3()
        self.expect_ok(auth_login(c, "alice", ALICE_PW))
        self.expect_ok(c.cmd("QUIT"))
        # errors
        c = self.pop3()
        self.expect_err(c.cmd("AUTH CRAM-MD5"))
        self.expect_err(c.cmd("AUTH PLAIN !!!not-base64!!!"))
        self.expect_err(c.auth_plain("alice", "wrong"), code="AUTH", text="Authentication failed")
        self.expect_ok(c.auth_plain("alice", ALICE_PW))

    def test_capa(self):
        c = self.pop3()
        lines = self.capa(c)
        names = {l.split(" ", 1)[0].upper() for l in lines}
        self.assertEqual(names - {"SASL"} - CAPABILITIES, set(), "unexpected capabilities: %r" % lines)
        self.assertEqual(CAPABILITIES - names, set(), "missing capabilities: %r" % lines)
        for exact in ("SASL PLAIN LOGIN SCRAM-SHA-256", "IMPLEMENTATION Mailroom", "LOGIN-DELAY 0", "EXPIRE NEVER"):
            self.assertIn(exact, lines)
        self.assertNotIn("APOP", names)
        # implicit TLS: everything but STLS
        t = self.pop3(tls=True)
        tnames = self.capa_names(t)
        self.assertEqual(tnames, CAPABILITIES - {"STLS"}, "CAPA on pop3s")
        # after STLS: no STLS
        self.expect_ok(c.stls())
        self.assertEqual(self.capa_names(c), CAPABILITIES - {"STLS"}, "CAPA after STLS")
        # pop3.tls = off: no STLS, and STLS is refused
        self.set_settings({"pop3.tls": "off"})
        o = self.pop3()
        self.assertEqual(self.capa_names(o), CAPABILITIES - {"STLS"}, "CAPA with pop3.tls=off")
        self.expect_err(o.cmd("STLS"))
        self.login("alice", ALICE_PW, conn=o)

    def test_tls_required(self):
        self.set_settings({"pop3.tls": "required"})
        self.deliver_all("alice", messages_with(1))
        c = self.pop3()
        names = self.capa_names(c)
        self.assertIn("STLS", names)
        self.assertNotIn("USER", names, "USER offered before TLS although TLS is required")
        self.assertNotIn("SASL", names, "SASL offered before TLS although TLS is required")
        refusal = "TLS is required; use STLS first"
        self.expect_err(c.cmd("USER alice"), code="AUTH", text=refusal)
        self.expect_err(c.cmd("PASS " + ALICE_PW), code="AUTH", text=refusal)
        self.expect_err(c.auth_plain("alice", ALICE_PW), code="AUTH", text=refusal)
        self.expect_ok(c.stls())
        names = self.capa_names(c)
        self.assertIn("USER", names)
        self.assertIn("SASL", names)
        self.login("alice", ALICE_PW, conn=c)
        self.assertEqual(self.stat(c)[0], 1)
        self.expect_ok(c.cmd("QUIT"))
        # implicit TLS is encrypted from the start
        self.login("alice", ALICE_PW, tls=True)

    def test_stls_discards_pipelined_commands(self):
        c = self.pop3()
        c.send(b"STLS\r\nUSER alice\r\n")
        s = c.status()
        self.expect_ok(s)
        extra = unsolicited(c, 0.3, tls=False)
        self.assertEqual(extra, b"", "clear-text bytes after the +OK of STLS (the pipelined USER was answered)")
        c.sock = client_context().wrap_socket(c.sock, server_hostname="localhost")
        c.sock.settimeout(c.timeout)
        self.assertEqual(unsolicited(c, 0.5), b"", "the server answered something nobody asked after the handshake")
        # had the pipelined USER survived, this PASS would log in
        p = c.cmd("PASS " + ALICE_PW)
        self.expect_err(p)
        self.assertNotEqual(p.code, "IN-USE", p)
        self.login("alice", ALICE_PW, conn=c)
        self.assertEqual(self.stat(c), (0, 0))

    def test_stls_state_rules(self):
        c = self.pop3()
        self.expect_err(c.cmd("STLS now"))
        self.expect_ok(c.stls())
        self.expect_err(c.cmd("STLS"))  # already encrypted
        self.login("alice", ALICE_PW, conn=c)
        t = self.login("bob", BOB_PW)
        self.expect_err(t.cmd("STLS"), text="STLS not allowed now")
        self.assertEqual(self.stat(t), (0, 0))
        s = self.pop3(tls=True)
        self.expect_err(s.cmd("STLS"))


# --------------------------------------------------------------------------------------------
# The service: stop/start, settings, counters
# --------------------------------------------------------------------------------------------

class AuthCost(Pop3Base):
    """The daemon hashes at the real cost here (fast_hashing=False): the time a refusal takes
    must not tell whether the name exists."""

    fast_hashing = False

    def test_unknown_user_costs_as_much_as_wrong_password(self):
        self.create_account("carol", CAROL_PW)

        def timed(user, password):
            c = self.pop3()
            self.expect_ok(c.cmd("USER " + user))
            t0 = time.perf_counter()
            r = c.cmd("PASS " + password)
            elapsed = time.perf_counter() - t0
            self.expect_err(r, code="AUTH", text="Authentication failed")
            c.close()
            return elapsed
        wrong, unknown = [], []
        for i, user in enumerate(("alice", "bob", "carol")):  # one failure per name: no lockout
            wrong.append(timed(user, "not-the-password"))
            unknown.append(timed("ghost%d" % i, "not-the-password"))
        w, u = sorted(wrong)[1], sorted(unknown)[1]
        self.assertLessEqual(abs(w - u), max(0.5 * w, 0.02),
                             "unknown user %.1f ms vs wrong password %.1f ms (medians): a user-existence oracle"
                             % (u * 1000, w * 1000))


class Service(Pop3Base):
    def test_listed_in_server_status(self):
        s = self.service()
        self.assertEqual(s["state"], "running")
        self.assertTrue(s["enabled"])
        self.assertTrue(any(l.endswith(":%d" % self.pop3_port) for l in s["listeners"]), s["listeners"])
        self.assertTrue(any(l.endswith(":%d" % self.pop3s_port) for l in s["listeners"]), s["listeners"])
        for key, default in (("pop3.enabled", True), ("pop3.tls", "offered"), ("pop3.idleTimeoutSeconds", 600),
                             ("pop3.maxConnectionsPerAddress", 20), ("pop3.apop", False), ("pop3s.port", 2995)):
            got = self.rpc.call("settings.get", {"keys": [key]})["settings"][0]
            self.assertEqual(got["default"], default, "default of %s" % key)
        self.assertEqual(self.rpc.call("settings.get", {"keys": ["pop3.port"]})["settings"][0]["default"], 2110)

    def test_service_stop_and_start(self):
        rows = self.deliver_all("alice", messages_with(2))
        usage = self.usage("alice")
        busy = self.login("alice", ALICE_PW)
        self.expect_ok(busy.cmd("DELE 1"))
        idle = self.pop3()
        secure = self.login("bob", BOB_PW, tls=True)
        result = self.rpc.call("service.stop", {"name": "pop3"})
        self.assertEqual(result["state"], "stopped")
        for name, c in (("transaction", busy), ("authorization", idle), ("pop3s", secure)):
            s = c.status(timeout=10)
            self.expect_err(s, code="SYS/TEMP")
            self.assertTrue(s.sentence.startswith("server shutting down"), s)
            self.assertTrue(c.is_closed(), "%s session open after service.stop" % name)
        self.assertTrue(port_refuses(self.pop3_port), "pop3 port still accepts after service.stop")
        self.assertTrue(port_refuses(self.pop3s_port), "pop3s port still accepts after service.stop")
        self.assertEqual([r["uid"] for r in self.index_rows("alice")], [r["uid"] for r in rows],
                         "service.stop committed a DELE")
        self.assertEqual(self.usage("alice"), usage)
        self.assertEqual(self.service()["state"], "stopped")
        result = self.rpc.call("service.start", {"name": "pop3"})
        self.assertEqual(result["state"], "running")
        wait_pop3(self.pop3_port, timeout=10)
        wait_pop3(self.pop3s_port, timeout=10, context=client_context())
        c = self.login("alice", ALICE_PW)
        self.assertEqual(self.stat(c), (2, usage))

    def test_certificate_assignment_applies_to_next_connection(self):
        default_fp = leaf_fingerprint(self.certificate_pem()[1])
        created = self.rpc.call("tls.createSelfSigned", {"name": "pop", "hosts": ["localhost"], "days": 30})
        self.assertNotEqual(created["fingerprint"], default_fp)
        before = self.pop3(tls=True)  # connected before the change: keeps the old certificate
        self.assertEqual(fingerprint_der(before.sock.getpeercert(binary_form=True)), default_fp)
        self.rpc.call("tls.assign", {"service": "pop3", "name": "pop"})
        used = {c["name"]: c.get("usedBy") or [] for c in self.rpc.call("tls.list")["certificates"]}
        self.assertIn("pop3", used["pop"], used)
        t = self.pop3(tls=True)
        self.assertEqual(fingerprint_der(t.sock.getpeercert(binary_form=True)), created["fingerprint"],
                         "pop3s does not present the certificate assigned to pop3")
        c = self.pop3()
        self.expect_ok(c.stls())
        self.assertEqual(fingerprint_der(c.sock.getpeercert(binary_form=True)), created["fingerprint"],
                         "STLS does not present the certificate assigned to pop3")
        self.login("alice", ALICE_PW, conn=c)
        self.expect_ok(before.cmd("CAPA"))
        before.lines()
        self.assertIn("smtp", used.get("default", []), "SMTP should keep the default certificate: %r" % used)

    def test_apop_cannot_be_enabled(self):
        e = self.assertRpcError(1102, "settings.set", {"values": {"pop3.apop": True}})
        self.assertEqual((e.data or {}).get("field"), "pop3.apop", e.data)
        self.assertIs(self.rpc.call("settings.get", {"keys": ["pop3.apop"]})["settings"][0]["value"], False)
        c = self.pop3()
        self.assertNotRegex(c.greeting.text, r"<[^>]*@[^>]*>", "an APOP timestamp in the greeting")
        self.expect_err(c.cmd("APOP alice 0123456789abcdef0123456789abcdef"))
        self.expect_err(c.cmd("STAT"), text="STAT not allowed now")

    def test_settings_validation(self):
        for key, value in (("pop3.tls", "sometimes"), ("pop3.idleTimeoutSeconds", 599),
                           ("pop3.maxConnectionsPerAddress", -1)):
            self.assertRpcError(1102, "settings.set", {"values": {key: value}})
        self.set_settings({"pop3.idleTimeoutSeconds": 600, "pop3.tls": "required"})
        got = {s["key"]: s["value"] for s in
               self.rpc.call("settings.get", {"keys": ["pop3.idleTimeoutSeconds", "pop3.tls"]})["settings"]}
        self.assertEqual(got, {"pop3.idleTimeoutSeconds": 600, "pop3.tls": "required"})

    def test_counters_grow(self):
        rows = self.deliver_all("alice", messages_with(3, size=5000))
        before = self.counters()
        for key in ("connections", "logins", "authFailures", "messagesRetrieved", "messagesDeleted", "bytesSent"):
            self.assertIn(key, before, "pop3 counters lack %s: %r" % (key, before))
        bad = self.pop3()
        bad.user_pass("alice", "wrong")
        c = self.login("alice", ALICE_PW)
        self.retr(c, 1)
        self.retr(c, 2)
        self.expect_ok(c.cmd("DELE 3"))
        self.expect_ok(c.cmd("QUIT"))
        self.assertTrue(c.is_closed())
        after = self.counters()
        d = {k: after[k] - before[k] for k in before if isinstance(before[k], (int, float)) and k in after}
        self.assertGreaterEqual(d["connections"], 2, d)
        self.assertEqual(d["logins"], 1, d)
        self.assertEqual(d["authFailures"], 1, d)
        self.assertEqual(d["messagesRetrieved"], 2, d)
        self.assertEqual(d["messagesDeleted"], 1, d)
        self.assertGreaterEqual(d["bytesSent"], rows[0]["size"] + rows[1]["size"], d)


if __name__ == "__main__":
    unittest.main()


class PasswordCache(Pop3Base):
    """auth.cacheSeconds: a verified password is remembered (as a keyed hash) so reconnecting
    clients skip the slow hash; a wrong password, or the old one after a change, never
    profits from it."""

    def quit(self, c):
        self.expect_ok(c.cmd("QUIT"))

    def test_wrong_password_after_a_cached_success_is_refused(self):
        self.quit(self.login("alice", ALICE_PW))
        self.quit(self.login("alice", ALICE_PW))  # from the cache
        c = self.pop3()
        u, p = c.user_pass("alice", ALICE_PW + "x")
        self.expect_err(p, "AUTH")

    def test_changed_password_invalidates_the_cached_one(self):
        self.quit(self.login("alice", ALICE_PW))
        self.rpc.call("account.setPassword", {"name": "alice", "password": "alice-New-Secret-9"})
        c = self.pop3()
        u, p = c.user_pass("alice", ALICE_PW)
        self.expect_err(p, "AUTH")
        self.quit(self.login("alice", "alice-New-Secret-9"))

    def test_cache_off_still_logs_in(self):
        self.rpc.call("settings.set", {"values": {"auth.cacheSeconds": 0}})
        self.quit(self.login("alice", ALICE_PW))
        self.quit(self.login("alice", ALICE_PW))
