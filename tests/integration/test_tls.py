"""TLS on the SMTP service against a real maild (docs/tls.md): STARTTLS (RFC 3207) on the smtp
and submission listeners and implicit TLS on smtps, driven by `openssl s_client`, Python's
ssl/smtplib and a raw socket where the exact bytes matter. The certificate presented is
compared by SHA-256 fingerprint with the one the control socket says is assigned.
"""
import base64
import os
import re
import shutil
import smtplib
import socket
import ssl
import subprocess
import tempfile
import time
import unittest

from smtptest import DOMAIN, HOST, TIMEOUT, SmtpConn, make_message
from tlstest import (AEAD_ECDHE_TLS12, OpensslServer, TlsSmtpConn, TlsTestCase, client_context, ehlo_keywords,
                     fingerprint_der, leaf_fingerprint, legacy_context, s_client, starttls, tls_probe,
                     unsolicited, wait_tls)

ALICE_PW = "alice-Secret-1"
BOB_PW = "bob-Secret-2"

TLS1 = ssl.TLSVersion.TLSv1
TLS1_1 = ssl.TLSVersion.TLSv1_1
TLS1_2 = ssl.TLSVersion.TLSv1_2
TLS1_3 = ssl.TLSVersion.TLSv1_3


def plain_token(user, password):
    return base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()


class TlsBase(TlsTestCase):
    def setUp(self):
        super().setUp()
        self.create_account("alice", ALICE_PW)
        self.create_account("bob", BOB_PW)
        self.tls_greeting = wait_tls(self.smtps_port)

    def temp_dir(self):
        d = tempfile.mkdtemp(prefix="tls-test-")
        self.addCleanup(shutil.rmtree, d, True)
        return d

    def control_server(self, *flags):
        server = OpensslServer(self.temp_dir(), *flags)
        self.addCleanup(server.stop)
        return server

    def assigned_fingerprint(self):
        c = self.assigned("smtp")
        got = self.call("tls.get", {"name": c["name"]})
        self.assertEqual(got["fingerprint"], c["fingerprint"], "tls.get and tls.list disagree")
        self.assertEqual(leaf_fingerprint(got["certificatePem"]), c["fingerprint"],
                         "the fingerprint is not the SHA-256 of the leaf in certificatePem")
        return c["fingerprint"]

    def expect_ehlo(self, conn, starttls_listed, auth_listed, name="client.test"):
        r = self.expect(conn.ehlo(name), 250, enhanced=False)
        keywords = ehlo_keywords(r)
        if starttls_listed is not None:
            self.assertEqual("STARTTLS" in keywords, starttls_listed,
                             "STARTTLS %s expected in EHLO: %r" % ("is" if starttls_listed else "not", r))
        if auth_listed is not None:
            self.assertEqual("AUTH" in keywords, auth_listed,
                             "AUTH %s expected in EHLO: %r" % ("is" if auth_listed else "not", r))
        return r


