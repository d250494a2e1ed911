"""The IMAP extensions maild announces beyond the core list, each checked against its RFC:
LIST-EXTENDED (RFC 5258) with SPECIAL-USE selection (RFC 6154), LIST-STATUS (RFC 5819),
STATUS=SIZE (RFC 8438), CHILDREN (RFC 3348), UNSELECT (RFC 3691), and the SASL mechanisms
AUTH=PLAIN, AUTH=LOGIN and AUTH=SCRAM-SHA-256 (RFC 4616, draft-murchison-sasl-login,
RFC 5802/7677 over RFC 3501 6.2.2 with SASL-IR, RFC 4959).
"""
import base64
import hashlib
import hmac
import secrets
import unittest

from imaptest import SPECIAL_USE, ImapTestCase, Response, astr
from smtptest import make_message


def scram(conn, user, password, tamper=False, initial=True):
    """AUTHENTICATE SCRAM-SHA-256; returns (final Response, server signature verified)."""
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    nonce = b64(secrets.token_bytes(18))
    first_bare = "n=%s,r=%s" % (user.replace("=", "=3D").replace(",", "=2C"), nonce)
    gs2 = "n,,"
    tag = conn.next_tag()
    if initial:
        conn.send("%s AUTHENTICATE SCRAM-SHA-256 %s\r\n" % (tag, b64((gs2 + first_bare).encode())))
    else:
        conn.send("%s AUTHENTICATE SCRAM-SHA-256\r\n" % tag)
        got = conn.continuation()
        if isinstance(got, Response):
            return got, False
        if got.strip() not in (b"+", b"+ "):
            raise AssertionError("the first SCRAM challenge must be empty: %r" % got)
        conn.send(b64((gs2 + first_bare).encode()) + "\r\n")
    got = conn.continuation()
    if isinstance(got, Response):
        return got, False
    server_first = base64.b64decode(got[2:]).decode()
    attrs = dict(kv.split("=", 1) for kv in server_first.split(","))
    if not attrs.get("r", "").startswith(nonce):
        raise AssertionError("server nonce %r does not extend ours %r" % (attrs.get("r"), nonce))
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs["s"]), int(attrs["i"]))
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    without_proof = "c=%s,r=%s" % (b64(gs2.encode()), attrs["r"])
    auth_message = ",".join([first_bare, server_first, without_proof]).encode()
    proof = bytes(a ^ b for a, b in zip(client_key, hmac.new(stored_key, auth_message, hashlib.sha256).digest()))
    if tamper:
        proof = bytes([proof[0] ^ 1]) + proof[1:]
    conn.send(b64((without_proof + ",p=" + b64(proof)).encode()) + "\r\n")
    got = conn.continuation()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    expected = "v=" + b64(hmac.new(server_key, auth_message, hashlib.sha256).digest())
    if isinstance(got, Response):
        return got, False
    verified = base64.b64decode(got[2:]).decode() == expected
    conn.send(b"\r\n")
    return conn.response(tag), verified


