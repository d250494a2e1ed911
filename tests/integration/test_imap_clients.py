"""IMAP with real clients nobody here wrote: Python's imaplib (IMAP4, STARTTLS, IMAP4_SSL),
curl (imap://, imaps://, --ssl-reqd) and mutt (driven through a pseudo-terminal), each reading
what SMTP delivered byte for byte and changing the mailbox; then who may log in (POP-only,
disabled accounts refused, forwarding ones allowed, rate-limited failures), LOGINDISABLED when TLS is required,
and the service in server.status.
"""
import base64
import imaplib
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from imaptest import MUTT, SPECIAL_USE, TIMEOUT, ImapTestCase, OwnDaemonImapTestCase, curl, sample_messages
from smtptest import HOST, make_message
from tlstest import client_context, fingerprint_der, leaf_fingerprint


def shutdown_quietly(m):
    """imaplib's shutdown() fails on a connection LOGOUT already closed."""
    try:
        m.shutdown()
    except OSError:
        pass


class Imaplib(ImapTestCase):
    def setUp(self):
        super().setUp()
        self.name, self.pw = self.recycled_account()
        self.rows = self.deliver_to(self.name, sample_messages())
        self.set_quota(self.name, 10 * 1024 * 1024)

    def check_session(self, m):
        """A logged-in imaplib session: LIST, SELECT, FETCH of every message byte for byte,
        SEARCH, STORE, COPY, MOVE, EXPUNGE, APPEND, GETQUOTAROOT."""
        typ, listing = m.list()
        self.assertEqual(typ, "OK")
        names = {}
        for line in listing:
            mm = re.match(rb'^\(([^)]*)\) "/" "?([^"]*)"?$', line)
            self.assertIsNotNone(mm, "LIST line %r" % line)
            names[mm.group(2).decode()] = mm.group(1).decode().split()
        for box, attr in SPECIAL_USE.items():
            self.assertIn(attr, names.get(box, []), "imaplib LIST: %r" % names)
        typ, data = m.select("INBOX")
        self.assertEqual((typ, data), ("OK", [b"4"]))
        for i, row in enumerate(self.rows):
            typ, data = m.fetch(str(i + 1), "(UID RFC822.SIZE BODY.PEEK[])")
            self.assertEqual(typ, "OK")
            head, body = data[0]
            self.assertEqual(body, row["content"], "imaplib FETCH %d differs from %s" % (i + 1, row["path"]))
            self.assertIn(b"UID %d" % row["uid"], head)
            self.assertIn(b"RFC822.SIZE %d" % row["size"], head)
        typ, data = m.search(None, "SUBJECT", "\"multipart\"")
        self.assertEqual((typ, data), ("OK", [b"3"]))
        typ, data = m.uid("SEARCH", "LARGER", "30000")
        self.assertEqual((typ, data), ("OK", [str(self.rows[3]["uid"]).encode()]))
        typ, data = m.store("1", "+FLAGS", "(\\Flagged)")
        self.assertEqual(typ, "OK")
        self.assertIn(b"\\Flagged", data[0])
        typ, data = m.copy("1:2", "Archive")
        self.assertEqual(typ, "OK", data)
        typ, data = m.uid("MOVE", str(self.rows[3]["uid"]), "Trash")
        self.assertEqual(typ, "OK", data)
        typ, data = m.store("2", "+FLAGS", "(\\Deleted)")
        self.assertEqual(typ, "OK")
        typ, data = m.expunge()
        # the "* 4 EXPUNGE" of the UID MOVE stays in imaplib's untagged responses until now
        self.assertEqual((typ, data), ("OK", [b"4", b"2"]))
        message = make_message("appended by imaplib")
        date = imaplib.Time2Internaldate(time.time())
        typ, data = m.append("Drafts", "(\\Draft)", date, message)
        self.assertEqual(typ, "OK", data)
        self.assertRegex(data[0].decode(), r"^\[APPENDUID \d+ \d+\]")
        typ, data = m.getquotaroot("INBOX")
        self.assertEqual(typ, "OK", data)
        self.assertEqual(data[0][0].split()[0], b"INBOX", data)
        self.assertRegex(data[1][0].decode(), r"^\S+ \(STORAGE \d+ 10240\)$", data)
        typ, data = m.logout()
        self.assertEqual(typ, "BYE")
        # what the store holds now
        self.assertEqual([r["uid"] for r in self.inbox(self.name)], [self.rows[0]["uid"], self.rows[2]["uid"]])
        self.assertEqual([r["content"] for r in self.store.messages(self.name, "Archive")],
                         [self.rows[0]["content"], self.rows[1]["content"]])
        self.assertEqual([r["content"] for r in self.store.messages(self.name, "Trash")], [self.rows[3]["content"]])
        self.assertEqual([r["content"] for r in self.store.messages(self.name, "Drafts")], [message])

    def test_imaplib_plain(self):
        m = imaplib.IMAP4(HOST, self.imap_port, timeout=TIMEOUT)
        self.addCleanup(shutdown_quietly, m)
        self.assertIn("IMAP4REV1", m.capabilities)
        typ, _ = m.login(self.name, self.pw)
        self.assertEqual(typ, "OK")
        self.check_session(m)

    def test_imaplib_starttls(self):
        _, pem = self.certificate_pem()
        m = imaplib.IMAP4("localhost", self.imap_port, timeout=TIMEOUT)
        self.addCleanup(shutdown_quietly, m)
        self.assertIn("STARTTLS", m.capabilities)
        typ, _ = m.starttls(ssl_context=client_context(cadata=pem, check_hostname=True))
        self.assertEqual(typ, "OK")
        self.assertIn(m.sock.version(), ("TLSv1.2", "TLSv1.3"))
        self.assertEqual(fingerprint_der(m.sock.getpeercert(binary_form=True)), leaf_fingerprint(pem))
        self.assertNotIn("STARTTLS", m.capabilities, "STARTTLS still announced after STARTTLS")
        typ, _ = m.login(self.name, self.pw)
        self.assertEqual(typ, "OK")
        self.check_session(m)

    def test_imaplib_ssl(self):
        _, pem = self.certificate_pem()
        m = imaplib.IMAP4_SSL("localhost", self.imaps_port, ssl_context=client_context(cadata=pem, check_hostname=True),
                              timeout=TIMEOUT)
        self.addCleanup(shutdown_quietly, m)
        self.assertEqual(fingerprint_der(m.sock.getpeercert(binary_form=True)), leaf_fingerprint(pem))
        self.assertNotIn("STARTTLS", m.capabilities)
        typ, _ = m.login(self.name, self.pw)
        self.assertEqual(typ, "OK")
        self.check_session(m)

    def test_imaplib_wrong_password(self):
        self.name, self.pw = self.new_account()  # a failed login counts against the name
        m = imaplib.IMAP4(HOST, self.imap_port, timeout=TIMEOUT)
        self.addCleanup(shutdown_quietly, m)
        with self.assertRaises(imaplib.IMAP4.error) as ctx:
            m.login(self.name, "wrong")
        self.assertIn("AUTHENTICATIONFAILED", str(ctx.exception), "RFC 5530 code for a wrong password")
        typ, _ = m.login(self.name, self.pw)
        self.assertEqual(typ, "OK")


