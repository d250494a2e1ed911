"""IMAP4rev1 (RFC 3501) and the extensions maild announces, against a real maild over a raw
socket where the exact bytes matter: CAPABILITY, SPECIAL-USE mailboxes of a new account, LIST,
NAMESPACE (RFC 2342), ID (RFC 2971), ENABLE (RFC 5161), SELECT/EXAMINE, FETCH of what SMTP
delivered byte for byte, SEARCH, STORE, COPY and UIDPLUS (RFC 4315), MOVE (RFC 6851), EXPUNGE,
APPEND with synchronizing and LITERAL+ (RFC 7888) literals, QUOTA (RFC 9208), CONDSTORE
(RFC 7162); two sessions on one mailbox, IDLE (RFC 2177) and POP3 changes seen over IMAP.
The real clients (imaplib, curl, mutt) and the account policies are in test_imap_clients.py.
"""
import datetime
import os
import re
import time
import unittest

from imaptest import (EXTENSIONS, SPECIAL_USE, ImapTestCase, apply_expunges, astr, quote, sample_messages)
from pop3test import Pop3TestCase
from smtptest import make_message

INTERNALDATE = re.compile(r"^[ 0-9]\d-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{4} \d\d:\d\d:\d\d [+-]\d{4}$")


class Session(ImapTestCase):
    """Capabilities, mailboxes of a new account, LIST, NAMESPACE, ID, ENABLE, STATUS."""

    def test_greeting_and_capability(self):
        c = self.imap()
        caps = self.capabilities(c)
        missing = [e for e in EXTENSIONS if e not in caps]
        self.assertEqual(missing, [], "CAPABILITY lacks %s: %r" % (missing, sorted(caps)))
        self.assertIn("STARTTLS", caps, "imap.tls=offered: STARTTLS must be announced on the clear port")
        self.assertIn("AUTH=PLAIN", caps)
        self.assertNotIn("LOGINDISABLED", caps, "LOGINDISABLED with imap.tls=offered")
        # RFC 7888: before login only small non-synchronizing literals (LITERAL-)
        self.assertIn("LITERAL-", caps)
        self.assertNotIn("LITERAL+", caps)
        # RFC 9208 3.1/4: a server announcing QUOTA names each resource type it supports
        self.assertIn("QUOTA=RES-STORAGE", caps, "RFC 9208: QUOTA=RES-STORAGE missing: %r" % sorted(caps))
        # implicit TLS: no STARTTLS (RFC 3501 6.2.1 only makes sense in the clear)
        t = self.imap(tls=True)
        tcaps = self.capabilities(t)
        self.assertNotIn("STARTTLS", tcaps)
        self.assertEqual(caps - {"STARTTLS"} - tcaps, set(), "imaps lacks capabilities the clear port has")
        # CAPABILITY changes after login only by what login enables; core ones stay
        name, pw = self.recycled_account()
        self.login(name, pw, conn=c)
        after = self.capabilities(c)
        self.assertEqual([e for e in EXTENSIONS if e not in after], [], "after LOGIN: %r" % sorted(after))
        self.assertIn("LITERAL+", after)
        self.assertNotIn("LITERAL-", after)
        self.expect_ok(c.cmd("NOOP"))
        r = self.expect_ok(c.cmd("LOGOUT"))
        self.assertTrue(any(u.upper().startswith(b"BYE") for u in r.untagged), "LOGOUT without '* BYE': %r" % r)
        self.assertTrue(c.is_closed(), "connection open after LOGOUT")

    def test_special_use_mailboxes_of_a_new_account(self):
        name, pw = self.new_account()
        c = self.login(name, pw)
        boxes = self.list_mailboxes(c)
        self.assertIn("INBOX", boxes, boxes)
        for box, attr in SPECIAL_USE.items():
            self.assertIn(box, boxes, "a new account has no %s mailbox: %r" % (box, sorted(boxes)))
            attrs, delim = boxes[box]
            self.assertIn(attr.upper(), attrs, "LIST of %s lacks %s (RFC 6154): %r" % (box, attr, attrs))
            self.assertEqual(delim, "/")
        # no other mailbox carries a special-use attribute
        uses = {a for attrs, _ in boxes.values() for a in attrs if a in {v.upper() for v in SPECIAL_USE.values()}}
        self.assertEqual(len(uses), 5)
        for box in list(SPECIAL_USE) + ["INBOX"]:
            self.expect_ok(c.cmd("SELECT " + box), "SELECT " + box)
        # the hierarchy delimiter (RFC 3501 6.3.8: LIST "" "")
        r = self.expect_ok(c.cmd("LIST \"\" \"\""))
        entries = r.data("LIST")
        self.assertEqual(len(entries), 1, r)
        self.assertEqual(astr(entries[0][1]), "/")
        self.assertIn("\\NOSELECT", {a.upper() for a in entries[0][0]})
        self.assertEqual(astr(entries[0][2]), "")

    def test_namespace_id_enable(self):
        name, pw = self.recycled_account()
        c = self.login(name, pw)
        r = self.expect_ok(c.cmd("NAMESPACE"))
        ns = r.data("NAMESPACE")
        self.assertEqual(len(ns), 1, r)
        self.assertEqual(len(ns[0]), 3, "NAMESPACE has personal, other users', shared: %r" % r)
        personal, other, shared = ns[0]
        self.assertEqual([[astr(x) for x in p] for p in personal], [["", "/"]], "personal namespace: %r" % r)
        self.assertIsNone(other)
        self.assertIsNone(shared)
        # RFC 2971: one untagged ID, NIL or a list of field/value pairs
        r = self.expect_ok(c.cmd("ID (\"name\" \"test-suite\" \"version\" \"1\")"))
        ids = r.data("ID")
        self.assertEqual(len(ids), 1, r)
        if ids[0][0] is not None:
            self.assertIsInstance(ids[0][0], list)
            self.assertEqual(len(ids[0][0]) % 2, 0, "ID list of odd length: %r" % r)
            self.assertLessEqual(len(ids[0][0]), 60, "RFC 2971: at most 30 field-value pairs")
        self.expect_ok(c.cmd("ID NIL"))
        # RFC 5161: ENABLE of CONDSTORE answers ENABLED CONDSTORE; unknown ones are ignored
        r = self.expect_ok(c.cmd("ENABLE CONDSTORE X-NO-SUCH-THING"))
        self.assertEqual([[x.upper() for x in e] for e in r.data("ENABLED")], [["CONDSTORE"]], r)
        r = self.expect_ok(c.cmd("SELECT INBOX"))
        self.assertIsNotNone(r.code_of("HIGHESTMODSEQ"), "RFC 7162 3.1.2.1: SELECT after ENABLE CONDSTORE "
                                                         "must report HIGHESTMODSEQ: %r" % r)
        # ENABLE is not allowed before LOGIN (RFC 5161 3.1: authenticated state)
        d = self.imap()
        self.expect_refused(d.cmd("ENABLE CONDSTORE"), "ENABLE before LOGIN")

    def test_create_rename_delete_subscribe_status(self):
        name, pw = self.recycled_account()
        rows = self.deliver_to(name, [make_message("s1"), make_message("s2")])
        c = self.login(name, pw)
        self.expect_ok(c.cmd("CREATE Projects/2026/Plans"))
        boxes = self.list_mailboxes(c)
        for box in ("Projects", "Projects/2026", "Projects/2026/Plans"):
            self.assertIn(box, boxes, "CREATE a/b/c creates the superiors (RFC 3501 6.3.3): %r" % sorted(boxes))
        self.assertIn("\\HASCHILDREN", boxes["Projects"][0], boxes["Projects"])
        self.expect_no(c.cmd("CREATE Projects"), what="CREATE of an existing mailbox")
        self.expect_no(c.cmd("CREATE INBOX"), what="CREATE INBOX")
        # % stops at the delimiter, * does not
        top = self.list_mailboxes(c, pattern="%")
        self.assertIn("Projects", top)
        self.assertNotIn("Projects/2026", top)
        self.assertEqual(set(self.list_mailboxes(c, pattern="Projects/%")), {"Projects/2026"})
        self.assertEqual(set(self.list_mailboxes(c, ref="Projects/", pattern="*")),
                         {"Projects/2026", "Projects/2026/Plans"})
        # case-insensitive INBOX
        self.assertIn("INBOX", self.list_mailboxes(c, pattern="inbox"))
        # STATUS
        r = self.expect_ok(c.cmd("STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY RECENT)"))
        st = r.data("STATUS")
        self.assertEqual(len(st), 1, r)
        self.assertEqual(astr(st[0][0]), "INBOX")
        values = {k.upper(): int(v) for k, v in zip(st[0][1][0::2], st[0][1][1::2])}
        self.assertEqual(values["MESSAGES"], 2)
        self.assertEqual(values["UNSEEN"], 2)
        self.assertEqual(values["UIDVALIDITY"], self.uidvalidity(name))
        self.assertGreater(values["UIDNEXT"], rows[-1]["uid"])
        self.expect_no(c.cmd("STATUS Nowhere (MESSAGES)"), what="STATUS of a missing mailbox")
        # RENAME moves the children too
        self.expect_ok(c.cmd("RENAME Projects Archive/Projects"))
        boxes = self.list_mailboxes(c)
        self.assertIn("Archive/Projects/2026/Plans", boxes, sorted(boxes))
        self.assertNotIn("Projects", boxes)
        self.expect_no(c.cmd("RENAME Nowhere Elsewhere"), what="RENAME of a missing mailbox")
        self.expect_no(c.cmd("RENAME Sent Drafts"), what="RENAME onto an existing mailbox")
        # SUBSCRIBE / LSUB / UNSUBSCRIBE
        self.expect_ok(c.cmd("SUBSCRIBE Archive/Projects"))
        self.assertIn("Archive/Projects", self.list_mailboxes(c, command="LSUB"))
        self.expect_ok(c.cmd("UNSUBSCRIBE Archive/Projects"))
        self.assertNotIn("Archive/Projects", self.list_mailboxes(c, command="LSUB"))
        # DELETE
        self.expect_ok(c.cmd("DELETE Archive/Projects/2026/Plans"))
        self.assertNotIn("Archive/Projects/2026/Plans", self.list_mailboxes(c))
        self.expect_no(c.cmd("DELETE INBOX"), what="DELETE INBOX")
        self.expect_no(c.cmd("DELETE Nowhere"), what="DELETE of a missing mailbox")
        # RENAME INBOX moves its messages and leaves INBOX empty (RFC 3501 6.3.5)
        self.expect_ok(c.cmd("RENAME INBOX Old"))
        r = self.expect_ok(c.cmd("STATUS Old (MESSAGES)"))
        self.assertEqual(int(r.data("STATUS")[0][1][1]), 2, r)
        r = self.expect_ok(c.cmd("STATUS INBOX (MESSAGES)"))
        self.assertEqual(int(r.data("STATUS")[0][1][1]), 0, r)
        self.assertEqual(len(self.store.messages(name, "Old")), 2)


