"""A clean stop with sessions open: SIGTERM after a delivery reached several IMAP sessions of
one account (it crashed maild once: the sessions outlived the service's list of listeners),
and with a POP3 session holding its maildrop. maild must exit 0, write the clean-shutdown
mark, and say '* BYE' (IMAP) to every session before it goes.
"""
import imaplib
import os
import poplib
import signal
import socket
import unittest

from imaptest import TIMEOUT, OwnDaemonImapTestCase
from smtptest import HOST, make_message


class ShutdownWithSessions(OwnDaemonImapTestCase):
    def clean_mark(self):
        return os.path.join(self.daemon.data_dir, "run", "clean-shutdown")

    def stop_and_check(self):
        code = self.daemon.stop(signal.SIGTERM)
        self.assertEqual(code, 0, "maild's exit after SIGTERM; its output:\n" + self.daemon.read_output()[-3000:])
        self.assertTrue(os.path.exists(self.clean_mark()), "no clean-shutdown mark after SIGTERM")

    @staticmethod
    def rest_of(m: imaplib.IMAP4):
        """What the server sends until it closes the connection."""
        m.sock.settimeout(TIMEOUT)
        data = b""
        try:
            while True:
                chunk = m.sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        except (socket.timeout, ConnectionError):
            pass
        return data

    def test_sigterm_after_a_delivery_to_three_selected_sessions(self):
        name, pw = self.new_account("term")
        sessions = []
        for _ in range(3):
            m = imaplib.IMAP4(HOST, self.imap_port, timeout=TIMEOUT)
            m.login(name, pw)
            self.assertEqual(m.select("INBOX")[0], "OK")
            sessions.append(m)
        idler = sessions[2]
        tag = idler._new_tag()
        idler.send(tag + b" IDLE\r\n")
        self.assertTrue(idler.readline().startswith(b"+"), "IDLE not accepted")
        self.deliver_to(name, [make_message("before the stop")])
        # Every session hears of the new message (the IDLE one at once, the others on NOOP).
        self.assertIn(b"EXISTS", idler.readline())
        for m in sessions[:2]:
            m.noop()
            self.assertIn(b"1", b" ".join(v for v in m.untagged_responses.get("EXISTS", [b""])))
        self.stop_and_check()
        for i, m in enumerate(sessions):
            rest = self.rest_of(m)
            m.shutdown()
            self.assertIn(b"* BYE", rest, "session %d closed without '* BYE': %r" % (i, rest))

    def test_sigterm_with_a_pop3_session_holding_its_maildrop(self):
        name, pw = self.new_account("termpop")
        self.deliver_to(name, [make_message("held")])
        pop = poplib.POP3(HOST, self.daemon.ports["pop3"], timeout=TIMEOUT)
        pop.user(name)
        pop.pass_(pw)
        self.assertEqual(pop.stat()[0], 1)
        m = imaplib.IMAP4(HOST, self.imap_port, timeout=TIMEOUT)
        m.login(name, pw)
        m.select("INBOX")
        self.stop_and_check()
        pop.close()
        m.shutdown()


if __name__ == "__main__":
    unittest.main()
