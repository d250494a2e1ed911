"""Certificates through the control socket (docs/tls.md "Control methods", "Storage",
"Expiry"): the default certificate of the first start, self-signed certificates, CSRs signed
by a throwaway CA made with the openssl CLI, imports and their refusals, key file modes,
deletion, assignment and expiry warnings. Test certificates come from the `openssl` CLI and
the `cryptography` package. Every control answer is searched for private key material.
"""
import datetime
import os
import re
import stat
import subprocess
import time
import unittest

from mailroomtest import Daemon, RpcError
from smtptest import wait_smtp
from tlstest import (FINGERPRINT_FORMAT, HAVE_CRYPTOGRAPHY, OPENSSL, Pki, TlsTestCase, cert_sans, client_context,
                     fingerprint_pem, leaf_fingerprint, load_cert, pem_certificates, private_key_body_lines,
                     public_key_der, s_client, tls_probe, tree_snapshot, wait_tls)

HOSTNAME = "mail.example.test"
LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"

if HAVE_CRYPTOGRAPHY:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import NameOID


def not_after_utc(cert):
    """The certificate's notAfter as an aware UTC datetime (cryptography 38 on Debian 12 and newer)."""
    value = getattr(cert, "not_valid_after_utc", None)
    return value if value is not None else cert.not_valid_after.replace(tzinfo=datetime.timezone.utc)


def parse_time(text):
    """ISO 8601 from the daemon ('2026-11-21T22:00:00Z' or with an offset / milliseconds)."""
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


