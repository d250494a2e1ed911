"""Hostile input against maild's IMAP service (TESTING.md's IMAP list), part one: every command
that takes a string refused with [TOOBIG] over the limits (quoted strings past the line limit,
literals past the literal limit, refused before any byte is sent), LITERAL+ literals past the
limit (refused at once), no literal over 4096 octets before login, a large APPEND spooled to
disk as it arrives, APPEND past APPENDLIMIT, literals whose command failed early, unterminated literals, huge
sequence sets (1:4294967295), deeply nested, very wide and malformed MIME, deep SEARCH nesting,
thousands of keywords, an EXPUNGE while a FETCH streams. After every abuse the session (or at
least maild) must still work and nothing may be stored. Part two: test_imap_hostile_sessions.py.
"""
import os
import socket
import time
import unittest

from imaptest import ImapClosed, ImapTestCase, Response, Sessions, pending_output, quote, wait_imap
from smtptest import make_message

LINE_LIMIT = 64 * 1024           # docs/imap-grammar.md: maxLineBytes
LITERAL_LIMIT = 64 * 1024 * 1024  # docs/imap-grammar.md: maxLiteralBytes (per command)
BIG = "x" * (LINE_LIMIT + 4096)


class Hostile(ImapTestCase):
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

    def appendlimit(self, conn):
        for c in self.capabilities(conn):
            if c.startswith("APPENDLIMIT="):
                return int(c.split("=", 1)[1])
        return None

    # -- [TOOBIG] ----------------------------------------------------------------------

    STRING_COMMANDS = [  # (state, template with {s} for one string argument)
        ("auth", "SELECT {s}"), ("auth", "EXAMINE {s}"), ("auth", "CREATE {s}"), ("auth", "DELETE {s}"),
        ("auth", "RENAME {s} Other"), ("auth", "RENAME Sent {s}"), ("auth", "SUBSCRIBE {s}"),
        ("auth", "UNSUBSCRIBE {s}"), ("auth", "LIST {s} \"*\""), ("auth", "LIST \"\" {s}"), ("auth", "LSUB \"\" {s}"),
        ("auth", "STATUS {s} (MESSAGES)"), ("auth", "GETQUOTA {s}"), ("auth", "GETQUOTAROOT {s}"),
        ("auth", "SETQUOTA {s} (STORAGE 1)"), ("auth", "ID (\"name\" {s})"),
        ("selected", "SEARCH SUBJECT {s}"), ("selected", "SEARCH HEADER X-Test {s}"),
        ("selected", "COPY 1 {s}"), ("selected", "MOVE 1 {s}"), ("selected", "UID COPY 1 {s}"),
        ("none", "LOGIN {s} password"), ("none", "LOGIN user {s}"),
    ]

    def string_sessions(self):
        self.deliver_to(self.name, [make_message("toobig")])
        return Sessions(self)

    def test_toobig_quoted_strings(self):
        sessions = self.string_sessions()
        before = self.mailbox_names()
        failures = []
        for state, template in self.STRING_COMMANDS + [("auth", "APPEND {s} (\\Seen) \"abc\"")]:
            c = sessions.get(state)
            line = template.format(s=quote(BIG))
            r = c.cmd(line, timeout=30)
            if r.status != "BAD" or r.code != "TOOBIG":
                failures.append("%s: %r" % (template, r.raw[:200]))
            self.expect_ok(c.cmd("NOOP"), "NOOP after %s with a %d-byte quoted string" % (template, len(BIG)))
            sessions.refused(state)
        self.assertEqual(failures, [], "not refused with BAD [TOOBIG] (a line over %d bytes)" % LINE_LIMIT)
        self.assertEqual(self.mailbox_names(), before)
        # well under the limit is fine: a 60000-byte search string
        r = sessions.get("selected").cmd("SEARCH SUBJECT " + quote("y" * 60000), timeout=30)
        self.expect_ok(r, "SEARCH with a 60000-byte string (under the %d-byte line limit)" % LINE_LIMIT)
        self.assertEqual(r.data("SEARCH"), [[]])

    def test_toobig_literals_refused_before_sending(self):
        """A synchronizing literal over the limit is refused when its '{n}' line arrives: the
        client gets a tagged BAD/NO [TOOBIG] instead of '+', and sends nothing (RFC 3501 7.5,
        RFC 7889)."""
        sessions = self.string_sessions()
        limit = max(LITERAL_LIMIT, self.appendlimit(sessions.get("auth")) or 0)
        failures = []
        for size in (limit + 1, 4294967295):
            for state, template in self.STRING_COMMANDS + [("auth", "APPEND INBOX {s}")]:
                c = sessions.get(state)
                head = template.split("{s}")[0] + "{%d}" % size
                tag = c.next_tag()
                c.send("%s %s\r\n" % (tag, head))
                got = c.continuation(timeout=15)
                if not isinstance(got, Response):
                    failures.append("%s: got %r instead of a refusal" % (head, got))
                    sessions.drop(state)
                    continue
                if got.tag != tag or got.status not in ("BAD", "NO") or got.code != "TOOBIG":
                    failures.append("%s: %r" % (head, got.raw[:200]))
                # the rest of the line is discarded; the session goes on
                self.expect_ok(c.cmd("NOOP"), "NOOP after %s" % head)
                sessions.refused(state)
        self.assertEqual(failures, [], "literals over the limit not refused with [TOOBIG] before '+'")

    def test_string_literal_far_over_any_name_limit(self):
        """A 1 MiB literal where a mailbox name goes (names are at most 255 characters) is
        refused with [TOOBIG] without buffering it: anything else lets 50 connections make maild
        hold gigabytes."""
        c = self.login(self.name, self.pw)
        size = 1024 * 1024 + 1
        tag = c.next_tag()
        c.send("%s SELECT {%d}\r\n" % (tag, size))
        got = c.continuation(timeout=15)
        if isinstance(got, Response):
            self.assertIn(got.status, ("NO", "BAD"), got)
            self.assertEqual(got.code, "TOOBIG", "SELECT of a 1 MiB literal: %r" % got)
        else:
            c.send(b"a" * size + b"\r\n")
            r = c.response(tag, timeout=30)
            self.assertIn(r.status, ("NO", "BAD"), r)
            self.assertEqual(r.code, "TOOBIG", "SELECT of a 1 MiB mailbox name: %r" % r)
        self.assert_alive(c)

    def test_literal_plus_over_the_limit(self):
        """RFC 7888 4: a non-synchronizing literal the server will not take: BAD [TOOBIG] (the
        bytes skipped, the session goes on) or BYE and close."""
        c = self.login(self.name, self.pw)
        limit = max(LITERAL_LIMIT, self.appendlimit(c) or 0)
        size = limit + 1
        tag = c.next_tag()
        c.send("%s APPEND INBOX {%d+}\r\n" % (tag, size))
        chunk = b"Z" * (1 << 20)
        sent = 0
        closed = False
        try:
            while sent < size:
                n = min(len(chunk), size - sent)
                c.send(chunk[:n])
                sent += n
            c.send(b"\r\n")
            r = c.response(tag, timeout=60)
        except (BrokenPipeError, ConnectionResetError, ImapClosed):
            closed = True
            r = None
        if r is not None and r.status == "BYE":
            closed = True
        if not closed:
            self.assertIn(r.status, ("BAD", "NO"), r)
            self.assertEqual(r.code, "TOOBIG", r)
            self.expect_ok(c.cmd("NOOP"))
        self.assertEqual(self.inbox(self.name), [])
        self.assert_alive()

    def test_append_over_appendlimit(self):
        c = self.login(self.name, self.pw)
        limit = self.appendlimit(c)
        self.assertIsNotNone(limit, "APPENDLIMIT=n not announced (RFC 7889) although imap.maxAppendBytes exists")
        self.assertEqual(limit, self.imap_setting("imap.maxAppendBytes"))
        tag = c.next_tag()
        c.send("%s APPEND INBOX {%d}\r\n" % (tag, limit + 1))
        r = c.continuation(timeout=15)
        if not isinstance(r, Response):
            # invited: send it all and see what becomes of it
            head = b"Subject: big\r\n\r\n"
            body = head + b"y" * (limit + 1 - len(head) - 2) + b"\r\n"
            self.assertEqual(len(body), limit + 1)
            for i in range(0, len(body), 1 << 20):
                c.send(body[i:i + (1 << 20)])
            c.send(b"\r\n")
            final = c.response(tag, timeout=120)
            self.fail("APPEND INBOX {%d} with APPENDLIMIT=%d: the server invited the literal (%r) instead of refusing "
                      "it with [TOOBIG]; after the %d bytes it answered %r; messages stored: %d"
                      % (limit + 1, limit, r, limit + 1, final, len(self.inbox(self.name))))
        self.assertEqual(r.tag, tag, r)
        self.assertIn(r.status, ("NO", "BAD"), "APPEND of limit+1 bytes: %r" % r)
        self.assertEqual(r.code, "TOOBIG", "RFC 7889: APPEND over APPENDLIMIT: %r" % r)
        self.expect_ok(c.cmd("NOOP"))
        self.assertEqual(self.inbox(self.name), [])

    def test_no_large_literal_before_login(self):
        """RFC 7888 LITERAL-: before login no literal is over 4096 octets (a stranger must not
        make maild buffer APPEND-sized literals on every connection it may open); a user name
        and a password as literals still work."""
        c = self.imap()
        caps = self.capabilities(c)
        self.assertIn("LITERAL-", caps)
        for head in ("LOGIN {5000}", "LOGIN joe {4097}", "APPEND INBOX {100000}"):
            tag = c.next_tag()
            c.send("%s %s\r\n" % (tag, head))
            got = c.continuation(timeout=15)
            self.assertIsInstance(got, Response, "%s before login: invited (%r) instead of refused" % (head, got))
            self.assertEqual((got.tag, got.status, got.code), (tag, "BAD", "TOOBIG"), got)
            self.expect_ok(c.cmd("NOOP"), "NOOP after " + head)
        tag = c.next_tag()
        c.send(b"%s LOGIN {5000+}\r\n" % tag.encode() + b"u" * 5000 + b" x\r\n")
        r = c.response(tag, timeout=15)
        self.assertEqual((r.status, r.code), ("BAD", "TOOBIG"), r)
        self.expect_ok(c.cmd("NOOP"), "NOOP after a skipped LITERAL- literal")
        r = c.cmd_literal([b"LOGIN {%d}" % len(self.name), self.name.encode(), b" {%d}" % len(self.pw),
                           self.pw.encode(), b""])
        self.expect_ok(r, "LOGIN with two literals")
        self.assertIn("LITERAL+", self.capabilities(c))

    def test_a_huge_literal_plus_is_refused_at_once(self):
        """APPEND {4294967295+}: BAD [TOOBIG] as soon as its line arrives, not after 4 GiB."""
        c = self.login(self.name, self.pw)
        tag = c.next_tag()
        c.send("%s APPEND INBOX {4294967295+}\r\n" % tag)
        r = c.response(tag, timeout=15)
        self.assertEqual((r.status, r.code), ("BAD", "TOOBIG"), r)
        c.send(b"x" * 100000)  # what follows is the literal's, skipped without a word
        self.assertEqual(pending_output(c, 0.3), b"")
        self.assert_alive()

    def test_a_large_append_goes_to_a_spool_file_not_memory(self):
        """After login an APPEND literal is written to the spool as it arrives: half sent,
        its bytes are on disk already (never whole in maild's memory), and the stored message
        is exactly what was sent."""
        line = b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789\r\n"
        big = make_message("spooled", body=line * (16 * 1024 * 1024 // len(line)))
        c = self.login(self.name, self.pw)
        tag = c.next_tag()
        c.send("%s APPEND INBOX {%d}\r\n" % (tag, len(big)))
        self.assertNotIsInstance(c.continuation(timeout=15), Response)
        half = len(big) // 2
        for i in range(0, half, 1 << 20):
            c.send(big[i:min(i + (1 << 20), half)])
        spool = os.path.join(self.daemon.data_dir, "spool")
        deadline = time.monotonic() + 20
        largest = 0
        while time.monotonic() < deadline:
            sizes = [os.path.getsize(os.path.join(spool, f)) for f in os.listdir(spool)]
            largest = max(sizes or [0])
            if largest >= half - (1 << 20):
                break
            time.sleep(0.05)
        self.assertGreaterEqual(largest, half - (1 << 20), "half an APPEND sent, but not in a spool file: "
                                "the literal is held in memory")
        for i in range(half, len(big), 1 << 20):
            c.send(big[i:i + (1 << 20)])
        c.send(b"\r\n")
        r = self.expect_ok(c.response(tag, timeout=60), "the spooled APPEND")
        self.assertEqual(r.code, "APPENDUID", r)
        self.assertEqual([m["content"] for m in self.inbox(self.name)], [big])
        self.assertEqual(os.listdir(spool), [], "a spool file was left behind")
        # a refused one leaves nothing either: NUL in a large literal
        tag = c.next_tag()
        bad = big[:100000] + b"\0" + big[100001:200000]
        c.send(b"%s APPEND INBOX {%d+}\r\n" % (tag.encode(), len(bad)) + bad + b"\r\n")
        r = c.response(tag, timeout=30)
        self.assertEqual(r.status, "BAD", r)
        self.assertEqual(os.listdir(spool), [], "the refused APPEND's spool file was left behind")
        self.assertEqual(len(self.inbox(self.name)), 1)

    def test_error_before_a_literal_plus_still_skips_it(self):
        """A command refused before its LITERAL+ literal arrives: the literal is still part of
        that command (RFC 7888 3) and its bytes must never run as a command of their own."""
        inner = b"Z9 LOGOUT\r\n"
        failures = []
        for prefix in (b"SELECT \"a\x00b\" ", b"SELECT \"bad\\q\" ", b"FOO ", b"LOGIN ", b"FETCH 0 ",
                       b"LIST \"\" " + b"x" * (LINE_LIMIT + 100) + b" "):
            c = self.login(self.name, self.pw)
            tag = c.next_tag()
            c.send(tag.encode() + b" " + prefix + b"{%d+}\r\n" % len(inner) + inner + b"\r\n")
            try:
                r = c.response(tag, timeout=20)
            except AssertionError as e:
                failures.append("%r: %s" % (prefix[:40], e))
                continue
            if r.status != "BAD":
                failures.append("%r: %r" % (prefix[:40], r))
            extra = pending_output(c, 0.3)
            if extra:
                failures.append("%r...: answered %r, then the literal ran as a command: %r"
                                % (prefix[:40], r.raw[:120], extra[:200]))
                continue
            self.expect_ok(c.cmd("NOOP"))
        self.assertEqual(failures, [])

    # -- unterminated literals ---------------------------------------------------------

    def test_unterminated_literals(self):
        rows = self.deliver_to(self.name, [make_message("keep")])
        files_before = self.files()
        # a synchronizing APPEND literal cut short, then the client vanishes
        c = self.login(self.name, self.pw)
        tag = c.next_tag()
        c.send("%s APPEND INBOX {5000}\r\n" % tag)
        self.assertIsInstance(c.continuation(), bytes)
        c.send(make_message("partial")[:200])
        c.close()
        # a LITERAL+ literal cut short
        d = self.login(self.name, self.pw)
        d.send("%s APPEND Drafts {5000+}\r\n" % d.next_tag())
        d.send(b"From: x\r\n\r\nonly this")
        d.close()
        # a LOGIN literal that never ends, then a new command line (eaten as literal bytes)
        e = self.imap()
        tag = e.next_tag()
        e.send("%s LOGIN {100}\r\n" % tag)
        self.assertIsInstance(e.continuation(), bytes)
        e.send(("%s LOGIN %s %s\r\n" % (e.next_tag(), self.name, self.pw)).encode())
        self.assertEqual(pending_output(e, 0.5), b"", "maild answered inside a literal")
        e.close()
        time.sleep(0.5)
        self.assert_alive()
        self.assertEqual([r["uid"] for r in self.inbox(self.name)], [r["uid"] for r in rows])
        self.assertEqual(self.store.messages(self.name, "Drafts"), [])
        self.assertEqual(self.files(), files_before, "a cut-short APPEND left files behind")

    def files(self):
        out = set()
        for root, _, files in os.walk(self.store.account_dir(self.name)):
            for f in files:
                if not f.startswith("index.db"):
                    out.add(os.path.relpath(os.path.join(root, f), self.store.account_dir(self.name)))
        return out

    # -- sequence sets -----------------------------------------------------------------

    def test_huge_sequence_sets(self):
        rows = self.deliver_to(self.name, [make_message("s%d" % i) for i in range(3)])
        uids = [r["uid"] for r in rows]
        c, _ = self.session(self.name, self.pw)
        t0 = time.monotonic()
        got, _ = self.fetch(c, "1:4294967295", "(UID)", uid=True)
        self.assertEqual(sorted(int(d["UID"]) for d in got.values()), uids)
        got, _ = self.fetch(c, "4294967295:1", "(UID)", uid=True)
        self.assertEqual(sorted(int(d["UID"]) for d in got.values()), uids)
        got, _ = self.fetch(c, "4294967295", "(UID)", uid=True)
        self.assertEqual(got, {})
        self.assertEqual(self.search(c, "UID 1:4294967295", uid=True), uids)
        self.assertEqual(self.search(c, "UID 1:4294967295,7:4294967295,2:*"), [1, 2, 3])
        r = self.expect_ok(c.cmd("UID STORE 1:4294967295 +FLAGS (\\Flagged)"))
        self.assertEqual(sorted(m for m, _ in r.data("FETCH")), [1, 2, 3], r)
        # by sequence number: all three messages, or a refusal; never a hang or 4 billion answers
        r = c.cmd("FETCH 1:4294967295 (UID)", timeout=15)
        if r.ok:
            self.assertEqual(sorted(m for m, _ in r.data("FETCH")), [1, 2, 3], r)
        else:
            self.assertEqual(r.status, "BAD", r)
        r = c.cmd("SEARCH 1:4294967295", timeout=15)
        if r.ok:
            self.assertEqual(r.data("SEARCH"), [["1", "2", "3"]], r)
        r = c.cmd("COPY 1:4294967295 Archive", timeout=15)
        if r.ok:
            self.assertEqual(len(self.store.messages(self.name, "Archive")), 3)
        else:
            self.assertEqual(self.store.messages(self.name, "Archive"), [], r)
        # numbers out of range are syntax errors
        for bad in ("0", "0:3", "1:4294967296", "4294967296", "99999999999999999999", "1::3", "1:", ":3", "1,,2",
                    "-1", "1:-1", "*:*:*", "1.5", "0x10"):
            self.expect_bad(c.cmd("UID FETCH %s (UID)" % bad), what="UID FETCH %s" % bad)
            self.expect_bad(c.cmd("FETCH %s (UID)" % bad), what="FETCH %s" % bad)
        # a long list of single numbers and ranges, under the line limit
        many = ",".join("%d:%d" % (i * 3 + 1, i * 3 + 2) for i in range(5000))
        got, _ = self.fetch(c, many, "(UID)", uid=True)
        self.assertEqual(sorted(int(d["UID"]) for d in got.values()),
                         sorted(u for u in uids if (u - 1) % 3 != 2 and u <= 15000))
        got, _ = self.fetch(c, "1", "(UID BODY.PEEK[]<4294967295.4294967295> BODY.PEEK[1.2.3.4.5.6.7.8.9])")
        self.assertIn(1, got)
        self.assertLess(time.monotonic() - t0, 60, "the huge sequence sets took more than a minute")
        self.assert_alive(c)

    # -- MIME --------------------------------------------------------------------------

    def test_deeply_nested_and_wide_mime(self):
        depth = 300
        head = b""
        tail = b""
        for i in range(depth):
            head += b"Content-Type: multipart/mixed; boundary=\"b%d\"\r\n\r\n--b%d\r\n" % (i, i)
            tail = b"\r\n--b%d--\r\n" % i + tail
        nested = make_message("nested multipart", body=head + b"Content-Type: text/plain\r\n\r\ndeep\r\n" + tail,
                              headers=("MIME-Version: 1.0",))
        rfc822 = b"Subject: innermost\r\n\r\nthe end\r\n"
        for i in range(depth):
            rfc822 = b"Subject: level %d\r\nContent-Type: message/rfc822\r\n\r\n" % i + rfc822
        wide_body = b"".join(b"--w\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(12000)) + b"--w--\r\n"
        wide = make_message("wide", body=wide_body,
                            headers=("MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"w\""))
        c = self.login(self.name, self.pw)
        for m in (nested, rfc822, wide):
            self.expect_ok(c.cmd_literal([b"APPEND INBOX {%d}" % len(m), m, b""]), "APPEND of hostile MIME")
        self.expect_ok(c.cmd("SELECT INBOX"))
        for n in (1, 2, 3):
            got, r = self.fetch(c, str(n), "(BODYSTRUCTURE ENVELOPE BODY)")
            bs = got[n]["BODYSTRUCTURE"]
            self.assertLessEqual(list_depth(bs), 2 * 60, "BODYSTRUCTURE of message %d nests %d levels" %
                                 (n, list_depth(bs)))
        path = ".".join(["1"] * depth)
        for n in (1, 2):
            r = c.cmd("FETCH %d (BODY.PEEK[%s] BODY.PEEK[%s.MIME])" % (n, path, path), timeout=30)
            self.assertIn(r.status, ("OK", "NO", "BAD"), r)
        self.fetch(c, "3", "(BODY.PEEK[11999] BODY.PEEK[12000])")
        for criteria in ("BODY \"the end\"", "BODY \"part 11999\"", "TEXT deep"):
            self.expect_ok(c.cmd("SEARCH " + criteria, timeout=30))
        self.assert_alive(c)

    def test_malformed_headers_and_mime(self):
        """Headers and MIME that parsers trip over: unbalanced and 20000-deep comments in
        addresses, empty and missing boundaries, thousands of RFC 2231 continuations, a 1 MiB
        header line, no blank line after the header, bare LF line ends, 10000 addresses, broken
        encoded words, a base64 message/rfc822. FETCH ENVELOPE/BODYSTRUCTURE and SEARCH answer
        each (OK, parsable) and maild stays up."""
        x = b"x" * (1024 * 1024)
        cases = [
            b"From: " + b"(" * 50000 + b"unclosed <a@example.org>\r\nSubject: c1\r\n\r\nbody\r\n",
            b"From: " + b"(" * 20000 + b"deep" + b")" * 20000 + b" <a@example.org>\r\nSubject: c2\r\n\r\nbody\r\n",
            b"Subject: c3\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n\r\nx\r\n----\r\n",
            b"Subject: c4\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative\r\n\r\nno boundary at all\r\n",
            b"Subject: c5\r\nContent-Type: text/plain; " +
            b"; ".join(b"title*%d*=utf-8''%%41%d" % (i, i) for i in range(5000)) + b"\r\n\r\nbody\r\n",
            b"Subject: c6\r\nX-Long: " + x + b"\r\n\r\nbody\r\n",
            b"Subject: c7\r\nFrom: a@example.org\r\nX-No-Body: true",
            b"Subject: c8\nFrom: lf@example.org\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nlf part\n--b--\n",
            b"Subject: c9\r\nTo: " + b", ".join(b"u%d@example.org" % i for i in range(10000)) + b"\r\n\r\nbody\r\n",
            b"Subject: =?utf-8?B?!!!?= =?x?Q?unterminated " + b"=?utf-8?Q?a?= " * 5000 + b"\r\n\r\nbody\r\n",
            b"Subject: c11\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            b"U3ViamVjdDogaW5uZXINCg0KYm9keQ0K\r\n",
            b"Subject: c12\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\nContent-Type: multipart/mixed; "
            b"boundary=q\r\n\r\n--q\r\n\r\nsame boundary inside\r\n--q--\r\n",
            b"Subject: c13\r\nContent-Type: text/plain; charset=\"unterminated\r\nContent-Disposition: attachment; "
            b"filename*0=\"a\"; filename*2=\"gap\"\r\n\r\nbody\r\n",
        ]
        c = self.login(self.name, self.pw)
        stored = 0
        for i, m in enumerate(cases):
            r = c.cmd_literal([b"APPEND INBOX {%d}" % len(m), m, b""], timeout=60)
            self.assertIn(r.status, ("OK", "NO"), "APPEND of case %d: %r" % (i + 1, r))
            stored += r.ok
        self.assertGreaterEqual(stored, len(cases) - 2, "maild refused most of the malformed messages")
        self.expect_ok(c.cmd("SELECT INBOX"))
        for n in range(1, stored + 1):
            got, r = self.fetch(c, str(n), "(ENVELOPE BODYSTRUCTURE BODY BODY.PEEK[HEADER.FIELDS (FROM TO)] "
                                           "BODY.PEEK[1] RFC822.SIZE)", what="FETCH of malformed message %d" % n)
            self.assertIn("BODYSTRUCTURE", got[n])
        for criteria in ("FROM deep", "TO u9999@example.org", "SUBJECT c3", "BODY \"lf part\"", "TEXT inner",
                         "HEADER X-Long xxxx", "SUBJECT a"):
            self.expect_ok(c.cmd("SEARCH " + criteria, timeout=60), "SEARCH " + criteria)
        self.assert_alive(c)

    def test_deep_search_nesting(self):
        self.deliver_to(self.name, [make_message("deep")])
        c, _ = self.session(self.name, self.pw)
        for criteria in ("(" * 1000 + "ALL" + ")" * 1000, "NOT " * 10000 + "ALL", "OR ALL " * 8000 + "ALL",
                         "(" * 20000):
            r = c.cmd("SEARCH " + criteria, timeout=30)
            self.assertIn(r.status, ("OK", "BAD", "NO"), r)
            if r.ok:
                self.assertIn(r.data("SEARCH"), ([["1"]], [[]]), r)
        self.assert_alive(c)

    def test_expunge_while_a_fetch_is_streaming(self):
        """Session A asks for an 8 MiB message and reads slowly; session B expunges it meanwhile.
        A must still get exactly the announced literal (the message's bytes) or a clean NO: a
        literal cut short would desynchronize the protocol."""
        line = b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789\r\n"
        big = make_message("streamed", body=line * (8 * 1024 * 1024 // len(line)))
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd_literal([b"APPEND INBOX {%d}" % len(big), big, b""]))
        self.expect_ok(c.cmd("SELECT INBOX"))
        c.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)
        tag = c.next_tag()
        c.send(tag + " FETCH 1 (BODY[])\r\n")
        time.sleep(0.3)  # the server starts streaming and blocks on the full socket
        b, _ = self.session(self.name, self.pw)
        self.expect_ok(b.cmd("STORE 1 +FLAGS.SILENT (\\Deleted)"))
        self.expect_ok(b.cmd("EXPUNGE"))
        self.assertEqual(self.inbox(self.name), [])
        r = c.response(tag, timeout=60)
        if r.ok:
            got = dict(r.data("FETCH"))
            self.assertEqual(got[1]["BODY[]"], big, "the streamed message differs from what was appended")
        else:
            self.assertEqual(r.status, "NO", r)
        r = self.expect_ok(c.cmd("NOOP"), "the session after the streamed FETCH")
        self.assertIn(b"1 EXPUNGE", [u.upper() for u in r.untagged], r)
        self.assert_alive(c)

    def test_oversized_argument_lists(self):
        """Argument lists that are long but under the line limit: thousands of header field names,
        ID pairs, ENABLE atoms, a LIST pattern of alternating wildcards (a backtracking matcher
        would take forever), invalid UTF-8 in a UTF-8 SEARCH. Each is answered (OK or a refusal)
        within the timeout and the session goes on."""
        self.deliver_to(self.name, [make_message("args")])
        c = self.login(self.name, self.pw)
        for i in range(30):
            self.expect_ok(c.cmd("CREATE Box%02d/Sub" % i))
        checks = [
            "LIST \"\" \"" + "*%" * 500 + "x\"",
            "LIST \"\" \"" + "%" * 1000 + "\"",
            "ID (" + " ".join("\"k%d\" \"v%d\"" % (i, i) for i in range(1000)) + ")",
            "ENABLE " + " ".join("X-EXT%d" % i for i in range(3000)),
            "STATUS INBOX (" + " ".join(["MESSAGES"] * 3000) + ")",
        ]
        for cmd in checks:
            r = c.cmd(cmd, timeout=30)
            self.assertIn(r.status, ("OK", "NO", "BAD"), "%s...: %r" % (cmd[:40], r))
        self.expect_ok(c.cmd("SELECT INBOX"))
        fields = " ".join("X-F%d" % i for i in range(4000))
        r = c.cmd("FETCH 1 (BODY.PEEK[HEADER.FIELDS (%s)])" % fields, timeout=30)
        self.assertIn(r.status, ("OK", "BAD"), r)
        bad_utf8 = b"\xff\xfe\xc3("
        r = c.cmd_literal([b"SEARCH CHARSET UTF-8 BODY {%d}" % len(bad_utf8), bad_utf8, b""])
        self.assertIn(r.status, ("OK", "NO", "BAD"), r)
        self.assert_alive(c)

    def test_thousands_of_keywords(self):
        self.deliver_to(self.name, [make_message("kw")])
        c, _ = self.session(self.name, self.pw)
        keywords = " ".join("k%05d" % i for i in range(3000))
        r = c.cmd("STORE 1 +FLAGS (%s)" % keywords, timeout=30)
        self.assertIn(r.status, ("OK", "NO", "BAD"), r)
        got, _ = self.fetch(c, "1", "FLAGS")
        if r.ok:
            self.assertEqual(len(got[1]["FLAGS"]), 3000 + ("\\Recent" in got[1]["FLAGS"]), "keywords stored")
        self.expect_bad(c.cmd("STORE 1 +FLAGS (foo\"bar)"), what="a keyword with a quote")
        self.expect_bad(c.cmd("STORE 1 +FLAGS (a{3})"), what="a keyword with braces")
        self.assert_alive(c)


def list_depth(x):
    depth = 0
    stack = [(x, 1)]
    while stack:
        item, d = stack.pop()
        if isinstance(item, list):
            depth = max(depth, d)
            stack.extend((i, d + 1) for i in item)
    return depth



if __name__ == "__main__":
    unittest.main()
