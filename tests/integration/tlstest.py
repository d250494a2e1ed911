"""Helpers for the TLS integration tests (test_tls, test_certificates): fingerprints, Python
ssl contexts, `openssl s_client` runs, STARTTLS on a raw SmtpConn, implicit-TLS SMTP
connections, a throwaway PKI (the `openssl` CLI and the `cryptography` package) and
TlsTestCase, which starts maild with smtp, submission and smtps listeners on free ports.

Everything is bounded in time: subprocesses have timeouts, sockets have timeouts.
The behaviour checked is the one docs/tls.md describes.
"""
import datetime
import hashlib
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import warnings

from mailroomtest import RawConnection, RpcError
from smtptest import HOST, TIMEOUT, SmtpConn, SmtpTestCase, free_port, split_stored, unfold

try:  # the cryptography package builds certificates the openssl CLI of Debian 12 cannot
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import NameOID, ExtendedKeyUsageOID
    HAVE_CRYPTOGRAPHY = True
except ImportError:  # pragma: no cover - Debian: python3-cryptography
    HAVE_CRYPTOGRAPHY = False

OPENSSL = shutil.which("openssl") or "openssl"
SUBPROCESS_TIMEOUT = 30
FINGERPRINT_FORMAT = re.compile(r"^[0-9A-F]{2}(:[0-9A-F]{2}){31}$")
PEM_CERT = re.compile(r"-----BEGIN CERTIFICATE-----\r?\n.*?-----END CERTIFICATE-----", re.S)
AEAD_ECDHE_TLS12 = re.compile(r"^ECDHE-(ECDSA|RSA)-(AES128-GCM-SHA256|AES256-GCM-SHA384|CHACHA20-POLY1305)$")
CERTIFICATE_KEYS = {"name", "state", "subject", "issuer", "sans", "notBefore", "notAfter", "expired", "daysLeft",
                    "fingerprint", "selfSigned", "keyType", "usedBy"}


# --------------------------------------------------------------------------------------------
# PEM, DER, fingerprints
# --------------------------------------------------------------------------------------------

def pem_certificates(text):
    """The PEM certificate blocks of text, in order."""
    if isinstance(text, bytes):
        text = text.decode("ascii", "replace")
    return PEM_CERT.findall(text)


def pem_to_der(pem):
    return ssl.PEM_cert_to_DER_cert(pem.replace("\r\n", "\n"))


def fingerprint_der(der):
    """SHA-256 fingerprint in the form docs/tls.md uses: 'AB:CD:...' (upper case)."""
    return ":".join("%02X" % b for b in hashlib.sha256(der).digest())


def fingerprint_pem(pem):
    return fingerprint_der(pem_to_der(pem))


def leaf_fingerprint(pem_text):
    blocks = pem_certificates(pem_text)
    if not blocks:
        raise AssertionError("no PEM certificate in %r" % pem_text[:300])
    return fingerprint_pem(blocks[0])


def load_cert(pem_or_der):
    if isinstance(pem_or_der, str):
        pem_or_der = pem_or_der.encode()
    if pem_or_der.lstrip().startswith(b"-----"):
        return x509.load_pem_x509_certificate(pem_or_der)
    return x509.load_der_x509_certificate(pem_or_der)


def cert_sans(cert):
    try:
        ext = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return []
    return ext.value.get_values_for_type(x509.DNSName)


def public_key_der(key_or_cert):
    pub = key_or_cert.public_key()
    return pub.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def private_key_body_lines(pem_bytes):
    """The base64 lines of a PEM private key (to look for them in control answers)."""
    lines = pem_bytes.decode("ascii", "replace").splitlines()
    return [l for l in lines if l and not l.startswith("-----") and len(l) >= 40]