class Handshakes(TlsBase):
    """The handshake succeeds and presents the assigned certificate."""

    def test_ehlo_lists_starttls_on_smtp_and_submission_not_on_smtps(self):
        self.assertEqual(self.setting("smtp.tls"), "offered", "docs/tls.md: <service>.tls defaults to offered")
        smtps = self.call("settings.get", {"keys": ["smtps.port"]})["settings"][0]
        self.assertEqual(smtps["default"], 2465, "docs/tls.md: smtps.port is 2465 in the embedded profile")
        self.assertEqual(smtps["value"], self.smtps_port)
        for port in (self.smtp_port, self.submission_port):
            c = self.smtp(port, ehlo=False)
            self.expect_ehlo(c, starttls_listed=True, auth_listed=None)
        c = self.smtps(ehlo=False)
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
        self.expect(c.cmd("STARTTLS"), 503, "5.5.1")

    def test_openssl_starttls_presents_assigned_certificate(self):
        expected = self.assigned_fingerprint()
        for port in (self.smtp_port, self.submission_port):
            r = s_client(port, starttls_smtp=True)
            self.assertTrue(r.handshake_ok, "STARTTLS handshake on port %d failed: %r" % (port, r))
            self.assertEqual(r.leaf_fingerprint, expected, "port %d presents another certificate" % port)

    def test_openssl_implicit_tls_presents_assigned_certificate(self):
        expected = self.assigned_fingerprint()
        r = s_client(self.smtps_port)
        self.assertTrue(r.handshake_ok, "implicit TLS handshake failed: %r" % r)
        self.assertEqual(r.leaf_fingerprint, expected)
        # (The SMTP greeting over TLS is checked with Python: s_client may quit at end of input
        # before it arrives.)
        self.assertEqual(self.tls_greeting.code, 220)
        # Without SNI too.
        r = s_client(self.smtps_port, servername=None)
        self.assertTrue(r.handshake_ok, "implicit TLS handshake without SNI failed: %r" % r)
        self.assertEqual(r.leaf_fingerprint, expected)

    def test_python_ssl_presents_assigned_certificate(self):
        expected = self.assigned_fingerprint()
        for port, first in ((self.smtp_port, True), (self.submission_port, True), (self.smtps_port, False)):
            version, cipher, der = tls_probe(port, client_context(), starttls_first=first)
            self.assertEqual(fingerprint_der(der), expected, "port %d" % port)

    def test_default_certificate_verifies_for_localhost_and_hostname(self):
        """A client that pins the certificate from tls.get verifies the chain and the names
        (the default certificate is for server.hostname and localhost)."""
        c = self.assigned("smtp")
        self.assertEqual(c["name"], "default")
        pem = self.call("tls.get", {"name": "default"})["certificatePem"]
        hostname = self.setting("server.hostname")
        for name in ("localhost", hostname):
            ctx = client_context(cadata=pem, check_hostname=True)
            version, cipher, der = tls_probe(self.smtps_port, ctx, server_hostname=name)
            self.assertEqual(fingerprint_der(der), c["fingerprint"])
            version, cipher, der = tls_probe(self.smtp_port, ctx, starttls_first=True, server_hostname=name)
            self.assertEqual(fingerprint_der(der), c["fingerprint"])
        # And a name the certificate does not cover fails verification (the check is real).
        ctx = client_context(cadata=pem, check_hostname=True)
        with self.assertRaises(ssl.SSLCertVerificationError):
            tls_probe(self.smtps_port, ctx, server_hostname="not-covered.invalid")


class Delivery(TlsBase):
    """Real clients deliver over TLS; Received names ESMTPS / ESMTPSA."""

    def test_smtplib_starttls_on_smtp_port_is_esmtps(self):
        message = make_message("starttls", "Sent over STARTTLS.\r\n", to="alice@" + DOMAIN)
        with smtplib.SMTP(HOST, self.smtp_port, local_hostname="client.test", timeout=TIMEOUT) as s:
            s.ehlo()
            self.assertTrue(s.has_extn("starttls"))
            code, resp = s.starttls(context=client_context())
            self.assertEqual(code, 220, resp)
            self.assertTrue(resp.startswith(b"2.0.0"), "docs/tls.md: 220 2.0.0 Ready to start TLS, got %r" % resp)
            s.ehlo("tls-client.test")
            self.assertFalse(s.has_extn("starttls"), "STARTTLS still listed after TLS")
            self.assertIn(s.sock.version(), ("TLSv1.2", "TLSv1.3"))
            self.assertEqual(s.sendmail("sender@client.test", ["alice@" + DOMAIN], message), {})
        received = self.received_header("alice", message)
        self.assertRegex(received, r" with ESMTPS id ", received)
        self.assertTrue(received.startswith("Received: from tls-client.test "),
                        "Received names the EHLO given after TLS: %s" % received)

    def test_smtplib_starttls_and_auth_on_submission_is_esmtpsa(self):
        message = make_message("starttls auth", "Sent over STARTTLS after AUTH.\r\n", to="bob@" + DOMAIN)
        with smtplib.SMTP(HOST, self.submission_port, local_hostname="client.test", timeout=TIMEOUT) as s:
            s.starttls(context=client_context())
            s.ehlo()
            s.login("alice", ALICE_PW)
            self.assertEqual(s.sendmail("alice@" + DOMAIN, ["bob@" + DOMAIN], message), {})
        received = self.received_header("bob", message)
        self.assertRegex(received, r" with ESMTPSA id ", received)

    def test_smtp_ssl_on_smtps_is_esmtpsa(self):
        message = make_message("implicit", "Sent over implicit TLS.\r\n", to="bob@" + DOMAIN)
        with smtplib.SMTP_SSL(HOST, self.smtps_port, local_hostname="client.test", timeout=TIMEOUT,
                              context=client_context()) as s:
            code, _ = s.ehlo()
            self.assertEqual(code, 250)
            self.assertFalse(s.has_extn("starttls"), "STARTTLS listed on an encrypted connection")
            self.assertTrue(s.has_extn("auth"))
            s.login("alice", ALICE_PW)
            self.assertEqual(s.sendmail("alice@" + DOMAIN, ["bob@" + DOMAIN], message), {})
        received = self.received_header("bob", message)
        self.assertRegex(received, r" with ESMTPSA id ", received)


