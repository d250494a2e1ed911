"""Helpers for the POP3 integration tests (test_pop3, test_pop3_hostile) and the POP3 benchmark:
a raw POP3 client with strict reply parsing (status lines, multi-line answers with dot-stuffing
checked on the wire), STLS and implicit TLS, SASL PLAIN/LOGIN/SCRAM-SHA-256 over POP3
(RFC 5034), runners for curl and fetchmail, and Pop3TestCase, which starts maild with pop3 and
pop3s listeners on free ports next to the SMTP listeners that deliver the mail.

Everything is bounded in time: every socket operation has a timeout, every subprocess has a
timeout, every wait has a deadline. The behaviour checked is the one docs/pop3.md describes.
"""
import base64
import hashlib
import hmac
import os
import re
import secrets
import shutil
import socket
import ssl
import stat
import subprocess
import tempfile
import time

from mailroomtest import RawConnection, RpcError
from smtptest import DOMAIN, HOST, TIMEOUT, SmtpTestCase, make_message, open_db
from tlstest import client_context, unsolicited

GREETING = re.compile(r"^\+OK (\S+) POP3 Mailroom ready$")
RESP_CODE = re.compile(r"^\[([A-Z0-9/-]+)\]\s*(.*)$", re.S)
SUBPROCESS_TIMEOUT = 60
CURL = shutil.which("curl") or "curl"
FETCHMAIL = shutil.which("fetchmail") or "/usr/bin/fetchmail"
MAX_LINE = 255  # RFC 2449: a command is at most 255 octets including CRLF


# --------------------------------------------------------------------------------------------
# Raw POP3 client
# --------------------------------------------------------------------------------------------

class Status:
    """One POP3 status line: ok (bool), text (after '+OK '/'-ERR '), code (the RFC 2449
    response code in brackets, e.g. 'IN-USE', or None), sentence (text without the code)."""

    def __init__(self, raw):
        self.raw = raw
        if raw.startswith(b"+OK"):
            self.ok, rest = True, raw[3:]
        elif raw.startswith(b"-ERR"):
            self.ok, rest = False, raw[4:]
        else:
            raise AssertionError("malformed POP3 status line %r" % raw)
        if rest and not rest.startswith(b" "):
            raise AssertionError("no space after the status indicator: %r" % raw)
        self.text = rest[1:].decode("utf-8", "replace") if rest else ""
        m = RESP_CODE.match(self.text)
        self.code = m.group(1) if m else None
        self.sentence = m.group(2) if m else self.text

    def __repr__(self):
        return "Status(%r)" % self.raw.decode("utf-8", "replace")


class Pop3Closed(ConnectionError):
    """The server closed the connection (possibly in the middle of a reply)."""


def unstuff(body: bytes) -> bytes:
    """The bytes of a multi-line answer (without the terminating '.' line) with the
    byte-stuffing removed: every line that starts with '.' loses that first dot."""
    if not body:
        return body
    if body.startswith(b"."):
        body = body[1:]
    return body.replace(b"\r\n.", b"\r\n")


def stuff(content: bytes) -> bytes:
    """What RETR must send for content (which ends with CRLF): every line that starts with '.'
    gets one more, then the '.' line (RFC 1939 3)."""
    assert content.endswith(b"\r\n"), "stored messages end with CRLF"
    stuffed = (b"." + content) if content.startswith(b".") else content
    return stuffed.replace(b"\r\n.", b"\r\n..") + b".\r\n"


