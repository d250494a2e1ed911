"""Helpers for the SMTP integration tests (test_smtp, test_smtp_hostile, test_smtp_crash):
a raw SMTP client with strict reply parsing, a SCRAM-SHA-256 client, readers for the
per-account message store and the outbound queue, and SmtpTestCase, which starts maild with
an SMTP and a submission port on a fresh data directory with a local domain.

Everything here is bounded in time: every socket operation has a timeout, every wait has a
deadline. The behaviour checked is the one docs/smtp.md describes.
"""
import base64
import hashlib
import hmac
import os
import re
import secrets
import socket
import sqlite3
import time

import mailroomtest
from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, MailroomTestCase, RawConnection, Rpc, RpcError, free_port

DOMAIN = "example.test"
REMOTE = "remote.test"
TIMEOUT = 15.0
HOST = "127.0.0.1"

ENHANCED = re.compile(r"^([245])\.(\d{1,3})\.(\d{1,3})$")
GREETING = re.compile(r"^220 (\S+) ESMTP Mailroom")


# --------------------------------------------------------------------------------------------
# Raw SMTP client
# --------------------------------------------------------------------------------------------

class Reply:
    """One SMTP reply: code (int), lines (text after 'NNN-'/'NNN '), enhanced ('2.1.0' or None)."""

    def __init__(self, code, lines, raw):
        self.code = code
        self.lines = lines
        self.raw = raw
        first = lines[0].split(" ", 1)[0] if lines and lines[0] else ""
        self.enhanced = first if ENHANCED.match(first) else None

    @property
    def text(self):
        return "\n".join(self.lines)

    def __repr__(self):
        return "Reply(%r)" % self.raw.decode("utf-8", "replace")


class SmtpClosed(ConnectionError):
    """The server closed the connection (possibly in the middle of a reply)."""


def dot_stuff(message: bytes) -> bytes:
    """The DATA payload for message (which must end with CRLF), with the final dot line."""
    assert message.endswith(b"\r\n"), "test messages end with CRLF"
    stuffed = re.sub(rb"(?m)^\.", b"..", message)  # (?m)^ follows \n, i.e. every CRLF line
    return stuffed + b".\r\n"


class SmtpConn(RawConnection):
    """A raw SMTP connection: send exactly the bytes given, parse replies strictly."""

    def __init__(self, port, host=HOST, timeout=TIMEOUT, greeting=True):
        super().__init__(port, host, timeout)
        self.greeting = self.reply() if greeting else None

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def _read_line(self, deadline):
        while b"\r\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise socket.timeout("no complete reply line within %ss; have %r" % (self.timeout, self.buffer))
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                raise SmtpClosed("connection closed by the server; unparsed %r" % self.buffer)
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def reply(self, timeout=None):
        """Reads one complete (possibly multi-line) reply."""
        deadline = time.monotonic() + (timeout or self.timeout)
        lines, raw, code = [], b"", None
        while True:
            line = self._read_line(deadline)
            raw += line + b"\r\n"
            m = re.match(rb"^(\d{3})([ -])(.*)$", line) or re.match(rb"^(\d{3})()()$", line)
            if not m:
                raise AssertionError("malformed SMTP reply line %r" % line)
            this = int(m.group(1))
            if code is not None and this != code:
                raise AssertionError("reply code changed inside a multi-line reply: %r" % raw)
            code = this
            lines.append(m.group(3).decode("utf-8", "replace"))
            if m.group(2) != b"-":
                return Reply(code, lines, raw)

    def cmd(self, line, timeout=None):
        self.send(line.encode() + b"\r\n" if isinstance(line, str) else line + b"\r\n")
        return self.reply(timeout)

    def is_closed(self, timeout=5.0):
        """True when the server closes the connection within timeout (pending input ignored
        only if it is a complete reply); False if it is still open."""
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
            except ConnectionResetError:
                return True
            if not chunk:
                return True
            self.buffer += chunk

    def ehlo(self, name="client.test"):
        return self.cmd("EHLO " + name)

    def auth_plain(self, user, password):
        token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()
        return self.cmd("AUTH PLAIN " + token)

    def data(self, message: bytes, timeout=None):
        """DATA (expects 354) then the dot-stuffed message; returns the final reply."""
        r = self.cmd("DATA")
        if r.code != 354:
            return r
        self.send(dot_stuff(message))
        return self.reply(timeout)