class CertBase(TlsTestCase):
    def setUp(self):
        if not HAVE_CRYPTOGRAPHY:
            self.fail("python3-cryptography is needed to build test certificates (apt-get install python3-cryptography)")
        super().setUp()
        self.original_hostname = self.setting("server.hostname")
        self.set_settings({"server.hostname": HOSTNAME})
        self.assertEqual(self.setting("server.hostname"), HOSTNAME)
        self.pki = Pki()
        self.addCleanup(self.pki.cleanup)

    # -- files -------------------------------------------------------------------------

    def file(self, name, filename):
        return os.path.join(self.tls_dir(name), filename)

    def read_file(self, name, filename):
        with open(self.file(name, filename), "rb") as f:
            return f.read()

    def assert_key_file(self, name):
        path = self.file(name, "key.pem")
        self.assertTrue(os.path.isfile(path), "%s does not exist" % path)
        mode = stat.S_IMODE(os.stat(path).st_mode)
        self.assertEqual(mode, 0o600, "%s has mode %o, docs/tls.md says 0600" % (path, mode))
        key = serialization.load_pem_private_key(self.read_file(name, "key.pem"), password=None)
        return key

    def assert_stored_chain(self, c):
        """chain.pem's leaf is the certificate the object describes, and key.pem belongs to it."""
        chain = self.read_file(c["name"], "chain.pem").decode()
        blocks = pem_certificates(chain)
        self.assertTrue(blocks, "chain.pem of %s holds no certificate" % c["name"])
        self.assertEqual(fingerprint_pem(blocks[0]), c["fingerprint"], "chain.pem's leaf is not the certificate")
        key = self.assert_key_file(c["name"])
        self.assertEqual(public_key_der(key), public_key_der(load_cert(blocks[0])),
                         "key.pem of %s does not belong to its certificate" % c["name"])
        return blocks

    def assert_no_key_material_in_answers(self):
        """No control answer so far contains a line of any stored private key."""
        base = self.tls_dir()
        lines = []
        if os.path.isdir(base):
            for name in os.listdir(base):
                path = os.path.join(base, name, "key.pem")
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        lines += private_key_body_lines(f.read())
        self.assertTrue(self.answers)
        for text in self.answers:
            self.assertNotIn("PRIVATE KEY", text)
            for line in lines:
                self.assertNotIn(line, text, "a control answer contains a line of a stored private key")

    def assert_keys_only_in_key_files(self):
        """No private key in the database (with its WAL), the log, the audit trail or the log
        tail: docs/tls.md keeps keys in <data>/tls/<name>/key.pem only."""
        key_lines = []
        for name in os.listdir(self.tls_dir()):
            path = os.path.join(self.tls_dir(), name, "key.pem")
            if os.path.exists(path):
                with open(path, "rb") as f:
                    key_lines += private_key_body_lines(f.read())
        self.assertTrue(key_lines)
        audit = self.call("audit.list", {"limit": 1000})
        self.assertTrue(any(e["method"].startswith("tls.") for e in audit["entries"]),
                        "no tls.* change in the audit trail: %r" % audit["entries"][:5])
        self.call("log.tail", {"limit": 5000})
        self.assert_no_key_material_in_answers()
        for root, _, files in os.walk(self.daemon.data_dir):
            if os.path.abspath(root).startswith(os.path.abspath(self.tls_dir())):
                continue
            for f in files:
                path = os.path.join(root, f)
                try:
                    with open(path, "rb") as fh:
                        data = fh.read()
                except OSError:
                    continue
                self.assertNotIn(b"PRIVATE KEY", data, "%s holds a private key" % path)
                for line in key_lines:
                    self.assertNotIn(line.encode(), data, "%s holds a line of a private key" % path)

    # -- daemon ------------------------------------------------------------------------

    def restart(self, env=None):
        self.assertEqual(self.daemon.stop(), 0)
        self.rpc.close()
        if env and "LD_PRELOAD" in env:
            # Under AddressSanitizer a preloaded library (libfaketime) comes before the ASan
            # runtime; tell ASan that this is intended.
            env = dict(env, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0")
        d = Daemon(data_dir=self.daemon.data_dir, args=self.daemon.args, env=env, ports=self.daemon.ports)
        self.addCleanup(d.cleanup)
        d.start()
        self.daemon = d
        self.rpc = self.connect()
        wait_smtp(self.smtp_port)

    # -- import refusals ---------------------------------------------------------------

    def state(self):
        return self.call("tls.list"), tree_snapshot(self.tls_dir())

    def assert_refused(self, params, field, words, code=1102):
        before = self.state()
        error = self.expect_error(code, "tls.import", params, field=field if code == 1102 else None)
        if code == 1102:
            reason = str((error.data or {}).get("reason", ""))
            self.assertTrue(reason, "1102 without data.reason: %r" % error.data)
            text = (reason + " " + error.message).lower()
            self.assertTrue(any(w.lower() in text for w in words),
                            "the reason does not say why (expected one of %r): %r / %r" % (words, reason, error.message))
        after = self.state()
        self.assertEqual(before[0], after[0], "tls.list changed after a refused import")
        self.assertEqual(before[1], after[1], "files under <data>/tls changed after a refused import")
        if params.get("name") not in [c["name"] for c in before[0]["certificates"]]:
            self.expect_error(1100, "tls.get", {"name": params["name"]})
        return error

    def ca(self):
        cert, key = self.pki.ca()
        return cert, key

    def chain_pem(self, *certs):
        return "".join(Pki.cert_pem(c) for c in certs)


class FirstStart(CertBase):
    def test_default_certificate_created_on_first_start(self):
        certs = self.certificates()
        self.assertEqual([c["name"] for c in certs], ["default"], "first start: exactly one certificate, default")
        c = certs[0]
        self.assert_certificate_object(c)
        self.assertEqual(c["state"], "active")
        self.assertTrue(c["selfSigned"])
        self.assertEqual(c["keyType"], "EC P-256")
        self.assertIn("localhost", c["sans"])
        self.assertFalse(c["expired"])
        self.assertIn(self.original_hostname, c["sans"], "the default certificate is for server.hostname")
        self.assertIn("smtp", c["usedBy"])
        self.assertEqual(self.setting("tls.defaultCertificate"), "default")
        self.assertEqual(self.setting("smtp.certificate"), "", "empty means tls.defaultCertificate")
        got = self.call("tls.get", {"name": "default"})
        for key in c:
            if key != "daysLeft":
                self.assertEqual(got[key], c[key], "tls.get and tls.list differ in %s" % key)
        self.assertEqual(leaf_fingerprint(got["certificatePem"]), c["fingerprint"])
        blocks = self.assert_stored_chain(c)
        cert = load_cert(blocks[0])
        self.assertIsInstance(cert.public_key(), ec.EllipticCurvePublicKey)
        self.assertEqual(cert.public_key().curve.name, "secp256r1")
        self.assertEqual(set(cert_sans(cert)), set(c["sans"]))
        self.assertEqual(cert.subject, cert.issuer)
        not_after = parse_time(c["notAfter"])
        self.assertLess(abs((not_after - not_after_utc(cert)).total_seconds()), 2,
                        "notAfter %s differs from the certificate's %s" % (c["notAfter"], not_after_utc(cert)))
        self.assertLessEqual(abs(c["daysLeft"] - (not_after - datetime.datetime.now(datetime.timezone.utc)).days), 1)
        self.assert_no_key_material_in_answers()

    def test_metadata_in_the_certificates_table(self):
        import sqlite3
        db = sqlite3.connect("file:%s?mode=ro" % os.path.join(self.daemon.data_dir, "maild.db"), uri=True, timeout=10)
        try:
            rows = db.execute("SELECT * FROM certificates").fetchall()
        finally:
            db.close()
        self.assertTrue(any("default" in row for row in rows), "no row for 'default' in certificates: %r" % rows)

    def test_default_survives_restart(self):
        first = self.certificate("default")["fingerprint"]
        self.restart()
        self.assertEqual([c["name"] for c in self.certificates()], ["default"])
        self.assertEqual(self.certificate("default")["fingerprint"], first, "the default was made again")
        r = s_client(self.smtps_port)
        self.assertEqual(r.leaf_fingerprint, first, r)


class Create(CertBase):
    def test_self_signed_ec_and_rsa(self):
        ec_cert = self.call("tls.createSelfSigned", {"name": "ec1", "hosts": [HOSTNAME, "localhost"], "days": 30,
                                                      "keyType": "ec"})
        self.assert_certificate_object(ec_cert)
        self.assertEqual(ec_cert["name"], "ec1")
        self.assertEqual(ec_cert["state"], "active")
        self.assertTrue(ec_cert["selfSigned"])
        self.assertEqual(ec_cert["keyType"], "EC P-256")
        self.assertEqual(set(ec_cert["sans"]), {HOSTNAME, "localhost"})
        self.assertEqual(ec_cert["usedBy"], [])
        self.assertIn(ec_cert["daysLeft"], (29, 30))
        span = parse_time(ec_cert["notAfter"]) - parse_time(ec_cert["notBefore"])
        self.assertLessEqual(abs(span.total_seconds() - 30 * 86400), 86400, "30 days asked, got %s" % span)
        blocks = self.assert_stored_chain(ec_cert)
        self.assertEqual(set(cert_sans(load_cert(blocks[0]))), {HOSTNAME, "localhost"})

        rsa_cert = self.call("tls.createSelfSigned", {"name": "rsa1", "keyType": "rsa"})
        self.assert_certificate_object(rsa_cert)
        self.assertTrue(rsa_cert["keyType"].startswith("RSA "), rsa_cert["keyType"])
        bits = int(rsa_cert["keyType"].split()[1])
        self.assertGreaterEqual(bits, 2048)
        self.assertEqual(rsa_cert["sans"], [HOSTNAME], "hosts defaults to [server.hostname]")
        self.assertIn(rsa_cert["daysLeft"], (824, 825), "days defaults to 825")
        blocks = self.assert_stored_chain(rsa_cert)
        key = load_cert(blocks[0]).public_key()
        self.assertIsInstance(key, rsa.RSAPublicKey)
        self.assertEqual(key.key_size, bits)

        names = sorted(c["name"] for c in self.certificates())
        self.assertEqual(names, ["default", "ec1", "rsa1"])
        self.assertEqual(self.call("tls.get", {"name": "rsa1"})["fingerprint"], rsa_cert["fingerprint"])
        self.assert_no_key_material_in_answers()

    def test_bad_names_refused(self):
        before = tree_snapshot(self.tls_dir())
        for name in ("Upper", "-lead", ".dot", "_under", "a/b", "../up", "a b", "", "x" * 65, "ü", "a;drop table"):
            with self.subTest(name=name):
                self.expect_error(1102, "tls.createSelfSigned", {"name": name}, field="name")
        self.assertEqual(tree_snapshot(self.tls_dir()), before)
        self.assertEqual([c["name"] for c in self.certificates()], ["default"])
        for name in ("x" * 64, "a.b_c-d9", "0"):
            self.assertEqual(self.call("tls.createSelfSigned", {"name": name, "days": 2})["name"], name)

    def test_duplicate_names_refused(self):
        self.expect_error(1101, "tls.createSelfSigned", {"name": "default"})
        self.call("tls.createSelfSigned", {"name": "dup", "days": 5})
        fingerprint = self.certificate("dup")["fingerprint"]
        self.expect_error(1101, "tls.createSelfSigned", {"name": "dup"})
        self.expect_error(1101, "tls.createCsr", {"name": "dup"})
        self.call("tls.createCsr", {"name": "pend"})
        self.expect_error(1101, "tls.createCsr", {"name": "pend"})
        self.expect_error(1101, "tls.createSelfSigned", {"name": "pend"})
        self.assertEqual(self.certificate("dup")["fingerprint"], fingerprint, "the duplicate replaced the original")

    def test_parameter_bounds(self):
        for days in (0, 826, -1, 100000):
            self.expect_error((-32602, 1102), "tls.createSelfSigned", {"name": "d%d" % abs(days), "days": days},
                              field="days")
        self.expect_error(-32602, "tls.createSelfSigned", {"name": "dstr", "days": "30"}, field="days")
        self.expect_error((-32602, 1102), "tls.createSelfSigned", {"name": "dsa", "keyType": "dsa"}, field="keyType")
        self.expect_error(-32602, "tls.createSelfSigned", {"name": "typo", "dayz": 3}, field="dayz")
        self.expect_error(-32602, "tls.createSelfSigned", {"hosts": ["localhost"]}, field="name")
        self.expect_error((-32602, 1102), "tls.createSelfSigned", {"name": "badhost", "hosts": ["not a host!"]},
                          field="hosts")
        self.assertEqual([c["name"] for c in self.certificates()], ["default"])
        one = self.call("tls.createSelfSigned", {"name": "one", "days": 1})
        self.assertIn(one["daysLeft"], (0, 1))
        top = self.call("tls.createSelfSigned", {"name": "top", "days": 825})
        self.assertIn(top["daysLeft"], (824, 825))


class Csr(CertBase):
    def test_csr_signed_by_a_ca_then_imported(self):
        hosts = [HOSTNAME, "smtp.example.test"]
        answer = self.call("tls.createCsr", {"name": "signed", "hosts": hosts, "organization": "Example Org",
                                             "country": "DE"})
        self.assertEqual(answer["name"], "signed")
        csr_pem = answer["csr"]
        self.assertIn("-----BEGIN CERTIFICATE REQUEST-----", csr_pem)
        verify = subprocess.run([OPENSSL, "req", "-verify", "-noout"], input=csr_pem.encode(), capture_output=True,
                                timeout=30)
        self.assertEqual(verify.returncode, 0, "openssl req -verify refused the CSR: %r" % verify.stderr)
        from cryptography import x509
        csr = x509.load_pem_x509_csr(csr_pem.encode())
        self.assertTrue(csr.is_signature_valid)
        sans = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(x509.DNSName)
        self.assertEqual(set(sans), set(hosts))
        self.assertEqual([a.value for a in csr.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)], ["Example Org"])
        self.assertEqual([a.value for a in csr.subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)], ["DE"])

        # Stored: key.pem (0600) and request.csr; state pending.
        key_before = self.read_file("signed", "key.pem")
        self.assert_key_file("signed")
        self.assertEqual(public_key_der(serialization.load_pem_private_key(key_before, None)), public_key_der(csr))
        self.assertEqual(self.read_file("signed", "request.csr").decode().strip(), csr_pem.strip())
        got = self.call("tls.get", {"name": "signed"})
        self.assertEqual(got["state"], "pending")
        self.assertEqual(got["csr"].strip(), csr_pem.strip())
        self.assertEqual(self.certificate("signed")["state"], "pending")
        self.assert_no_key_material_in_answers()

        # A throwaway CA signs it; the chain (leaf first) completes the pending entry without a key.
        ca = self.pki.openssl_ca()
        leaf = self.pki.openssl_sign_csr(csr_pem, ca, days=90)
        ca_pem = self.pki.read("ca.pem")
        imported = self.call("tls.import", {"name": "signed", "certificate": leaf + ca_pem})
        self.assert_certificate_object(imported)
        self.assertEqual(imported["state"], "active")
        self.assertFalse(imported["selfSigned"])
        self.assertEqual(imported["fingerprint"], fingerprint_pem(leaf))
        self.assertEqual(set(imported["sans"]), set(hosts))
        self.assertIn("Mailroom Test CA", imported["issuer"])
        self.assertIn(imported["daysLeft"], (89, 90))
        self.assertEqual(self.read_file("signed", "key.pem"), key_before, "the CSR's key changed on import")
        blocks = self.assert_stored_chain(imported)
        self.assertEqual([fingerprint_pem(b) for b in blocks], [fingerprint_pem(leaf), fingerprint_pem(ca_pem)],
                         "chain.pem holds the leaf then the CA")
        got = self.call("tls.get", {"name": "signed"})
        self.assertEqual(got["state"], "active")
        self.assertEqual([fingerprint_pem(b) for b in pem_certificates(got["certificatePem"])],
                         [fingerprint_pem(leaf), fingerprint_pem(ca_pem)])

        # Served: the handshake sends leaf and CA, and verifies against the CA for the host name.
        self.call("tls.assign", {"service": "smtp", "name": "signed"})
        self.assertIn("smtp", self.certificate("signed")["usedBy"])
        r = s_client(self.smtps_port)
        self.assertTrue(r.handshake_ok, r)
        self.assertEqual([fingerprint_pem(b) for b in r.certificates], [fingerprint_pem(leaf), fingerprint_pem(ca_pem)])
        ctx = client_context(cadata=ca_pem, check_hostname=True)
        tls_probe(self.smtps_port, ctx, server_hostname=HOSTNAME)
        self.assert_no_key_material_in_answers()

    def test_csr_options_and_refusals(self):
        answer = self.call("tls.createCsr", {"name": "rsa-csr", "keyType": "rsa"})
        from cryptography import x509
        csr = x509.load_pem_x509_csr(answer["csr"].encode())
        self.assertIsInstance(csr.public_key(), rsa.RSAPublicKey)
        self.assertGreaterEqual(csr.public_key().key_size, 2048)
        sans = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(x509.DNSName)
        self.assertEqual(sans, [HOSTNAME], "hosts defaults to [server.hostname]")
        self.assert_key_file("rsa-csr")
        self.expect_error((1102, -32602), "tls.createCsr", {"name": "c3", "country": "DEU"}, field="country")
        self.expect_error(1102, "tls.createCsr", {"name": "Bad Name"}, field="name")
        self.expect_error(-32602, "tls.createCsr", {"name": "x", "org": "typo"}, field="org")
        self.assertEqual(sorted(c["name"] for c in self.certificates()), ["default", "rsa-csr"])
        self.assert_no_key_material_in_answers()

    def test_completing_a_csr_with_a_foreign_certificate_is_refused(self):
        self.call("tls.createCsr", {"name": "pend", "hosts": [HOSTNAME]})
        ca = self.ca()
        other, _ = self.pki.leaf([HOSTNAME], issuer=ca)  # a valid certificate for another key
        self.assert_refused({"name": "pend", "certificate": self.chain_pem(other, ca[0])}, ("key", "certificate"),
                            ["match", "key"])
        self.assertEqual(self.certificate("pend")["state"], "pending")