class Pop3Conn(RawConnection):
    """A raw POP3 connection: send exactly the bytes given, parse answers strictly.
    context: implicit TLS (pop3s) with that ssl.SSLContext."""

    def __init__(self, port, host=HOST, timeout=TIMEOUT, greeting=True, context=None,
                 server_hostname="localhost"):
        super().__init__(port, host, timeout, context, server_hostname)
        self.greeting = self.status() if greeting else None

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def _fill(self, deadline, what):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise socket.timeout("no %s within %ss; have %r" % (what, self.timeout, self.buffer[-300:]))
        self.sock.settimeout(remaining)
        try:
            chunk = self.sock.recv(1 << 20)
        except ConnectionResetError:
            chunk = b""
        finally:
            self.sock.settimeout(self.timeout)
        if not chunk:
            raise Pop3Closed("connection closed by the server; unparsed %r" % self.buffer[-300:])
        self.buffer += chunk

    def line(self, timeout=None):
        """One line without its CRLF."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while b"\r\n" not in self.buffer:
            self._fill(deadline, "complete line")
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def status(self, timeout=None):
        return Status(self.line(timeout))

    def cmd(self, line, timeout=None):
        """Sends line + CRLF and returns the status line of the answer."""
        self.send((line.encode() if isinstance(line, str) else line) + b"\r\n")
        return self.status(timeout)

    def multiline_raw(self, timeout=None):
        """The body of a multi-line answer exactly as sent (still byte-stuffed), without the
        terminating '.' CRLF. Fails on a bare LF or CR in it."""
        deadline = time.monotonic() + (timeout or max(self.timeout, 60))
        searched = 0
        while True:
            if self.buffer.startswith(b".\r\n"):
                self.buffer = self.buffer[3:]
                return b""
            end = self.buffer.find(b"\r\n.\r\n", max(0, searched - 4))
            if end >= 0:
                body = self.buffer[:end + 2]
                self.buffer = self.buffer[end + 5:]
                return body
            searched = len(self.buffer)
            self._fill(deadline, "end of the multi-line answer")

    def multiline(self, timeout=None):
        """The body of a multi-line answer, un-stuffed (bytes, CRLF line ends)."""
        return unstuff(self.multiline_raw(timeout))

    def lines(self, timeout=None):
        """The lines of a multi-line answer, un-stuffed, as str."""
        body = self.multiline(timeout)
        return [l.decode("utf-8", "replace") for l in body.split(b"\r\n")[:-1]] if body else []

    def stls(self, context=None, server_hostname="localhost", expect_clean=True):
        """STLS, then (on +OK) the handshake over the same socket. Returns the status line."""
        s = self.cmd("STLS")
        if not s.ok:
            return s
        if expect_clean:
            extra = unsolicited(self, 0.3, tls=False)
            if extra:
                raise AssertionError("clear-text bytes after the +OK of STLS: %r" % extra)
        self.buffer = b""
        self.sock = (context or client_context()).wrap_socket(self.sock, server_hostname=server_hostname)
        self.sock.settimeout(self.timeout)
        return s

    def user_pass(self, user, password):
        """USER then PASS; returns (USER status, PASS status or None when USER failed)."""
        u = self.cmd("USER " + user)
        if not u.ok:
            return u, None
        return u, self.cmd("PASS " + password)

    def auth_plain(self, user, password, initial=True, authzid=""):
        token = base64.b64encode(authzid.encode() + b"\0" + user.encode() + b"\0" + password.encode()).decode()
        if initial:
            return self.cmd("AUTH PLAIN " + token)
        self.send(b"AUTH PLAIN\r\n")
        first = read_sasl(self)
        if isinstance(first, Status):
            return first
        if first.data:
            raise AssertionError("the PLAIN challenge must be empty ('+ '): %r" % first.raw)
        return self.cmd(token)

    def is_closed(self, timeout=5.0):
        """True when the server closes the connection within timeout (data that arrives first
        is kept in the buffer); False if it is still open."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(65536)
            except (socket.timeout, TimeoutError):
                return False
            except (ConnectionResetError, ssl.SSLError):
                return True
            finally:
                try:
                    self.sock.settimeout(self.timeout)
                except OSError:
                    pass
            if not chunk:
                return True
            self.buffer += chunk


class Continuation:
    """A '+ <base64>' SASL challenge line (RFC 5034)."""

    def __init__(self, raw):
        self.raw = raw
        self.data = raw[2:] if raw.startswith(b"+ ") else b""


def read_sasl(conn, timeout=None):
    """The next answer during AUTH: a Continuation ('+ ...') or a Status."""
    line = conn.line(timeout)
    if line == b"+" or (line.startswith(b"+ ") and not line.startswith(b"+OK")):
        return Continuation(line)
    return Status(line)


def auth_login(conn, user, password):
    """AUTH LOGIN with two challenges; returns the final Status."""
    conn.send(b"AUTH LOGIN\r\n")
    for value in (user, password):
        r = read_sasl(conn)
        if isinstance(r, Status):
            return r
        conn.send(base64.b64encode(value.encode()) + b"\r\n")
    r = read_sasl(conn)
    if isinstance(r, Continuation):
        raise AssertionError("a third challenge after AUTH LOGIN user and password: %r" % r.raw)
    return r