def scram_sha256(conn: SmtpConn, user: str, password: str, tamper=False):
    """AUTH SCRAM-SHA-256 (RFC 5802/7677) on conn; returns (final reply, server signature ok)."""
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    nonce = b64(secrets.token_bytes(18))
    client_first_bare = "n=%s,r=%s" % (user.replace("=", "=3D").replace(",", "=2C"), nonce)
    gs2 = "n,,"
    r = conn.cmd("AUTH SCRAM-SHA-256 " + b64((gs2 + client_first_bare).encode()))
    if r.code != 334:
        return r, False
    server_first = base64.b64decode(r.text.strip()).decode()
    attrs = dict(kv.split("=", 1) for kv in server_first.split(","))
    if not attrs.get("r", "").startswith(nonce):
        raise AssertionError("server nonce %r does not extend ours %r" % (attrs.get("r"), nonce))
    salt = base64.b64decode(attrs["s"])
    iterations = int(attrs["i"])
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    without_proof = "c=%s,r=%s" % (b64(gs2.encode()), attrs["r"])
    auth_message = ",".join([client_first_bare, server_first, without_proof]).encode()
    signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    if tamper:
        proof = bytes([proof[0] ^ 1]) + proof[1:]
    r = conn.cmd(b64((without_proof + ",p=" + b64(proof)).encode()))
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    expected_v = b64(hmac.new(server_key, auth_message, hashlib.sha256).digest())
    if r.code == 334:
        final = base64.b64decode(r.text.strip()).decode()
        verified = final == "v=" + expected_v
        r = conn.cmd("")
        return r, verified
    if r.code == 235 and r.text.strip():
        # Some servers put the server-final message in the 235 reply (RFC 4954 allows it).
        for token in r.text.split():
            try:
                if base64.b64decode(token, validate=True).decode() == "v=" + expected_v:
                    return r, True
            except Exception:
                pass
    return r, False


# --------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------

def make_message(subject="test", body=None, sender="sender@client.test", to="alice@" + DOMAIN,
                 headers=(), size=None):
    """An RFC 5322 message with CRLF line ends (ending with CRLF). size pads the body to about
    that many bytes with printable lines."""
    lines = ["From: <%s>" % sender, "To: <%s>" % to, "Subject: %s" % subject,
             "Message-ID: <%s@client.test>" % secrets.token_hex(8), "X-Test-Id: %s" % secrets.token_hex(8)]
    lines += list(headers)
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    if body is None:
        body = b"Hello.\r\nThis is a test message.\r\n"
    elif isinstance(body, str):
        body = body.encode()
    message = head + body
    if size is not None:
        line = b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789\r\n"
        while len(message) + len(line) <= size:
            message += line
        if len(message) < size:
            message += b"x" * max(0, size - len(message) - 2) + b"\r\n"
    return message


TRICKY_BODY = ("Grüße aus Köln — ünïcödé ✓ 日本語\r\n"
               ".a line that starts with a dot\r\n"
               "..two dots\r\n"
               ".\r\n"
               " . not the end\r\n"
               "last line\r\n").encode("utf-8")