class OtherClients(TlsBase):
    """swaks and curl over STARTTLS and implicit TLS."""

    def write_temp(self, data):
        fd, path = tempfile.mkstemp(prefix="tls-msg-", suffix=".eml")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        self.addCleanup(os.unlink, path)
        return path

    def run_tool(self, cmd):
        result = subprocess.run(cmd, capture_output=True, timeout=60)
        output = result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
        self.assertEqual(result.returncode, 0, "%s failed (%d):\n%s" % (cmd[0], result.returncode, output))
        return output

    def test_swaks_starttls_and_tls_on_connect(self):
        for port, mode, subject in ((self.submission_port, "--tls", "swaks starttls"),
                                    (self.smtps_port, "--tls-on-connect", "swaks implicit")):
            message = make_message(subject, "Sent by swaks %s.\r\n" % mode, to="bob@" + DOMAIN)
            path = self.write_temp(message[:-2])  # swaks adds the final CRLF
            output = self.run_tool(["swaks", "--server", "%s:%d" % (HOST, port), "--timeout", "15", mode,
                                    "--ehlo", "swaks.client.test", "--auth", "PLAIN", "--auth-user", "alice",
                                    "--auth-password", ALICE_PW, "--from", "alice@" + DOMAIN,
                                    "--to", "bob@" + DOMAIN, "--data", "@" + path])
            self.assertIn("TLS started", output)
            self.assertRegex(self.received_header("bob", message), r" with ESMTPSA id ")

    def test_curl_ssl_reqd_and_smtps(self):
        for url, subject in (("smtp://%s:%d" % (HOST, self.submission_port), "curl starttls"),
                             ("smtps://%s:%d" % (HOST, self.smtps_port), "curl smtps")):
            message = make_message(subject, "Sent by curl.\r\n", to="bob@" + DOMAIN)
            path = self.write_temp(message)
            self.run_tool(["curl", "--silent", "--show-error", "--max-time", "30", "--insecure", "--ssl-reqd",
                           "--tlsv1.2", url + "/curl.client.test", "--user", "alice:" + ALICE_PW,
                           "--mail-from", "alice@" + DOMAIN, "--mail-rcpt", "bob@" + DOMAIN,
                           "--upload-file", path])
            self.assertRegex(self.received_header("bob", message), r" with ESMTPSA id ")