def auth_scram(conn, user, password, tamper=False):
    """AUTH SCRAM-SHA-256 (RFC 5802/7677 over RFC 5034). Returns (final Status, server
    signature verified)."""
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    nonce = b64(secrets.token_bytes(18))
    first_bare = "n=%s,r=%s" % (user.replace("=", "=3D").replace(",", "=2C"), nonce)
    gs2 = "n,,"
    conn.send(("AUTH SCRAM-SHA-256 " + b64((gs2 + first_bare).encode()) + "\r\n").encode())
    r = read_sasl(conn)
    if isinstance(r, Status):
        return r, False
    server_first = base64.b64decode(r.data).decode()
    attrs = dict(kv.split("=", 1) for kv in server_first.split(","))
    if not attrs.get("r", "").startswith(nonce):
        raise AssertionError("server nonce %r does not extend ours %r" % (attrs.get("r"), nonce))
    salt = base64.b64decode(attrs["s"])
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, int(attrs["i"]))
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    without_proof = "c=%s,r=%s" % (b64(gs2.encode()), attrs["r"])
    auth_message = ",".join([first_bare, server_first, without_proof]).encode()
    signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    if tamper:
        proof = bytes([proof[0] ^ 1]) + proof[1:]
    conn.send((b64((without_proof + ",p=" + b64(proof)).encode()) + "\r\n").encode())
    r = read_sasl(conn)
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    expected = "v=" + b64(hmac.new(server_key, auth_message, hashlib.sha256).digest())
    if isinstance(r, Continuation):
        verified = base64.b64decode(r.data).decode() == expected
        conn.send(b"\r\n")
        return Status(conn.line()), verified
    return r, False


def wait_pop3(port, timeout=15.0, context=None):
    """Waits until port greets with +OK; returns the greeting Status."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with Pop3Conn(port, timeout=5, context=context) as c:
                g = c.greeting
                try:
                    c.cmd("QUIT", timeout=5)
                except (OSError, AssertionError):
                    pass
                if g.ok:
                    return g
                last = g
        except (OSError, AssertionError, ssl.SSLError) as e:
            last = e
        time.sleep(0.1)
    raise AssertionError("maild does not greet with +OK on 127.0.0.1:%d within %ss (%s)" % (port, timeout, last))


def port_refuses(port, timeout=5.0):
    try:
        s = socket.create_connection((HOST, port), timeout=timeout)
    except ConnectionRefusedError:
        return True
    s.close()
    return False


def vm_field(pid, field):
    """A /proc/<pid>/status value in KiB (VmHWM, VmRSS)."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError("no %s in /proc/%d/status" % (field, pid))


# --------------------------------------------------------------------------------------------
# Real clients: curl and fetchmail
# --------------------------------------------------------------------------------------------

def curl(url, user, password, *extra, timeout=SUBPROCESS_TIMEOUT):
    """curl with the credentials; returns the CompletedProcess (stdout bytes, stderr bytes)."""
    cmd = [CURL, "-sS", "--max-time", str(timeout - 5), "--connect-timeout", "10", "-u",
           "%s:%s" % (user, password)] + list(extra) + [url]
    return subprocess.run(cmd, capture_output=True, timeout=timeout)


MDA_SCRIPT = """#!/bin/sh
# fetchmail's MDA for the tests: each message into the next numbered file.
set -e
n=$(ls '{out}' | wc -l)
exec cat > '{out}'/$(printf %06d "$n")
"""