class Extensions(ImapTestCase):
    def setUp(self):
        super().setUp()
        self.name, self.pw = self.recycled_account()

    def list_cmd(self, c, args):
        r = self.expect_ok(c.cmd("LIST " + args), "LIST " + args)
        out = {}
        for attrs, delim, name, *ext in r.data("LIST"):
            out[astr(name)] = ({a.upper() for a in attrs}, ext)
        return out, r

    def test_list_extended_and_special_use_selection(self):
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("CREATE Work/Reports"))
        self.expect_ok(c.cmd("SUBSCRIBE Work/Reports"))
        # RFC 6154 3 with RFC 5258: (SPECIAL-USE) selects only special-use mailboxes
        boxes, r = self.list_cmd(c, "(SPECIAL-USE) \"\" \"*\"")
        self.assertEqual(set(boxes), set(SPECIAL_USE), r)
        for box, attr in SPECIAL_USE.items():
            self.assertIn(attr.upper(), boxes[box][0])
        # RETURN (SPECIAL-USE) on a plain listing still lists everything
        boxes, r = self.list_cmd(c, "\"\" \"*\" RETURN (SPECIAL-USE)")
        self.assertTrue({"INBOX", "Work", "Work/Reports"} <= set(boxes), r)
        # several patterns (RFC 5258 3)
        boxes, r = self.list_cmd(c, "\"\" (\"INBOX\" \"Sent\" \"Work/%\")")
        self.assertEqual(set(boxes), {"INBOX", "Sent", "Work/Reports"}, r)
        # SUBSCRIBED selection: \Subscribed on each, Work (unsubscribed) left out
        boxes, r = self.list_cmd(c, "(SUBSCRIBED) \"\" \"*\"")
        self.assertNotIn("Work", boxes, r)
        self.assertIn("Work/Reports", boxes, r)
        self.assertTrue(all("\\SUBSCRIBED" in a for a, _ in boxes.values()), r)
        # RECURSIVEMATCH: Work is not subscribed but has a subscribed child -> CHILDINFO
        boxes, r = self.list_cmd(c, "(SUBSCRIBED RECURSIVEMATCH) \"\" \"%\"")
        self.assertIn("Work", boxes, "RFC 5258 3.5: RECURSIVEMATCH lists a parent of a subscribed mailbox: %r" % r)
        ext = boxes["Work"][1]
        self.assertTrue(ext and astr(ext[0][0]).upper() == "CHILDINFO" and
                        [astr(x).upper() for x in ext[0][1]] == ["SUBSCRIBED"], "CHILDINFO (\"SUBSCRIBED\"): %r" % r)
        # RETURN (CHILDREN)
        boxes, r = self.list_cmd(c, "\"\" \"*\" RETURN (CHILDREN)")
        self.assertIn("\\HASCHILDREN", boxes["Work"][0], r)
        self.assertIn("\\HASNOCHILDREN", boxes["Work/Reports"][0], r)
        self.expect_bad(c.cmd("LIST (NOSUCHOPTION) \"\" \"*\""), what="an unknown LIST selection option")

    def test_list_status_and_status_size(self):
        rows = self.deliver_to(self.name, [make_message("ls1"), make_message("ls2", size=4000)])
        c = self.login(self.name, self.pw)
        self.expect_ok(c.cmd("CREATE Empty/Child"))
        c.cmd("DELETE Empty")  # Empty becomes \Noselect, or the server refuses (RFC 3501 6.3.4 allows both)
        r = self.expect_ok(c.cmd("LIST \"\" \"*\" RETURN (STATUS (MESSAGES UNSEEN SIZE))"))
        listed = {astr(e[2]): {a.upper() for a in e[0]} for e in r.data("LIST")}
        statuses = {astr(s[0]): {k.upper(): int(v) for k, v in zip(s[1][0::2], s[1][1::2])} for s in r.data("STATUS")}
        self.assertEqual(statuses.get("INBOX"), {"MESSAGES": 2, "UNSEEN": 2, "SIZE": sum(x["size"] for x in rows)},
                         "RFC 5819/8438: LIST RETURN (STATUS (... SIZE)) for INBOX: %r" % r)
        for name, attrs in listed.items():
            if "\\NOSELECT" in attrs or "\\NONEXISTENT" in attrs:
                self.assertNotIn(name, statuses, "RFC 5819: no STATUS for \\Noselect %s" % name)
            else:
                self.assertIn(name, statuses, "RFC 5819: a STATUS for every selectable mailbox, missing %s" % name)
        r = self.expect_ok(c.cmd("STATUS INBOX (SIZE MESSAGES)"))
        st = r.data("STATUS")[0][1]
        values = {k.upper(): int(v) for k, v in zip(st[0::2], st[1::2])}
        self.assertEqual(values["SIZE"], sum(x["size"] for x in rows), "RFC 8438: SIZE is the total octets")

    def test_unselect_and_children(self):
        self.deliver_to(self.name, [make_message("u")])
        c, _ = self.session(self.name, self.pw)
        self.expect_ok(c.cmd("STORE 1 +FLAGS (\\Deleted)"))
        self.expect_ok(c.cmd("UNSELECT"))
        self.expect_refused(c.cmd("FETCH 1 UID"), "FETCH after UNSELECT")
        self.assertEqual(len(self.inbox(self.name)), 1, "RFC 3691: UNSELECT does not expunge")
        self.expect_refused(c.cmd("UNSELECT"), "UNSELECT with nothing selected")
        self.expect_ok(c.cmd("CREATE Parent/Kid"))
        boxes = self.list_mailboxes(c)
        self.assertIn("\\HASCHILDREN", boxes["Parent"][0], "RFC 3348: \\HasChildren")
        self.assertIn("\\HASNOCHILDREN", boxes["Parent/Kid"][0], "RFC 3348: \\HasNoChildren")

    def test_sasl_mechanisms(self):
        self.name, self.pw = self.new_account()  # a failed SCRAM counts against the name
        c = self.imap()
        caps = self.capabilities(c)
        self.assertTrue({"AUTH=PLAIN", "AUTH=LOGIN", "AUTH=SCRAM-SHA-256"} <= caps, sorted(caps))
        # PLAIN without an initial response: an empty challenge first (RFC 3501 6.2.2, RFC 4616)
        tag = c.next_tag()
        c.send(tag + " AUTHENTICATE PLAIN\r\n")
        ch = c.continuation()
        self.assertIsInstance(ch, bytes, ch)
        self.assertIn(ch, (b"+", b"+ "), "the PLAIN challenge is empty")
        c.send(base64.b64encode(b"\0" + self.name.encode() + b"\0" + self.pw.encode()) + b"\r\n")
        self.expect_ok(c.response(tag), "AUTHENTICATE PLAIN in two steps")
        # LOGIN: user name and password each in answer to a challenge
        d = self.imap()
        tag = d.next_tag()
        d.send(tag + " AUTHENTICATE LOGIN\r\n")
        for value in (self.name, self.pw):
            ch = d.continuation()
            self.assertIsInstance(ch, bytes, "AUTHENTICATE LOGIN: %r" % ch)
            d.send(base64.b64encode(value.encode()) + b"\r\n")
        self.expect_ok(d.response(tag), "AUTHENTICATE LOGIN")
        # SCRAM-SHA-256 with and without SASL-IR; the server proves it knows the password
        for initial in (True, False):
            e = self.imap()
            final, verified = scram(e, self.name, self.pw, initial=initial)
            self.expect_ok(final, "SCRAM-SHA-256 (initial response: %s)" % initial)
            self.assertTrue(verified, "SCRAM server signature missing or wrong")
            self.expect_ok(e.cmd("SELECT INBOX"))
        f = self.imap()
        final, _ = scram(f, self.name, self.pw, tamper=True)
        self.expect_no(final, code="AUTHENTICATIONFAILED", what="SCRAM with a wrong proof")
        self.expect_refused(f.cmd("SELECT INBOX"))


if __name__ == "__main__":
    unittest.main()