def split_stored(content: bytes):
    """Splits a stored message into (return_path_line, received_header, rest). Raises
    AssertionError when it does not start with exactly our Return-Path and Received headers."""
    if not content.startswith(b"Return-Path: "):
        raise AssertionError("stored message does not start with Return-Path: %r" % content[:200])
    end = content.find(b"\r\n")
    return_path = content[:end]
    pos = end + 2
    if not content.startswith(b"Received: ", pos):
        raise AssertionError("second header is not Received: %r" % content[:400])
    start = pos
    while True:
        end = content.find(b"\r\n", pos)
        if end < 0:
            raise AssertionError("Received header not terminated: %r" % content[:400])
        pos = end + 2
        if content[pos:pos + 1] not in (b" ", b"\t"):
            break
    received = content[start:pos - 2]
    return return_path, received, content[pos:]


def unfold(header: bytes) -> str:
    return re.sub(r"\r\n[ \t]+", " ", header.decode("utf-8", "replace"))


# --------------------------------------------------------------------------------------------
# Store readers
# --------------------------------------------------------------------------------------------

def open_db(path, timeout=10):
    """Opens an existing SQLite file (never creates one)."""
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    conn = sqlite3.connect("file:%s?mode=rw" % path, uri=True, timeout=timeout)
    conn.row_factory = sqlite3.Row
    return conn


class Store:
    """Read-only views of a data directory's mail store and queue."""

    def __init__(self, data_dir):
        self.data_dir = data_dir

    def account_dir(self, account):
        return os.path.join(self.data_dir, "mail", account)

    def index_path(self, account):
        return os.path.join(self.account_dir(account), "index.db")

    def accounts_with_index(self):
        base = os.path.join(self.data_dir, "mail")
        if not os.path.isdir(base):
            return []
        return sorted(a for a in os.listdir(base) if os.path.exists(os.path.join(base, a, "index.db")))

    def messages(self, account, mailbox="INBOX"):
        """Every message row of the mailbox (mailbox=None: all mailboxes), each a dict with the
        row's columns plus 'path' and 'content' (None when the file is missing)."""
        path = self.index_path(account)
        if not os.path.exists(path):
            return []
        conn = open_db(path)
        try:
            if mailbox is None:
                rows = conn.execute("SELECT m.*, b.name AS mailbox FROM messages m JOIN mailboxes b "
                                    "ON b.id = m.mailbox_id ORDER BY m.mailbox_id, m.uid").fetchall()
            else:
                rows = conn.execute("SELECT m.*, b.name AS mailbox FROM messages m JOIN mailboxes b "
                                    "ON b.id = m.mailbox_id WHERE b.name = ? ORDER BY m.uid",
                                    (mailbox,)).fetchall()
        finally:
            conn.close()
        result = []
        for row in rows:
            d = dict(row)
            d["path"] = os.path.join(self.account_dir(account), d["file"])
            try:
                with open(d["path"], "rb") as f:
                    d["content"] = f.read()
            except OSError:
                d["content"] = None
            result.append(d)
        return result

    def count(self, account, mailbox=None):
        return len(self.messages(account, mailbox))

    def mailboxes(self, account):
        path = self.index_path(account)
        if not os.path.exists(path):
            return []
        conn = open_db(path)
        try:
            return [dict(r) for r in conn.execute("SELECT * FROM mailboxes ORDER BY id")]
        finally:
            conn.close()

    def queue(self):
        conn = open_db(os.path.join(self.data_dir, "maild.db"))
        try:
            rows = [dict(r) for r in conn.execute("SELECT * FROM queue ORDER BY id")]
        finally:
            conn.close()
        for d in rows:
            d["path"] = os.path.join(self.data_dir, d["file"]) if d.get("file") else None
            try:
                with open(d["path"], "rb") as f:
                    d["content"] = f.read()
            except (OSError, TypeError):
                d["content"] = None
        return rows

    def usage_meta(self, account):
        """The 'usage' value of index.db's meta table, or None when there is no such table/key."""
        conn = open_db(self.index_path(account))
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "meta" not in tables:
                return None
            cols = [r[1] for r in conn.execute("PRAGMA table_info(meta)")]
            if "key" in cols and "value" in cols:
                row = conn.execute("SELECT value FROM meta WHERE key='usage'").fetchone()
                return None if row is None else int(row[0])
            return None
        finally:
            conn.close()