class Curl(ImapTestCase):
    def setUp(self):
        super().setUp()
        self.name, self.pw = self.new_account()
        self.rows = self.deliver_to(self.name, sample_messages())

    def url(self, path, scheme="imap", port=None, host=HOST):
        return "%s://%s:%d/%s" % (scheme, host, port or self.imap_port, path)

    def test_curl_fetch_list_search_append(self):
        for i, row in enumerate(self.rows):
            r = curl(self.url("INBOX;UID=%d" % row["uid"]), self.name, self.pw)
            self.assertEqual(r.returncode, 0, "curl UID %d: %s" % (row["uid"], r.stderr.decode()))
            self.assertEqual(r.stdout, row["content"], "curl's copy of UID %d differs from %s" % (row["uid"], row["path"]))
            r = curl(self.url("INBOX;MAILINDEX=%d" % (i + 1)), self.name, self.pw)
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            self.assertEqual(r.stdout, row["content"])
        # a section
        r = curl(self.url("INBOX;UID=%d;SECTION=HEADER.FIELDS%%20(SUBJECT)" % self.rows[0]["uid"]), self.name, self.pw)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stdout, b"Subject: plain one\r\n\r\n")
        r = curl(self.url(""), self.name, self.pw)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        listed = r.stdout.decode()
        for box in ["INBOX"] + list(SPECIAL_USE):
            self.assertRegex(listed, r'(?m)^\* LIST \([^)]*\) "/" "?%s"?\r?$' % box)
        r = curl(self.url("INBOX?SUBJECT%20tricky"), self.name, self.pw)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stdout.decode().strip(), "* SEARCH 2")
        r = curl(self.url(""), self.name, self.pw, "-X", "EXAMINE INBOX")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("* 4 EXISTS", r.stdout.decode())
        # upload = APPEND with a literal
        message = make_message("uploaded by curl")
        with tempfile.NamedTemporaryFile(suffix=".eml") as f:
            f.write(message)
            f.flush()
            r = curl(self.url("Drafts"), self.name, self.pw, "-T", f.name)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual([m["content"] for m in self.store.messages(self.name, "Drafts")], [message])
        # wrong password: curl's "login denied" (67)
        r = curl(self.url("INBOX;UID=%d" % self.rows[0]["uid"]), self.name, "wrong")
        self.assertEqual(r.returncode, 67, "curl with a wrong password: rc %d %s" % (r.returncode, r.stderr.decode()))
        self.assertEqual(r.stdout, b"")

    def test_curl_over_tls(self):
        cafile, _ = self.certificate_pem()
        resolve = ["--cacert", cafile, "--resolve", "localhost:%d:127.0.0.1" % self.imaps_port,
                   "--resolve", "localhost:%d:127.0.0.1" % self.imap_port]
        row = self.rows[1]
        r = curl(self.url("INBOX;UID=%d" % row["uid"], "imaps", self.imaps_port, "localhost"), self.name, self.pw,
                 *resolve)
        self.assertEqual(r.returncode, 0, "curl imaps: %s" % r.stderr.decode())
        self.assertEqual(r.stdout, row["content"])
        r = curl(self.url("INBOX;UID=%d" % self.rows[2]["uid"], "imap", self.imap_port, "localhost"), self.name, self.pw,
                 "--ssl-reqd", *resolve)
        self.assertEqual(r.returncode, 0, "curl STARTTLS (--ssl-reqd): %s" % r.stderr.decode())
        self.assertEqual(r.stdout, self.rows[2]["content"])