def tree_snapshot(path):
    """{relative path: (mode, sha256)} of every file and directory under path."""
    result = {}
    if not os.path.exists(path):
        return result
    for root, dirs, files in os.walk(path):
        for d in dirs:
            full = os.path.join(root, d)
            result[os.path.relpath(full, path) + "/"] = (os.stat(full).st_mode, None)
        for f in files:
            full = os.path.join(root, f)
            with open(full, "rb") as fh:
                digest = hashlib.sha256(fh.read()).hexdigest()
            result[os.path.relpath(full, path)] = (os.stat(full).st_mode, digest)
    return result


# --------------------------------------------------------------------------------------------
# Python ssl
# --------------------------------------------------------------------------------------------

def client_context(minimum=None, maximum=None, ciphers=None, cadata=None, check_hostname=False):
    """A client SSLContext. Without cadata it does not verify (the certificate is compared by
    fingerprint instead); with cadata (PEM) it verifies the chain and, if asked, the host name."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if cadata:
        ctx.load_verify_locations(cadata=cadata)
        ctx.check_hostname = check_hostname
        ctx.verify_mode = ssl.CERT_REQUIRED
    else:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if minimum is not None:
            ctx.minimum_version = minimum
        if maximum is not None:
            ctx.maximum_version = maximum
    if ciphers:
        ctx.set_ciphers(ciphers)
    return ctx


def legacy_context(version):
    """A client that is willing to speak exactly the old version (TLS 1.0 or 1.1)."""
    return client_context(minimum=version, maximum=version, ciphers="DEFAULT@SECLEVEL=0")


class TlsSmtpConn(SmtpConn):
    """An SMTP connection over implicit TLS (the smtps listener)."""

    def __init__(self, port, context=None, host=HOST, timeout=TIMEOUT, server_hostname="localhost", greeting=True):
        RawConnection.__init__(self, port, host, timeout, context or client_context(), server_hostname)
        self.greeting = self.reply() if greeting else None

def starttls(conn, context=None, server_hostname="localhost", expect_clean=True):
    """STARTTLS on a raw SmtpConn: expects 220, checks that nothing else was sent in clear
    text, then does the handshake over the same socket. Returns the 220 reply."""
    r = conn.cmd("STARTTLS")
    if r.code != 220:
        raise AssertionError("STARTTLS answered %r" % r)
    if expect_clean:
        extra = unsolicited(conn, 0.3, tls=False)
        if extra:
            raise AssertionError("clear-text bytes after the 220 of STARTTLS: %r" % extra)
    conn.sock = (context or client_context()).wrap_socket(conn.sock, server_hostname=server_hostname)
    conn.sock.settimeout(conn.timeout)
    return r


def unsolicited(conn, seconds, tls=True):
    """Whatever the server sends within seconds without being asked (b'' when nothing).
    Bytes already buffered count too."""
    data = conn.buffer
    deadline = time.monotonic() + seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        conn.sock.settimeout(remaining)
        try:
            chunk = conn.sock.recv(65536)
        except (socket.timeout, TimeoutError):
            break
        except (ssl.SSLError, ConnectionResetError) as e:
            data += ("<%s>" % e).encode()
            break
        if not chunk:
            data += b"<closed>"
            break
        data += chunk
    conn.sock.settimeout(conn.timeout)
    return data


def tls_probe(port, context, starttls_first=False, timeout=TIMEOUT, server_hostname="localhost"):
    """One handshake with context, on the implicit port or after EHLO+STARTTLS. Returns
    (version, cipher name, leaf DER) or raises (ssl.SSLError, OSError, AssertionError)."""
    if starttls_first:
        conn = SmtpConn(port, timeout=timeout)
        try:
            r = conn.ehlo()
            if r.code != 250:
                raise AssertionError("EHLO answered %r" % r)
            starttls(conn, context, server_hostname=server_hostname)
            s = conn.sock
            return s.version(), s.cipher()[0], s.getpeercert(binary_form=True)
        finally:
            conn.close()
    raw = socket.create_connection((HOST, port), timeout=timeout)
    try:
        s = context.wrap_socket(raw, server_hostname=server_hostname)
        try:
            return s.version(), s.cipher()[0], s.getpeercert(binary_form=True)
        finally:
            s.close()
    finally:
        raw.close()


def ehlo_keywords(reply):
    """The EHLO keywords (upper case, first word of each line after the first)."""
    return [line.split(" ", 1)[0].upper() for line in reply.lines[1:] if line]


# --------------------------------------------------------------------------------------------
# openssl s_client / s_server
# --------------------------------------------------------------------------------------------

class SClient:
    def __init__(self, result):
        self.returncode = result.returncode
        self.output = result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
        self.certificates = pem_certificates(result.stdout)
        # "New, TLSv1.3, Cipher is ..." is always printed after a handshake; the SSL-Session
        # block ("Protocol  : ...") only once a TLS 1.3 session ticket has arrived.
        m = re.search(r"^New, (TLSv[0-9.]+), Cipher is", self.output, re.M) or \
            re.search(r"^\s*Protocol\s*:\s*(\S+)", self.output, re.M)
        self.protocol = m.group(1) if m else None
        m = re.search(r"Cipher is (\S+)", self.output)
        self.cipher = m.group(1) if m and m.group(1) != "(NONE)" else None

    @property
    def handshake_ok(self):
        return self.returncode == 0 and self.cipher is not None and bool(self.certificates)

    @property
    def leaf_fingerprint(self):
        return fingerprint_pem(self.certificates[0]) if self.certificates else None

    def __repr__(self):
        return "s_client rc=%s protocol=%s cipher=%s\n%s" % (self.returncode, self.protocol, self.cipher,
                                                             self.output[-3000:])


def s_client(port, *extra, starttls_smtp=False, servername="localhost", timeout=SUBPROCESS_TIMEOUT):
    cmd = [OPENSSL, "s_client", "-connect", "%s:%d" % (HOST, port), "-showcerts"]
    if servername:
        cmd += ["-servername", servername]
    if starttls_smtp:
        cmd += ["-starttls", "smtp"]
    cmd += list(extra)
    result = subprocess.run(cmd, input=b"", capture_output=True, timeout=timeout)
    return SClient(result)


def openssl(*args, input=None, timeout=SUBPROCESS_TIMEOUT, check=True, cwd=None):
    result = subprocess.run([OPENSSL] + list(args), input=input, capture_output=True, timeout=timeout, cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError("openssl %s failed (%d): %s%s" % (" ".join(args), result.returncode,
                                                                result.stdout.decode("utf-8", "replace"),
                                                                result.stderr.decode("utf-8", "replace")))
    return result


class OpensslServer:
    """`openssl s_server` with the given flags (e.g. only TLS 1.0): the control experiment that
    proves a client used against maild really is willing and able to speak what it offers."""

    def __init__(self, directory, *flags):
        self.port = free_port()
        key = os.path.join(directory, "control-key.pem")
        cert = os.path.join(directory, "control-cert.pem")
        if not os.path.exists(cert):
            openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", key, "-out", cert, "-subj", "/CN=localhost", "-days", "2")
        # stdin stays open: s_server stops at end of input.
        self.proc = subprocess.Popen([OPENSSL, "s_server", "-accept", "%s:%d" % (HOST, self.port),
                                      "-cert", cert, "-key", key] + list(flags),
                                     stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                socket.create_connection((HOST, self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise AssertionError("openssl s_server %s did not listen" % " ".join(flags))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        if self.proc.stdin:
            self.proc.stdin.close()


# --------------------------------------------------------------------------------------------
# A throwaway PKI
# --------------------------------------------------------------------------------------------

class Pki:
    """Keys and certificates in a temporary directory. CA and CSR signing with the openssl
    CLI; certificates with arbitrary dates with the cryptography package."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="tls-test-pki-")
        self.serial = 1000

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        if isinstance(data, str):
            data = data.encode()
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self.path(name)

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read().decode()

    # -- openssl CLI -------------------------------------------------------------------

    def openssl_ca(self, name="ca", cn="Mailroom Test CA"):
        """A CA made by `openssl req -x509`; returns (cert path, key path)."""
        key, cert = self.path(name + ".key"), self.path(name + ".pem")
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key, "-out", cert, "-subj", "/CN=" + cn, "-days", "365",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        return cert, key

    def openssl_sign_csr(self, csr_pem, ca, days, name="signed"):
        """Signs csr_pem with ca (from openssl_ca), copying its extensions; returns the leaf PEM."""
        csr_path = self.write(name + ".csr", csr_pem)
        out = self.path(name + ".pem")
        ext = self.write(name + ".ext", "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                                       "extendedKeyUsage=serverAuth\n")
        openssl("x509", "-req", "-in", csr_path, "-CA", ca[0], "-CAkey", ca[1], "-set_serial", str(self._serial()),
                "-days", str(days), "-copy_extensions", "copy", "-extfile", ext, "-out", out, "-sha256")
        return self.read(name + ".pem")

    def openssl_leaf(self, hosts, ca, days, name="leaf", key_args=("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256")):
        """A key and a CSR made by openssl req, signed by ca for days; returns (leaf PEM, key PEM)."""
        key = self.path(name + ".key")
        csr = self.path(name + ".csr")
        openssl("req", "-new", *key_args, "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=" + hosts[0],
                "-addext", "subjectAltName=" + ",".join("DNS:" + h for h in hosts))
        leaf = self.openssl_sign_csr(self.read(name + ".csr"), ca, days, name=name + "-signed")
        return leaf, self.read(name + ".key")

    def _serial(self):
        self.serial += 1
        return self.serial

    # -- cryptography ------------------------------------------------------------------

    @staticmethod
    def key(kind="ec", bits=2048):
        if kind == "ec":
            return ec.generate_private_key(ec.SECP256R1())
        return rsa.generate_private_key(public_exponent=65537, key_size=bits)

    @staticmethod
    def key_pem(key, password=None):
        enc = (serialization.BestAvailableEncryption(password.encode()) if password
               else serialization.NoEncryption())
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc).decode()

    @staticmethod
    def cert_pem(cert):
        return cert.public_bytes(serialization.Encoding.PEM).decode()

    def ca(self, cn="Mailroom Test CA (cryptography)", key=None):
        key = key or self.key("ec")
        now = datetime.datetime.now(datetime.timezone.utc)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(self._serial()).not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=365))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                             key_encipherment=False, data_encipherment=False,
                                             key_agreement=False, key_cert_sign=True, crl_sign=True,
                                             encipher_only=False, decipher_only=False), critical=True)
                .sign(key, hashes.SHA256()))
        return cert, key

    def leaf(self, hosts, issuer=None, key=None, not_before=None, not_after=None, days=90):
        """A server certificate for hosts signed by issuer ((cert, key) from ca()); self-signed
        without issuer. Returns (cert, key)."""
        key = key or self.key("ec")
        now = datetime.datetime.now(datetime.timezone.utc)
        not_before = not_before or now - datetime.timedelta(hours=1)
        not_after = not_after or now + datetime.timedelta(days=days)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])])
        issuer_name = issuer[0].subject if issuer else subject
        signing_key = issuer[1] if issuer else key
        cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
                .public_key(key.public_key()).serial_number(self._serial())
                .not_valid_before(not_before).not_valid_after(not_after)
                .add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in hosts]), critical=False)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                .sign(signing_key, hashes.SHA256()))
        return cert, key