def integrity_check(path):
    conn = open_db(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


# --------------------------------------------------------------------------------------------
# Test case base
# --------------------------------------------------------------------------------------------

def wait_smtp(port, timeout=15.0):
    """Waits until port answers with a 220 greeting; returns the greeting Reply."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with SmtpConn(port, timeout=5) as c:
                g = c.greeting
                try:
                    c.cmd("QUIT", timeout=5)
                except (OSError, AssertionError):
                    pass
                return g
        except (OSError, AssertionError) as e:
            last = e
            time.sleep(0.1)
    raise AssertionError("maild does not answer SMTP on 127.0.0.1:%d within %ss (%s)" % (port, timeout, last))


def port_refuses(port, timeout=5.0):
    """True when a TCP connection to port is refused (nothing listens)."""
    try:
        s = socket.create_connection((HOST, port), timeout=timeout)
    except ConnectionRefusedError:
        return True
    s.close()
    return False


class SmtpTestCase(MailroomTestCase):
    """A running maild with SMTP and submission listeners, domain example.test, and helpers."""

    extra_args = ()

    def setUp(self):
        self.daemon_args = list(self.extra_args)
        super().setUp()
        self.smtp_port = self.daemon.ports["smtp"]
        self.submission_port = self.daemon.ports["submission"]
        self.store = Store(self.daemon.data_dir)
        self.rpc.call("domain.add", {"name": DOMAIN})
        self.greeting = wait_smtp(self.smtp_port)

    # -- control plane -------------------------------------------------------------------

    def create_account(self, name, password=None, **mail):
        params = {"name": name, "fullName": name.capitalize()}
        if password is not None:
            params["password"] = password
        if mail:
            params["mail"] = mail
        return self.rpc.call("account.create", params)

    def update_mail(self, name, **mail):
        return self.rpc.call("account.update", {"name": name, "mail": mail})

    def set_settings(self, values):
        return self.rpc.call("settings.set", {"values": values})

    def smtp_service(self):
        status = self.rpc.call("server.status")
        for s in status["services"]:
            if s.get("name") == "smtp":
                return s
        raise AssertionError("server.status lists no smtp service: %r" % status["services"])

    # -- SMTP ----------------------------------------------------------------------------

    def smtp(self, port=None, ehlo=True, timeout=TIMEOUT):
        c = SmtpConn(port or self.smtp_port, timeout=timeout)
        self.addCleanup(c.close)
        self.assertEqual(c.greeting.code, 220, c.greeting)
        if ehlo:
            self.expect(c.ehlo(), 250, enhanced=False)
        return c

    def expect(self, reply, code, enhanced=None, contains=None):
        """Asserts reply's code (and enhanced status code, and a substring). Every reply other
        than the greeting, EHLO/HELO, 334 and 354 must carry an RFC 3463 code (docs/smtp.md)."""
        self.assertEqual(reply.code, code, "expected %d%s, got %r" % (code, " " + enhanced if enhanced else "", reply))
        if reply.code not in (220, 334, 354) and enhanced is not False:
            self.expect_enhanced(reply)
        if enhanced:
            self.assertEqual(reply.enhanced, enhanced, "expected enhanced code %s in %r" % (enhanced, reply))
        if contains is not None:
            self.assertIn(contains, reply.text, reply)
        return reply

    def expect_enhanced(self, reply):
        """Every reply after the greeting carries an RFC 3463 code matching its class."""
        self.assertIsNotNone(reply.enhanced, "reply without an enhanced status code: %r" % reply)
        self.assertEqual(reply.enhanced[0], str(reply.code)[0], "class mismatch in %r" % reply)

    def send_message(self, conn, sender, recipients, message, mail_params=""):
        """MAIL, RCPT each, DATA on an open connection; asserts every step's success and
        returns the final reply."""
        self.expect(conn.cmd("MAIL FROM:<%s>%s" % (sender, (" " + mail_params) if mail_params else "")), 250, "2.1.0")
        for r in recipients:
            self.expect(conn.cmd("RCPT TO:<%s>" % r), 250, "2.1.5")
        final = conn.data(message)
        self.expect(final, 250, "2.0.0")
        return final

    def deliver(self, sender, recipients, message, port=None, auth=None, mail_params=""):
        c = self.smtp(port)
        if auth:
            self.expect(c.auth_plain(*auth), 235, "2.7.0")
        final = self.send_message(c, sender, recipients, message, mail_params)
        self.expect(c.cmd("QUIT"), 221, "2.0.0")
        c.close()
        return final

    # -- store checks --------------------------------------------------------------------

    def find_stored(self, account, message, mailbox="INBOX"):
        """The rows of account's mailbox whose bytes after our two headers equal message."""
        found = []
        for row in self.store.messages(account, mailbox):
            if row["content"] is None:
                continue
            try:
                _, _, rest = split_stored(row["content"])
            except AssertionError:
                continue
            if rest == message:
                found.append(row)
        return found

    def assert_stored(self, account, message, sender=None, authenticated=None, helo=None):
        """Exactly one copy of message in account's INBOX, byte for byte after Return-Path and
        Received; the file exists with the recorded size; returns the row."""
        rows = self.store.messages(account)
        self.assertTrue(rows, "no message in %s's INBOX (index %s)" % (account, self.store.index_path(account)))
        for row in rows:
            self.assertIsNotNone(row["content"], "index row without its file: %r" % row["path"])
            self.assertEqual(row["size"], len(row["content"]), "index size differs from file size: %r" % row["path"])
            self.assertEqual(os.path.getsize(row["path"]), row["size"])
        found = self.find_stored(account, message)
        if not found:
            diffs = []
            for row in rows:
                try:
                    diffs.append(split_stored(row["content"])[2][:300])
                except AssertionError as e:
                    diffs.append(str(e))
            self.fail("message not stored byte-for-byte in %s's INBOX.\nsent: %r\nstored bodies: %r"
                      % (account, message[:300], diffs))
        self.assertEqual(len(found), 1, "message stored %d times in %s's INBOX" % (len(found), account))
        row = found[0]
        return_path, received, _ = split_stored(row["content"])
        if sender is not None:
            self.assertEqual(return_path, b"Return-Path: <" + sender.encode() + b">")
        text = unfold(received)
        self.assertRegex(text, r"^Received: from \S+ \(\[127\.0\.0\.1\]\) by \S+ \(Mailroom\) with ESMTPA? id \S+; .+")
        if helo is not None:
            self.assertTrue(text.startswith("Received: from %s " % helo), text)
        if authenticated is True:
            self.assertIn(" with ESMTPA ", text)
        elif authenticated is False:
            self.assertIn(" with ESMTP ", text)
        return row

    def assert_no_message(self, account):
        self.assertEqual(self.store.count(account), 0,
                         "%s has messages: %r" % (account, [r["content"][:200] if r["content"] else None
                                                           for r in self.store.messages(account, None)]))

    def total_messages(self):
        return sum(self.store.count(a) for a in self.store.accounts_with_index())

    def queue_rows_for(self, recipient):
        return [r for r in self.store.queue() if (r.get("recipient") or "").lower() == recipient.lower()]

    def assert_queued(self, recipient, message):
        rows = self.queue_rows_for(recipient)
        self.assertEqual(len(rows), 1, "queue rows for %s: %r" % (recipient, [(r["recipient"], r["state"]) for r in self.store.queue()]))
        row = rows[0]
        self.assertIsNotNone(row["content"], "queue file %r missing" % row["path"])
        self.assertTrue(row["content"].endswith(message), "queue file does not end with the message as sent")
        return row