class Versions(TlsBase):
    """TLS 1.2 minimum, 1.3 preferred, TLS 1.2 ciphers ECDHE + AEAD, the server's order."""

    def check_legacy_refused(self, flag, version):
        # Control: the very same client settings complete a handshake with openssl s_server.
        control = self.control_server(flag, "-cipher", "DEFAULT@SECLEVEL=0")
        r = s_client(control.port, flag, "-cipher", "DEFAULT@SECLEVEL=0")
        self.assertTrue(r.handshake_ok, "control: openssl s_client %s cannot handshake with a willing "
                                        "server, so this test proves nothing: %r" % (flag, r))
        v, _, _ = tls_probe(control.port, legacy_context(version))
        self.assertIn(v, ("TLSv1", "TLSv1.1"), "control: Python client did not speak %s" % version)
        # maild refuses it, implicit and after STARTTLS.
        r = s_client(self.smtps_port, flag, "-cipher", "DEFAULT@SECLEVEL=0")
        self.assertFalse(r.handshake_ok, "maild accepted %s on smtps: %r" % (flag, r))
        r = s_client(self.smtp_port, flag, "-cipher", "DEFAULT@SECLEVEL=0", starttls_smtp=True)
        self.assertFalse(r.handshake_ok, "maild accepted %s after STARTTLS: %r" % (flag, r))
        with self.assertRaises((ssl.SSLError, ConnectionError), msg="Python %s handshake on smtps succeeded" % version):
            tls_probe(self.smtps_port, legacy_context(version))
        with self.assertRaises((ssl.SSLError, ConnectionError), msg="Python %s after STARTTLS succeeded" % version):
            tls_probe(self.smtp_port, legacy_context(version), starttls_first=True)
        # The service is still fine afterwards.
        tls_probe(self.smtps_port, client_context())

    def test_tls10_refused(self):
        self.check_legacy_refused("-tls1", TLS1)

    def test_tls11_refused(self):
        self.check_legacy_refused("-tls1_1", TLS1_1)

    def test_python_up_to_tls11_refused(self):
        ctx = client_context(minimum=TLS1, maximum=TLS1_1, ciphers="DEFAULT@SECLEVEL=0")
        control = self.control_server("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")
        self.assertEqual(tls_probe(control.port, ctx)[0], "TLSv1.1", "control handshake")
        for port, first in ((self.smtps_port, False), (self.smtp_port, True), (self.submission_port, True)):
            with self.assertRaises((ssl.SSLError, ConnectionError), msg="port %d accepted TLS <= 1.1" % port):
                tls_probe(port, ctx, starttls_first=first)

    def test_tls12_and_tls13_work(self):
        for flag, name in (("-tls1_2", "TLSv1.2"), ("-tls1_3", "TLSv1.3")):
            r = s_client(self.smtps_port, flag)
            self.assertTrue(r.handshake_ok, r)
            self.assertEqual(r.protocol, name, r)
            r = s_client(self.smtp_port, flag, starttls_smtp=True)
            self.assertTrue(r.handshake_ok, r)
            self.assertEqual(r.protocol, name, r)
        for version, name in ((TLS1_2, "TLSv1.2"), (TLS1_3, "TLSv1.3")):
            ctx = client_context(minimum=version, maximum=version)
            self.assertEqual(tls_probe(self.smtps_port, ctx)[0], name)
            self.assertEqual(tls_probe(self.submission_port, ctx, starttls_first=True)[0], name)

    def test_tls13_preferred(self):
        self.assertEqual(tls_probe(self.smtps_port, client_context())[0], "TLSv1.3")
        self.assertEqual(tls_probe(self.smtp_port, client_context(), starttls_first=True)[0], "TLSv1.3")
        r = s_client(self.smtps_port)
        self.assertEqual(r.protocol, "TLSv1.3", r)

    def test_tls12_negotiates_ecdhe_aead(self):
        _, cipher, _ = tls_probe(self.smtps_port, client_context(maximum=TLS1_2))
        self.assertRegex(cipher, AEAD_ECDHE_TLS12.pattern)
        r = s_client(self.smtp_port, "-tls1_2", starttls_smtp=True)
        self.assertTrue(r.handshake_ok, r)
        self.assertRegex(r.cipher, AEAD_ECDHE_TLS12.pattern)
        # A client that offers everything OpenSSL has still gets an ECDHE AEAD suite.
        _, cipher, _ = tls_probe(self.smtps_port, client_context(maximum=TLS1_2, ciphers="ALL:@SECLEVEL=0"))
        self.assertRegex(cipher, AEAD_ECDHE_TLS12.pattern)

    def test_tls12_without_ecdhe_aead_is_refused(self):
        weak = ("ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:"
                "ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:AES128-GCM-SHA256:AES256-GCM-SHA384:"
                "DHE-RSA-AES128-GCM-SHA256:AES128-SHA")
        ctx = client_context(minimum=TLS1_2, maximum=TLS1_2, ciphers=weak + ":@SECLEVEL=0")
        control = self.control_server("-tls1_2", "-cipher", "ALL:@SECLEVEL=0")
        self.assertEqual(tls_probe(control.port, ctx)[0], "TLSv1.2", "control handshake")
        for port, first in ((self.smtps_port, False), (self.smtp_port, True)):
            try:
                _, cipher, _ = tls_probe(port, ctx, starttls_first=first)
            except (ssl.SSLError, ConnectionError):
                continue
            self.fail("port %d negotiated %s although only non-AEAD or non-ECDHE suites were offered" % (port, cipher))

    def test_tls12_server_cipher_order_wins(self):
        suites = ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
                  "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384"]
        tail = ["ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305"]
        a = client_context(minimum=TLS1_2, maximum=TLS1_2, ciphers=":".join(suites + tail))
        b = client_context(minimum=TLS1_2, maximum=TLS1_2, ciphers=":".join(suites[2:] + suites[:2] + tail))
        _, cipher_a, _ = tls_probe(self.smtps_port, a)
        _, cipher_b, _ = tls_probe(self.smtps_port, b)
        self.assertEqual(cipher_a, cipher_b, "the client's order decided (%s vs %s): the server's order "
                                             "must win" % (cipher_a, cipher_b))