class Messages(ImapTestCase):
    """SELECT, FETCH, SEARCH, STORE, COPY, MOVE, EXPUNGE, APPEND on one session."""

    def setUp(self):
        super().setUp()
        self.name, self.pw = self.recycled_account()
        self.rows = self.deliver_to(self.name, sample_messages())

    def test_select_and_fetch_exact_bytes(self):
        c, r = self.session(self.name, self.pw)
        self.assertEqual(r.data("EXISTS"), [4], r)
        self.assertEqual(r.data("RECENT"), [4], "all four are new to the first session: %r" % r)
        self.assertEqual(r.code, "READ-WRITE", r)
        self.assertEqual(int(r.code_of("UIDVALIDITY")), self.uidvalidity(self.name), r)
        self.assertGreater(int(r.code_of("UIDNEXT")), self.rows[-1]["uid"], r)
        self.assertEqual(int(r.code_of("UNSEEN")), 1, r)
        self.assertIsNotNone(r.code_of("PERMANENTFLAGS"), r)
        self.assertIn("\\*", r.code_of("PERMANENTFLAGS"), "keywords can be created: %r" % r)
        flags = r.data("FLAGS")
        self.assertEqual(len(flags), 1, r)
        self.assertTrue({"\\SEEN", "\\ANSWERED", "\\FLAGGED", "\\DELETED", "\\DRAFT"} <=
                        {f.upper() for f in flags[0][0]}, r)
        got, _ = self.fetch(c, "1:*", "(UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[])")
        self.assertEqual(sorted(got), [1, 2, 3, 4])
        for i, row in enumerate(self.rows):
            d = got[i + 1]
            self.assertEqual(int(d["UID"]), row["uid"])
            self.assertEqual(int(d["RFC822.SIZE"]), row["size"])
            self.assertEqual(d["BODY[]"], row["content"], "BODY[] of %d differs from %s" % (i + 1, row["path"]))
            self.assertRegex(astr(d["INTERNALDATE"]), INTERNALDATE)
            self.assertNotIn("\\SEEN", {f.upper() for f in d["FLAGS"]})
        # BODY.PEEK did not set \Seen; BODY[] does (RFC 3501 6.4.5)
        self.assertEqual(self.flags_of(c)[self.rows[0]["uid"]] & {"\\SEEN"}, set())
        got, _ = self.fetch(c, "1", "BODY[]")
        self.assertEqual(got[1]["BODY[]"], self.rows[0]["content"])
        self.assertIn("\\SEEN", self.flags_of(c)[self.rows[0]["uid"]], "BODY[] did not set \\Seen")
        # sections
        content = self.rows[1]["content"]
        head_end = content.index(b"\r\n\r\n") + 4
        got, _ = self.fetch(c, "2", "(BODY.PEEK[HEADER] BODY.PEEK[TEXT] RFC822.SIZE BODY.PEEK[]<10.25> "
                                    "BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        d = got[2]
        self.assertEqual(d["BODY[HEADER]"], content[:head_end])
        self.assertEqual(d["BODY[TEXT]"], content[head_end:])
        self.assertEqual(d["BODY[]<10>"], content[10:35], "partial fetch <10.25> (RFC 3501 6.4.5)")
        self.assertEqual(d["BODY[HEADER.FIELDS (SUBJECT)]"], b"Subject: tricky dots and 8-bit\r\n\r\n")
        # RFC822 and RFC822.HEADER/TEXT (RFC 3501 6.4.5) on the larger one
        got, _ = self.fetch(c, "4", "(RFC822.HEADER RFC822.TEXT)")
        big = self.rows[3]["content"]
        bh = big.index(b"\r\n\r\n") + 4
        self.assertEqual(got[4]["RFC822.HEADER"], big[:bh])
        self.assertEqual(got[4]["RFC822.TEXT"], big[bh:])
        # UID FETCH always includes UID; macros
        got, _ = self.fetch(c, "%d" % self.rows[2]["uid"], "FAST", uid=True)
        self.assertEqual(int(got[3]["UID"]), self.rows[2]["uid"])
        self.assertEqual(int(got[3]["RFC822.SIZE"]), self.rows[2]["size"])
        # a UID that does not exist: OK with nothing (RFC 3501 6.4.8)
        got, r = self.fetch(c, "%d" % (self.rows[-1]["uid"] + 100), "FLAGS", uid=True)
        self.assertEqual(got, {}, r)
        # a sequence number that does not exist: BAD or NO, never OK with data
        r = c.cmd("FETCH 5 FLAGS")
        self.expect_refused(r, "FETCH of message 5 of 4")

    def test_envelope_and_bodystructure(self):
        c, _ = self.session(self.name, self.pw)
        got, _ = self.fetch(c, "1:3", "(ENVELOPE BODYSTRUCTURE BODY)")
        env = got[1]["ENVELOPE"]
        self.assertEqual(len(env), 10, "ENVELOPE has 10 fields: %r" % env)
        self.assertEqual(astr(env[1]), "plain one")
        self.assertEqual([[astr(x) for x in a] for a in env[2]], [[None, None, "sender", "client.test"]])
        self.assertEqual([[astr(x) for x in a] for a in env[3]], [[None, None, "sender", "client.test"]],
                         "sender defaults to from (RFC 3501 7.4.2)")
        self.assertEqual([[astr(x) for x in a] for a in env[5]], [[None, None, "alice", "example.test"]])
        self.assertRegex(astr(env[9]), r"^<[0-9a-f]+@client\.test>$")
        # text/plain leaf: type subtype params id desc enc size lines
        bs = got[1]["BODYSTRUCTURE"]
        content = self.rows[0]["content"]
        body = content[content.index(b"\r\n\r\n") + 4:]
        self.assertEqual([astr(bs[0]).upper(), astr(bs[1]).upper()], ["TEXT", "PLAIN"])
        self.assertEqual(int(bs[6]), len(body), "body size in BODYSTRUCTURE")
        self.assertEqual(int(bs[7]), body.count(b"\n"), "line count in BODYSTRUCTURE")
        self.assertEqual(astr(bs[5]).upper(), "7BIT")
        # 8-bit one
        bs2 = got[2]["BODYSTRUCTURE"]
        self.assertEqual(astr(bs2[5]).upper(), "8BIT")
        self.assertEqual([astr(x).lower() for x in bs2[2]], ["charset", "utf-8"])
        # multipart/mixed with two parts
        mp = got[3]["BODYSTRUCTURE"]
        self.assertIsInstance(mp[0], list)
        self.assertIsInstance(mp[1], list)
        self.assertEqual(astr(mp[2]).upper(), "MIXED", mp)
        self.assertEqual([astr(mp[0][0]).upper(), astr(mp[0][1]).upper()], ["TEXT", "PLAIN"])
        self.assertEqual([astr(mp[1][0]).upper(), astr(mp[1][1]).upper()], ["APPLICATION", "OCTET-STREAM"])
        self.assertEqual(astr(mp[1][5]).upper(), "BASE64")
        # the CRLF before a boundary belongs to the boundary (RFC 2046 5.1.1)
        self.assertEqual(int(mp[1][6]), len(b"AAECAwQFBgcICQ=="))
        self.assertEqual(int(mp[0][6]), len(b"first part line 1\r\nfirst part line 2"))
        # BODY (non-extensible) is a prefix of BODYSTRUCTURE's fields for the leaf
        self.assertEqual(got[1]["BODY"][:8], bs[:8])
        got, _ = self.fetch(c, "3", "(BODY.PEEK[1] BODY.PEEK[2] BODY.PEEK[2.MIME])")
        self.assertEqual(got[3]["BODY[1]"], b"first part line 1\r\nfirst part line 2")
        self.assertEqual(got[3]["BODY[2]"], b"AAECAwQFBgcICQ==")
        self.assertEqual(got[3]["BODY[2.MIME]"],
                         b"Content-Type: application/octet-stream; name=\"blob.bin\"\r\n"
                         b"Content-Transfer-Encoding: base64\r\n"
                         b"Content-Disposition: attachment; filename=\"blob.bin\"\r\n\r\n")

    def test_search(self):
        c, _ = self.session(self.name, self.pw)
        uids = [r["uid"] for r in self.rows]
        self.assertEqual(self.search(c, "ALL"), [1, 2, 3, 4])
        self.assertEqual(self.search(c, "SUBJECT \"tricky dots\""), [2])
        self.assertEqual(self.search(c, "SUBJECT multipart"), [3])
        self.assertEqual(self.search(c, "BODY \"first part line 2\""), [3])
        self.assertEqual(self.search(c, "TEXT \"This is a test message\""), [1, 4])
        self.assertEqual(self.search(c, "LARGER 30000"), [4])
        self.assertEqual(self.search(c, "SMALLER 30000"), [1, 2, 3])
        self.assertEqual(self.search(c, "FROM sender@client.test"), [1, 2, 3, 4])
        self.assertEqual(self.search(c, "TO nobody@nowhere.test"), [])
        self.assertEqual(self.search(c, "NOT SUBJECT plain"), [2, 3, 4])
        self.assertEqual(self.search(c, "OR SUBJECT plain SUBJECT larger"), [1, 4])
        self.assertEqual(self.search(c, "2:3"), [2, 3])
        self.assertEqual(self.search(c, "UID %d:%d" % (uids[1], uids[2])), [2, 3])
        self.assertEqual(self.search(c, "SUBJECT plain", uid=True), [uids[0]])
        self.assertEqual(self.search(c, "UNSEEN"), [1, 2, 3, 4])
        self.assertEqual(self.search(c, "SINCE 1-Jan-2000"), [1, 2, 3, 4], "SINCE uses the internal date")
        self.assertEqual(self.search(c, "BEFORE 1-Jan-2000"), [])
        self.assertEqual(self.search(c, "HEADER Content-Type multipart"), [3])
        word = "Grüße".encode("utf-8")
        r = self.expect_ok(c.cmd_literal([b"SEARCH CHARSET UTF-8 BODY {%d}" % len(word), word, b""]))
        self.assertEqual(r.data("SEARCH"), [["2"]], "SEARCH CHARSET UTF-8 with an 8-bit literal: %r" % r)
        self.expect_ok(c.cmd("STORE 2,4 +FLAGS (\\Flagged)"))
        self.assertEqual(self.search(c, "FLAGGED"), [2, 4])
        self.assertEqual(self.search(c, "UNFLAGGED UNSEEN"), [1, 3])
        self.assertEqual(self.search(c, "KEYWORD $Important"), [])
        self.expect_ok(c.cmd("STORE 1 +FLAGS ($Important)"))
        self.assertEqual(self.search(c, "KEYWORD $Important"), [1])
        self.expect_bad(c.cmd("SEARCH NOSUCHKEY 1"), what="SEARCH with an unknown key")
        r = c.cmd("SEARCH CHARSET X-NO-SUCH-CHARSET BODY x")
        self.expect_no(r, code="BADCHARSET", what="SEARCH with an unknown charset (RFC 3501 6.4.4)")

    def test_store_flags_persist(self):
        c, _ = self.session(self.name, self.pw)
        uids = [r["uid"] for r in self.rows]
        r = self.expect_ok(c.cmd("STORE 1 +FLAGS (\\Flagged \\Answered)"))
        f = dict(r.data("FETCH"))
        self.assertEqual({x.upper() for x in f[1]["FLAGS"]} - {"\\RECENT"}, {"\\FLAGGED", "\\ANSWERED"}, r)
        r = self.expect_ok(c.cmd("STORE 1 -FLAGS (\\Answered)"))
        self.assertEqual({x.upper() for x in dict(r.data("FETCH"))[1]["FLAGS"]} - {"\\RECENT"}, {"\\FLAGGED"})
        r = self.expect_ok(c.cmd("STORE 2 FLAGS.SILENT (\\Seen $Label1)"))
        self.assertEqual(r.data("FETCH"), [], ".SILENT must not answer with FETCH (RFC 3501 6.4.6): %r" % r)
        r = self.expect_ok(c.cmd("UID STORE %d +FLAGS (\\Draft)" % uids[2]))
        f = dict(r.data("FETCH"))
        self.assertEqual(int(f[3]["UID"]), uids[2], "UID STORE's FETCH must include UID (RFC 3501 6.4.8)")
        self.expect_ok(c.cmd("LOGOUT"))
        d, _ = self.session(self.name, self.pw)
        flags = self.flags_of(d)
        self.assertEqual(flags[uids[0]] - {"\\RECENT"}, {"\\FLAGGED"})
        self.assertEqual(flags[uids[1]] - {"\\RECENT"}, {"\\SEEN", "$LABEL1"})
        self.assertEqual(flags[uids[2]] - {"\\RECENT"}, {"\\DRAFT"})
        self.assertEqual(flags[uids[3]] - {"\\RECENT"}, set())
        self.assertEqual(self.flags_of(d)[uids[0]] & {"\\RECENT"}, set(),
                         "\\Recent is for the first session only (RFC 3501 2.3.2)")

    def test_examine_is_read_only(self):
        c = self.login(self.name, self.pw)
        r = self.expect_ok(c.cmd("EXAMINE INBOX"))
        self.assertEqual(r.code, "READ-ONLY", r)
        got, _ = self.fetch(c, "1", "BODY[]")
        self.assertEqual(got[1]["BODY[]"], self.rows[0]["content"])
        self.expect_refused(c.cmd("STORE 1 +FLAGS (\\Deleted)"), "STORE after EXAMINE")
        self.expect_refused(c.cmd("EXPUNGE"), "EXPUNGE after EXAMINE")
        self.expect_ok(c.cmd("SELECT INBOX"))
        self.assertNotIn("\\SEEN", self.flags_of(c)[self.rows[0]["uid"]], "BODY[] in EXAMINE set \\Seen")

    def test_copy_with_copyuid_and_trycreate(self):
        c, _ = self.session(self.name, self.pw)
        uids = [r["uid"] for r in self.rows]
        r = self.expect_ok(c.cmd("COPY 2:3 Archive"))
        self.assertEqual(r.code, "COPYUID", "RFC 4315: COPY answers OK [COPYUID ...]: %r" % r)
        uv, src, dst = r.code_args.split()
        archive = {m["name"]: m for m in self.store.mailboxes(self.name)}["Archive"]
        self.assertEqual(int(uv), archive["uidvalidity"])
        self.assertEqual(expand(src), uids[1:3])
        copied = self.store.messages(self.name, "Archive")
        self.assertEqual([m["uid"] for m in copied], expand(dst))
        self.assertEqual([m["content"] for m in copied], [self.rows[1]["content"], self.rows[2]["content"]])
        self.expect_no(c.cmd("COPY 1 Nowhere"), code="TRYCREATE", what="COPY to a missing mailbox")
        self.assertEqual(len(self.store.messages(self.name, "INBOX")), 4, "COPY removed something from INBOX")
        # UID COPY of a UID that does not exist copies nothing and is not an error
        r = c.cmd("UID COPY %d Archive" % (uids[-1] + 50))
        self.assertIn(r.status, ("OK", "NO"), r)
        self.assertEqual(len(self.store.messages(self.name, "Archive")), 2)

    def test_move(self):
        c, _ = self.session(self.name, self.pw)
        uids = [r["uid"] for r in self.rows]
        r = self.expect_ok(c.cmd("MOVE 2 Trash"))
        copyuid = r.code_of("COPYUID") or (r.code_args if r.code == "COPYUID" else None)
        self.assertIsNotNone(copyuid, "RFC 6851 4.3: MOVE reports COPYUID in an untagged OK: %r" % r)
        self.assertEqual(apply_expunges(uids, r.untagged), [uids[0]] + uids[2:], r)
        moved = self.store.messages(self.name, "Trash")
        self.assertEqual([m["content"] for m in moved], [self.rows[1]["content"]])
        self.assertEqual(expand(copyuid.split()[2]), [moved[0]["uid"]])
        r = self.expect_ok(c.cmd("UID MOVE %d,%d Junk" % (uids[2], uids[3])))
        self.assertEqual(apply_expunges([uids[0]] + uids[2:], r.untagged), [uids[0]], r)
        self.assertEqual([m["uid"] for m in self.inbox(self.name)], [uids[0]])
        self.assertEqual([m["content"] for m in self.store.messages(self.name, "Junk")],
                         [self.rows[2]["content"], self.rows[3]["content"]])
        self.expect_no(c.cmd("MOVE 1 Nowhere"), code="TRYCREATE", what="MOVE to a missing mailbox")
        self.assertEqual(len(self.inbox(self.name)), 1)

    def test_expunge_and_uid_expunge(self):
        c, _ = self.session(self.name, self.pw)
        uids = [r["uid"] for r in self.rows]
        usage = self.usage(self.name)
        self.expect_ok(c.cmd("STORE 2:4 +FLAGS.SILENT (\\Deleted)"))
        # UID EXPUNGE (RFC 4315) removes only the named UIDs among the \Deleted
        r = self.expect_ok(c.cmd("UID EXPUNGE %d" % uids[3]))
        self.assertEqual(apply_expunges(uids, r.untagged), uids[:3], r)
        self.assertEqual([m["uid"] for m in self.inbox(self.name)], uids[:3])
        r = self.expect_ok(c.cmd("EXPUNGE"))
        self.assertEqual(apply_expunges(uids[:3], r.untagged), uids[:1], r)
        self.assertEqual([m["uid"] for m in self.inbox(self.name)], uids[:1])
        for row in self.rows[1:]:
            self.assertFalse(os.path.exists(row["path"]), "file of an expunged message remains")
        self.assertEqual(self.usage(self.name), usage - sum(r["size"] for r in self.rows[1:]))
        got, _ = self.fetch(c, "1:*", "UID")
        self.assertEqual([int(d["UID"]) for d in got.values()], uids[:1])
        # CLOSE expunges silently (RFC 3501 6.4.2)
        self.expect_ok(c.cmd("STORE 1 +FLAGS (\\Deleted)"))
        r = self.expect_ok(c.cmd("CLOSE"))
        self.assertEqual([u for u in r.untagged if u.upper().endswith(b"EXPUNGE")], [], r)
        self.assertEqual(self.inbox(self.name), [])
        self.expect_refused(c.cmd("FETCH 1 UID"), "FETCH after CLOSE")

    def test_unselect_keeps_deleted(self):
        c, _ = self.session(self.name, self.pw)
        self.expect_ok(c.cmd("STORE 1 +FLAGS (\\Deleted)"))
        self.expect_ok(c.cmd("UNSELECT"))
        self.assertEqual(len(self.inbox(self.name)), 4, "UNSELECT expunged (RFC 3691: it must not)")

    def test_append_literals(self):
        c = self.login(self.name, self.pw)
        message = make_message("appended", body=b"Appended body.\r\n.dot line\r\n")
        r = c.cmd_literal([b"APPEND Drafts (\\Draft $Custom) \"05-Mar-2024 10:11:12 +0100\" {%d}" % len(message),
                           message, b""])
        self.expect_ok(r, "APPEND with a synchronizing literal")
        self.assertEqual(r.code, "APPENDUID", "RFC 4315: APPEND answers OK [APPENDUID ...]: %r" % r)
        uv, uid = r.code_args.split()
        drafts = self.store.messages(self.name, "Drafts")
        self.assertEqual(len(drafts), 1)
        self.assertEqual(drafts[0]["content"], message, "APPEND stores exactly the literal's bytes")
        self.assertEqual(drafts[0]["uid"], int(uid))
        self.assertEqual({m["name"]: m["uidvalidity"] for m in self.store.mailboxes(self.name)}["Drafts"], int(uv))
        self.expect_ok(c.cmd("SELECT Drafts"))
        got, _ = self.fetch(c, "1", "(FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])")
        self.assertEqual({f.upper() for f in got[1]["FLAGS"]} - {"\\RECENT"}, {"\\DRAFT", "$CUSTOM"})
        self.assertEqual(datetime.datetime.strptime(astr(got[1]["INTERNALDATE"]), "%d-%b-%Y %H:%M:%S %z"),
                         datetime.datetime(2024, 3, 5, 9, 11, 12, tzinfo=datetime.timezone.utc),
                         "INTERNALDATE of an APPEND with a date (RFC 3501 6.3.11)")
        self.assertEqual(got[1]["BODY[]"], message)
        self.assertEqual(int(got[1]["RFC822.SIZE"]), len(message))
        # LITERAL+ (RFC 7888): {n+} needs no continuation; two commands in one packet
        m2 = make_message("literal plus")
        tag = c.next_tag()
        c.send(b"%s APPEND INBOX {%d+}\r\n%s\r\n%s NOOP\r\n" % (tag.encode(), len(m2), m2, b"Z1"))
        r = c.response(tag)
        self.expect_ok(r, "APPEND with a LITERAL+ literal")
        self.expect_ok(c.response("Z1"))
        self.assertEqual(self.inbox(self.name)[-1]["content"], m2)
        # into a missing mailbox: NO [TRYCREATE] and nothing stored (RFC 3501 6.3.11)
        r = c.cmd_literal([b"APPEND Nowhere {%d}" % len(m2), m2, b""])
        self.expect_no(r, code="TRYCREATE", what="APPEND to a missing mailbox")
        # the selected mailbox learns of an APPEND to itself (RFC 3501 6.3.11: EXISTS)
        r = self.expect_ok(c.cmd_literal([b"APPEND Drafts {%d}" % len(m2), m2, b""]))
        n = self.expect_ok(c.cmd("NOOP"))
        self.assertIn(2, r.data("EXISTS") + n.data("EXISTS"), "no '* 2 EXISTS' after an APPEND to the selected "
                                                                "mailbox: %r %r" % (r, n))
        got, _ = self.fetch(c, "1:*", "UID")
        self.assertEqual(len(got), 2, "the selected Drafts does not show the appended message")

    def test_quota(self):
        self.set_quota(self.name, 10 * 1024 * 1024)
        used = self.usage(self.name)
        c = self.login(self.name, self.pw)
        r = self.expect_ok(c.cmd("GETQUOTAROOT INBOX"))
        roots = r.data("QUOTAROOT")
        self.assertEqual(len(roots), 1, r)
        self.assertEqual(astr(roots[0][0]), "INBOX")
        self.assertEqual(len(roots[0]), 2, "one quota root for INBOX: %r" % r)
        root = astr(roots[0][1])
        quotas = r.data("QUOTA")
        self.assertEqual(len(quotas), 1, r)
        self.assertEqual(astr(quotas[0][0]), root)
        res = quotas[0][1]
        self.assertEqual(res[0].upper(), "STORAGE", r)
        # RFC 9208 5.1: STORAGE in units of 1024 octets
        self.assertIn(int(res[1]), (used // 1024, (used + 1023) // 1024), "usage %d bytes: %r" % (used, r))
        self.assertEqual(int(res[2]), 10 * 1024, r)
        r = self.expect_ok(c.cmd("GETQUOTA " + quote(root)))
        self.assertEqual(r.data("QUOTA"), quotas)
        # over quota: APPEND refused with [OVERQUOTA] (RFC 9208 4.3), nothing stored
        self.set_quota(self.name, used + 1000)
        big = make_message("too big", size=5000)
        r = c.cmd_literal([b"APPEND INBOX {%d}" % len(big), big, b""])
        self.expect_no(r, code="OVERQUOTA", what="APPEND over the quota")
        self.assertEqual(len(self.inbox(self.name)), 4)
        self.expect_ok(c.cmd("SELECT INBOX"))
        r = self.expect_no(c.cmd("COPY 1:4 Archive"), code="OVERQUOTA", what="COPY over the quota")
        self.assertEqual(self.store.messages(self.name, "Archive"), [])
        # a user cannot raise the own quota
        self.expect_no(c.cmd("SETQUOTA %s (STORAGE 999999999)" % quote(root)), code="NOPERM", what="SETQUOTA by the user")

    def test_condstore(self):
        c = self.login(self.name, self.pw)
        r = self.expect_ok(c.cmd("SELECT INBOX (CONDSTORE)"))
        hms = int(r.code_of("HIGHESTMODSEQ"))
        got, _ = self.fetch(c, "1:*", "(UID MODSEQ)")
        modseqs = {msn: int(d["MODSEQ"][0]) for msn, d in got.items()}
        self.assertTrue(all(m <= hms for m in modseqs.values()), (modseqs, hms))
        r = self.expect_ok(c.cmd("STORE 1 +FLAGS (\\Flagged)"))
        f = dict(r.data("FETCH"))
        new1 = int(f[1]["MODSEQ"][0])
        self.assertGreater(new1, hms, "STORE must raise MODSEQ above HIGHESTMODSEQ (RFC 7162 3.1.3)")
        # CHANGEDSINCE: only message 1 changed
        got, _ = self.fetch(c, "1:*", "(FLAGS) (CHANGEDSINCE %d)" % hms)
        self.assertEqual(sorted(got), [1], got)
        self.assertEqual(self.search(c, "MODSEQ %d" % new1), [1])
        # UNCHANGEDSINCE older than message 1's modseq: refused for 1, done for 2
        r = self.expect_ok(c.cmd("STORE 1:2 (UNCHANGEDSINCE %d) +FLAGS (\\Seen)" % hms))
        self.assertEqual(r.code, "MODIFIED", "RFC 7162 3.1.3: OK [MODIFIED 1]: %r" % r)
        self.assertEqual(expand(r.code_args), [1])
        flags = self.flags_of(c)
        self.assertNotIn("\\SEEN", flags[self.rows[0]["uid"]])
        self.assertIn("\\SEEN", flags[self.rows[1]["uid"]])
        r = self.expect_ok(c.cmd("STATUS Archive (HIGHESTMODSEQ)"))
        self.assertIn("HIGHESTMODSEQ", [k.upper() for k in r.data("STATUS")[0][1][0::2]], r)


def expand(seq):
    """A UID set '1:3,7' as a list [1, 2, 3, 7]."""
    out = []
    for part in seq.split(","):
        if ":" in part:
            a, b = sorted(int(x) for x in part.split(":"))
            out += list(range(a, b + 1))
        else:
            out.append(int(part))
    return out


class SharedMailbox(ImapTestCase):
    """Two sessions on one mailbox, IDLE, SMTP deliveries and POP3 deletions seen over IMAP."""

    WAIT = 20.0  # generous: the EXISTS should come within a second

    def test_second_session_sees_flags_and_expunge(self):
        name, pw = self.recycled_account()
        rows = self.deliver_to(name, [make_message("a"), make_message("b"), make_message("c")])
        uids = [r["uid"] for r in rows]
        a, _ = self.session(name, pw)
        b, r = self.session(name, pw)
        self.assertEqual(r.data("EXISTS"), [3])
        self.expect_ok(a.cmd("STORE 1 +FLAGS (\\Flagged)"))
        r = self.expect_ok(b.cmd("NOOP"))
        f = dict(r.data("FETCH"))
        self.assertIn(1, f, "the second session was not told of the first's flag change: %r" % r)
        self.assertIn("\\FLAGGED", {x.upper() for x in f[1]["FLAGS"]}, r)
        self.expect_ok(a.cmd("STORE 2 +FLAGS.SILENT (\\Deleted)"))
        self.expect_ok(a.cmd("EXPUNGE"))
        # FETCH/STORE/SEARCH must not carry the EXPUNGE (RFC 3501 7.4.1); NOOP does
        r = self.expect_ok(b.cmd("FETCH 1:* (UID)"))
        self.assertEqual([u for u in r.untagged if re.match(rb"^\d+ EXPUNGE$", u)], [],
                         "EXPUNGE sent during FETCH: %r" % r)
        r = self.expect_ok(b.cmd("NOOP"))
        self.assertEqual(apply_expunges(uids, r.untagged), [uids[0], uids[2]], r)
        got, _ = self.fetch(b, "1:*", "UID")
        self.assertEqual([int(d["UID"]) for _, d in sorted(got.items())], [uids[0], uids[2]])
        # a delivery appears as EXISTS at the next NOOP
        self.deliver_to(name, [make_message("d")])
        r = self.expect_ok(b.cmd("NOOP"))
        self.assertEqual(r.data("EXISTS"), [3], r)

    def test_idle_exists_after_smtp_delivery(self):
        name, pw = self.recycled_account()
        self.deliver_to(name, [make_message("before")])
        c, _ = self.session(name, pw)
        self.assertIn("IDLE", self.capabilities(c))
        tag = c.next_tag()
        c.send(tag + " IDLE\r\n")
        cont = c.continuation()
        self.assertTrue(isinstance(cont, bytes) and cont.startswith(b"+"), "IDLE: expected '+', got %r" % (cont,))
        self.deliver_to(name, [make_message("during idle")])
        hit, seen = c.wait_untagged(lambda u: re.match(rb"^\d+ EXISTS$", u, re.I) is not None, self.WAIT)
        self.assertEqual(hit.upper(), b"2 EXISTS", seen)
        # a flag change by another session also arrives while idling
        other, _ = self.session(name, pw)
        self.expect_ok(other.cmd("STORE 1 +FLAGS (\\Answered)"))
        hit, seen = c.wait_untagged(lambda u: b"FETCH" in u.upper(), self.WAIT)
        self.assertTrue(hit.startswith(b"1 FETCH"), hit)
        self.assertIn(b"\\ANSWERED", hit.upper())
        c.send(b"DONE\r\n")
        self.expect_ok(c.response(tag), "IDLE completion after DONE")
        got, _ = self.fetch(c, "2", "BODY.PEEK[HEADER.FIELDS (SUBJECT)]")
        self.assertEqual(got[2]["BODY[HEADER.FIELDS (SUBJECT)]"], b"Subject: during idle\r\n\r\n")

    def test_idle_sees_expunge_by_other_session(self):
        name, pw = self.recycled_account()
        rows = self.deliver_to(name, [make_message("x"), make_message("y")])
        c, _ = self.session(name, pw)
        tag = c.next_tag()
        c.send(tag + " IDLE\r\n")
        self.assertIsInstance(c.continuation(), bytes)
        other, _ = self.session(name, pw)
        self.expect_ok(other.cmd("STORE 1 +FLAGS.SILENT (\\Deleted)"))
        self.expect_ok(other.cmd("EXPUNGE"))
        hit, seen = c.wait_untagged(lambda u: re.match(rb"^\d+ EXPUNGE$", u, re.I) is not None, self.WAIT)
        self.assertEqual(hit.upper(), b"1 EXPUNGE", seen)
        c.send(b"DONE\r\n")
        self.expect_ok(c.response(tag))
        got, _ = self.fetch(c, "1:*", "UID")
        self.assertEqual([int(d["UID"]) for d in got.values()], [rows[1]["uid"]])

    def test_pop3_dele_quit_seen_as_expunge(self):
        name, pw = self.recycled_account()
        rows = self.deliver_to(name, [make_message("p1"), make_message("p2"), make_message("p3")])
        c, _ = self.session(name, pw)
        p = self.pop3()
        pop_ok = Pop3TestCase.expect_ok  # self.expect_ok is IMAP's
        pop_ok(self, p.cmd("USER " + name))
        pop_ok(self, p.cmd("PASS " + pw))  # while an IMAP session has INBOX selected
        pop_ok(self, p.cmd("DELE 2"))
        r = self.expect_ok(c.cmd("NOOP"))
        self.assertEqual(apply_expunges([x["uid"] for x in rows], r.untagged), [x["uid"] for x in rows],
                         "a POP3 DELE before QUIT deleted something: %r" % r)
        pop_ok(self, p.cmd("QUIT"))
        self.assertTrue(p.is_closed())
        deadline = time.monotonic() + self.WAIT
        untagged = []
        while time.monotonic() < deadline:
            r = self.expect_ok(c.cmd("NOOP"))
            untagged += r.untagged
            if any(re.match(rb"^\d+ EXPUNGE$", u) for u in untagged):
                break
            time.sleep(0.2)
        self.assertEqual(apply_expunges([x["uid"] for x in rows], untagged), [rows[0]["uid"], rows[2]["uid"]],
                         "IMAP after POP3 DELE 2 + QUIT: %r" % untagged)


if __name__ == "__main__":
    unittest.main()
