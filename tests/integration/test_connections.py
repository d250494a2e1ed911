"""The daemon side of mailadmin's Connections and Graphs panes, driven by real clients
(Python's smtplib, poplib, imaplib) against a real maild:

- connection.list shows every open SMTP, POP3 and IMAP session with a stable numeric id, its
  service, client, user, mailbox (IMAP: the selected one; POP3: INBOX), TLS and start time;
- connection.close ends exactly the named session with its protocol's goodbye (the client
  reads it, then end of file) and leaves the others working; it is audited; an unknown id is
  1100 and bad params are -32602;
- stats.get counts one delivery in messagesIn of the current minute and of today, a relayed
  message in messagesOut, each connection, and the bytes both ways; server.status reports
  messagesToday;
- mailctl connections / disconnect / stats do the same from a terminal.

One daemon serves the class (ImapTestCase); each test uses its own accounts and compares
before and after, and no test leaves a connection open. Every client has a timeout.
"""
import datetime
import imaplib
import json
import poplib
import smtplib
import ssl
import time

from imaptest import TIMEOUT, ImapTestCase
from mailroomtest import RpcError
from smtptest import DOMAIN, HOST, REMOTE, make_message

INVALID_PARAMS = -32602
NOT_FOUND = 1100


def no_verify():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def quietly(close):
    try:
        close()
    except (OSError, EOFError, imaplib.IMAP4.error, poplib.error_proto, smtplib.SMTPException):
        pass