class Import(CertBase):
    def test_import_with_key(self):
        ca = self.ca()
        leaf, key = self.pki.leaf([HOSTNAME, "localhost"], issuer=ca, days=200)
        c = self.call("tls.import", {"name": "bought", "certificate": self.chain_pem(leaf, ca[0]),
                                     "key": Pki.key_pem(key)})
        self.assert_certificate_object(c)
        self.assertEqual(c["state"], "active")
        self.assertFalse(c["selfSigned"])
        self.assertEqual(c["keyType"], "EC P-256")
        self.assertEqual(c["fingerprint"], fingerprint_pem(Pki.cert_pem(leaf)))
        self.assertIn(c["daysLeft"], (199, 200))
        self.assert_stored_chain(c)
        self.assertEqual(self.call("tls.get", {"name": "bought"})["fingerprint"], c["fingerprint"])
        # An RSA 2048 key is enough.
        leaf2, key2 = self.pki.leaf([HOSTNAME], issuer=ca, key=Pki.key("rsa", 2048))
        c2 = self.call("tls.import", {"name": "rsa2048", "certificate": self.chain_pem(leaf2, ca[0]),
                                      "key": Pki.key_pem(key2)})
        self.assertEqual(c2["keyType"], "RSA 2048")
        self.assert_stored_chain(c2)
        # The name is taken now.
        self.expect_error(1101, "tls.import", {"name": "bought", "certificate": self.chain_pem(leaf, ca[0]),
                                               "key": Pki.key_pem(key)})
        self.call("tls.createCsr", {"name": "pend"})
        self.call("tls.createSelfSigned", {"name": "made", "days": 3})
        self.assert_keys_only_in_key_files()

    def test_refused_mismatched_key(self):
        ca = self.ca()
        leaf, _ = self.pki.leaf([HOSTNAME], issuer=ca)
        _, other_key = self.pki.leaf([HOSTNAME], issuer=ca)
        self.assert_refused({"name": "mismatch", "certificate": self.chain_pem(leaf, ca[0]),
                             "key": Pki.key_pem(other_key)}, "key", ["match"])

    def test_refused_expired_and_not_yet_valid(self):
        ca = self.ca()
        now = datetime.datetime.now(datetime.timezone.utc)
        expired, key = self.pki.leaf([HOSTNAME], issuer=ca, not_before=now - datetime.timedelta(days=60),
                                     not_after=now - datetime.timedelta(days=1))
        self.assert_refused({"name": "expired", "certificate": self.chain_pem(expired, ca[0]),
                             "key": Pki.key_pem(key)}, "certificate", ["expired", "valid"])
        future, key = self.pki.leaf([HOSTNAME], issuer=ca, not_before=now + datetime.timedelta(days=2),
                                    not_after=now + datetime.timedelta(days=90))
        self.assert_refused({"name": "future", "certificate": self.chain_pem(future, ca[0]),
                             "key": Pki.key_pem(key)}, "certificate", ["not yet", "valid", "before", "future"])

    def test_refused_chain_out_of_order(self):
        ca = self.ca()
        leaf, key = self.pki.leaf([HOSTNAME], issuer=ca)
        self.assert_refused({"name": "order", "certificate": self.chain_pem(ca[0], leaf), "key": Pki.key_pem(key)},
                            "certificate", ["order", "signed", "chain", "issuer"])
        # A chain whose second certificate did not sign the first.
        stranger = self.pki.ca(cn="Unrelated CA")
        self.assert_refused({"name": "stranger", "certificate": self.chain_pem(leaf, stranger[0]),
                             "key": Pki.key_pem(key)}, "certificate", ["order", "signed", "chain", "issuer"])

    def test_refused_garbage(self):
        _, key = self.pki.leaf([HOSTNAME])
        for garbage in ("hello, world", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
                        "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", ""):
            self.assert_refused({"name": "garbage", "certificate": garbage, "key": Pki.key_pem(key)}, "certificate",
                                ["certificate", "pem"])

    def test_refused_unreadable_or_encrypted_key(self):
        ca = self.ca()
        leaf, key = self.pki.leaf([HOSTNAME], issuer=ca)
        chain = self.chain_pem(leaf, ca[0])
        self.assert_refused({"name": "badkey", "certificate": chain, "key": "not a key"}, "key",
                            ["key", "read", "pem"])
        self.assert_refused({"name": "badkey", "certificate": chain, "key": Pki.key_pem(key, password="secret")},
                            "key", ["encrypt", "password", "passphrase", "read"])

    def test_refused_wrong_host(self):
        ca = self.ca()
        leaf, key = self.pki.leaf(["other.example.org"], issuer=ca)
        self.assert_refused({"name": "other", "certificate": self.chain_pem(leaf, ca[0]), "key": Pki.key_pem(key)},
                            "certificate", [HOSTNAME, "host", "name"])

    def test_wildcard_covers_one_label(self):
        ca = self.ca()
        leaf, key = self.pki.leaf(["*.example.test"], issuer=ca)
        c = self.call("tls.import", {"name": "wild", "certificate": self.chain_pem(leaf, ca[0]),
                                     "key": Pki.key_pem(key)})
        self.assertEqual(c["sans"], ["*.example.test"])
        leaf, key = self.pki.leaf(["*.test"], issuer=ca)
        self.assert_refused({"name": "toowild", "certificate": self.chain_pem(leaf, ca[0]), "key": Pki.key_pem(key)},
                            "certificate", [HOSTNAME, "host", "name"])

    def test_refused_rsa_1024(self):
        ca = self.ca()
        leaf, key = self.pki.leaf([HOSTNAME], issuer=ca, key=Pki.key("rsa", 1024))
        self.assert_refused({"name": "weak", "certificate": self.chain_pem(leaf, ca[0]), "key": Pki.key_pem(key)},
                            ("key", "certificate"), ["2048", "1024", "bits", "small", "short", "weak"])

    def test_refused_without_key_when_nothing_is_pending(self):
        ca = self.ca()
        leaf, _ = self.pki.leaf([HOSTNAME], issuer=ca)
        before = self.state()
        error = self.expect_error((1102, -32602), "tls.import", {"name": "nokey",
                                                                 "certificate": self.chain_pem(leaf, ca[0])})
        self.assertEqual((error.data or {}).get("field"), "key", error.data)
        self.assertEqual(self.state(), before)

    def test_import_onto_an_active_name_is_refused(self):
        ca = self.ca()
        leaf, key = self.pki.leaf([HOSTNAME], issuer=ca)
        before = self.state()
        self.expect_error(1101, "tls.import", {"name": "default", "certificate": self.chain_pem(leaf, ca[0]),
                                               "key": Pki.key_pem(key)})
        self.assertEqual(self.state(), before)