class Injection(TlsBase):
    """Commands pipelined after STARTTLS in the same packet are discarded (RFC 3207,
    CVE-2011-0411 class)."""

    def pipelined_starttls(self, port, after):
        c = self.smtp(port)
        c.send(b"STARTTLS\r\n" + after)
        r = c.reply()
        self.expect(r, 220, "2.0.0")
        extra = unsolicited(c, 0.5, tls=False)
        self.assertEqual(extra, b"", "clear-text reply to a command pipelined after STARTTLS: %r" % extra)
        c.sock = client_context().wrap_socket(c.sock, server_hostname="localhost")
        c.sock.settimeout(c.timeout)
        extra = unsolicited(c, 1.0)
        self.assertEqual(extra, b"", "the server answered a command pipelined before the handshake: %r" % extra)
        return c

    def test_pipelined_rset_is_discarded(self):
        for port in (self.smtp_port, self.submission_port):
            c = self.pipelined_starttls(port, b"RSET\r\n")
            r = c.cmd("NOOP")
            self.expect(r, 250, "2.0.0")
            extra = unsolicited(c, 0.5)
            self.assertEqual(extra, b"", "a second reply after NOOP (the RSET's?): %r" % extra)
            r = self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
            self.assertGreater(len(r.lines), 1, "the first reply after the handshake is not EHLO's: %r" % r)

    def test_pipelined_mail_is_discarded(self):
        c = self.pipelined_starttls(self.smtp_port, b"MAIL FROM:<a@b>\r\n")
        self.expect(c.cmd("RCPT TO:<alice@%s>" % DOMAIN), 503, "5.5.1")
        self.assertEqual(unsolicited(c, 0.5), b"")
        # And after a new EHLO there is still no transaction.
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
        self.expect(c.cmd("RCPT TO:<alice@%s>" % DOMAIN), 503, "5.5.1")
        self.expect(c.cmd("DATA"), 503, "5.5.1")
        self.assert_no_message("alice")

    def test_pipelined_transaction_is_not_delivered(self):
        message = make_message("injected", "Injected before the handshake.\r\n")
        injected = (b"MAIL FROM:<mallory@evil.test>\r\nRCPT TO:<alice@" + DOMAIN.encode() + b">\r\nDATA\r\n"
                    + message + b".\r\n")
        c = self.pipelined_starttls(self.smtp_port, injected)
        self.expect(c.cmd("NOOP"), 250, "2.0.0")
        self.expect(c.cmd("QUIT"), 221, "2.0.0")
        time.sleep(0.5)
        self.assert_no_message("alice")