class Connections(ImapTestCase):

    # -- helpers ---------------------------------------------------------------------------

    def connections(self, service=None):
        params = {"service": service} if service else {}
        return self.rpc.call("connection.list", params)["connections"]

    def by_id(self):
        return {c["id"]: c for c in self.connections()}

    def new_since(self, before):
        """The connections listed now whose ids were not listed in before."""
        return [c for c in self.connections() if c["id"] not in before]

    def one_new(self, before, service):
        found = [c for c in self.new_since(before) if c["service"] == service]
        self.assertEqual(len(found), 1, "exactly one new %s connection expected: %r" % (service, found))
        return found[0]

    def smtp_client(self, port=None, login=None):
        s = smtplib.SMTP(HOST, port or self.smtp_port, timeout=TIMEOUT)
        self.addCleanup(quietly, s.close)
        s.ehlo("client.test")
        if login:
            s.login(*login)
        return s

    def pop3_client(self, account, password):
        p = poplib.POP3(HOST, self.pop3_port, timeout=TIMEOUT)
        self.addCleanup(quietly, p.close)
        p.user(account)
        p.pass_(password)
        return p

    def imap_client(self, account, password, tls=False):
        if tls:
            m = imaplib.IMAP4_SSL(HOST, self.imaps_port, ssl_context=no_verify(), timeout=TIMEOUT)
        else:
            m = imaplib.IMAP4(HOST, self.imap_port, timeout=TIMEOUT)
        self.addCleanup(quietly, m.shutdown)
        m.login(account, password)
        return m

    def stats(self, minutes=None):
        return self.rpc.call("stats.get", {"minutes": minutes} if minutes else {})

    def assert_iso_utc(self, text):
        t = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        self.assertIsNotNone(t.tzinfo, text)
        return t

    # -- connection.list -------------------------------------------------------------------

    def test_list_shows_every_protocol_with_user_mailbox_and_tls(self):
        name, pw = self.new_account("conn")
        before = self.by_id()
        started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)

        s = self.smtp_client(self.submission_port, login=(name, pw))
        p = self.pop3_client(name, pw)
        m = self.imap_client(name, pw)
        ms = self.imap_client(name, pw, tls=True)

        smtp = self.one_new(before, "smtp")
        self.assertEqual(smtp["user"], name)
        self.assertEqual(smtp["mailbox"], "")
        self.assertIs(smtp["tls"], False)
        pop = self.one_new(before, "pop3")
        self.assertEqual((pop["user"], pop["mailbox"], pop["tls"]), (name, "INBOX", False))
        imaps = [c for c in self.new_since(before) if c["service"] == "imap"]
        self.assertEqual(len(imaps), 2, imaps)
        plain = [c for c in imaps if not c["tls"]]
        secure = [c for c in imaps if c["tls"]]
        self.assertEqual((len(plain), len(secure)), (1, 1), imaps)
        for c in imaps:
            self.assertEqual(c["user"], name)
            self.assertEqual(c["mailbox"], "", "nothing selected yet")
        for c in [smtp, pop] + imaps:
            self.assertEqual(c["client"], HOST)
            self.assertIsInstance(c["id"], int)
            self.assertGreater(c["id"], 0)
            since = self.assert_iso_utc(c["since"])
            self.assertLessEqual(abs((since - started).total_seconds()), 60, c)
        ids = [c["id"] for c in [smtp, pop] + imaps]
        self.assertEqual(len(set(ids)), len(ids), "ids are unique")

        # IMAP shows the selected mailbox, and follows a change of it
        self.assertEqual(m.select("INBOX")[0], "OK")
        self.assertEqual(self.by_id()[plain[0]["id"]]["mailbox"], "INBOX")
        self.assertEqual(ms.select("Sent")[0], "OK")
        self.assertEqual(self.by_id()[secure[0]["id"]]["mailbox"], "Sent")
        self.assertEqual(ms.unselect()[0], "OK")
        self.assertEqual(self.by_id()[secure[0]["id"]]["mailbox"], "")

        # the ids are stable while the connections live
        listed = self.by_id()
        for i in ids:
            self.assertIn(i, listed)
        self.assertEqual(s.noop()[0], 250)
        self.assertEqual(p.noop()[:3], b"+OK")
        self.assertEqual(self.by_id()[smtp["id"]]["id"], smtp["id"])

        # filtered by service: only that service, every one of them
        for service, expected in (("smtp", {smtp["id"]}), ("pop3", {pop["id"]}),
                                  ("imap", {c["id"] for c in imaps})):
            only = self.connections(service)
            self.assertEqual({c["service"] for c in only} - {service}, set(), only)
            self.assertTrue(expected <= {c["id"] for c in only}, (service, only))

        # a client that leaves disappears from the list
        self.assertEqual(m.logout()[0], "BYE")
        deadline = time.monotonic() + TIMEOUT
        while plain[0]["id"] in self.by_id():
            self.assertLess(time.monotonic(), deadline, "a logged-out IMAP session is still listed")
            time.sleep(0.05)

    def test_ids_are_never_reused(self):
        before = self.by_id()
        seen = []
        for _ in range(3):
            s = self.smtp_client()
            seen.append(self.one_new(before, "smtp")["id"])
            s.quit()
            deadline = time.monotonic() + TIMEOUT
            while seen[-1] in self.by_id():
                self.assertLess(time.monotonic(), deadline, "the closed SMTP session is still listed")
                time.sleep(0.05)
        self.assertEqual(len(set(seen)), 3, seen)
        self.assertEqual(seen, sorted(seen), "a new connection gets a larger id")

    # -- connection.close ------------------------------------------------------------------

    def test_close_ends_exactly_that_session_with_its_goodbye(self):
        name, pw = self.new_account("close")
        before = self.by_id()
        target = self.imap_client(name, pw)
        self.assertEqual(target.select("INBOX")[0], "OK")
        target_id = self.one_new(before, "imap")["id"]
        other = self.imap_client(name, pw)
        p = self.pop3_client(name, pw)
        pop_id = self.one_new(before, "pop3")["id"]
        s = self.smtp_client()
        smtp_id = self.one_new(before, "smtp")["id"]
        other_id = max(c["id"] for c in self.new_since(before) if c["service"] == "imap")
        self.assertGreater(other_id, target_id)

        self.assertEqual(self.rpc.call("connection.close", {"id": target_id}), {"id": target_id})
        line = target.readline()
        self.assertTrue(line.startswith(b"* BYE"), line)
        self.assertEqual(target.readline(), b"", "end of file after the goodbye")
        listed = self.by_id()
        self.assertNotIn(target_id, listed)
        for i in (other_id, pop_id, smtp_id):
            self.assertIn(i, listed, "only the named connection ends")
        self.assertEqual(other.noop()[0], "OK")
        self.assertEqual(p.stat()[0], 0)
        self.assertEqual(s.noop()[0], 250)
        self.assertRpcError(NOT_FOUND, "connection.close", {"id": target_id})

        # audited with its id
        entry = self.rpc.call("audit.list", {"method": "connection.close", "limit": 1})["entries"][0]
        self.assertEqual(entry["details"], {"id": target_id})
        self.assertEqual(entry["actor"], "admin")

        # POP3: -ERR then end of file; nothing of the maildrop was touched
        self.rpc.call("connection.close", {"id": pop_id})
        self.assertTrue(p.file.readline().startswith(b"-ERR"), "POP3 goodbye")
        self.assertEqual(p.file.readline(), b"")
        # SMTP: an unsolicited 421, then end of file
        self.rpc.call("connection.close", {"id": smtp_id})
        code, _ = s.getreply()
        self.assertEqual(code, 421)
        with self.assertRaises(smtplib.SMTPServerDisconnected):
            s.getreply()
        self.assertIn(other_id, self.by_id())
        self.assertEqual(other.noop()[0], "OK")

    def test_unknown_id_and_bad_params(self):
        e = self.assertRpcError(NOT_FOUND, "connection.close", {"id": 999999999})
        self.assertIn("999999999", e.message)
        for params in ({}, {"id": "1"}, {"id": 0}, {"id": -3}, {"id": 1.5}, {"id": None},
                       {"id": 1, "force": True}):
            self.assertRpcError(INVALID_PARAMS, "connection.close", params)
        for params in ({"service": "ftp"}, {"service": "control"}, {"service": 3}, {"all": True}):
            self.assertRpcError(INVALID_PARAMS, "connection.list", params)
        for params in ({"minutes": 0}, {"minutes": 61}, {"minutes": "5"}, {"minutes": 2.5},
                       {"hours": 1}):
            self.assertRpcError(INVALID_PARAMS, "stats.get", params)
        e = self.assertRpcError(INVALID_PARAMS, "connection.list", {"service": "ftp"})
        self.assertEqual(e.data.get("field"), "service", e.data)
        e = self.assertRpcError(INVALID_PARAMS, "connection.close", {})
        self.assertEqual(e.data.get("field"), "id", e.data)

    def test_methods_need_a_login(self):
        anonymous = self.connect(login=False)
        for method, params in (("connection.list", {}), ("connection.close", {"id": 1}), ("stats.get", {})):
            self.assertRpcError(1000, method, params, rpc=anonymous)

    # -- stats.get ---------------------------------------------------------------------------

    def test_stats_count_a_delivery_connections_and_bytes(self):
        name, pw = self.new_account("stats")
        before = self.stats()
        status_before = self.rpc.call("server.status")["messagesToday"]
        self.assertEqual(status_before, before["today"]["messagesIn"])

        message = make_message("counted", "one message for the graphs\r\n", to="%s@%s" % (name, DOMAIN))
        s = self.smtp_client()
        s.sendmail("sender@client.test", ["%s@%s" % (name, DOMAIN)], message)
        s.quit()
        after = self.stats()

        self.assertEqual(after["today"]["messagesIn"], before["today"]["messagesIn"] + 1)
        self.assertEqual(after["today"]["messagesOut"], before["today"]["messagesOut"])
        self.assertEqual(after["today"]["connections"], before["today"]["connections"] + 1)
        self.assertEqual(self.rpc.call("server.status")["messagesToday"], after["today"]["messagesIn"])
        self.assert_in_current_minute(before, after, "messagesIn", 1)
        self.assert_in_current_minute(before, after, "connections", 1)
        self.assertGreaterEqual(self.grown(before, after, "bytesIn"), len(message))
        self.assertGreater(self.grown(before, after, "bytesOut"), len(b"220 250 250 250 354 250 221"))

        # a message to a remote recipient (authenticated submission) goes out as well
        s = self.smtp_client(self.submission_port, login=(name, pw))
        s.sendmail("%s@%s" % (name, DOMAIN), ["someone@" + REMOTE], make_message("relayed", to="someone@" + REMOTE))
        s.quit()
        relayed = self.stats()
        self.assertEqual(relayed["today"]["messagesIn"], after["today"]["messagesIn"] + 1)
        self.assertEqual(relayed["today"]["messagesOut"], after["today"]["messagesOut"] + 1)
        self.assert_in_current_minute(after, relayed, "messagesOut", 1)

        # POP3 and IMAP connections count too (connections are of every mail listener)
        p = self.pop3_client(name, pw)
        p.quit()
        m = self.imap_client(name, pw)
        m.logout()
        read = self.stats()
        self.assertEqual(read["today"]["connections"], relayed["today"]["connections"] + 2)
        self.assertEqual(read["today"]["messagesIn"], relayed["today"]["messagesIn"])

    def assert_in_current_minute(self, before, after, key, amount):
        """The growth of key between two answers is amount, and it sits in the current minute
        (or the one before, when the minute turned between the delivery and the question)."""
        self.assertEqual(self.grown(before, after, key), amount, (key, before, after))
        if before["minuteStart"] == after["minuteStart"]:
            self.assertEqual(after["series"][key][-1] - before["series"][key][-1], amount, key)
        else:
            self.assertGreaterEqual(after["series"][key][-1] + after["series"][key][-2], amount, key)

    @staticmethod
    def grown(before, after, key):
        """How much key grew between two 60-minute answers, across a turn of the minute: the
        daemon of this class is younger than an hour, so nothing has left the window."""
        return sum(after["series"][key]) - sum(before["series"][key])

    def test_stats_window_shape(self):
        for minutes, expected in ((None, 60), (1, 1), (10, 10), (60, 60)):
            asked = time.time()
            r = self.stats(minutes)
            self.assertEqual(r["minutes"], expected)
            self.assertEqual(set(r["series"]), {"messagesIn", "messagesOut", "connections", "bytesIn", "bytesOut"})
            for key, values in r["series"].items():
                self.assertEqual(len(values), expected, key)
                self.assertTrue(all(isinstance(v, int) and v >= 0 for v in values), (key, values))
            self.assertEqual(set(r["today"]), {"messagesIn", "messagesOut", "connections"})
            start = self.assert_iso_utc(r["minuteStart"])
            self.assertEqual((start.second, start.microsecond), (0, 0), r["minuteStart"])
            current = start + datetime.timedelta(minutes=expected - 1)
            self.assertLessEqual(abs(current.timestamp() - (asked - asked % 60)), 60,
                                 "the last bucket is the current minute: %s" % r["minuteStart"])

    # -- mailctl -----------------------------------------------------------------------------

    def test_mailctl_connections_disconnect_and_stats(self):
        name, pw = self.new_account("ctl")
        before = self.by_id()
        m = self.imap_client(name, pw)
        self.assertEqual(m.select("INBOX")[0], "OK")
        p = self.pop3_client(name, pw)
        imap_id = self.one_new(before, "imap")["id"]
        pop_id = self.one_new(before, "pop3")["id"]

        listed = json.loads(self.mailctl("--json", "connections").stdout)
        self.assertEqual({c["id"] for c in listed["connections"]}, set(self.by_id()))
        text = self.mailctl("connections", "--service", "imap").stdout.decode()
        row = [line for line in text.splitlines() if line.split() and line.split()[0] == str(imap_id)]
        self.assertEqual(len(row), 1, text)
        for cell in ("imap", HOST, name, "INBOX", "no"):
            self.assertIn(cell, row[0].split(), row[0])
        self.assertNotIn(str(pop_id), [line.split()[0] for line in text.splitlines()[1:] if line.split()])

        out = self.mailctl("disconnect", str(imap_id)).stdout.decode()
        self.assertIn(str(imap_id), out)
        self.assertTrue(m.readline().startswith(b"* BYE"))
        self.assertNotIn(imap_id, self.by_id())
        self.assertEqual(p.noop()[:3], b"+OK", "the POP3 session stays")

        r = self.mailctl("disconnect", str(imap_id), check=False)
        self.assertEqual(r.returncode, 1, r)
        self.assertIn(str(imap_id), r.stderr.decode())
        r = self.mailctl("disconnect", "abc", check=False)
        self.assertEqual(r.returncode, 2, r)
        r = self.mailctl("connections", "--service", "ftp", check=False)
        self.assertEqual(r.returncode, 1, r)
        self.assertEqual(json.loads(self.mailctl("--json", "disconnect", str(pop_id)).stdout), {"id": pop_id})
        self.assertTrue(p.file.readline().startswith(b"-ERR"))

        stats = json.loads(self.mailctl("--json", "stats").stdout)
        self.assertEqual(stats["minutes"], 10)
        self.assertEqual(len(stats["series"]["connections"]), 10)
        text = self.mailctl("stats").stdout.decode()
        lines = text.splitlines()
        self.assertIn("MESSAGES IN", lines[0])
        self.assertEqual(len([line for line in lines[1:11] if line.strip()]), 10, text)
        self.assertIn("Today, messages in:", text)
        today = [line for line in lines if line.startswith("Today, connections:")]
        self.assertEqual(len(today), 1, text)
        self.assertGreaterEqual(int(today[0].split()[-1]), 2)

    def test_stopping_a_service_empties_its_list(self):
        # the reuse of the service-stop goodbye: after service.stop nothing of it is listed
        name, pw = self.new_account("stop")
        before = self.by_id()
        p = self.pop3_client(name, pw)
        pop_id = self.one_new(before, "pop3")["id"]
        try:
            self.rpc.call("service.stop", {"name": "pop3"})
            self.assertEqual(self.connections("pop3"), [])
            self.assertNotIn(pop_id, self.by_id())
            self.assertTrue(p.file.readline().startswith(b"-ERR"))
        finally:
            self.rpc.call("service.start", {"name": "pop3"})
        self.assertRpcError(NOT_FOUND, "connection.close", {"id": pop_id})


if __name__ == "__main__":
    import unittest
    unittest.main()