MUTTRC = """set folder="imap://{user}@127.0.0.1:{port}/"
set spoolfile="+INBOX"
set imap_user="{user}"
set imap_pass="{password}"
set imap_passive=yes
unset imap_idle
set ssl_starttls=no
set ssl_force_tls=no
set header_cache="{dir}/hcache"
set message_cachedir="{dir}/mcache"
set tmpdir="{dir}"
set mbox_type=mbox
set confirmappend=no
set confirmcreate=no
set delete=yes
set wait_key=no
set pipe_decode=no
set pipe_split=yes
set pipe_sep=""
set sort=mailbox-order
set mail_check=0
set timeout=1
set move=no
set beep=no
"""


class Mutt(ImapTestCase):
    """mutt through a pseudo-terminal (`script`): it pipes every message of INBOX to a
    command, deletes the first and syncs."""

    def test_mutt_reads_and_deletes(self):
        if not MUTT:
            self.skipTest("mutt is not installed (Debian package mutt)")
        name, pw = self.new_account()
        rows = self.deliver_to(name, [make_message("mutt one"), make_message("mutt two", body=b"Body two.\r\n"),
                                      make_message("mutt three", size=3000)])
        d = tempfile.mkdtemp(prefix="imap-mutt-")
        self.addCleanup(shutil.rmtree, d, True)
        out = os.path.join(d, "out")
        os.mkdir(out)
        saver = os.path.join(d, "save.sh")
        with open(saver, "w") as f:
            f.write("#!/bin/sh\nn=$(ls '%s' | wc -l)\nexec cat > '%s'/$(printf %%03d \"$n\")\n" % (out, out))
        os.chmod(saver, 0o755)
        rc = os.path.join(d, "muttrc")
        with open(rc, "w") as f:
            f.write(MUTTRC.format(user=name, password=pw, port=self.imap_port, dir=d))
        keys = ("<tag-pattern>~A<enter><tag-prefix><pipe-message>%s<enter>"
                "<untag-pattern>~A<enter><first-entry><delete-message><sync-mailbox><quit>" % saver)
        env = dict(os.environ, HOME=d, TERM="xterm", LC_ALL="C.UTF-8", COLUMNS="120", LINES="40")
        cmd = "%s -n -F %s -f imap://%s@127.0.0.1:%d/INBOX -e 'push \"%s\"'" % (MUTT, rc, name, self.imap_port, keys)
        result = subprocess.run(["script", "-q", "-e", "-c", cmd, "/dev/null"], stdin=subprocess.DEVNULL,
                                capture_output=True, timeout=90, env=env)
        screen = result.stdout.decode("utf-8", "replace")[-3000:]
        got = []
        for n in sorted(os.listdir(out)):
            with open(os.path.join(out, n), "rb") as f:
                got.append(f.read())
        # mutt keeps messages with LF line ends
        self.assertEqual(got, [r["content"].replace(b"\r\n", b"\n") for r in rows],
                         "mutt's piped copies differ (rc %d); screen:\n%s" % (result.returncode, screen))
        self.assertEqual([r["uid"] for r in self.inbox(name)], [rows[1]["uid"], rows[2]["uid"]],
                         "mutt's delete + sync did not expunge exactly message 1; screen:\n%s" % screen)