class Files(CertBase):
    def test_key_files_are_0600(self):
        self.call("tls.createSelfSigned", {"name": "made", "days": 3})
        self.call("tls.createCsr", {"name": "asked"})
        ca = self.ca()
        leaf, key = self.pki.leaf([HOSTNAME], issuer=ca)
        self.call("tls.import", {"name": "brought", "certificate": self.chain_pem(leaf, ca[0]),
                                 "key": Pki.key_pem(key)})
        for name in ("default", "made", "asked", "brought"):
            self.assert_key_file(name)
        self.assertTrue(os.path.exists(self.file("asked", "request.csr")))
        for name in ("default", "made", "brought"):
            self.assertTrue(os.path.exists(self.file(name, "chain.pem")))
        self.assert_no_key_material_in_answers()


class Delete(CertBase):
    def test_delete_and_assign(self):
        err = self.expect_error(1103, "tls.delete", {"name": "default"})
        self.assertTrue(os.path.isdir(self.tls_dir("default")))
        self.call("tls.createSelfSigned", {"name": "spare", "hosts": [HOSTNAME, "localhost"], "days": 10})
        self.assertTrue(os.path.isdir(self.tls_dir("spare")))
        self.assertEqual(self.call("tls.delete", {"name": "spare"}), {"name": "spare"})
        self.assertFalse(os.path.exists(self.tls_dir("spare")), "the folder of a deleted certificate remains")
        self.expect_error(1100, "tls.get", {"name": "spare"})
        self.assertEqual([c["name"] for c in self.certificates()], ["default"])
        self.expect_error(1100, "tls.delete", {"name": "spare"})

        # Assigned ones cannot go; unassigned again, they can.
        spare = self.call("tls.createSelfSigned", {"name": "spare2", "hosts": [HOSTNAME, "localhost"], "days": 10})
        self.assertEqual(self.call("tls.assign", {"service": "smtp", "name": "spare2"}),
                         {"service": "smtp", "name": "spare2"})
        self.assertEqual(self.certificate("spare2")["usedBy"], ["smtp"])
        self.assertNotIn("smtp", self.certificate("default")["usedBy"])
        self.assertEqual(s_client(self.smtps_port).leaf_fingerprint, spare["fingerprint"])
        self.expect_error(1103, "tls.delete", {"name": "spare2"})
        self.assertTrue(os.path.isdir(self.tls_dir("spare2")))
        self.call("tls.assign", {"service": "smtp", "name": "default"})
        self.assertEqual(self.call("tls.delete", {"name": "spare2"}), {"name": "spare2"})
        self.assertFalse(os.path.exists(self.tls_dir("spare2")))

        # A pending CSR can be deleted too.
        self.call("tls.createCsr", {"name": "pend"})
        self.assertEqual(self.call("tls.delete", {"name": "pend"}), {"name": "pend"})
        self.assertFalse(os.path.exists(self.tls_dir("pend")))

        self.expect_error(1100, "tls.assign", {"service": "smtp", "name": "nothing"})
        self.expect_error((1100, 1102, -32602), "tls.assign", {"service": "nosuchservice", "name": "default"})
        self.assertIn("smtp", self.certificate("default")["usedBy"])


