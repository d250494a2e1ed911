"""FETCH of many messages: ENVELOPE, BODY and BODYSTRUCTURE come from the summary the index
keeps of every delivered message, and are exactly what parsing the message gives; a client
that reads nothing cannot make maild build the whole answer in memory, and still gets all
of it, in order, once it reads.
"""
import os
import socket
import sqlite3
import time
import unittest

from imaptest import ImapTestCase, sample_messages
from smtptest import make_message


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class FetchSummaries(ImapTestCase):
    def setUp(self):
        super().setUp()
        self.name, self.pw = self.new_account("sum")

    def test_kept_summaries_answer_exactly_as_the_parsed_message(self):
        encoded = make_message("=?utf-8?q?Gr=C3=BC=C3=9Fe?=", headers=(
            "Cc: \"Doe, J\" <j@example.org>, group: a@b.c, d@e.f;", "Reply-To: r@example.org (Reply Here)",
            "In-Reply-To: <x@y>", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=b1"),
            body=b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                 b"\r\nGr=C3=BC=C3=9Fe\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n"
                 b"From: i@n.er\r\n\r\ninner body\r\n--b1--\r\n")
        messages = sample_messages() + [encoded]
        self.deliver_to(self.name, messages)
        index = self.store.index_path(self.name)
        db = sqlite3.connect(index)
        kept = db.execute("SELECT count(*) FROM messages WHERE envelope IS NOT NULL AND body IS NOT NULL "
                          "AND bodystructure IS NOT NULL").fetchone()[0]
        self.assertEqual(kept, len(messages), "not every delivered message has its summary in the index")
        c, _ = self.session(self.name, self.pw)
        items = "(UID ENVELOPE BODY BODYSTRUCTURE)"
        kept_answer = self.expect_ok(c.cmd("FETCH 1:* " + items)).untagged
        # Without the summaries FETCH parses the files: the answers must be the same bytes.
        db.execute("UPDATE messages SET envelope = NULL, body = NULL, bodystructure = NULL")
        db.commit()
        db.close()
        parsed_answer = self.expect_ok(c.cmd("FETCH 1:* " + items)).untagged
        self.assertEqual(len(kept_answer), len(messages))
        self.assertEqual(kept_answer, parsed_answer)
        # COPY keeps the summary with the copy
        self.expect_ok(c.cmd("COPY 1:* Archive"))
        db = sqlite3.connect(index)
        copied = db.execute("SELECT count(*) FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id "
                            "WHERE b.name = 'Archive' AND envelope IS NULL").fetchone()[0]
        db.close()
        self.assertEqual(copied, len(messages), "COPY of messages without a summary invented one")

    def test_append_keeps_a_summary_too(self):
        c = self.login(self.name, self.pw)
        m = make_message("appended")
        self.expect_ok(c.cmd_literal([b"APPEND INBOX {%d}" % len(m), m, b""]))
        db = sqlite3.connect(self.store.index_path(self.name))
        envelope = db.execute("SELECT envelope FROM messages").fetchone()[0]
        db.close()
        self.assertIsNotNone(envelope)
        self.assertIn(b'"appended"', envelope)


class SlowReader(ImapTestCase):
    def test_a_client_that_reads_nothing_cannot_make_maild_hold_the_answer(self):
        """2,000 messages of 15 KiB (literals copied from the file, not streamed): the answer is
        about 30 MiB. A client that sends FETCH 1:* BODY.PEEK[] and reads nothing for a while
        must not grow maild by the answer; when it reads, it gets every message, in order."""
        name, pw = self.new_account("slow")
        body = (b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789\r\n" * 200)[:15000]
        count = 2000
        c = self.smtp()
        for n in range(count):
            self.send_message(c, "sender@client.test", [self.address(name)], make_message("slow %d" % n, body=body))
        c.close()
        s, _ = self.session(name, pw)
        s.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        before = rss_kib(self.daemon.pid)
        s.send("f FETCH 1:* BODY.PEEK[]\r\n")
        time.sleep(1.5)  # maild writes until its output backs up, then waits
        grown = rss_kib(self.daemon.pid) - before
        self.assertLess(grown, 12 * 1024, "maild grew by %d KiB while the client read nothing: the answer "
                                          "(about %d MiB) was built in memory" % (grown, count * 15 // 1024))
        r = s.response("f", timeout=120)
        self.assertEqual(r.status, "OK", r)
        got = r.data("FETCH")
        self.assertEqual([msn for msn, _ in got], list(range(1, count + 1)))
        self.assertTrue(all(d["BODY[]"].endswith(body) for _, d in got))
        self.expect_ok(s.cmd("NOOP"), "the session after the long answer")


if __name__ == "__main__":
    unittest.main()