class Session(TlsBase):
    """After the handshake the session starts over (RFC 3207 4.2)."""

    def test_session_reset_after_starttls(self):
        c = self.smtp(self.smtp_port)
        self.expect(c.auth_plain("alice", ALICE_PW), 235, "2.7.0")
        self.expect(c.cmd("MAIL FROM:<alice@%s>" % DOMAIN), 250, "2.1.0")
        starttls(c)
        self.expect(c.cmd("MAIL FROM:<alice@%s>" % DOMAIN), 503, "5.5.1")
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True, name="tls-client.test")
        self.expect(c.cmd("RCPT TO:<bob@%s>" % DOMAIN), 503, "5.5.1")
        # AUTH was forgotten: authenticating again is allowed (not 503 "already authenticated").
        self.expect(c.auth_plain("bob", BOB_PW), 235, "2.7.0")
        message = make_message("after reset", "After STARTTLS and a new EHLO.\r\n", to="alice@" + DOMAIN)
        self.send_message(c, "bob@" + DOMAIN, ["alice@" + DOMAIN], message)
        received = self.received_header("alice", message)
        self.assertRegex(received, r" with ESMTPSA id ")
        self.assertTrue(received.startswith("Received: from tls-client.test "), received)

    def test_auth_forgotten_on_submission(self):
        c = self.smtp(self.submission_port)
        self.expect(c.auth_plain("alice", ALICE_PW), 235, "2.7.0")
        starttls(c)
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
        r = c.cmd("MAIL FROM:<alice@%s>" % DOMAIN)
        self.expect(r, 530, "5.7.0")

    def test_starttls_argument_and_repeat(self):
        c = self.smtp(self.smtp_port)
        self.expect(c.cmd("STARTTLS now"), 501, "5.5.4")
        starttls(c)
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
        self.expect(c.cmd("STARTTLS"), 503, "5.5.1")
        self.expect(c.cmd("NOOP"), 250, "2.0.0")


class Modes(TlsBase):
    """<service>.tls: offered (default), required, off."""

    def test_required(self):
        self.set_settings({"smtp.tls": "required"})
        self.assertEqual(self.setting("smtp.tls"), "required")
        for port in (self.smtp_port, self.submission_port):
            c = self.smtp(port, ehlo=False)
            self.expect_ehlo(c, starttls_listed=True, auth_listed=False)
            for command in ("AUTH PLAIN " + plain_token("alice", ALICE_PW), "MAIL FROM:<alice@%s>" % DOMAIN,
                            "RCPT TO:<bob@%s>" % DOMAIN, "DATA", "VRFY bob", "HELP"):
                r = c.cmd(command)
                self.expect(r, 530, "5.7.0")
                self.assertIn("STARTTLS", r.text, r)
            self.expect(c.cmd("NOOP"), 250, "2.0.0")
            self.expect(c.cmd("RSET"), 250, "2.0.0")
            self.expect(c.cmd("HELO client.test"), 250, enhanced=False)
            q = self.smtp(port)
            self.expect(q.cmd("QUIT"), 221, "2.0.0")
            starttls(c)
            self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
            self.expect(c.auth_plain("alice", ALICE_PW), 235, "2.7.0")
            message = make_message("required %d" % port, "TLS required.\r\n", to="bob@" + DOMAIN)
            self.send_message(c, "alice@" + DOMAIN, ["bob@" + DOMAIN], message)
            self.assertRegex(self.received_header("bob", message), r" with ESMTPSA id ")
            self.expect(c.cmd("QUIT"), 221, "2.0.0")
        # Implicit TLS satisfies "required".
        c = self.smtps(ehlo=False)
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
        self.expect(c.auth_plain("bob", BOB_PW), 235, "2.7.0")
        # Without TLS nothing was delivered to alice.
        self.assert_no_message("alice")

    def test_required_plain_client_cannot_deliver(self):
        self.set_settings({"smtp.tls": "required"})
        message = make_message("plain", "Must not arrive.\r\n", to="alice@" + DOMAIN)
        with smtplib.SMTP(HOST, self.smtp_port, local_hostname="client.test", timeout=TIMEOUT) as s:
            with self.assertRaises(smtplib.SMTPSenderRefused) as ctx:
                s.sendmail("sender@client.test", ["alice@" + DOMAIN], message)
            self.assertEqual(ctx.exception.smtp_code, 530)
        self.assert_no_message("alice")

    def test_off_then_offered(self):
        self.set_settings({"smtp.tls": "off"})
        for port in (self.smtp_port, self.submission_port):
            c = self.smtp(port, ehlo=False)
            self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
            self.expect(c.cmd("STARTTLS"), 503, "5.5.1")
            self.expect(c.cmd("NOOP"), 250, "2.0.0")
        # The implicit listener still works (it has a certificate).
        c = self.smtps(ehlo=False)
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
        self.set_settings({"smtp.tls": "offered"})
        c = self.smtp(self.smtp_port, ehlo=False)
        self.expect_ehlo(c, starttls_listed=True, auth_listed=True)
        starttls(c)
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)

    def test_no_usable_certificate(self):
        """STARTTLS is advertised only while a certificate is available; otherwise 454 4.7.0."""
        self.set_settings({"smtp.certificate": "does-not-exist"})
        c = self.smtp(self.smtp_port, ehlo=False)
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)
        self.expect(c.cmd("STARTTLS"), 454, "4.7.0")
        self.expect(c.cmd("NOOP"), 250, "2.0.0")
        self.set_settings({"smtp.certificate": ""})
        c = self.smtp(self.smtp_port, ehlo=False)
        self.expect_ehlo(c, starttls_listed=True, auth_listed=True)
        starttls(c)
        self.expect_ehlo(c, starttls_listed=False, auth_listed=True)

    def test_bad_mode_refused(self):
        with self.assertRaises(Exception) as ctx:
            self.set_settings({"smtp.tls": "sometimes"})
        self.assertIn(getattr(ctx.exception, "code", None), (-32602, 1102), ctx.exception)
        self.assertEqual(self.setting("smtp.tls"), "offered")