# --------------------------------------------------------------------------------------------
# Who may log in
# --------------------------------------------------------------------------------------------

class Access(ImapTestCase):
    def test_pop_only_and_disabled_refused(self):
        popper, ppw = self.new_account("pop", access="pop")
        off, opw = self.new_account("off", state="disabled")
        fwd, fpw = self.new_account("fwd", state="forward", forwardAddress="somebody@remote.test")
        imaponly, ipw = self.new_account("imaponly", access="imap")
        texts = {}
        for name, pw in ((popper, ppw), (off, opw)):
            c = self.imap()
            r = self.expect_no(c.login(name, pw), code="AUTHORIZATIONFAILED",
                               what="LOGIN of %s with the right password" % name)
            self.assertNotRegex(r.text, r"(?i)^authentication failed", "the refusal should say why: %r" % r)
            texts[name] = r.text
            # the same by AUTHENTICATE PLAIN (RFC 4959 initial response)
            token = base64.b64encode(b"\0" + name.encode() + b"\0" + pw.encode()).decode()
            r2 = self.expect_no(c.cmd("AUTHENTICATE PLAIN " + token), code="AUTHORIZATIONFAILED")
            self.assertEqual(r2.text, r.text)
            self.expect_refused(c.cmd("SELECT INBOX"), "SELECT after a refused login")
            # a wrong password gets the generic answer
            r3 = self.expect_no(self.imap().login(name, "wrong"), code="AUTHENTICATIONFAILED")
            self.assertNotEqual(r3.text, r.text)
        self.assertEqual(len(set(texts.values())), 2, "one reason per case: %r" % texts)
        # A forwarding account keeps its mailboxes: new mail goes elsewhere, what is there
        # can still be read (docs/imap.md).
        self.login(fwd, fpw)
        # the IMAP-only account logs in; allowing IMAP for the POP-only one makes it work
        self.login(imaponly, ipw)
        self.update_mail(popper, access="both")
        self.login(popper, ppw)
        self.update_mail(off, state="enabled")
        self.login(off, opw)

    def test_passwords_never_logged(self):
        """What clients send as passwords (right or wrong, LOGIN or SASL) appears in no file of
        the data directory outside the mail store (log files, maild.out, the databases)."""
        name, pw = self.new_account()
        wrong = "Wrong-" + pw[::-1]
        self.login(name, pw)
        self.expect_no(self.imap().login(name, wrong), code="AUTHENTICATIONFAILED")
        token = base64.b64encode(b"\0" + name.encode() + b"\0" + pw.encode())
        self.expect_ok(self.imap().cmd("AUTHENTICATE PLAIN " + token.decode()))
        bad_token = base64.b64encode(b"\0" + name.encode() + b"\0" + wrong.encode())
        self.expect_no(self.imap().cmd("AUTHENTICATE PLAIN " + bad_token.decode()))
        time.sleep(0.5)  # log lines are written asynchronously
        secrets_ = [pw.encode(), wrong.encode(), token, bad_token]
        found = []
        for root, dirs, files in os.walk(self.daemon.data_dir):
            if os.path.relpath(root, self.daemon.data_dir).split(os.sep)[0] == "mail":
                continue
            for f in files:
                path = os.path.join(root, f)
                try:
                    with open(path, "rb") as fh:
                        data = fh.read()
                except OSError:
                    continue
                found += ["%s holds %r" % (path, sec[:12]) for sec in secrets_ if sec in data]
        self.assertEqual(found, [], "a password reached the logs or databases")

    def test_service_in_server_status(self):
        s = self.imap_service()
        self.assertEqual(s["state"], "running")
        self.assertTrue(any(l.endswith(":%d" % self.imap_port) for l in s["listeners"]), s["listeners"])
        self.assertTrue(any(l.endswith(":%d" % self.imaps_port) for l in s["listeners"]), s["listeners"])
        names = [x.get("name") for x in self.rpc.call("service.list")["services"]]
        self.assertIn("imap", names)
        for key, default in (("imap.enabled", True), ("imap.tls", "offered"), ("imap.idleTimeoutSeconds", 1800),
                             ("imap.port", 2143), ("imaps.port", 2993)):
            got = self.rpc.call("settings.get", {"keys": [key]})["settings"][0]
            self.assertEqual(got["default"], default, "default of %s" % key)