class Fetchmail:
    """One fetchmail run (as root: it warns, then works; --nodetach, no daemon mode) against
    127.0.0.1:port with its own rc file (mode 0600), home and id file under a temporary
    directory, delivering each message through an MDA script into a numbered file."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="pop3-fetchmail-")
        self.out = os.path.join(self.dir, "out")
        os.mkdir(self.out)
        self.mda = os.path.join(self.dir, "mda.sh")
        with open(self.mda, "w") as f:
            f.write(MDA_SCRIPT.format(out=self.out))
        os.chmod(self.mda, 0o755)
        self.result = None
        self.output = ""

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def run(self, port, user, password, tls=None, cafile=None, keep=False, uidl=False, timeout=SUBPROCESS_TIMEOUT):
        """tls: None (plain; STLS not used), 'stls' (STLS, certificate checked against cafile),
        'ssl' (implicit TLS, certificate checked against cafile)."""
        options = ["user \"%s\" there with password \"%s\" is root here" % (user, password),
                   "mda \"%s\"" % self.mda, "no rewrite", "no stripcr", "no mimedecode", "no dropdelivered",
                   "keep" if keep else "no keep", "fetchall"]
        server = ["poll localhost via 127.0.0.1 service %d protocol pop3 timeout 30" % port]
        if uidl:
            server.append("uidl")
        if tls is None:
            options.append("sslproto ''")
        elif tls == "stls":
            options += ["sslproto tls1.2+", "sslcertck", "sslcertfile \"%s\"" % cafile, "sslcommonname localhost"]
        elif tls == "ssl":
            options += ["ssl", "sslproto tls1.2+", "sslcertck", "sslcertfile \"%s\"" % cafile,
                        "sslcommonname localhost"]
        else:
            raise ValueError(tls)
        rc = os.path.join(self.dir, "fetchmailrc")
        with open(rc, "w") as f:
            f.write("set no syslog\nset idfile \"%s\"\n" % os.path.join(self.dir, "fetchids"))
            f.write(" ".join(server) + "\n    " + " ".join(options) + "\n")
        os.chmod(rc, stat.S_IRUSR | stat.S_IWUSR)
        env = dict(os.environ, FETCHMAILHOME=self.dir, HOME=self.dir, LC_ALL="C")
        cmd = [FETCHMAIL, "--nodetach", "-v", "--invisible", "-f", rc, "--pidfile", os.path.join(self.dir, "pid")]
        self.result = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env)
        self.output = self.result.stdout.decode("utf-8", "replace") + self.result.stderr.decode("utf-8", "replace")
        return self.result

    def messages(self):
        result = []
        for name in sorted(os.listdir(self.out)):
            with open(os.path.join(self.out, name), "rb") as f:
                result.append(f.read())
        return result


# --------------------------------------------------------------------------------------------
# Test case base
# --------------------------------------------------------------------------------------------

class Pop3TestCase(SmtpTestCase):
    """maild with smtp, submission, pop3 and pop3s listeners on free ports, domain
    example.test; helpers to deliver, read the store and talk POP3."""

    def setUp(self):
        super().setUp()  # retries on ports taken meanwhile (MailroomTestCase)
        self.pop3_port = self.daemon.ports["pop3"]
        self.pop3s_port = self.daemon.ports["pop3s"]
        try:
            self.pop3_greeting = wait_pop3(self.pop3_port)
        except AssertionError as e:
            try:
                state = self.service("pop3")
            except Exception as f:  # noqa: BLE001
                state = f
            raise AssertionError("%s\npop3 service: %r\nmaild output:\n%s"
                                 % (e, state, self.daemon.read_output()[-4000:])) from None

    # -- control plane -------------------------------------------------------------------

    def service(self, name="pop3"):
        for s in self.rpc.call("server.status")["services"]:
            if s.get("name") == name:
                return s
        raise AssertionError("server.status lists no %s service" % name)

    def counters(self):
        return self.service("pop3").get("counters") or {}

    def usage(self, account):
        return self.rpc.call("account.get", {"name": account})["usageBytes"]

    def certificate_pem(self, service="pop3"):
        """The PEM chain of the certificate the service uses (written to a temp file)."""
        certs = self.rpc.call("tls.list")["certificates"]
        used = [c for c in certs if service in (c.get("usedBy") or [])]
        name = used[0]["name"] if used else self.rpc.call("settings.get", {"keys": ["tls.defaultCertificate"]})[
            "settings"][0]["value"]
        pem = self.rpc.call("tls.get", {"name": name})["certificatePem"]
        fd, path = tempfile.mkstemp(prefix="pop3-ca-", suffix=".pem")
        with os.fdopen(fd, "w") as f:
            f.write(pem)
        self.addCleanup(os.unlink, path)
        return path, pem

    # -- store ---------------------------------------------------------------------------

    def inbox(self, account):
        """The INBOX rows in UID order (the order of the POP3 maildrop)."""
        return self.store.messages(account)

    def uidvalidity(self, account):
        for m in self.store.mailboxes(account):
            if m["name"] == "INBOX":
                return m["uidvalidity"]
        raise AssertionError("%s has no INBOX" % account)

    def index_rows(self, account):
        conn = open_db(self.store.index_path(account))
        try:
            return [dict(r) for r in conn.execute("SELECT * FROM messages ORDER BY uid")]
        finally:
            conn.close()

    def deliver_all(self, account, messages):
        """Delivers each message over SMTP (one connection) and returns the INBOX rows."""
        c = self.smtp()
        for m in messages:
            self.send_message(c, "sender@client.test", ["%s@%s" % (account, DOMAIN)], m)
        self.expect(c.cmd("QUIT"), 221, "2.0.0")
        c.close()
        rows = self.inbox(account)
        self.assertEqual(len(rows), len(messages), "INBOX of %s after delivery" % account)
        return rows

    # -- POP3 ----------------------------------------------------------------------------

    def pop3(self, port=None, context=None, tls=False, timeout=TIMEOUT):
        """A connected session (pop3, or pop3s with tls=True); the greeting is checked."""
        if tls and context is None:
            context = client_context()
        c = Pop3Conn(port or (self.pop3s_port if tls else self.pop3_port), context=context, timeout=timeout)
        self.addCleanup(c.close)
        self.assertTrue(c.greeting.ok, c.greeting)
        self.assertRegex(c.greeting.raw.decode("utf-8", "replace"), GREETING.pattern)
        return c

    def login(self, account, password, conn=None, **kw):
        c = conn or self.pop3(**kw)
        u, p = c.user_pass(account, password)
        self.assertTrue(u.ok, "USER %s: %r" % (account, u))
        self.assertTrue(p is not None and p.ok, "PASS for %s: %r" % (account, p))
        return c

    def expect_ok(self, status, contains=None):
        self.assertIsInstance(status, Status, status)
        self.assertTrue(status.ok, "expected +OK, got %r" % status)
        if contains is not None:
            self.assertIn(contains, status.text, status)
        return status

    def expect_err(self, status, code=None, text=None, contains=None):
        """-ERR with the response code (None: any or none) and exact text after the code, or
        a substring; every -ERR carries a sentence."""
        self.assertIsInstance(status, Status, status)
        self.assertFalse(status.ok, "expected -ERR%s, got %r" % (" [%s]" % code if code else "", status))
        if code is not None:
            self.assertEqual(status.code, code, "expected response code [%s] in %r" % (code, status))
        self.assertTrue(status.sentence.strip(), "-ERR without a sentence: %r" % status)
        if text is not None:
            self.assertEqual(status.sentence, text, status)
        if contains is not None:
            self.assertIn(contains, status.text, status)
        return status

    def capa(self, conn):
        self.expect_ok(conn.cmd("CAPA"))
        return conn.lines()

    def capa_names(self, conn):
        return {l.split(" ", 1)[0].upper() for l in self.capa(conn)}

    def retr(self, conn, n):
        """RETR n; asserts +OK, checks the wire form of the stuffing is consistent and returns
        the un-stuffed bytes."""
        self.expect_ok(conn.cmd("RETR %d" % n))
        return conn.multiline()

    def stat(self, conn):
        s = self.expect_ok(conn.cmd("STAT"))
        m = re.match(r"^(\d+) (\d+)(?: .*)?$", s.text)
        self.assertIsNotNone(m, "STAT answer is not '+OK nn mm': %r" % s)
        return int(m.group(1)), int(m.group(2))

    def list_all(self, conn):
        self.expect_ok(conn.cmd("LIST"))
        out = {}
        for l in conn.lines():
            m = re.match(r"^(\d+) (\d+)$", l)
            self.assertIsNotNone(m, "LIST line %r is not 'n size'" % l)
            out[int(m.group(1))] = int(m.group(2))
        return out

    def uidl_all(self, conn):
        self.expect_ok(conn.cmd("UIDL"))
        out = {}
        for l in conn.lines():
            m = re.match(r"^(\d+) ([\x21-\x7e]{1,70})$", l)
            self.assertIsNotNone(m, "UIDL line %r is not 'n uid' (RFC 1939: 1-70 characters 0x21-0x7E)" % l)
            out[int(m.group(1))] = m.group(2)
        return out


def messages_with(count, size=None, prefix="pop3"):
    return [make_message("%s %d" % (prefix, i), size=size) for i in range(count)]


__all__ = ["Status", "Pop3Conn", "Pop3Closed", "Pop3TestCase", "Fetchmail", "Continuation", "auth_login",
           "auth_scram", "curl", "read_sasl", "stuff", "unstuff", "wait_pop3", "port_refuses", "vm_field",
           "messages_with", "GREETING", "MAX_LINE", "RpcError", "client_context"]