class Listener(TlsBase):
    def listener_ports(self):
        service = [s for s in self.call("service.list")["services"] if s["name"] == "smtp"]
        self.assertEqual(len(service), 1)
        return {int(l.rsplit(":", 1)[1]) for l in service[0]["listeners"]}

    def test_smtps_port_zero_is_off(self):
        self.assertEqual(self.listener_ports(), {self.smtp_port, self.submission_port, self.smtps_port})
        # A second daemon with smtps.port 0 has no implicit-TLS listener.
        from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, Rpc
        from smtptest import free_port, wait_smtp
        ports = [free_port(), free_port()]
        d = Daemon(args=["--port", "smtp=%d" % ports[0], "--port", "submission=%d" % ports[1], "--port", "smtps=0"])
        self.addCleanup(d.cleanup)
        d.start()
        rpc = Rpc(d.socket_path)
        self.addCleanup(rpc.close)
        rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        wait_smtp(ports[0])
        service = [s for s in rpc.call("service.list")["services"] if s["name"] == "smtp"][0]
        self.assertEqual({int(l.rsplit(":", 1)[1]) for l in service["listeners"]}, set(ports))
        with SmtpConn(ports[0]) as c:  # STARTTLS still works there
            self.assertIn("STARTTLS", ehlo_keywords(c.ehlo()))


class Timeouts(TlsBase):
    """A client that stops talking during or after the handshake is disconnected after
    smtp.idleTimeoutSeconds (docs/smtp.md), so it cannot hold a connection slot forever."""

    def closed_within(self, sock, seconds):
        deadline = time.monotonic() + seconds
        data = b""
        while time.monotonic() < deadline:
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                chunk = sock.recv(65536)
            except (socket.timeout, TimeoutError):
                break
            except (ConnectionResetError, ssl.SSLError):
                return True, data
            if not chunk:
                return True, data
            data += chunk
        return False, data

    def setUp(self):
        super().setUp()
        self.set_settings({"smtp.idleTimeoutSeconds": 2})

    def test_no_client_hello_on_smtps(self):
        raw = socket.create_connection((HOST, self.smtps_port), timeout=TIMEOUT)
        self.addCleanup(raw.close)
        start = time.monotonic()
        closed, _ = self.closed_within(raw, 12)
        self.assertTrue(closed, "a client that never starts the handshake on smtps is still connected after 12 s "
                                "(smtp.idleTimeoutSeconds = 2)")
        self.assertGreaterEqual(time.monotonic() - start, 1.5, "closed before the idle timeout")

    def test_no_client_hello_after_starttls(self):
        c = self.smtp(self.smtp_port)
        self.expect(c.cmd("STARTTLS"), 220, "2.0.0")
        closed, _ = self.closed_within(c.sock, 12)
        self.assertTrue(closed, "a client that never sends its ClientHello after STARTTLS is still connected "
                                "after 12 s (smtp.idleTimeoutSeconds = 2)")

    def test_silence_after_the_handshake(self):
        for implicit in (True, False):
            if implicit:
                c = self.smtps()
            else:
                c = self.smtp(self.submission_port)
                starttls(c)
            closed, data = self.closed_within(c.sock, 12)
            self.assertTrue(closed, "a silent TLS client is still connected after 12 s")
            self.assertTrue(data.startswith(b"421 4.4.2"), "expected 421 4.4.2 before the close, got %r" % data)