class LoginLockout(OwnDaemonImapTestCase):
    def test_failed_logins_are_rate_limited(self):
        self.set_settings({"auth.failuresBeforeLockout": 2, "auth.lockoutSeconds": 2})
        name, pw = self.new_account()
        for i in range(2):
            self.expect_no(self.imap().login(name, "wrong-%d" % i), code="AUTHENTICATIONFAILED")
        c = self.imap()
        locked = c.login(name, pw)
        self.expect_no(locked, code="UNAVAILABLE", what="the right password during the lockout (docs/imap.md)")
        self.assertRegex(locked.text, r"^Too many failed logins; try again in \d+ seconds$")
        t_locked = time.monotonic()
        self.expect_refused(c.cmd("SELECT INBOX"))
        deadline = t_locked + 15
        while True:
            c = self.imap()
            r = c.login(name, pw)
            if r.ok:
                break
            self.assertLess(time.monotonic(), deadline, "still refused long after the 2 s lockout: %r" % r)
            time.sleep(0.5)
        self.expect_ok(c.cmd("SELECT INBOX"))


class TlsRequired(ImapTestCase):  # each test sets imap.tls itself
    def test_logindisabled_until_starttls(self):
        self.set_settings({"imap.tls": "required"})
        name, pw = self.new_account()
        self.deliver_to(name, [make_message("secret")])
        c = self.imap()
        caps = self.capabilities(c)
        self.assertIn("LOGINDISABLED", caps, "RFC 3501 6.2.3: LOGINDISABLED when TLS is required: %r" % sorted(caps))
        self.assertIn("STARTTLS", caps)
        self.assertFalse([x for x in caps if x.startswith("AUTH=")], "SASL offered before TLS: %r" % sorted(caps))
        r = c.login(name, pw)
        self.expect_no(r, code="PRIVACYREQUIRED", what="LOGIN with LOGINDISABLED (RFC 5530 code, docs/imap.md)")
        r = c.cmd("AUTHENTICATE PLAIN " + base64.b64encode(b"\0" + name.encode() + b"\0" +
                                                                        pw.encode()).decode())
        self.assertIn(r.status, ("NO", "BAD"), "AUTHENTICATE with LOGINDISABLED: %r" % r)
        self.expect_ok(c.starttls())
        caps = self.capabilities(c)
        self.assertNotIn("LOGINDISABLED", caps)
        self.assertNotIn("STARTTLS", caps)
        self.assertIn("AUTH=PLAIN", caps)
        self.login(name, pw, conn=c)
        r = self.expect_ok(c.cmd("SELECT INBOX"))
        self.assertEqual(r.data("EXISTS"), [1])
        # implicit TLS is encrypted from the start
        t = self.imap(tls=True)
        self.assertNotIn("LOGINDISABLED", self.capabilities(t))
        self.login(name, pw, conn=t)
        # imaplib refuses to send LOGIN when LOGINDISABLED is announced... and works after starttls
        m = imaplib.IMAP4(HOST, self.imap_port, timeout=TIMEOUT)
        self.addCleanup(shutdown_quietly, m)
        self.assertIn("LOGINDISABLED", m.capabilities)
        m.starttls(ssl_context=client_context())
        self.assertEqual(m.login(name, pw)[0], "OK")


    def test_tls_off_and_certificate_assignment(self):
        name, pw = self.new_account()
        default_fp = leaf_fingerprint(self.certificate_pem()[1])
        created = self.rpc.call("tls.createSelfSigned", {"name": "imapcert", "hosts": ["localhost"], "days": 30})
        self.assertNotEqual(created["fingerprint"], default_fp)
        self.rpc.call("tls.assign", {"service": "imap", "name": "imapcert"})
        t = self.imap(tls=True)
        self.assertEqual(fingerprint_der(t.sock.getpeercert(binary_form=True)), created["fingerprint"],
                         "imaps does not present the certificate assigned to imap")
        c = self.imap()
        self.expect_ok(c.starttls())
        self.assertEqual(fingerprint_der(c.sock.getpeercert(binary_form=True)), created["fingerprint"],
                         "STARTTLS does not present the certificate assigned to imap")
        self.login(name, pw, conn=c)
        # imap.tls = off: no STARTTLS announced, STARTTLS refused, LOGIN in the clear works
        self.set_settings({"imap.tls": "off"})
        o = self.imap()
        caps = self.capabilities(o)
        self.assertNotIn("STARTTLS", caps)
        self.assertNotIn("LOGINDISABLED", caps)
        self.expect_refused(o.cmd("STARTTLS"), "STARTTLS with imap.tls=off")
        self.login(name, pw, conn=o)

if __name__ == "__main__":
    unittest.main()
