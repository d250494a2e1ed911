"""Edge cases that clients and conformance scripts nobody here wrote found in IMAP, each with
the RFC text it rests on: '[' and ']' in mailbox atoms, ENVELOPE and SEARCH of addresses
written with comments, NIL as a flag, subscriptions that the server never changes on its
own, FLAGS announced before the FETCH that shows a new keyword, and a FETCH of a message
that another session expunged."""
import unittest

from imaptest import ImapTestCase, astr, quote


def raw_message(from_header, subject="conformance"):
    return ("From: %s\r\nTo: <x@example.org>\r\nSubject: %s\r\nMessage-ID: <c-%s@client.test>\r\n\r\n"
            "Body.\r\n" % (from_header, subject, subject)).encode()


class Conformance(ImapTestCase):
    def setUp(self):
        super().setUp()
        self.name, self.pw = self.recycled_account()

    def append(self, c, mailbox, message):
        return self.expect_ok(c.cmd_literal([b"APPEND %s {%d}" % (quote(mailbox).encode(), len(message)), message, b""]),
                              "APPEND to " + mailbox)

    def test_brackets_are_astring_chars_in_mailbox_names(self):
        """RFC 3501 9: '[' is an ATOM-CHAR and ']' an ASTRING-CHAR; only a FETCH item gives
        them the meaning of a section."""
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("CREATE a[b"), "CREATE a[b")
        self.expect_ok(c.cmd("CREATE c]d"), "CREATE c]d")
        self.append(c, "a[b", raw_message("<p@example.org>"))
        r = self.expect_ok(c.cmd("SELECT a[b"), "SELECT a[b")
        self.assertEqual(r.data("EXISTS"), [1], r)
        self.assertEqual(set(self.list_mailboxes(c, pattern="a[b")), {"a[b"})
        self.assertEqual(set(self.list_mailboxes(c, pattern="c]%")), {"c]d"})
        self.expect_ok(c.cmd("STATUS a[b (MESSAGES)"), "STATUS a[b")
        # still a section where FETCH expects one, and an unclosed one is refused by FETCH
        got, _ = self.fetch(c, "1", "BODY.PEEK[HEADER.FIELDS (Subject)]")
        self.assertIn(b"conformance", got[1]["BODY[HEADER.FIELDS (SUBJECT)]"])
        self.expect_bad(c.cmd("FETCH 1 BODY[HEADER"), what="FETCH of an unclosed section")
        self.expect_ok(c.cmd("CLOSE"))
        self.expect_ok(c.cmd("DELETE a[b"))
        self.expect_ok(c.cmd("DELETE c]d"))

    def test_envelope_takes_a_display_name_from_a_comment(self):
        """RFC 5322 3.4 and 3.2.2: 'user@domain (Real Name)' is how older mailers give a
        name; clients show it, and RFC 3501 7.4.2's ENVELOPE carries it as the name."""
        c = self.login(self.name, self.pw)
        self.append(c, "INBOX", raw_message("user@domain.org (Real Name)", "one"))
        self.append(c, "INBOX", raw_message("<user-from (comment)@ (comment) domain.org>", "two"))
        self.append(c, "INBOX", raw_message("Boss (the one) <boss@domain.org> (work)", "three"))
        self.expect_ok(c.cmd("SELECT INBOX"))
        got, r = self.fetch(c, "1:3", "ENVELOPE")
        from_of = {msn: got[msn]["ENVELOPE"][2][0] for msn in got}
        self.assertEqual([astr(x) if x is not None else None for x in from_of[1]],
                         ["Real Name", None, "user", "domain.org"], r)
        self.assertEqual([astr(x) if x is not None else None for x in from_of[2]],
                         [None, None, "user-from", "domain.org"], r)
        self.assertEqual([astr(x) if x is not None else None for x in from_of[3]],
                         ["Boss", None, "boss", "domain.org"], r)

    def test_search_from_matches_addresses_written_with_comments(self):
        """RFC 3501 6.4.4: FROM matches the header field; an address with comments and odd
        spacing is still that address."""
        c = self.login(self.name, self.pw)
        self.append(c, "INBOX", raw_message("<user-from (comment)@ (comment) domain.org>", "odd"))
        self.append(c, "INBOX", raw_message("someone@else.org", "other"))
        self.expect_ok(c.cmd("SELECT INBOX"))
        self.assertEqual(self.search(c, "FROM user-from@domain.org"), [1])
        self.assertEqual(self.search(c, "FROM \"user-from@DOMAIN.org\""), [1])
        self.assertEqual(self.search(c, "FROM comment"), [1], "the raw field is still searched")
        self.assertEqual(self.search(c, "FROM someone@else.org"), [2])
        self.assertEqual(self.search(c, "HEADER From user-from@domain.org"), [1])

    def test_nil_is_a_flag_atom(self):
        """RFC 3501 9: flag-keyword is an atom, and NIL is one; '+FLAGS NIL' and '+FLAGS
        (NIL)' set the keyword NIL."""
        c = self.login(self.name, self.pw)
        self.append(c, "INBOX", raw_message("<p@example.org>"))
        self.expect_ok(c.cmd("SELECT INBOX"))
        def flags():  # the raw words: the test parser reads NIL as None
            r = self.expect_ok(c.cmd("FETCH 1 FLAGS"))
            return set(r.untagged[-1].split(b"FLAGS (")[1].split(b")")[0].upper().split())

        self.expect_ok(c.cmd("STORE 1 +FLAGS NIL"), "STORE 1 +FLAGS NIL")
        self.assertIn(b"NIL", flags())
        self.expect_ok(c.cmd("STORE 1 -FLAGS (NIL)"), "STORE 1 -FLAGS (NIL)")
        self.assertNotIn(b"NIL", flags())
        self.expect_ok(c.cmd("STORE 1 +FLAGS (\\Seen NIL)"), "STORE 1 +FLAGS (\\Seen NIL)")
        self.assertEqual(flags() & {b"NIL", b"\\SEEN"}, {b"NIL", b"\\SEEN"})
        self.expect_bad(c.cmd("STORE 1 +FLAGS (a*b)"), what="a keyword with a list wildcard")

    def test_create_and_delete_leave_subscriptions_alone(self):
        """RFC 3501 6.3.3-6.3.6 (and RFC 9051 6.3.9): the server MUST NOT change the
        subscriptions on its own; a deleted mailbox stays subscribed; SUBSCRIBE of a name
        that does not exist is allowed."""
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("CREATE Lists/Qt"))
        lsub = self.list_mailboxes(c, command="LSUB")
        self.assertNotIn("Lists/Qt", lsub, "CREATE subscribed the new mailbox")
        self.assertNotIn("Lists", lsub, "CREATE subscribed the superior it created")
        self.expect_ok(c.cmd("SUBSCRIBE Lists/Qt"))
        self.expect_ok(c.cmd("SUBSCRIBE Ghost"), "SUBSCRIBE of a mailbox that does not exist")
        self.expect_ok(c.cmd("DELETE Lists/Qt"))
        lsub = self.list_mailboxes(c, command="LSUB")
        self.assertIn("Lists/Qt", lsub, "DELETE removed the subscription")
        self.assertIn("\\NONEXISTENT", lsub["Lists/Qt"][0], lsub)
        self.assertIn("\\NONEXISTENT", lsub["Ghost"][0], lsub)
        self.assertNotIn("Lists/Qt", self.list_mailboxes(c))
        # LIST (SUBSCRIBED) shows them too, as \NonExistent \Subscribed (RFC 5258 3.4)
        subscribed = self.list_mailboxes(c, ref="(SUBSCRIBED) \"\"")
        self.assertEqual(subscribed["Lists/Qt"][0], {"\\NONEXISTENT", "\\SUBSCRIBED"}, subscribed)
        self.assertEqual(subscribed["Ghost"][0], {"\\NONEXISTENT", "\\SUBSCRIBED"}, subscribed)
        self.assertIn("\\SUBSCRIBED", subscribed["INBOX"][0])
        # LSUB "" %: the unsubscribed parent of a subscribed child comes with \Noselect
        # (RFC 3501 6.3.9), and "*" lists the child alone
        top = self.list_mailboxes(c, pattern="%", command="LSUB")
        self.assertEqual(top["Lists"][0], {"\\NOSELECT"}, top)
        self.assertNotIn("Lists/Qt", top)
        self.assertNotIn("Lists", self.list_mailboxes(c, pattern="*", command="LSUB"))
        # RECURSIVEMATCH: CHILDINFO for the parent whose subscribed child "%" does not list
        r = self.expect_ok(c.cmd("LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\""))
        lines = {astr(e[2]): e for e in r.data("LIST")}
        self.assertIn("Lists", lines, r)
        ext = lines["Lists"][3:]
        self.assertTrue(ext and astr(ext[0][0]).upper() == "CHILDINFO"
                        and [astr(x).upper() for x in ext[0][1]] == ["SUBSCRIBED"], r)
        # a re-created mailbox finds its subscription again; UNSUBSCRIBE ends it
        self.expect_ok(c.cmd("CREATE Lists/Qt"))
        self.assertEqual(self.list_mailboxes(c, pattern="Lists/Qt", command="LSUB")["Lists/Qt"][0], set())
        self.expect_ok(c.cmd("UNSUBSCRIBE Lists/Qt"))
        self.expect_ok(c.cmd("UNSUBSCRIBE Ghost"))
        lsub = self.list_mailboxes(c, command="LSUB")
        self.assertNotIn("Lists/Qt", lsub)
        self.assertNotIn("Ghost", lsub)
        # RENAME is the user's own change of the name: the subscription moves along
        self.expect_ok(c.cmd("SUBSCRIBE Lists/Qt"))
        self.expect_ok(c.cmd("RENAME Lists Feeds"))
        lsub = self.list_mailboxes(c, command="LSUB")
        self.assertIn("Feeds/Qt", lsub)
        self.assertNotIn("Lists/Qt", lsub)

    def assert_flags_before_fetch(self, untagged, keyword, what):
        lines = [u.upper() for u in untagged]
        flags_at = next((i for i, u in enumerate(lines) if u.startswith(b"FLAGS (") and keyword in u), None)
        perm_at = next((i for i, u in enumerate(lines) if u.startswith(b"OK [PERMANENTFLAGS") and keyword in u), None)
        fetch_at = next((i for i, u in enumerate(lines) if b" FETCH " in u and keyword in u), None)
        self.assertIsNotNone(fetch_at, "%s: no FETCH with %r: %r" % (what, keyword, untagged))
        self.assertIsNotNone(flags_at, "%s: no FLAGS naming the new keyword: %r" % (what, untagged))
        self.assertIsNotNone(perm_at, "%s: no PERMANENTFLAGS naming the new keyword: %r" % (what, untagged))
        self.assertLess(flags_at, fetch_at, "%s: FLAGS after the FETCH: %r" % (what, untagged))
        self.assertLess(perm_at, fetch_at, "%s: PERMANENTFLAGS after the FETCH: %r" % (what, untagged))
        self.assertIn(b"\\*", lines[perm_at])

    def test_a_new_keyword_is_announced_before_the_fetch_that_shows_it(self):
        """RFC 3501 7.2.6: FLAGS lists the flags applicable to the mailbox; a client must
        learn of a new keyword (and that it may keep it) before a FETCH uses it."""
        c = self.login(self.name, self.pw)
        self.append(c, "INBOX", raw_message("<p@example.org>"))
        a, _ = self.session(self.name, self.pw)
        b, _ = self.session(self.name, self.pw)
        r = self.expect_ok(a.cmd("STORE 1 +FLAGS ($NewKeyword)"))
        self.assert_flags_before_fetch(r.untagged, b"$NEWKEYWORD", "the session that stored it")
        r = self.expect_ok(b.cmd("NOOP"))
        self.assert_flags_before_fetch(r.untagged, b"$NEWKEYWORD", "another session")
        # a keyword the client already knows is not announced again
        self.expect_ok(a.cmd("STORE 1 -FLAGS ($NewKeyword)"))
        r = self.expect_ok(a.cmd("STORE 1 +FLAGS ($NewKeyword)"))
        self.assertFalse([u for u in r.untagged if u.upper().startswith(b"FLAGS")], r)

    def test_fetch_of_a_message_expunged_by_another_session(self):
        """RFC 2180 4.1.3 and RFC 5530 EXPUNGEISSUED: the session has not been told of the
        expunge yet (FETCH may not report it), so the message is answered with NIL data and
        the command ends OK [EXPUNGEISSUED] instead of failing."""
        c = self.login(self.name, self.pw)
        for n in range(3):
            self.append(c, "INBOX", raw_message("<p@example.org>", "m%d" % n))
        a, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(a, "1:3", "UID")
        uids = [got[n]["UID"] for n in (1, 2, 3)]
        b, _ = self.session(self.name, self.pw)
        self.expect_ok(b.cmd("STORE 2 +FLAGS.SILENT (\\Deleted)"))
        self.expect_ok(b.cmd("EXPUNGE"))
        r = a.cmd("FETCH 1:3 (UID BODY.PEEK[] BODY.PEEK[HEADER.FIELDS (Subject)] ENVELOPE)")
        self.assertEqual(r.status, "OK", r)
        self.assertEqual(r.code, "EXPUNGEISSUED", r)
        got = {msn: d for msn, d in r.data("FETCH")}
        self.assertEqual(sorted(got), [1, 2, 3], "every message is answered: %r" % r)
        self.assertEqual(got[2]["UID"], uids[1])
        self.assertIsNone(got[2]["BODY[]"], r)
        self.assertIsNone(got[2]["BODY[HEADER.FIELDS (SUBJECT)]"], r)
        self.assertIn(b"m2", got[3]["BODY[]"])
        self.assertIn(b"m0", got[1]["BODY[]"])
        self.assertFalse([u for u in r.untagged if u.endswith(b"EXPUNGE")], "EXPUNGE during FETCH: %r" % r)
        r = self.expect_ok(a.cmd("NOOP"))
        self.assertEqual(r.data("EXPUNGE"), [2], r)
        got, _ = self.fetch(a, "1:*", "UID")
        self.assertEqual([got[n]["UID"] for n in sorted(got)], [uids[0], uids[2]])


if __name__ == "__main__":
    unittest.main()
