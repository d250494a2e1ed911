"""Several IMAP sessions of one account at once, for 20 seconds: each runs a random mix of
SELECT, EXAMINE, UID FETCH, UID STORE, EXPUNGE, UID EXPUNGE, APPEND, IDLE, NOOP and
LOGOUT-then-login-again, while SMTP delivers into the same INBOX. Every tagged answer must
be OK, or a NO that docs/imap.md documents for a race (a message expunged by another session
meanwhile: [EXPUNGEISSUED]; STORE or EXPUNGE after EXAMINE: [READ-ONLY]); never BAD, never a parse error, never a hang. Then SIGTERM:
maild exits 0 with its clean-shutdown mark, and every session still open hears '* BYE'.
Bounded: 4 clients, 20 s, a few thousand commands; the sessions are closed by the test.
"""
import os
import random
import signal
import sys
import threading
import time
import unittest

from imaptest import ImapClosed, ImapConn, OwnDaemonImapTestCase, ParseError, Response
from smtptest import SmtpConn, dot_stuff, make_message

CLIENTS = 4
SECONDS = 20.0
RACE_CODES = {"EXPUNGEISSUED"}


class Client:
    def __init__(self, test, n, account, password, deadline):
        self.test, self.n, self.account, self.password = test, n, account, password
        self.deadline = deadline
        self.rng = random.Random("stress-%d" % n)
        self.conn = None
        self.selected = False
        self.read_only = False
        self.failures = []
        self.commands = 0

    def connect(self):
        self.conn = ImapConn(self.test.imap_port, timeout=30)
        self.check("LOGIN", self.conn.login(self.account, self.password))
        self.selected = False
        self.read_only = False

    def check(self, what, r):
        self.commands += 1
        if not isinstance(r, Response):
            self.failures.append("%s: no response (%r)" % (what, r))
        elif r.status == "NO" and r.code in RACE_CODES:
            pass
        elif r.status == "NO" and r.code == "READ-ONLY" and self.read_only:
            pass  # STORE or EXPUNGE after EXAMINE
        elif r.status != "OK":
            self.failures.append("%s: %r" % (what, r))
        return r

    def uid_range(self):
        a = self.rng.randint(1, 400)
        return "%d:%d" % (a, a + self.rng.randint(0, 30))

    def step(self):
        c = self.conn
        op = self.rng.choice(["select", "examine", "fetch", "fetch", "store", "store", "expunge", "uidexpunge",
                              "append", "idle", "noop", "logout"])
        if op in ("select", "examine"):
            self.check(op, c.cmd("%s INBOX" % op.upper()))
            self.selected = True
            self.read_only = op == "examine"
        elif op == "append":
            m = make_message("stress %d" % self.rng.randint(0, 1 << 30))
            self.check(op, c.cmd_literal([b"APPEND INBOX (\\Seen $Stress%d) {%d}" % (self.rng.randint(0, 3), len(m)),
                                          m, b""]))
        elif op == "noop":
            self.check(op, c.cmd("NOOP"))
        elif op == "logout":
            self.check(op, c.cmd("LOGOUT"))
            c.close()
            self.connect()
        elif not self.selected:
            self.check("select", c.cmd("SELECT INBOX"))
            self.selected = True
            self.read_only = False
        elif op == "fetch":
            items = self.rng.choice(["(FLAGS)", "(UID ENVELOPE BODYSTRUCTURE)", "(BODY.PEEK[])",
                                     "(BODY[HEADER.FIELDS (Subject)] FLAGS)", "(RFC822.SIZE INTERNALDATE)"])
            self.check(op, c.cmd("UID FETCH %s %s" % (self.uid_range(), items)))
        elif op == "store":
            flag = self.rng.choice(["\\Deleted", "\\Flagged", "\\Seen", "$Label%d" % self.rng.randint(0, 5)])
            self.check(op, c.cmd("UID STORE %s %sFLAGS (%s)" % (self.uid_range(), self.rng.choice("+-"), flag)))
        elif op == "expunge":
            self.check(op, c.cmd("EXPUNGE"))
        elif op == "uidexpunge":
            self.check(op, c.cmd("UID EXPUNGE %s" % self.uid_range()))
        elif op == "idle":
            tag = c.next_tag()
            c.send("%s IDLE\r\n" % tag)
            got = c.continuation(timeout=30)
            if isinstance(got, Response):
                self.check("idle", got)
                return
            time.sleep(self.rng.uniform(0.05, 0.3))
            c.send("DONE\r\n")
            self.check("idle", c.response(tag, timeout=30))

    def run(self):
        try:
            self.connect()
            while time.monotonic() < self.deadline and len(self.failures) < 20:
                self.step()
        except (ImapClosed, ParseError, AssertionError, OSError) as e:
            self.failures.append("client %d: %s: %s" % (self.n, type(e).__name__, e))


class Stress(OwnDaemonImapTestCase):
    def test_sessions_racing_on_one_account_then_sigterm(self):
        name, pw = self.new_account("stress")
        self.deliver_to(name, [make_message("seed %d" % n) for n in range(40)])
        deadline = time.monotonic() + SECONDS
        clients = [Client(self, n, name, pw, deadline) for n in range(CLIENTS)]
        threads = [threading.Thread(target=c.run, daemon=True) for c in clients]
        for t in threads:
            t.start()
        smtp = SmtpConn(self.smtp_port, timeout=30)
        self.assertEqual(smtp.cmd("EHLO client.test").code, 250)
        delivered = 0
        while time.monotonic() < deadline:
            self.assertEqual(smtp.cmd("MAIL FROM:<sender@client.test>").code, 250)
            self.assertEqual(smtp.cmd("RCPT TO:<%s>" % self.address(name)).code, 250)
            self.assertEqual(smtp.cmd("DATA").code, 354)
            smtp.send(dot_stuff(make_message("during the race %d" % delivered)))
            self.assertEqual(smtp.reply(timeout=30).code, 250)
            delivered += 1
            time.sleep(0.05)
        smtp.close()
        for t in threads:
            t.join(60)
            self.assertFalse(t.is_alive(), "an IMAP client hangs")
        sys.stderr.write("%d IMAP commands by %d clients, %d deliveries\n"
                         % (sum(c.commands for c in clients), CLIENTS, delivered))
        failures = [f for c in clients for f in c.failures]
        self.maxDiff = None
        self.assertEqual(failures, [], "answers other than OK or a documented NO")
        self.assertGreater(sum(c.commands for c in clients), 200, "too few commands ran")
        open_sessions = [c.conn for c in clients if c.conn is not None]
        code = self.daemon.stop(signal.SIGTERM)
        self.assertEqual(code, 0, "maild's exit after SIGTERM:\n" + self.daemon.read_output()[-3000:])
        self.assertTrue(os.path.exists(os.path.join(self.daemon.data_dir, "run", "clean-shutdown")))
        for conn in open_sessions:
            rest = b""
            try:
                while True:
                    rest += conn.line(timeout=10) + b"\n"
            except (ImapClosed, AssertionError, OSError):
                pass
            self.assertIn(b"* BYE", rest, "a session was not told BYE: %r" % rest[-300:])
            conn.close()


if __name__ == "__main__":
    unittest.main()
