"""Finer points of RFC 3501 and its extensions that real clients rely on, each with the
section that requires it: a failed SELECT leaves no mailbox selected, CLOSE after EXAMINE
expunges nothing, DELETE keeps inferior names, RENAME into its own inferior is refused, a
re-created mailbox gets a new UIDVALIDITY, COPY/MOVE keep flags and internal date, case-insensitive
SEARCH, SASL-IR, LOGIN with literals, STARTTLS discards what was pipelined after it,
BODYSTRUCTURE of an attached message/rfc822, and service.stop closing sessions with BYE.
"""
import base64
import datetime
import re
import unittest

from imaptest import ImapTestCase, OwnDaemonImapTestCase, apply_expunges, astr, quote, sample_messages, wait_imap
from pop3test import port_refuses
from smtptest import make_message, split_stored
from tlstest import client_context, unsolicited


def expand_set(seq):
    out = []
    for part in seq.split(","):
        a, _, b = part.partition(":")
        lo, hi = sorted((int(a), int(b or a)))
        out += range(lo, hi + 1)
    return out


def status_values(r):
    st = r.data("STATUS")
    assert len(st) == 1, r
    return {k.upper(): int(v) for k, v in zip(st[0][1][0::2], st[0][1][1::2])}


class Semantics(ImapTestCase):
    def setUp(self):
        super().setUp()
        self.name, self.pw = self.recycled_account()

    def test_failed_select_leaves_no_mailbox_selected(self):
        """RFC 3501 6.3.1: 'If the client is permitted to modify the mailbox ... a failed
        SELECT ... the state is authenticated' (any currently selected mailbox is deselected
        before the attempt)."""
        self.deliver_to(self.name, [make_message("one")])
        c, _ = self.session(self.name, self.pw)
        self.expect_no(c.cmd("SELECT Nowhere"), what="SELECT of a missing mailbox")
        self.expect_refused(c.cmd("FETCH 1 (UID)"), "FETCH after a failed SELECT (no mailbox is selected)")
        self.expect_ok(c.cmd("SELECT INBOX"))
        self.expect_no(c.cmd("EXAMINE Nowhere"))
        self.expect_refused(c.cmd("STORE 1 +FLAGS (\\Deleted)"), "STORE after a failed EXAMINE")

    def test_close_after_examine_expunges_nothing(self):
        """RFC 3501 6.4.2: CLOSE removes \\Deleted messages only if the mailbox was selected
        with SELECT, not with EXAMINE."""
        rows = self.deliver_to(self.name, [make_message("d1"), make_message("d2")])
        a, _ = self.session(self.name, self.pw)
        self.expect_ok(a.cmd("STORE 1 +FLAGS.SILENT (\\Deleted)"))
        b = self.login(self.name, self.pw)
        self.expect_ok(b.cmd("EXAMINE INBOX"))
        self.expect_ok(b.cmd("CLOSE"))
        self.assertEqual([r["uid"] for r in self.inbox(self.name)], [r["uid"] for r in rows],
                         "CLOSE after EXAMINE expunged")
        self.expect_refused(b.cmd("FETCH 1 UID"), "FETCH after CLOSE")
        # MOVE from a read-only mailbox is refused too (RFC 6851 3.3 needs expunge rights)
        self.expect_ok(b.cmd("EXAMINE INBOX"))
        self.expect_refused(b.cmd("MOVE 1 Trash"), "MOVE after EXAMINE")
        self.assertEqual(len(self.inbox(self.name)), 2)
        self.assertEqual(self.store.messages(self.name, "Trash"), [])

    def test_delete_keeps_inferiors_and_rename_into_itself_is_refused(self):
        """RFC 3501 6.3.4: 'The DELETE command MUST NOT remove inferior hierarchical names';
        a name with inferiors and \\Noselect cannot be deleted. RENAME of a mailbox to a name
        inside itself cannot work."""
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("CREATE Top/Child"))
        m = make_message("in top")
        self.expect_ok(c.cmd_literal([b"APPEND Top {%d}" % len(m), m, b""]))
        self.expect_ok(c.cmd_literal([b"APPEND Top/Child {%d}" % len(m), m, b""]))
        r = c.cmd("DELETE Top")
        boxes = self.list_mailboxes(c)
        self.assertIn("Top/Child", boxes, "DELETE Top removed its inferior Top/Child (%r)" % r)
        self.assertEqual(len(self.store.messages(self.name, "Top/Child")), 1, "Top/Child lost its message")
        if r.ok:
            self.assertIn("\\NOSELECT", boxes.get("Top", (set(), None))[0],
                          "Top deleted but still listed as selectable: %r" % boxes.get("Top"))
            self.expect_no(c.cmd("DELETE Top"), what="DELETE of a \\Noselect name with inferiors")
            self.expect_no(c.cmd("SELECT Top"), what="SELECT of a deleted (\\Noselect) name")
        else:
            self.assertEqual(r.status, "NO", r)
        self.expect_refused(c.cmd("RENAME Top Top/Child/Deeper"), "RENAME into its own inferior")
        self.expect_refused(c.cmd("RENAME Top/Child Top/Child/X"), "RENAME into itself")
        self.assertIn("Top/Child", self.list_mailboxes(c))

    def test_rename_creates_superiors_and_ends_sessions_on_the_old_name(self):
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("CREATE Proj"))
        m = make_message("proj")
        self.expect_ok(c.cmd_literal([b"APPEND Proj {%d}" % len(m), m, b""]))
        self.expect_ok(c.cmd("SELECT Proj"))
        other = self.login(self.name, self.pw)
        self.expect_ok(other.cmd("RENAME Proj Deep/Er/Proj"))
        boxes = self.list_mailboxes(other)
        for name in ("Deep", "Deep/Er", "Deep/Er/Proj"):
            self.assertIn(name, boxes, "RENAME creates missing superiors (RFC 3501 6.3.5 SHOULD): %r" % sorted(boxes))
        self.assertNotIn("Proj", boxes)
        self.assertEqual([r["content"] for r in self.store.messages(self.name, "Deep/Er/Proj")], [m])
        r = c.cmd("NOOP")
        self.assertEqual(r.status, "BYE", "docs/imap.md: a selected mailbox renamed elsewhere ends the session: %r" % r)

    def test_recreated_mailbox_gets_a_new_uidvalidity(self):
        """RFC 3501 2.3.1.1: a mailbox deleted and created again under the same name must have a
        greater UIDVALIDITY, or old UIDs would name new messages."""
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("CREATE Again"))
        m = make_message("again")
        r = self.expect_ok(c.cmd_literal([b"APPEND Again {%d}" % len(m), m, b""]))
        first = int(r.code_args.split()[0])
        self.expect_ok(c.cmd("DELETE Again"))
        self.expect_ok(c.cmd("CREATE Again"))
        second = status_values(self.expect_ok(c.cmd("STATUS Again (UIDVALIDITY UIDNEXT MESSAGES)")))
        self.assertGreater(second["UIDVALIDITY"], first)
        self.assertEqual(second["MESSAGES"], 0)
        r = self.expect_ok(c.cmd_literal([b"APPEND Again {%d}" % len(m), m, b""]))
        uv, uid = (int(x) for x in r.code_args.split())
        self.assertEqual(uv, second["UIDVALIDITY"])
        self.assertEqual(uid, second["UIDNEXT"], "APPENDUID is not the UIDNEXT STATUS announced")
        self.assertEqual(status_values(self.expect_ok(c.cmd("STATUS Again (UIDNEXT)")))["UIDNEXT"], uid + 1)

    def test_copy_and_move_keep_flags_and_internal_date(self):
        """RFC 3501 6.4.7: 'The flags and internal date of the message SHOULD be preserved';
        RFC 6851 3.1: MOVE likewise."""
        c = self.login(self.name, self.pw)
        m = make_message("dated")
        self.expect_ok(c.cmd_literal([b"APPEND INBOX (\\Flagged $Work) \"01-Feb-2020 08:09:10 +0000\" {%d}" % len(m),
                                      m, b""]))
        self.expect_ok(c.cmd("SELECT INBOX"))
        self.expect_ok(c.cmd("COPY 1 Archive"))
        self.expect_ok(c.cmd("MOVE 1 Junk"))
        for box in ("Archive", "Junk"):
            self.expect_ok(c.cmd("EXAMINE " + box))
            got, _ = self.fetch(c, "1", "(FLAGS INTERNALDATE BODY.PEEK[])")
            self.assertEqual({f.upper() for f in got[1]["FLAGS"]} - {"\\RECENT"}, {"\\FLAGGED", "$WORK"}, box)
            self.assertEqual(datetime.datetime.strptime(astr(got[1]["INTERNALDATE"]), "%d-%b-%Y %H:%M:%S %z"),
                             datetime.datetime(2020, 2, 1, 8, 9, 10, tzinfo=datetime.timezone.utc), box)
            self.assertEqual(got[1]["BODY[]"], m)

    def test_copy_into_the_selected_mailbox(self):
        rows = self.deliver_to(self.name, [make_message("self copy")])
        c, _ = self.session(self.name, self.pw)
        r = self.expect_ok(c.cmd("COPY 1 INBOX"))
        n = self.expect_ok(c.cmd("NOOP"))
        self.assertIn(2, r.data("EXISTS") + n.data("EXISTS"), "no '* 2 EXISTS' after COPY into the selected mailbox")
        got, _ = self.fetch(c, "1:*", "(UID BODY.PEEK[])")
        self.assertEqual(len(got), 2)
        self.assertEqual(got[1]["BODY[]"], got[2]["BODY[]"])
        self.assertGreater(int(got[2]["UID"]), rows[0]["uid"])

    def test_search_is_case_insensitive_and_flags_keys(self):
        """RFC 3501 6.4.4: string searches are case-insensitive substring matches."""
        self.deliver_to(self.name, [make_message("Quarterly Report"), make_message("lunch")])
        c, _ = self.session(self.name, self.pw)
        self.assertEqual(self.search(c, "SUBJECT QUARTERLY"), [1])
        self.assertEqual(self.search(c, "subject report"), [1])
        self.assertEqual(self.search(c, "HEADER SUBJECT LUNCH"), [2])
        self.assertEqual(self.search(c, "FROM SENDER@CLIENT.TEST"), [1, 2])
        self.assertEqual(self.search(c, "NEW"), [1, 2], "RECENT and UNSEEN")
        self.expect_ok(c.cmd("STORE 2 +FLAGS (\\Seen \\Deleted)"))
        self.assertEqual(self.search(c, "SEEN"), [2])
        self.assertEqual(self.search(c, "DELETED"), [2])
        self.assertEqual(self.search(c, "UNDELETED"), [1])
        self.assertEqual(self.search(c, "OLD"), [])
        self.assertEqual(self.search(c, "RECENT"), [1, 2])
        self.assertEqual(self.search(c, "*"), [2])
        yesterday = (datetime.date.today() - datetime.timedelta(days=1)).strftime("%d-%b-%Y")
        self.assertEqual(self.search(c, "SINCE " + yesterday), [1, 2])
        self.assertEqual(self.search(c, "BEFORE " + yesterday), [])

    def test_search_edge_cases(self):
        m1 = make_message("late evening", headers=("Date: Sat, 21 Nov 2026 23:30:00 -0800", "X-Priority: 1"))
        m2 = make_message("early morning", headers=("Date: Sun, 22 Nov 2026 00:30:00 +1300",
                                                    "Cc: Carol <carol@example.org>"))
        rows = self.deliver_to(self.name, [m1, m2])
        c, _ = self.session(self.name, self.pw)
        # RFC 3501 6.4.4: SENT* compare the Date: header's date, disregarding time and timezone
        self.assertEqual(self.search(c, "SENTON 21-Nov-2026"), [1], "SENTON uses the date as written")
        self.assertEqual(self.search(c, "SENTON 22-Nov-2026"), [2])
        self.assertEqual(self.search(c, "SENTBEFORE 22-Nov-2026"), [1])
        self.assertEqual(self.search(c, "SENTSINCE 22-Nov-2026"), [2])
        # LARGER/SMALLER are strict
        size = rows[0]["size"]
        self.assertNotIn(1, self.search(c, "LARGER %d" % size), "LARGER n means more than n octets")
        self.assertNotIn(1, self.search(c, "SMALLER %d" % size), "SMALLER n means fewer than n octets")
        self.assertIn(1, self.search(c, "LARGER %d" % (size - 1)))
        self.assertIn(1, self.search(c, "SMALLER %d" % (size + 1)))
        # an empty HEADER string matches every message that has the field
        self.assertEqual(self.search(c, "HEADER X-Priority \"\""), [1])
        self.assertEqual(self.search(c, "CC carol"), [2])
        self.assertEqual(self.search(c, "CC \"Carol\""), [2], "CC matches the display name too")
        # parenthesized lists and OR/NOT nesting
        self.expect_ok(c.cmd("STORE 1 +FLAGS (\\Flagged)"))
        self.assertEqual(self.search(c, "OR (FLAGGED SUBJECT late) (CC carol)"), [1, 2])
        self.assertEqual(self.search(c, "NOT (FLAGGED)"), [2])
        self.assertEqual(self.search(c, "(OR FLAGGED DELETED) NOT SEEN"), [1])
        self.expect_ok(c.cmd("STORE 1 FLAGS ()"))
        self.assertEqual(self.flags_of(c)[rows[0]["uid"]] - {"\\RECENT"}, set(), "STORE FLAGS () clears")

    def test_empty_mailbox_and_recent_flag(self):
        """RFC 3501 6.4.8: a UID range that names no message is not an error (clients send
        'UID FETCH 1:* (FLAGS)' to every mailbox, empty ones too); 2.3.2: \\Recent cannot be
        set by the client."""
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("SELECT Trash"))
        got, r = self.fetch(c, "1:*", "(FLAGS)", uid=True)
        self.assertEqual(got, {}, r)
        self.assertEqual(self.search(c, "ALL", uid=True), [])
        self.assertEqual(self.search(c, "ALL"), [])
        r = c.cmd("FETCH 1:* (FLAGS)")
        self.assertIn(r.status, ("OK", "BAD", "NO"), r)
        self.assertEqual(r.data("FETCH"), [])
        m = make_message("recent")
        r = c.cmd_literal([b"APPEND Trash (\\Recent) {%d}" % len(m), m, b""])
        self.assertIn(r.status, ("BAD", "NO"), "APPEND with \\Recent: %r" % r)
        self.assertEqual(self.store.messages(self.name, "Trash"), [])

    def test_keywords_appear_in_flags_at_select(self):
        """RFC 3501 7.2.6: FLAGS lists the flags defined in the mailbox, keywords in use too."""
        self.deliver_to(self.name, [make_message("kw")])
        c, _ = self.session(self.name, self.pw)
        self.expect_ok(c.cmd("STORE 1 +FLAGS ($Project)"))
        r = self.expect_ok(c.cmd("SELECT INBOX"))
        self.assertIn("$PROJECT", {f.upper() for f in r.data("FLAGS")[0][0]}, r)

    def test_internaldate_of_a_delivery_is_its_arrival(self):
        self.deliver_to(self.name, [make_message("when")])
        c, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(c, "1", "INTERNALDATE")
        when = datetime.datetime.strptime(astr(got[1]["INTERNALDATE"]), "%d-%b-%Y %H:%M:%S %z")
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertLess(abs((now - when).total_seconds()), 86400, "INTERNALDATE %s is not the delivery time" % when)

    def test_sasl_ir_and_login_with_literals(self):
        self.name, self.pw = self.new_account()  # the password changes below
        c = self.imap()
        caps = self.capabilities(c)
        r = self.expect_ok(c.cmd("AUTHENTICATE PLAIN " + base64.b64encode(
            b"\0" + self.name.encode() + b"\0" + self.pw.encode()).decode()), "AUTHENTICATE with an initial response")
        self.assertIn("SASL-IR", caps, "AUTHENTICATE with an initial response works, so CAPABILITY must announce "
                                       "SASL-IR (RFC 4959 3)")
        d = self.imap()
        r = d.cmd_literal([b"LOGIN {%d}" % len(self.name), self.name.encode(), b" {%d}" % len(self.pw),
                           self.pw.encode(), b""])
        self.expect_ok(r, "LOGIN with two synchronizing literals")
        e = self.imap()
        tag = e.next_tag()
        e.send(b"%s LOGIN {%d+}\r\n%s {%d+}\r\n%s\r\n" % (tag.encode(), len(self.name), self.name.encode(),
                                                         len(self.pw), self.pw.encode()))
        self.expect_ok(e.response(tag), "LOGIN with LITERAL+ literals")
        # a quoted password with a quote and a backslash
        odd = 'p"w\\x-Secret'
        self.rpc.call("account.setPassword", {"name": self.name, "password": odd})
        self.expect_ok(self.imap().cmd("LOGIN %s %s" % (self.name, quote(odd))), "LOGIN with escapes in a quoted string")

    def test_starttls_discards_pipelined_commands(self):
        """RFC 3501 6.2.1 / RFC 7817 / RFC 2595 3.1: commands sent after STARTTLS before the
        handshake must not be executed (the classic STARTTLS command injection)."""
        c = self.imap()
        tag = c.next_tag()
        c.send(("%s STARTTLS\r\nZ1 LOGIN %s %s\r\nZ2 SELECT INBOX\r\n" % (tag, self.name, self.pw)).encode())
        line = c.line()
        self.assertTrue(line.startswith(tag.encode() + b" OK"), line)
        self.assertEqual(unsolicited(c, 0.3, tls=False), b"", "clear-text answers after STARTTLS's OK")
        c.buffer = b""
        c.sock = client_context().wrap_socket(c.sock, server_hostname="localhost")
        c.sock.settimeout(c.timeout)
        self.assertEqual(unsolicited(c, 0.5), b"", "the pipelined commands were answered after the handshake")
        r = c.cmd("SELECT INBOX")
        self.assertIn(r.status, ("NO", "BAD"), "SELECT works without LOGIN after STARTTLS: the pipelined LOGIN ran")
        self.login(self.name, self.pw, conn=c)

    def test_sequence_numbers_stay_the_clients_until_expunge_is_reported(self):
        """RFC 3501 7.4.1 and 5.5: a session's sequence numbers change only when it is sent the
        EXPUNGE; until then (no EXPUNGE during FETCH/STORE/SEARCH) its numbers name the messages
        it knows. The message expunged elsewhere never turns into another message's data."""
        rows = self.deliver_to(self.name, [make_message("n1"), make_message("n2"), make_message("n3")])
        uids = [r["uid"] for r in rows]
        a, _ = self.session(self.name, self.pw)
        b, _ = self.session(self.name, self.pw)
        self.expect_ok(a.cmd("STORE 1 +FLAGS.SILENT (\\Deleted)"))
        self.expect_ok(a.cmd("EXPUNGE"))
        got, r = self.fetch(b, "2", "(UID)")
        self.assertEqual(int(got[2]["UID"]), uids[1], "FETCH 2 in the session not yet told of the expunge: %r" % r)
        r = self.expect_ok(b.cmd("STORE 2 +FLAGS (\\Flagged)"))
        self.assertEqual([u for u in r.untagged if re.match(rb"^\d+ EXPUNGE$", u)], [], "EXPUNGE during STORE")
        self.assertEqual(self.search(b, "UID %d" % uids[2]), [3], "SEARCH numbering before the EXPUNGE is told")
        r = b.cmd("FETCH 1 (UID BODY.PEEK[])")
        if r.ok:
            for msn, d in r.data("FETCH"):
                if msn == 1 and d.get("BODY[]") is not None:  # NIL: expunged (RFC 2180 4.1.3)
                    self.assertEqual(d["BODY[]"], rows[0]["content"], "message 1 (expunged elsewhere) came back "
                                                                      "with another message's bytes")
        else:
            self.assertEqual(r.status, "NO", r)
        r = self.expect_ok(b.cmd("NOOP"))
        self.assertEqual(apply_expunges(uids, r.untagged), uids[1:], r)
        flags = self.flags_of(b)
        self.assertIn("\\FLAGGED", flags[uids[1]], "STORE 2 flagged the wrong message: %r" % flags)
        self.assertNotIn("\\FLAGGED", flags[uids[2]], "STORE 2 flagged the wrong message: %r" % flags)

    def test_uid_range_past_the_highest_uid_includes_it(self):
        """RFC 3501 6.4.8: 'a UID range of 559:* always includes the UID of the last message
        in the mailbox, even if 559 is higher than any assigned UID value'."""
        rows = self.deliver_to(self.name, [make_message("u1"), make_message("u2")])
        c, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(c, "%d:*" % (rows[-1]["uid"] + 500), "(UID)", uid=True)
        self.assertEqual([int(d["UID"]) for d in got.values()], [rows[-1]["uid"]])
        self.assertEqual(self.search(c, "UID %d:*" % (rows[-1]["uid"] + 500), uid=True), [rows[-1]["uid"]])

    def test_concurrent_appends_get_distinct_uids(self):
        conns = [self.login(self.name, self.pw) for _ in range(3)]
        per = 15
        tags = []
        for i, c in enumerate(conns):
            batch = b""
            mine = []
            for j in range(per):
                m = make_message("concurrent %d-%d" % (i, j))
                tag = c.next_tag()
                mine.append(tag)
                batch += b"%s APPEND INBOX {%d+}\r\n%s\r\n" % (tag.encode(), len(m), m)
            c.send(batch)
            tags.append(mine)
        appended = []
        for c, mine in zip(conns, tags):
            for tag in mine:
                r = self.expect_ok(c.response(tag, timeout=60), "pipelined APPEND")
                appended.append(int(r.code_args.split()[1]))
        self.assertEqual(len(set(appended)), len(appended), "APPENDUIDs repeat: %r" % sorted(appended))
        stored = [r["uid"] for r in self.inbox(self.name)]
        self.assertEqual(sorted(stored), sorted(appended))
        self.assertEqual(len(stored), 3 * per)

    def test_eight_bit_headers_come_as_literals(self):
        """RFC 3501 9: quoted strings are 7-bit (QUOTED-CHAR is a CHAR, %x01-7F); 8-bit header
        text in ENVELOPE and HEADER.FIELDS must come as literals. The response parser refuses
        8-bit inside quotes."""
        subject = "Grüße — 日本".encode("utf-8")
        m = make_message("x", headers=()).replace(b"Subject: x", b"Subject: " + subject)
        self.deliver_to(self.name, [m])
        c, _ = self.session(self.name, self.pw)
        got, r = self.fetch(c, "1", "(ENVELOPE BODYSTRUCTURE)")
        self.assertEqual(got[1]["ENVELOPE"][1], subject)

    def test_fetch_odds_and_ends(self):
        rows = self.deliver_to(self.name, [make_message("odds")])
        c, _ = self.session(self.name, self.pw)
        r = self.expect_ok(c.cmd("FETCH 1,1,1:1 (UID)"))
        self.assertEqual(len(r.data("FETCH")), 1, "one FETCH response per message: %r" % r)
        content = rows[0]["content"]
        head = content[:content.index(b"\r\n\r\n") + 2]
        got, _ = self.fetch(c, "1", "(BODY.PEEK[HEADER.FIELDS.NOT (Subject X-Test-Id Message-ID)])")
        expected = b"".join(l + b"\r\n" for l in head.split(b"\r\n")[:-1]
                            if not re.match(rb"(?i)^(subject|x-test-id|message-id):", l)) + b"\r\n"
        # (FETCH item names are upper-cased by the response parser)
        self.assertEqual(got[1]["BODY[HEADER.FIELDS.NOT (SUBJECT X-TEST-ID MESSAGE-ID)]"], expected)
        # the mailbox name INBOX is case-insensitive, inferiors of INBOX keep their spelling
        r = self.expect_ok(c.cmd("SELECT inbox"))
        self.assertEqual(r.data("EXISTS"), [1])
        self.expect_ok(c.cmd("CREATE inbox/Sub"))
        self.assertIn("INBOX/Sub", self.list_mailboxes(c), "RFC 3501 5.1: INBOX in any case is INBOX")

    def test_header_fields_as_mail_clients_ask(self):
        """RFC 3501 6.4.5: HEADER.FIELDS gives the named fields (case-insensitive, folded lines
        whole, absent ones simply missing) and the blank line."""
        rows = self.deliver_to(self.name, [make_message("fields", headers=("X-Priority: 3", "Cc: <cc@example.org>"))])
        content = rows[0]["content"]
        _, received, _ = split_stored(content)
        c, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(c, "1", "(BODY.PEEK[HEADER.FIELDS (Received)])")
        self.assertEqual(list(got[1].values())[0], received + b"\r\n\r\n", "a folded Received header")
        got, _ = self.fetch(c, "1", "(UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc subject Date "
                                    "Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type "
                                    "Reply-To)])", uid=False)
        value = [v for k, v in got[1].items() if k.startswith("BODY[HEADER.FIELDS")][0]
        self.assertTrue(value.endswith(b"\r\n\r\n"), value)
        lines = set(value[:-4].split(b"\r\n"))
        expected = {l for l in content[:content.index(b"\r\n\r\n")].split(b"\r\n")
                    if re.match(rb"(?i)^(from|to|cc|subject|message-id|x-priority):", l)}
        self.assertEqual(lines, expected)

    def test_condstore_unsolicited_fetch_and_unchangedsince_zero(self):
        self.deliver_to(self.name, [make_message("cs1"), make_message("cs2")])
        a = self.login(self.name, self.pw)
        self.expect_ok(a.cmd("ENABLE CONDSTORE"))
        self.expect_ok(a.cmd("SELECT INBOX"))
        b, _ = self.session(self.name, self.pw)
        self.expect_ok(b.cmd("STORE 2 +FLAGS (\\Answered)"))
        r = self.expect_ok(a.cmd("NOOP"))
        f = dict(r.data("FETCH"))
        self.assertIn(2, f, r)
        self.assertIn("MODSEQ", f[2], "RFC 7162 3.2: with CONDSTORE enabled every unsolicited FETCH carries "
                                      "MODSEQ: %r" % r)
        r = self.expect_ok(a.cmd("STORE 1:2 (UNCHANGEDSINCE 0) +FLAGS (\\Seen)"))
        self.assertEqual(r.code, "MODIFIED", "RFC 7162 3.1.3: UNCHANGEDSINCE 0 fails for every message: %r" % r)
        self.assertEqual(sorted(expand_set(r.code_args)), [1, 2])
        self.assertEqual(self.search(a, "SEEN"), [])

    def test_idle_done_is_case_insensitive(self):
        """RFC 2177's "DONE" is an ABNF literal, and ABNF literals are case-insensitive
        (RFC 5234 2.3)."""
        c, _ = self.session(self.name, self.pw)
        tag = c.next_tag()
        c.send(tag + " IDLE\r\n")
        self.assertIsInstance(c.continuation(), bytes)
        c.send(b"done\r\n")
        self.expect_ok(c.response(tag), "IDLE ended by 'done'")

    def test_quota_usage_follows_copy_move_expunge_delete(self):
        """The account's usage (shown by GETQUOTA, enforced by [OVERQUOTA]) is exact: COPY adds,
        MOVE and RENAME do not change it, EXPUNGE and DELETE of a mailbox with messages give it
        back."""
        rows = self.deliver_to(self.name, [make_message("q1", size=3000), make_message("q2", size=5000)])
        total = sum(r["size"] for r in rows)
        self.assertEqual(self.usage(self.name), total)
        c, _ = self.session(self.name, self.pw)
        self.expect_ok(c.cmd("COPY 1:2 Archive"))
        self.assertEqual(self.usage(self.name), 2 * total, "after COPY")
        self.expect_ok(c.cmd("MOVE 1 Junk"))
        self.assertEqual(self.usage(self.name), 2 * total, "after MOVE")
        self.expect_ok(c.cmd("RENAME Archive Kept"))
        self.assertEqual(self.usage(self.name), 2 * total, "after RENAME")
        self.expect_ok(c.cmd("DELETE Kept"))
        self.assertEqual(self.usage(self.name), total, "DELETE of a mailbox with two messages")
        self.expect_ok(c.cmd("STORE 1 +FLAGS.SILENT (\\Deleted)"))
        self.expect_ok(c.cmd("EXPUNGE"))
        self.assertEqual(self.usage(self.name), rows[0]["size"], "after EXPUNGE")
        self.assertEqual(self.store.usage_meta(self.name), rows[0]["size"], "index.db meta usage")
        self.set_quota(self.name, 1024 * 1024)
        r = self.expect_ok(c.cmd("GETQUOTAROOT INBOX"))
        used = int(r.data("QUOTA")[0][1][1])
        self.assertIn(used, (rows[0]["size"] // 1024, (rows[0]["size"] + 1023) // 1024), r)

    def test_bodystructure_of_an_attached_message(self):
        inner = (b"From: Inner <inner@example.org>\r\nSubject: inner subject\r\n"
                 b"Content-Type: text/plain; charset=us-ascii\r\n\r\ninner line 1\r\ninner line 2\r\n")
        body = (b"--B\r\nContent-Type: text/plain\r\n\r\nouter text\r\n"
                b"--B\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--B--\r\n")
        self.deliver_to(self.name, [make_message("with attachment", body=body,
                                                 headers=("MIME-Version: 1.0",
                                                          "Content-Type: multipart/mixed; boundary=B"))])
        c, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(c, "1", "(BODYSTRUCTURE BODY.PEEK[2] BODY.PEEK[2.HEADER] BODY.PEEK[2.TEXT] "
                                    "BODY.PEEK[2.1])")
        d = got[1]
        part = d["BODYSTRUCTURE"][1]
        # RFC 3501 7.4.2: type subtype params id desc encoding size envelope body lines
        self.assertEqual([astr(part[0]).upper(), astr(part[1]).upper()], ["MESSAGE", "RFC822"])
        self.assertEqual(int(part[6]), len(inner))
        self.assertEqual(astr(part[7][1]), "inner subject", "envelope of the attached message")
        self.assertEqual([astr(part[8][0]).upper(), astr(part[8][1]).upper()], ["TEXT", "PLAIN"])
        self.assertEqual(int(part[9]), inner.count(b"\n"), "lines of the attached message")
        self.assertEqual(d["BODY[2]"], inner)
        head_end = inner.index(b"\r\n\r\n") + 4
        self.assertEqual(d["BODY[2.HEADER]"], inner[:head_end])
        self.assertEqual(d["BODY[2.TEXT]"], inner[head_end:])
        self.assertEqual(d["BODY[2.1]"], b"inner line 1\r\ninner line 2\r\n")


class MimeAndSearch(ImapTestCase):
    """Decoding for SEARCH (RFC 3501 6.4.4: the server decodes MIME transfer encodings and
    RFC 2047 words before comparing), ENVELOPE address parsing (RFC 3501 7.4.2) and
    BODYSTRUCTURE extension data, and large partial FETCHes."""

    def setUp(self):
        super().setUp()
        self.name, self.pw = self.recycled_account()

    def test_search_decodes_transfer_encodings_and_encoded_words(self):
        text = "Grüße aus Köln".encode("utf-8")
        b64 = make_message("b64", body=base64.encodebytes(text).replace(b"\n", b"\r\n"),
                           headers=("MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                                    "Content-Transfer-Encoding: base64"))
        qp = make_message("qp", body=b"Gr=FC=DFe aus K=F6ln, Latin-1\r\n",
                          headers=("MIME-Version: 1.0", "Content-Type: text/plain; charset=iso-8859-1",
                                   "Content-Transfer-Encoding: quoted-printable"))
        encoded_subject = make_message("x").replace(b"Subject: x", b"Subject: =?ISO-8859-1?Q?Gr=FC=DFe_Subject?=")
        plain = make_message("nothing here")
        self.deliver_to(self.name, [b64, qp, encoded_subject, plain])
        c, _ = self.session(self.name, self.pw)
        word = "Grüße".encode("utf-8")

        def search(key):
            r = self.expect_ok(c.cmd_literal([b"SEARCH CHARSET UTF-8 %s {%d}" % (key, len(word)), word, b""]))
            return [int(x) for x in r.data("SEARCH")[0]]
        self.assertEqual(search(b"BODY"), [1, 2], "BODY search through base64 and quoted-printable (Latin-1)")
        self.assertEqual(search(b"SUBJECT"), [3], "SUBJECT search through an RFC 2047 encoded word")
        self.assertEqual(search(b"TEXT"), [1, 2, 3])
        self.assertEqual(self.search(c, "BODY R3LDn2U"), [], "the base64 text itself is not what BODY matches")

    def test_envelope_addresses(self):
        m = make_message("addresses").replace(
            b"From: <sender@client.test>",
            b"From: \"Doe, John\" <john.doe@example.org> (comment)\r\n"
            b"Cc: Team: a@example.org, \"B\" <b@example.org>;, c@example.org\r\n"
            b"Reply-To: replies@example.org\r\n"
            b"In-Reply-To: <parent@example.org>\r\n"
            b"Date: Sat, 21 Nov 2026 10:00:00 +0100")
        self.deliver_to(self.name, [m])
        c, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(c, "1", "ENVELOPE")
        env = got[1]["ENVELOPE"]
        addr = lambda lst: [[astr(x) for x in a] for a in lst]  # noqa: E731
        self.assertEqual(astr(env[0]), "Sat, 21 Nov 2026 10:00:00 +0100")
        self.assertEqual(addr(env[2]), [["Doe, John", None, "john.doe", "example.org"]])
        self.assertEqual(addr(env[3]), addr(env[2]), "sender defaults to from")
        self.assertEqual(addr(env[4]), [[None, None, "replies", "example.org"]])
        self.assertEqual(addr(env[6]), [[None, None, "Team", None], [None, None, "a", "example.org"],
                                        ["B", None, "b", "example.org"], [None, None, None, None],
                                        [None, None, "c", "example.org"]], "a group in Cc (RFC 3501 7.4.2)")
        self.assertIsNone(env[7], "no Bcc")
        self.assertEqual(astr(env[8]), "<parent@example.org>")

    def test_bodystructure_extension_data(self):
        self.deliver_to(self.name, sample_messages()[2:3])
        c, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(c, "1", "BODYSTRUCTURE")
        mp = got[1]["BODYSTRUCTURE"]
        att = mp[1]
        # basic fields 0-6, then md5 (7), disposition (8), language (9), location (10)
        self.assertEqual([astr(x) for x in att[2]], ["name", "blob.bin"] if astr(att[2][0]) == "name" else
                         ["NAME", "blob.bin"])
        disposition = att[8]
        self.assertEqual(astr(disposition[0]).lower(), "attachment", att)
        self.assertEqual([astr(x).lower() for x in disposition[1]], ["filename", "blob.bin"], att)
        # the multipart's own extension data: subtype, then (boundary) parameters
        self.assertEqual(astr(mp[2]).upper(), "MIXED")
        self.assertEqual([astr(x).lower() for x in mp[3]], ["boundary", "xyz"], mp)

    def test_large_message_partial_fetches(self):
        line = b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789\r\n"
        big = make_message("big", body=line * (3 * 1024 * 1024 // len(line)) + b"tail\r\n")
        rows = self.deliver_to(self.name, [big])
        content = rows[0]["content"]
        size = len(content)
        c, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(c, "1", "(RFC822.SIZE BODY.PEEK[])")
        self.assertEqual(int(got[1]["RFC822.SIZE"]), size)
        self.assertEqual(got[1]["BODY[]"], content)
        for origin, length in ((0, 1), (1000000, 2000000), (size - 10, 100), (size, 10), (size + 5, 10),
                               (65535, 65537)):
            got, r = self.fetch(c, "1", "BODY.PEEK[]<%d.%d>" % (origin, length))
            self.assertEqual(got[1]["BODY[]<%d>" % origin], content[origin:origin + length],
                             "BODY[]<%d.%d> of a %d-byte message" % (origin, length, size))
        head_end = content.index(b"\r\n\r\n") + 4
        got, _ = self.fetch(c, "1", "BODY.PEEK[TEXT]<10.20>")
        self.assertEqual(got[1]["BODY[TEXT]<10>"], content[head_end + 10:head_end + 30])
        self.expect_bad(c.cmd("FETCH 1 BODY.PEEK[]<5.0>"), what="a partial of length 0 (nz-number, RFC 3501 9)")


class ServiceStop(OwnDaemonImapTestCase):
    def test_service_stop_and_start(self):
        name, pw = self.new_account()
        rows = self.deliver_to(name, [make_message("kept")])
        busy, _ = self.session(name, pw)
        self.expect_ok(busy.cmd("STORE 1 +FLAGS (\\Deleted)"))
        idle = self.imap()
        secure = self.login(name, pw, tls=True)
        result = self.rpc.call("service.stop", {"name": "imap"})
        self.assertEqual(result["state"], "stopped")
        for who, c in (("selected", busy), ("not authenticated", idle), ("imaps", secure)):
            line = c.line(timeout=10)
            self.assertTrue(line.startswith(b"* BYE"), "%s session at service.stop: %r (RFC 3501 7.1.5)" % (who, line))
            self.assertTrue(c.is_closed(), "%s session open after service.stop" % who)
        self.assertTrue(port_refuses(self.imap_port), "imap port still accepts after service.stop")
        self.assertTrue(port_refuses(self.imaps_port), "imaps port still accepts after service.stop")
        self.assertEqual([r["uid"] for r in self.inbox(name)], [r["uid"] for r in rows], "service.stop expunged")
        self.assertEqual(self.rpc.call("service.start", {"name": "imap"})["state"], "running")
        wait_imap(self.imap_port, timeout=10)
        wait_imap(self.imaps_port, timeout=10, context=client_context())
        c, r = self.session(name, pw)
        self.assertEqual(r.data("EXISTS"), [1])
        counters = self.imap_service().get("counters") or {}
        for key in ("connections", "logins", "authFailures"):
            self.assertIn(key, counters, counters)
        self.assertGreaterEqual(counters["logins"], 1, counters)


if __name__ == "__main__":
    unittest.main()