# --------------------------------------------------------------------------------------------
# Test case base
# --------------------------------------------------------------------------------------------

def wait_tls(port, timeout=15.0):
    """Waits until the implicit-TLS port completes a handshake and greets with 220."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with TlsSmtpConn(port, timeout=5) as c:
                if c.greeting.code == 220:
                    return c.greeting
                last = c.greeting
        except (OSError, AssertionError, ssl.SSLError) as e:
            last = e
        time.sleep(0.1)
    raise AssertionError("no TLS SMTP greeting on 127.0.0.1:%d within %ss (%s)" % (port, timeout, last))


class TlsTestCase(SmtpTestCase):
    """maild with smtp, submission and smtps (implicit TLS) listeners on free ports. Every
    control answer seen through self.call is checked for private key material."""

    def setUp(self):
        super().setUp()
        self.smtps_port = self.daemon.ports["smtps"]
        self.answers = []

    # -- control -------------------------------------------------------------------------

    def call(self, method, params=None, rpc=None):
        """rpc.call, keeping the raw answer, which must never hold a private key."""
        response = (rpc or self.rpc).request(method, params)
        text = json.dumps(response)
        self.answers.append(text)
        self.assertNotIn("PRIVATE KEY", text, "a control answer of %s holds a private key" % method)
        if "error" in response:
            raise RpcError(response["error"])
        return response["result"]

    def expect_error(self, code, method, params=None, field=None):
        with self.assertRaises(RpcError, msg="%s %r succeeded" % (method, params)) as ctx:
            self.call(method, params)
        codes = code if isinstance(code, (tuple, list)) else (code,)
        self.assertIn(ctx.exception.code, codes, "%s %r: %s (data %r)" % (method, params, ctx.exception,
                                                                        ctx.exception.data))
        self.assertTrue(ctx.exception.message, "every error carries a sentence")
        if field is not None:
            fields = field if isinstance(field, (tuple, list)) else (field,)
            self.assertIn((ctx.exception.data or {}).get("field"), fields,
                          "%s: data.field %r, expected %r (%s)" % (method, ctx.exception.data, field, ctx.exception))
        return ctx.exception

    def setting(self, key):
        return self.call("settings.get", {"keys": [key]})["settings"][0]["value"]

    def certificates(self):
        return self.call("tls.list")["certificates"]

    def certificate(self, name):
        for c in self.certificates():
            if c["name"] == name:
                return c
        raise AssertionError("tls.list has no %r: %r" % (name, [c["name"] for c in self.certificates()]))

    def assigned(self, service="smtp"):
        """The one certificate whose usedBy names service."""
        used = [c for c in self.certificates() if service in (c.get("usedBy") or [])]
        self.assertEqual(len(used), 1, "certificates used by %s: %r" % (service, self.certificates()))
        return used[0]

    def tls_dir(self, name=None):
        base = os.path.join(self.daemon.data_dir, "tls")
        return os.path.join(base, name) if name else base

    def assert_certificate_object(self, c):
        missing = CERTIFICATE_KEYS - set(c)
        self.assertFalse(missing, "certificate object lacks %s: %r" % (sorted(missing), c))
        self.assertIn(c["state"], ("active", "pending"))
        if c["state"] == "active":
            self.assertRegex(c["fingerprint"], FINGERPRINT_FORMAT.pattern)
            self.assertIsInstance(c["expired"], bool)
        self.assertIsInstance(c["sans"], list)
        self.assertIsInstance(c["usedBy"], list)
        self.assertIsInstance(c["selfSigned"], bool)

    # -- SMTP over TLS -------------------------------------------------------------------

    def smtps(self, context=None, ehlo=True):
        c = TlsSmtpConn(self.smtps_port, context=context)
        self.addCleanup(c.close)
        self.expect(c.greeting, 220, enhanced=False)
        if ehlo:
            self.expect(c.ehlo(), 250, enhanced=False)
        return c

    def received_header(self, account, message):
        """The unfolded Received header of the stored copy of message (exactly one copy)."""
        found = self.find_stored(account, message)
        self.assertEqual(len(found), 1, "copies of the message in %s's INBOX: %d" % (account, len(found)))
        _, received, _ = split_stored(found[0]["content"])
        return unfold(received)