class Swap(TlsBase):
    """A newly assigned certificate applies to the next handshake, without a restart."""

    def test_assign_changes_next_handshake_without_restart(self):
        pid = self.call("server.status")["pid"]
        self.assertEqual(pid, self.daemon.pid)
        first = self.assigned_fingerprint()
        self.assertEqual(s_client(self.smtps_port).leaf_fingerprint, first)
        hostname = self.setting("server.hostname")
        second = self.call("tls.createSelfSigned", {"name": "second", "hosts": ["localhost", hostname]})
        self.assertEqual(second["name"], "second")
        self.assertNotEqual(second["fingerprint"], first)
        # Created but not assigned: handshakes still present the first.
        self.assertEqual(fingerprint_der(tls_probe(self.smtps_port, client_context())[2]), first)
        # A connection that is open during the swap keeps working.
        open_conn = self.smtps()
        self.assertEqual(self.call("tls.assign", {"service": "smtp", "name": "second"}),
                         {"service": "smtp", "name": "second"})
        self.assertEqual(self.setting("smtp.certificate"), "second")
        self.assertEqual(self.assigned("smtp")["name"], "second")
        self.assertEqual(self.assigned_fingerprint(), second["fingerprint"])
        for attempt in ("s_client smtps", "s_client starttls", "python smtps", "python starttls"):
            if attempt == "s_client smtps":
                got = s_client(self.smtps_port).leaf_fingerprint
            elif attempt == "s_client starttls":
                got = s_client(self.smtp_port, starttls_smtp=True).leaf_fingerprint
            elif attempt == "python smtps":
                got = fingerprint_der(tls_probe(self.smtps_port, client_context())[2])
            else:
                got = fingerprint_der(tls_probe(self.submission_port, client_context(), starttls_first=True)[2])
            self.assertEqual(got, second["fingerprint"], "%s after tls.assign presents the old certificate" % attempt)
        self.expect(open_conn.cmd("NOOP"), 250, "2.0.0")
        # Back to the default.
        self.call("tls.assign", {"service": "smtp", "name": "default"})
        self.assertEqual(s_client(self.smtps_port).leaf_fingerprint, first)
        self.assertIsNone(self.daemon.proc.poll(), "maild exited")
        self.assertEqual(self.call("server.status")["pid"], pid, "maild restarted")

    def test_default_certificate_setting_is_the_fallback(self):
        """smtp.certificate empty → tls.defaultCertificate decides, also when it changes."""
        hostname = self.setting("server.hostname")
        other = self.call("tls.createSelfSigned", {"name": "other", "hosts": ["localhost", hostname]})
        self.assertEqual(self.setting("smtp.certificate"), "")
        self.set_settings({"tls.defaultCertificate": "other"})
        self.assertEqual(self.assigned("smtp")["name"], "other")
        self.assertEqual(fingerprint_der(tls_probe(self.smtps_port, client_context())[2]), other["fingerprint"])
        self.assertEqual(s_client(self.smtp_port, starttls_smtp=True).leaf_fingerprint, other["fingerprint"])
        # An explicit assignment wins over the default.
        self.call("tls.assign", {"service": "smtp", "name": "default"})
        self.assertEqual(self.assigned("smtp")["name"], "default")
        self.assertEqual(fingerprint_der(tls_probe(self.smtps_port, client_context())[2]),
                         self.certificate("default")["fingerprint"])


if __name__ == "__main__":
    unittest.main()