class Expiry(CertBase):
    def warnings(self):
        return self.call("server.status")["warnings"]

    def test_warning_for_a_certificate_that_expires_soon(self):
        ca = self.pki.openssl_ca()
        ca_pem = self.pki.read("ca.pem")
        later, later_key = self.pki.openssl_leaf([HOSTNAME, "localhost"], ca, days=60, name="later")
        self.call("tls.import", {"name": "later", "certificate": later + ca_pem, "key": later_key})
        soon, soon_key = self.pki.openssl_leaf([HOSTNAME, "localhost"], ca, days=10, name="soon")
        c = self.call("tls.import", {"name": "soon", "certificate": soon + ca_pem, "key": soon_key})
        self.assertIn(c["daysLeft"], (9, 10))
        self.call("tls.assign", {"service": "smtp", "name": "soon"})
        self.assertEqual(s_client(self.smtps_port).leaf_fingerprint, c["fingerprint"])
        warnings = self.warnings()
        self.assertTrue(any("soon" in w for w in warnings), "server.status warnings do not mention 'soon': %r" % warnings)
        self.assertFalse(any("later" in w for w in warnings), "a certificate with 60 days left is warned about: %r" % warnings)

        # Logged as a warning at startup.
        self.restart()
        self.assertTrue(any("soon" in w for w in self.warnings()), "after a restart: %r" % self.warnings())
        deadline = time.monotonic() + 10
        entries = []
        while time.monotonic() < deadline:
            entries = self.call("log.tail", {"limit": 5000})["entries"]
            if any(e["level"] == "warning" and "soon" in e["message"] for e in entries):
                break
            time.sleep(0.2)
        hits = [e for e in entries if "soon" in e["message"]]
        self.assertTrue(any(e["level"] == "warning" for e in hits),
                        "no warning log entry about the certificate 'soon' at startup; entries naming it: %r" % hits)
        self.assertFalse(any("later" in e["message"] and e["level"] in ("warning", "error") for e in entries))
        log_file = os.path.join(self.daemon.data_dir, "log", "maild.log")
        if os.path.exists(log_file):
            with open(log_file, encoding="utf-8", errors="replace") as f:
                lines = [l for l in f if " warning " in l and "soon" in l]
            self.assertTrue(lines, "maild.log has no warning line about 'soon'")

    def test_default_near_expiry_then_expired(self):
        """The clock moved forward with libfaketime: 15 days left → warning (status and log);
        past notAfter → an error in the log."""
        if not os.path.exists(LIBFAKETIME):
            self.skipTest("libfaketime is not installed (apt-get install faketime); only this case needs it")
        c = self.certificate("default")
        not_after = parse_time(c["notAfter"])
        now = datetime.datetime.now(datetime.timezone.utc)
        near = (not_after - now).days - 15
        self.restart(env={"LD_PRELOAD": LIBFAKETIME, "FAKETIME": "+%dd" % near, "DONT_FAKE_MONOTONIC": "1"})
        self.assertIn(self.certificate("default")["daysLeft"], (14, 15, 16), "the faked clock is not in effect")
        self.assertFalse(self.certificate("default")["expired"])
        warnings = self.warnings()
        self.assertTrue(any("default" in w for w in warnings), "15 days left, no warning: %r" % warnings)
        entries = self.wait_log(lambda e: e["level"] == "warning" and "default" in e["message"])
        self.assertTrue(entries, "no warning log entry about 'default' at startup with 15 days left")

        self.restart(env={"LD_PRELOAD": LIBFAKETIME, "FAKETIME": "+%dd" % (near + 20), "DONT_FAKE_MONOTONIC": "1"})
        self.assertLessEqual(self.certificate("default")["daysLeft"], 0)
        self.assertTrue(self.certificate("default")["expired"])
        entries = self.wait_log(lambda e: e["level"] == "error" and "default" in e["message"])
        self.assertTrue(entries, "no error log entry about the expired certificate 'default' at startup: %r"
                        % [e for e in self.call("log.tail", {"limit": 5000})["entries"] if "default" in e["message"]])

    def test_expired_minutes_ago_is_an_error(self):
        """Expired means past notAfter, even when that was only two minutes ago (not "0 days left")."""
        if not os.path.exists(LIBFAKETIME):
            self.skipTest("libfaketime is not installed (apt-get install faketime); only this case needs it")
        not_after = parse_time(self.certificate("default")["notAfter"])
        offset = int((not_after - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) + 120
        self.restart(env={"LD_PRELOAD": LIBFAKETIME, "FAKETIME": "+%d" % offset, "DONT_FAKE_MONOTONIC": "1"})
        errors = self.wait_log(lambda e: e["level"] == "error" and "default" in e["message"])
        self.assertTrue(errors, "the certificate expired two minutes ago, but no error is logged at startup; "
                                "entries naming it: %r, daysLeft %r"
                        % ([(e["level"], e["message"]) for e in self.call("log.tail", {"limit": 5000})["entries"]
                            if "default" in e["message"]], self.certificate("default")["daysLeft"]))
        self.assertTrue(self.certificate("default")["expired"], "expired two minutes ago, but \"expired\" is false")
        warnings = [w for w in self.warnings() if "default" in w]
        self.assertTrue(warnings, "server.status has no warning about the expired certificate")
        self.assertFalse([w for w in warnings if "expires in" in w], "an expired certificate is reported as "
                                                                     "expiring: %r" % warnings)

    def wait_log(self, predicate, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            hits = [e for e in self.call("log.tail", {"limit": 5000})["entries"] if predicate(e)]
            if hits or time.monotonic() > deadline:
                return hits
            time.sleep(0.2)


if __name__ == "__main__":
    unittest.main()
