"""Hostile SMTP input (TESTING.md's SMTP list), each case a test against a real maild over a
raw socket: bare LF/CR and the SMTP smuggling end-of-data variants, pipelining, over-long
lines, NUL bytes, 8-bit data, wrong command order, relay attempts, oversize messages, mail
loops, too many recipients, EHLO without argument. Replies are checked against docs/smtp.md
and the store is checked for what must (not) have been delivered.
"""
import os
import time
import unittest

from smtptest import DOMAIN, REMOTE, SmtpClosed, SmtpTestCase, dot_stuff, make_message, split_stored

ALICE = "alice@" + DOMAIN
BOB = "bob@" + DOMAIN


class Hostile(SmtpTestCase):
    def setUp(self):
        super().setUp()
        self.create_account("alice", "alice-Secret-1")
        self.create_account("bob", "bob-Secret-2")

    def read_all_replies(self, conn, timeout=5.0):
        """Every reply until the server closes or is silent for timeout seconds."""
        replies = []
        while True:
            try:
                replies.append(conn.reply(timeout=timeout))
            except SmtpClosed:
                return replies, True
            except (TimeoutError, OSError):
                return replies, False

    def stored_bodies(self, account):
        out = []
        for row in self.store.messages(account, None):
            out.append(row["content"] or b"")
        return out

    # -- end of data ---------------------------------------------------------------------

    def bare_line_end(self, separator):
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.expect(c.cmd("DATA"), 354)
        c.send(b"Subject: bare\r\n\r\nfirst line" + separator + b"second line\r\n.\r\n")
        replies, closed = self.read_all_replies(c)
        self.assertTrue(replies, "no reply to data with a bare line end")
        self.expect(replies[0], 521, "5.5.2")
        self.assertIn("bare LF or CR", replies[0].text)
        self.assertTrue(closed, "connection not closed after 521")
        self.assert_no_message("alice")

    def test_bare_lf_in_data(self):
        self.bare_line_end(b"\n")

    def test_bare_cr_in_data(self):
        self.bare_line_end(b"\r")

    def smuggle(self, end_variant: bytes):
        """Data ending in end_variant, then a whole second transaction in the same packet.
        The smuggled message (to bob) must never be delivered; docs/smtp.md says the bare LF
        or CR gets 521, the connection closes and nothing at all is delivered."""
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.expect(c.cmd("DATA"), 354)
        packet = (b"From: <sender@client.test>\r\nSubject: legit\r\n\r\nlegitimate body" + end_variant +
                  b"MAIL FROM:<admin@" + DOMAIN.encode() + b">\r\n"
                  b"RCPT TO:<" + BOB.encode() + b">\r\n"
                  b"DATA\r\n"
                  b"From: <admin@" + DOMAIN.encode() + b">\r\nSubject: SMUGGLED\r\n\r\nsmuggled body\r\n"
                  b".\r\n"
                  b"QUIT\r\n")
        c.send(packet)
        replies, closed = self.read_all_replies(c, timeout=4)
        if not closed:
            # A server that took the variant for data: end the data properly so that any
            # confusion shows up as a delivery, then look again.
            try:
                c.send(b"\r\n.\r\nQUIT\r\n")
            except OSError:
                pass
            more, closed = self.read_all_replies(c, timeout=4)
            replies += more
        time.sleep(0.3)
        # The essential property: no second message, ever.
        smuggled = []
        for body in self.stored_bodies("bob") + self.stored_bodies("alice"):
            header_block = split_stored(body)[2].split(b"\r\n\r\n", 1)[0]
            if b"Subject: SMUGGLED" in header_block:
                smuggled.append(body)
        self.assertEqual(self.store.count("bob"), 0, "smuggled message delivered to bob: %r" % replies)
        self.assertFalse(smuggled, "smuggled message delivered")
        self.assertLessEqual(self.total_messages(), 1)
        self.assertLessEqual(sum(1 for r in replies if r.code == 250), 1, "more than one 250 after DATA: %r" % replies)
        # docs/smtp.md: 521 5.5.2 and the connection closed, nothing delivered.
        self.assertTrue(replies, "no reply at all")
        self.expect(replies[0], 521, "5.5.2")
        self.assertTrue(closed, "connection not closed after 521")
        self.assertEqual(self.total_messages(), 0, "something was delivered: %r" % replies)

    def test_smuggling_lf_dot_crlf(self):
        self.smuggle(b"\n.\r\n")

    def test_smuggling_crlf_dot_lf(self):
        self.smuggle(b"\r\n.\n")

    def test_smuggling_lf_dot_lf(self):
        self.smuggle(b"\n.\n")

    def test_smuggling_cr_dot_crlf(self):
        self.smuggle(b"\r.\r\n")

    def test_pipelined_transactions_in_one_packet(self):
        first = make_message("first", "first body\r\n.dot\r\n", to=ALICE)
        second = make_message("second", "second body\r\n", to=BOB)
        c = self.smtp()
        packet = (b"MAIL FROM:<sender@client.test>\r\nRCPT TO:<" + ALICE.encode() + b">\r\nDATA\r\n" +
                  dot_stuff(first) +
                  b"MAIL FROM:<sender@client.test>\r\nRCPT TO:<" + BOB.encode() + b">\r\nDATA\r\n" +
                  dot_stuff(second) + b"QUIT\r\n")
        c.send(packet)
        replies, closed = self.read_all_replies(c, timeout=10)
        codes = [r.code for r in replies]
        self.assertEqual(codes, [250, 250, 354, 250, 250, 250, 354, 250, 221], replies)
        self.assertTrue(closed)
        self.assert_stored("alice", first)
        self.assert_stored("bob", second)

    # -- command lines -------------------------------------------------------------------

    def test_overlong_command_line(self):
        c = self.smtp()
        self.expect(c.cmd("NOOP " + "x" * 2000), 500, "5.5.2", contains="line too long")
        self.expect(c.cmd("NOOP"), 250, "2.0.0")
        # the limit is 1000 octets including CRLF
        self.expect(c.cmd("NOOP " + "y" * 993), 250, "2.0.0")
        self.expect(c.cmd("NOOP " + "z" * 994), 500, "5.5.2")
        self.expect(c.cmd("MAIL FROM:<%s@client.test>" % ("a" * 1200)), 500, "5.5.2")
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")  # the overlong MAIL left no state

    def test_nul_in_command(self):
        c = self.smtp()
        self.expect(c.cmd(b"NO\x00OP"), 500, "5.5.2")
        self.expect(c.cmd(b"MAIL FROM:<sender\x00@client.test>"), 500, "5.5.2")
        self.expect(c.cmd("NOOP"), 250, "2.0.0")
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")

    def test_nul_in_data(self):
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.expect(c.data(make_message("nul", b"a\x00b\r\n")), 554, "5.6.0")
        self.assert_no_message("alice")

    def test_long_data_lines_are_kept_byte_for_byte(self):
        """RFC 5321 4.5.3.1.6: avoid limits on line length where possible (msmtp and other
        clients pass long lines through unchanged; Postfix takes them). Only the message
        size bounds a line; a dot at the start of a long line is still unstuffed."""
        c = self.smtp()
        body = b"q" * 1500 + b"\r\n" + b"." + b"d" * 70000 + b"\r\n" + b"short\r\n"
        message = make_message("long lines", body)
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.expect(c.data(message), 250, "2.0.0")
        self.assert_stored("alice", message)
        self.expect(c.cmd("NOOP"), 250, "2.0.0")

    def test_8bit_data_with_8bitmime(self):
        body = bytes(b for b in range(0x80, 0x100)) + b"\r\n" + "ütf-8 ✓\r\n".encode() + bytes(range(1, 10)) + b"\r\n"
        message = make_message("8bit", body)
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test> BODY=8BITMIME"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.expect(c.data(message), 250, "2.0.0")
        self.assert_stored("alice", message)

    def test_wrong_order(self):
        c = self.smtp()
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 503, "5.5.1")
        self.expect(c.cmd("DATA"), 503, "5.5.1")
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("DATA"), 503, "5.5.1")
        self.expect(c.cmd("MAIL FROM:<other@client.test>"), 503, "5.5.1")
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assert_no_message("alice")

    def test_bad_syntax(self):
        c = self.smtp()
        r = c.cmd("MAIL FROM:sender")
        self.expect(r, 501)
        self.assertIn(r.enhanced, ("5.5.4", "5.1.7", "5.1.3"))
        self.expect(c.cmd("MAIL FROM:<sender@client.test> BODY=9BIT"), 501, "5.5.4")
        self.expect(c.cmd("MAIL FROM:<sender@client.test> SIZE=abc"), 501, "5.5.4")

    def test_ehlo_without_argument(self):
        c = self.smtp(ehlo=False)
        self.expect(c.cmd("EHLO"), 501, "5.5.4")
        self.expect(c.cmd("HELO"), 501, "5.5.4")
        self.expect(c.cmd("EHLO client.test"), 250, enhanced=False)

    # -- relay ---------------------------------------------------------------------------

    def test_relay_unauthenticated_refused(self):
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        r = self.expect(c.cmd("RCPT TO:<user@%s>" % REMOTE), 554, "5.7.1", contains="relay access denied")
        self.assertIn("user@" + REMOTE, r.text)
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")  # the session goes on
        self.expect(c.cmd("RSET"), 250, "2.0.0")
        self.assertEqual(self.store.queue(), [])

    def test_relay_percent_hack(self):
        for rcpt in ("user%%%s@%s" % (REMOTE, DOMAIN), "user!%s@%s" % (REMOTE, DOMAIN),
                     "alice%%%s@%s" % (REMOTE, DOMAIN)):
            c = self.smtp()
            self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
            r = c.cmd("RCPT TO:<%s>" % rcpt)
            self.assertIn(r.code, (550, 501), "%s: %r (must be refused, never 250)" % (rcpt, r))
            self.expect(r, 550, "5.1.1")  # docs/smtp.md: 550 5.1.1 for local domains
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<a%%b@%s>" % REMOTE), 501, "5.1.3")
        self.assertEqual(self.store.queue(), [])

    def test_relay_source_route(self):
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<@a.test:user@%s>" % REMOTE), 501, "5.5.2")
        self.expect(c.cmd("RCPT TO:<@a.test,@b.test:alice@%s>" % DOMAIN), 501, "5.5.2")
        self.assertEqual(self.store.queue(), [])

    def test_relay_quoted_local_part(self):
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd('RCPT TO:<"quoted user"@%s>' % REMOTE), 501, "5.1.3")
        self.expect(c.cmd('RCPT TO:<"user@%s"@%s>' % (REMOTE, DOMAIN)), 550, "5.1.1")
        self.assertEqual(self.store.queue(), [])

    def test_trusted_networks_may_relay(self):
        self.set_settings({"smtp.trustedNetworks": ["127.0.0.0/8"]})
        message = make_message("trusted relay", to="user@" + REMOTE)
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<user@%s>" % REMOTE), 250, "2.1.5")
        self.expect(c.data(message), 250, "2.0.0")
        self.assert_queued("user@" + REMOTE, message)
        # and removed again: refused at once, without a restart
        self.set_settings({"smtp.trustedNetworks": []})
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<user@%s>" % REMOTE), 554, "5.7.1")

    def test_relay_requires_auth_also_from_trusted_networks(self):
        self.set_settings({"smtp.trustedNetworks": ["127.0.0.0/8"], "smtp.relayRequiresAuth": True})
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<user@%s>" % REMOTE), 554, "5.7.1")
        self.expect(c.cmd("RCPT TO:<alice@%s>" % DOMAIN), 250, "2.1.5")  # local mail still arrives
        self.assertEqual(self.store.queue(), [])
        self.set_settings({"smtp.relayRequiresAuth": False})
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<user@%s>" % REMOTE), 250, "2.1.5")

    def test_trusted_networks_other_block_does_not_relay(self):
        self.set_settings({"smtp.trustedNetworks": ["192.0.2.0/24", "2001:db8::/32"]})
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<user@%s>" % REMOTE), 554, "5.7.1")

    # -- size, loops, recipients ---------------------------------------------------------

    def test_oversize_declared_with_size(self):
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test> SIZE=52428801"), 552, "5.3.4")
        self.expect(c.cmd("MAIL FROM:<sender@client.test> SIZE=52428800"), 250, "2.1.0")
        self.expect(c.cmd("RSET"), 250, "2.0.0")
        self.set_settings({"smtp.maxMessageBytes": 10000})
        c2 = self.smtp(ehlo=False)
        ehlo = c2.ehlo()
        self.assertIn("SIZE 10000", ehlo.lines)
        self.expect(c2.cmd("MAIL FROM:<sender@client.test> SIZE=10001"), 552, "5.3.4")
        self.expect(c2.cmd("MAIL FROM:<sender@client.test> SIZE=10000"), 250, "2.1.0")

    def test_oversize_without_size(self):
        self.set_settings({"smtp.maxMessageBytes": 10000})
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        big = make_message("too big", size=20000)
        self.assertGreaterEqual(len(big), 20000)
        self.expect(c.data(big), 552, "5.3.4")
        self.assert_no_message("alice")
        self.expect(c.cmd("NOOP"), 250, "2.0.0")  # the session continues
        small = make_message("fits", size=5000)
        self.send_message(c, "sender@client.test", [ALICE], small)
        self.assert_stored("alice", small)

    def received_headers(self, n):
        return ["Received: from hop%d.client.test ([192.0.2.%d]) by relay%d.client.test; "
                "Sat, 21 Nov 2026 22:00:%02d +0000" % (i, i % 250 + 1, i, i % 60) for i in range(n)]

    def test_mail_loop(self):
        looped = make_message("loop", headers=self.received_headers(51))
        c = self.smtp()
        self.expect(c.cmd("MAIL FROM:<sender@client.test>"), 250, "2.1.0")
        self.expect(c.cmd("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.expect(c.data(looped), 554, "5.4.6")
        self.assert_no_message("alice")
        fifty = make_message("fifty hops", headers=self.received_headers(50))
        self.send_message(c, "sender@client.test", [ALICE], fifty)
        self.assert_stored("alice", fifty)

    def test_too_many_recipients(self):
        self.set_settings({"smtp.trustedNetworks": ["127.0.0.0/8"]})
        c = self.smtp()
        batch = b"MAIL FROM:<sender@client.test>\r\n" + b"".join(
            b"RCPT TO:<r%d@%s>\r\n" % (i, REMOTE.encode()) for i in range(101))
        c.send(batch)  # PIPELINING
        self.expect(c.reply(), 250, "2.1.0")
        for i in range(100):
            self.expect(c.reply(), 250, "2.1.5")
        self.expect(c.reply(), 452, "4.5.3")
        self.expect(c.cmd("RSET"), 250, "2.0.0")
        self.assertEqual(self.store.queue(), [])


if __name__ == "__main__":
    unittest.main()


class Backpressure(SmtpTestCase):
    """A client that pipelines commands and never reads the replies: maild stops taking its
    input once about a megabyte of replies is unsent (the client's sends then block on TCP's
    closed window) instead of buffering without bound; the same for IMAP and POP3, which share
    the session plumbing (docs/architecture.md)."""

    # Under AddressSanitizer freed memory waits in a quarantine and would count as growth;
    # without ASan the option does nothing.
    daemon_env = {"ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=0"}

    def rss_kib(self):
        with open("/proc/%d/status" % self.daemon.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def flood(self, port, greeting_prefix, command, limit=200 * 1024 * 1024):
        """Sends command again and again without reading; returns the bytes sent before the
        socket stayed blocked for 3 seconds (or limit)."""
        import socket
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.addCleanup(sock.close)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
        self.assertTrue(sock.recv(200).startswith(greeting_prefix))
        sock.settimeout(3)
        block = command * (65536 // len(command))
        sent = 0
        try:
            while sent < limit:
                sent += sock.send(block)
        except (socket.timeout, BlockingIOError):
            pass
        return sent

    def test_unread_replies_stop_the_input(self):
        before = self.rss_kib()
        for port, greeting, command in ((self.smtp_port, b"220", b"NOOP\r\n"),
                                        (self.daemon.ports["imap"], b"* OK", b"a NOOP\r\n"),
                                        (self.daemon.ports["pop3"], b"+OK", b"CAPA\r\n")):
            sent = self.flood(port, greeting, command)
            # Replies are 2-20 times the size of these commands: without back-pressure maild
            # keeps reading (and answering into memory) until the limit.
            self.assertLess(sent, 64 * 1024 * 1024, "port %d took %d bytes from a client that reads nothing"
                            % (port, sent))
        grown = self.rss_kib() - before
        self.assertLess(grown, 96 * 1024, "maild grew by %d KiB for three clients that read nothing" % grown)
        # and it still serves everyone else
        c = self.smtp()
        self.expect(c.cmd("NOOP"), 250)
