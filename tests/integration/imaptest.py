"""Helpers for the IMAP integration tests (test_imap, test_imap_clients, test_imap_hostile): a
raw IMAP client that sends exactly the bytes given and parses responses strictly (literals in
responses included), a parser for IMAP response data (atoms, strings, literals, NIL, lists),
helpers for FETCH/LIST/STATUS/SEARCH responses and response codes, and ImapTestCase, which
starts maild with smtp, submission, pop3, pop3s, imap and imaps listeners on free ports.

One daemon serves every test of an ImapTestCase class (started in setUpClass) so that the
suite stays fast under AddressSanitizer; tests of one class therefore use their own accounts
(new_account()). A class that changes settings restores them or lives alone.

Everything is bounded in time: every socket operation has a timeout, every subprocess has a
timeout, every wait has a deadline. The behaviour checked is what RFC 3501 and the extensions
maild announces (IDLE, UIDPLUS, MOVE, NAMESPACE, ID, ENABLE, LITERAL+, SPECIAL-USE, QUOTA,
CONDSTORE) require.
"""
import itertools
import re
import shutil
import socket
import ssl
import subprocess
import time

import mailroomtest
from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, RawConnection, Rpc
from pop3test import Pop3TestCase, wait_pop3
from smtptest import DOMAIN, HOST, Store, make_message, wait_smtp
from tlstest import client_context

TIMEOUT = 15.0
SUBPROCESS_TIMEOUT = 60
CURL = shutil.which("curl") or "curl"
MUTT = shutil.which("mutt")
LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
SPECIAL_USE = {"Sent": "\\Sent", "Drafts": "\\Drafts", "Trash": "\\Trash", "Junk": "\\Junk",
               "Archive": "\\Archive"}
EXTENSIONS = ("IMAP4REV1", "IDLE", "UIDPLUS", "MOVE", "NAMESPACE", "ID", "ENABLE", "SPECIAL-USE",
              "QUOTA", "CONDSTORE")  # and LITERAL- before login, LITERAL+ after it (RFC 7888)


# --------------------------------------------------------------------------------------------
# Response data parser (RFC 3501 9: atoms, numbers, quoted strings, literals, NIL, lists)
# --------------------------------------------------------------------------------------------

class Literal(bytes):
    """A string that came as a literal."""


class ParseError(AssertionError):
    pass


_ATOM_END = b" ()\r\n"


def parse_data(data, pos=0, closing=None):
    """Parses IMAP response data from data[pos:]; returns (list of items, pos). Items: str for
    atoms (brackets kept: 'BODY[HEADER.FIELDS (FROM)]<0>'), bytes for quoted strings and
    Literal for literals, None for NIL, list for parenthesized lists."""
    items = []
    n = len(data)
    while pos < n:
        c = data[pos:pos + 1]
        if c == b" ":
            pos += 1
            continue
        if c == b")":
            if closing != b")":
                raise ParseError("unbalanced ')' at %d in %r" % (pos, data[:300]))
            return items, pos + 1
        if c == b"(":
            sub, pos = parse_data(data, pos + 1, b")")
            items.append(sub)
            continue
        if c == b"\"":
            out = bytearray()
            pos += 1
            while True:
                if pos >= n:
                    raise ParseError("unterminated quoted string in %r" % data[:300])
                ch = data[pos]
                if ch == 0x5C:  # backslash
                    if pos + 1 >= n or data[pos + 1] not in (0x22, 0x5C):
                        raise ParseError("bad escape in quoted string at %d: %r" % (pos, data[:300]))
                    out.append(data[pos + 1])
                    pos += 2
                elif ch == 0x22:
                    pos += 1
                    break
                elif ch in (0x0D, 0x0A, 0x00) or ch >= 0x80:
                    # RFC 3501 9: QUOTED-CHAR is a TEXT-CHAR, i.e. 7-bit without CR/LF/NUL
                    raise ParseError("CR/LF/NUL or an 8-bit byte inside a quoted string (RFC 3501 9 "
                                     "needs a literal): %r" % data[max(0, pos - 60):pos + 60])
                else:
                    out.append(ch)
                    pos += 1
            items.append(bytes(out))
            continue
        if c == b"{":
            m = re.compile(rb"\{(\d+)\}\r\n").match(data, pos)
            if not m:
                raise ParseError("bad literal header at %d: %r" % (pos, data[pos:pos + 40]))
            size = int(m.group(1))
            start = m.end()
            if start + size > n:
                raise ParseError("literal of %d bytes runs past the response" % size)
            items.append(Literal(data[start:start + size]))
            pos = start + size
            continue
        if c in (b"\r", b"\n"):
            raise ParseError("line break outside a literal at %d: %r" % (pos, data[:300]))
        # an atom, with [...] sections (which may hold spaces and lists) and <partial>
        start = pos
        depth = 0
        while pos < n:
            ch = data[pos:pos + 1]
            if ch == b"[":
                depth += 1
            elif ch == b"]":
                depth -= 1
            elif depth == 0 and ch in (b" ", b"(", b")"):
                if ch == b"(" and pos > start:
                    raise ParseError("'(' inside an atom at %d: %r" % (pos, data[:300]))
                break
            elif ch in (b"\r", b"\n"):
                raise ParseError("line break inside an atom: %r" % data[:300])
            pos += 1
        atom = data[start:pos].decode("latin-1")
        items.append(None if atom == "NIL" else atom)
    if closing is not None:
        raise ParseError("missing ')' in %r" % data[:300])
    return items, pos


def parse(data):
    items, _ = parse_data(data)
    return items


def astr(item):
    """A parsed string/atom as str (None stays None)."""
    if item is None:
        return None
    if isinstance(item, bytes):
        return item.decode("utf-8", "replace")
    return item


def pairs(lst):
    """A FETCH item list ['UID', '3', 'FLAGS', [...]] as a dict with upper-cased keys."""
    if len(lst) % 2:
        raise ParseError("odd number of FETCH items: %r" % (lst,))
    out = {}
    for k, v in zip(lst[0::2], lst[1::2]):
        if not isinstance(k, str):
            raise ParseError("FETCH item name is not an atom: %r" % (k,))
        out[k.upper()] = v
    return out


# --------------------------------------------------------------------------------------------
# Raw IMAP client
# --------------------------------------------------------------------------------------------

CODE = re.compile(rb"^\[([^\]]*)\]\s?(.*)$", re.S)
LITERAL_AT_END = re.compile(rb"\{(\d+)\}$")


class Response:
    """One tagged completion with the untagged responses that came before it. status is
    'OK'/'NO'/'BAD' ('BYE' when the server closed with an untagged BYE instead), code the
    response code's name ('TOOBIG', 'COPYUID', ...), code_args its text after the name, text the
    human text after the code, untagged the raw untagged responses (without '* ' and CRLF,
    literals inline)."""

    def __init__(self, tag, line, untagged):
        self.tag = tag
        self.raw = line
        self.untagged = untagged
        rest = line[len(tag) + 1:] if tag else line
        status, _, text = rest.partition(b" ")
        self.status = status.decode("latin-1").upper()
        self.code, self.code_args, self.text = split_code(text)

    @property
    def ok(self):
        return self.status == "OK"

    def data(self, name):
        """The untagged responses whose first (or, for 'n EXISTS'-style, second) word is name,
        each parsed; e.g. data('LIST') -> [[attrs, delim, name], ...], data('FETCH') ->
        [(msn, {items}), ...], data('EXISTS') -> [n, ...]."""
        out = []
        name = name.upper()
        for u in self.untagged:
            word, _, rest = u.partition(b" ")
            w = word.decode("latin-1").upper()
            if w == name:
                out.append(parse(rest))
            elif w.isdigit():
                second, _, tail = rest.partition(b" ")
                if second.decode("latin-1").upper() == name:
                    if name == "FETCH":
                        items = parse(tail)
                        if len(items) != 1 or not isinstance(items[0], list):
                            raise ParseError("FETCH response is not one list: %r" % u[:300])
                        out.append((int(w), pairs(items[0])))
                    else:
                        out.append(int(w))
        return out

    def codes(self):
        """The response codes of the untagged OK/NO/BAD responses: [(name, args), ...]."""
        out = []
        for u in self.untagged:
            word, _, rest = u.partition(b" ")
            if word.upper() in (b"OK", b"NO", b"BAD", b"PREAUTH", b"BYE"):
                code, args, _ = split_code(rest)
                if code:
                    out.append((code, args))
        return out

    def code_of(self, name):
        for code, args in self.codes():
            if code == name:
                return args
        return None

    def __repr__(self):
        return "Response(%r, untagged=%r)" % (self.raw.decode("utf-8", "replace"),
                                              [u[:200].decode("utf-8", "replace") for u in self.untagged[-20:]])


def split_code(text):
    m = CODE.match(text)
    if not m:
        return None, None, text.decode("utf-8", "replace")
    inner = m.group(1).decode("utf-8", "replace")
    name, _, args = inner.partition(" ")
    return name.upper(), args, m.group(2).decode("utf-8", "replace")


class ImapClosed(ConnectionError):
    """The server closed the connection."""


class ImapConn(RawConnection):
    """A raw IMAP connection. context: implicit TLS (imaps) with that ssl.SSLContext."""

    _tags = itertools.count(1)

    def __init__(self, port, host=HOST, timeout=TIMEOUT, greeting=True, context=None, server_hostname="localhost"):
        super().__init__(port, host, timeout, context, server_hostname)
        self.greeting = self.read_response_line() if greeting else None

    def next_tag(self):
        return "T%05d" % next(self._tags)

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def _fill(self, deadline, what):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise socket.timeout("no %s within the deadline; have %r" % (what, self.buffer[-300:]))
        self.sock.settimeout(remaining)
        try:
            chunk = self.sock.recv(1 << 20)
        except (ConnectionResetError, ssl.SSLError):
            chunk = b""
        finally:
            try:
                self.sock.settimeout(self.timeout)
            except OSError:
                pass
        if not chunk:
            raise ImapClosed("connection closed by the server; unparsed %r" % self.buffer[-300:])
        self.buffer += chunk

    def line(self, timeout=None):
        """One physical line without its CRLF."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while b"\r\n" not in self.buffer:
            self._fill(deadline, "complete line")
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def read_response_line(self, timeout=None):
        """One logical response line: a line plus, for each literal it announces, the literal's
        bytes and the line that follows (literals inline as '{n}\\r\\n<bytes>'). No CRLF at the end."""
        deadline = time.monotonic() + (timeout or max(self.timeout, 60))
        out = self.line(timeout=max(0.01, deadline - time.monotonic()))
        while True:
            m = LITERAL_AT_END.search(out)
            if not m:
                return out
            size = int(m.group(1))
            while len(self.buffer) < size:
                self._fill(deadline, "literal of %d bytes" % size)
            out += b"\r\n" + self.buffer[:size]
            self.buffer = self.buffer[size:]
            out += self.line(timeout=max(0.01, deadline - time.monotonic()))

    def response(self, tag, timeout=None):
        """Reads until the tagged completion of tag; returns a Response. An untagged BYE
        followed by the close gives a Response with status 'BYE'. Continuation requests ('+')
        on the way fail: use cmd_literal for those."""
        untagged = []
        while True:
            try:
                line = self.read_response_line(timeout)
            except ImapClosed:
                bye = [u for u in untagged if u.upper().startswith(b"BYE")]
                if bye:
                    r = Response(None, bye[-1], untagged)
                    return r
                raise
            if line.startswith(b"* "):
                untagged.append(line[2:])
            elif line.startswith(tag.encode() + b" "):
                return Response(tag, line, untagged)
            elif line.startswith(b"+"):
                raise AssertionError("unexpected continuation request %r (untagged so far %r)" % (line, untagged))
            else:
                raise AssertionError("response line with a foreign tag (expected %s): %r" % (tag, line))

    def cmd(self, text, timeout=None):
        """Sends 'tag text CRLF' and returns the Response."""
        tag = self.next_tag()
        self.send(tag.encode() + b" " + (text.encode() if isinstance(text, str) else text) + b"\r\n")
        return self.response(tag, timeout)

    def continuation(self, timeout=None):
        """Reads the next line, which must be a continuation request; returns it, or returns a
        Response when the server answered with a tagged completion instead (refusal)."""
        line = self.read_response_line(timeout)
        if line.startswith(b"+"):
            return line
        untagged = []
        while line.startswith(b"* "):
            untagged.append(line[2:])
            line = self.read_response_line(timeout)
            if line.startswith(b"+"):
                return line
        tag = line.split(b" ", 1)[0].decode("latin-1")
        return Response(tag, line, untagged)

    def cmd_literal(self, parts, timeout=None):
        """A command with synchronizing literals: parts alternates text and literal bytes,
        e.g. [b'APPEND INBOX {5}', b'hello', b''] (each text before a literal must end with
        '{n}'). Waits for '+' before each literal. Returns the Response (also when the server
        refuses a literal instead of sending '+')."""
        tag = self.next_tag()
        first = True
        for i, part in enumerate(parts):
            if isinstance(part, str):
                part = part.encode()
            if i % 2 == 0:
                self.send((tag.encode() + b" " if first else b"") + part + b"\r\n")
                first = False
                if i < len(parts) - 1:
                    got = self.continuation(timeout)
                    if isinstance(got, Response):
                        return got
            else:
                self.send(part)
        return self.response(tag, timeout)

    def login(self, user, password):
        return self.cmd("LOGIN %s %s" % (quote(user), quote(password)))

    def is_closed(self, timeout=5.0):
        """True when the server closes the connection within timeout (data that arrives
        first is kept in the buffer); False if it is still open."""
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
            except (ConnectionResetError, BrokenPipeError, ssl.SSLError):
                return True
            finally:
                try:
                    self.sock.settimeout(self.timeout)
                except OSError:
                    pass
            if not chunk:
                return True
            self.buffer += chunk

    def wait_untagged(self, predicate, timeout):
        """Reads untagged responses until predicate(raw) is true; returns (that raw, every raw
        seen). Raises socket.timeout when none comes within timeout."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise socket.timeout("no matching untagged response within %ss; saw %r" % (timeout, seen))
            line = self.read_response_line(timeout=remaining)
            if not line.startswith(b"* "):
                raise AssertionError("expected untagged responses, got %r (saw %r)" % (line, seen))
            seen.append(line[2:])
            if predicate(line[2:]):
                return line[2:], seen

    def starttls(self, context=None, server_hostname="localhost"):
        r = self.cmd("STARTTLS")
        if not r.ok:
            return r
        if self.buffer:
            raise AssertionError("clear-text bytes after the OK of STARTTLS: %r" % self.buffer)
        self.sock = (context or client_context()).wrap_socket(self.sock, server_hostname=server_hostname)
        self.sock.settimeout(self.timeout)
        return r


def quote(s):
    """A quoted string for s (str or bytes)."""
    if isinstance(s, str):
        s = s.encode()
    return (b"\"" + s.replace(b"\\", b"\\\\").replace(b"\"", b"\\\"") + b"\"").decode("latin-1")


def wait_imap(port, timeout=15.0, context=None):
    """Waits until port greets with '* OK'; returns the greeting line."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with ImapConn(port, timeout=5, context=context) as c:
                g = c.greeting
                try:
                    c.cmd("LOGOUT", timeout=5)
                except (OSError, AssertionError):
                    pass
                if g.startswith(b"* OK"):
                    return g
                last = g
        except (OSError, AssertionError, ssl.SSLError) as e:
            last = e
        time.sleep(0.1)
    raise AssertionError("maild does not greet with '* OK' on 127.0.0.1:%d within %ss (%s)" % (port, timeout, last))


def apply_expunges(uids, untagged):
    """The UID list left after applying every '* n EXPUNGE' of untagged, in order
    (RFC 3501 7.4.1: each one renumbers the messages after it at once)."""
    uids = list(uids)
    for u in untagged:
        m = re.match(rb"^(\d+) EXPUNGE$", u, re.I)
        if m:
            n = int(m.group(1))
            if not 1 <= n <= len(uids):
                raise AssertionError("'* %d EXPUNGE' with %d messages known: %r" % (n, len(uids), untagged))
            del uids[n - 1]
    return uids


# --------------------------------------------------------------------------------------------
# Real clients: curl, mutt
# --------------------------------------------------------------------------------------------

def curl(url, user, password, *extra, timeout=SUBPROCESS_TIMEOUT):
    cmd = [CURL, "-sS", "--max-time", str(timeout - 5), "--connect-timeout", "10", "-u",
           "%s:%s" % (user, password)] + list(extra) + [url]
    return subprocess.run(cmd, capture_output=True, timeout=timeout)


# --------------------------------------------------------------------------------------------
# Test case base
# --------------------------------------------------------------------------------------------

class ImapTestCase(Pop3TestCase):
    """maild with SMTP, POP3 and IMAP listeners on free ports, domain example.test. One daemon
    per class (setUpClass); each test makes its own accounts with new_account()."""

    extra_args = ()
    daemon_env = None
    _accounts = itertools.count(1)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        daemon, rpc = mailroomtest.start_bootstrapped(list(cls.extra_args), cls.daemon_env, cls.fast_hashing)
        cls.shared_daemon = daemon
        cls.shared_rpc = rpc
        cls.addClassCleanup(daemon.cleanup)
        cls.addClassCleanup(rpc.close)
        try:
            rpc.call("domain.add", {"name": DOMAIN})
            wait_smtp(daemon.ports["smtp"])
            wait_pop3(daemon.ports["pop3"])
            wait_imap(daemon.ports["imap"])
        except AssertionError as e:
            status = rpc.call("server.status")
            raise AssertionError("%s\nservices: %r\nmaild output:\n%s" % (
                e, [s for s in status["services"] if s.get("name") == "imap"], daemon.read_output()[-4000:])) from None

    def setUp(self):
        # the shared daemon: nothing of MailroomTestCase.setUp (which would start another)
        self.daemon = self.shared_daemon
        self.rpc = self.shared_rpc
        if self.daemon.proc.poll() is not None:
            self.fail("maild is not running (exit %s):\n%s" % (self.daemon.proc.returncode,
                                                              self.daemon.read_output()[-4000:]))
        self.smtp_port = self.daemon.ports["smtp"]
        self.submission_port = self.daemon.ports["submission"]
        self.pop3_port = self.daemon.ports["pop3"]
        self.pop3s_port = self.daemon.ports["pop3s"]
        self.imap_port = self.daemon.ports["imap"]
        self.imaps_port = self.daemon.ports["imaps"]
        self.store = Store(self.daemon.data_dir)

    # -- accounts ------------------------------------------------------------------------

    def new_account(self, prefix="u", **mail):
        """A fresh account (unique in the shared daemon); returns (name, password)."""
        name = "%s%d" % (prefix, next(self._accounts))
        password = "pw-%s-Secret" % name
        self.create_account(name, password, **mail)
        return name, password

    def recycled_account(self):
        """The class's one recycled account, emptied for this test: every mailbox but INBOX and
        the special-use ones deleted, every message expunged, quota and mail options back to
        the defaults. Password hashing (PBKDF2, twice per new account: create and first login)
        is most of what a test costs under AddressSanitizer; tests that change the password,
        fail logins on purpose or delete the account use new_account() instead."""
        cls = type(self)
        if cls.__dict__.get("_recycled") is None:
            cls._recycled = self.new_account("r")
            return cls._recycled
        name, pw = cls._recycled
        self.update_mail(name, quotaBytes=0, state="enabled", access="both")
        c = ImapConn(self.imap_port)
        try:
            r = c.login(name, pw)
            if not r.ok:
                raise AssertionError("the recycled account %s cannot log in: %r" % (name, r))
            listed = c.cmd("LIST \"\" \"*\"")
            keep = {"INBOX"} | set(SPECIAL_USE)
            names = [astr(e[2]) for e in listed.data("LIST")]
            attrs = {astr(e[2]): {x.upper() for x in e[0]} for e in listed.data("LIST")}
            if any(attr.upper() not in attrs.get(box, ()) for box, attr in SPECIAL_USE.items()):
                # a test renamed or deleted a special-use mailbox: start over with a new account
                c.cmd("LOGOUT")
                cls._recycled = self.new_account("r")
                return cls._recycled
            for box in sorted((n for n in names if n not in keep), key=lambda n: -n.count("/")):
                c.cmd("DELETE " + quote(box))
            # subscriptions outlive their mailboxes (RFC 3501 6.3.6): drop the tests' own
            for entry in c.cmd("LSUB \"\" \"*\"").data("LSUB"):
                if astr(entry[2]) not in keep:
                    c.cmd("UNSUBSCRIBE " + quote(astr(entry[2])))
            for box in sorted(keep):
                r = c.cmd("SELECT " + quote(box))
                if r.ok and any(n > 0 for n in r.data("EXISTS")):
                    c.cmd("STORE 1:* +FLAGS.SILENT (\\Deleted)")
                    c.cmd("EXPUNGE")
                c.cmd("SUBSCRIBE " + quote(box))
            c.cmd("LOGOUT")
        finally:
            c.close()
        left = [(m["name"], m["uid"]) for m in self.store.messages(name, None)]
        if left or sorted(m["name"] for m in self.store.mailboxes(name)) != sorted({"INBOX"} | set(SPECIAL_USE)):
            raise AssertionError("the recycled account %s is not empty: %r %r"
                                 % (name, left, [m["name"] for m in self.store.mailboxes(name)]))
        return name, pw

    def address(self, account):
        return "%s@%s" % (account, DOMAIN)

    def deliver_to(self, account, messages):
        """Delivers each message over SMTP (one connection); returns the INBOX rows."""
        before = len(self.inbox(account))
        c = self.smtp()
        for m in messages:
            self.send_message(c, "sender@client.test", [self.address(account)], m)
        self.expect(c.cmd("QUIT"), 221, "2.0.0")
        c.close()
        rows = self.inbox(account)
        self.assertEqual(len(rows), before + len(messages), "INBOX of %s after delivery" % account)
        return rows

    def set_quota(self, account, quota_bytes):
        self.update_mail(account, quotaBytes=quota_bytes)

    def imap_service(self):
        return self.service("imap")

    def imap_setting(self, key):
        return self.rpc.call("settings.get", {"keys": [key]})["settings"][0]["value"]

    # -- IMAP ----------------------------------------------------------------------------

    def imap(self, tls=False, context=None, timeout=TIMEOUT, port=None):
        """A connected session (imap, or imaps with tls=True) whose greeting is '* OK'."""
        if tls and context is None:
            context = client_context()
        c = ImapConn(port or (self.imaps_port if tls else self.imap_port), context=context, timeout=timeout)
        self.addCleanup(c.close)
        self.assertTrue(c.greeting.startswith(b"* OK"), "greeting %r" % c.greeting)
        return c

    def login(self, account, password, conn=None, **kw):
        c = conn or self.imap(**kw)
        self.expect_ok(c.login(account, password), "LOGIN %s" % account)
        return c

    def session(self, account, password, mailbox="INBOX", **kw):
        """Logged in with mailbox selected; returns (conn, SELECT response)."""
        c = self.login(account, password, **kw)
        r = self.expect_ok(c.cmd("SELECT " + quote(mailbox)), "SELECT " + mailbox)
        return c, r

    def expect_ok(self, r, what=""):
        self.assertIsInstance(r, Response, r)
        self.assertEqual(r.status, "OK", "%s: expected a tagged OK, got %r" % (what, r))
        return r

    def expect_no(self, r, code=None, what=""):
        """A tagged NO (with code when given, e.g. 'TRYCREATE') that carries a human text."""
        self.assertIsInstance(r, Response, r)
        self.assertEqual(r.status, "NO", "%s: expected NO%s, got %r" % (what, " [%s]" % code if code else "", r))
        if code is not None:
            self.assertEqual(r.code, code, "%s: expected response code [%s] in %r" % (what, code, r))
        self.assertTrue(r.text.strip(), "%s: NO without a text: %r" % (what, r))
        return r

    def expect_bad(self, r, code=None, what=""):
        self.assertIsInstance(r, Response, r)
        self.assertEqual(r.status, "BAD", "%s: expected BAD%s, got %r" % (what, " [%s]" % code if code else "", r))
        if code is not None:
            self.assertEqual(r.code, code, "%s: expected response code [%s] in %r" % (what, code, r))
        return r

    def expect_refused(self, r, what=""):
        """A tagged NO or BAD (a command refused; RFC 3501 leaves the choice to the server
        for commands in the wrong state)."""
        self.assertIsInstance(r, Response, r)
        self.assertIn(r.status, ("NO", "BAD"), "%s: expected NO or BAD, got %r" % (what, r))
        return r

    def capabilities(self, conn):
        r = self.expect_ok(conn.cmd("CAPABILITY"), "CAPABILITY")
        caps = r.data("CAPABILITY")
        self.assertEqual(len(caps), 1, "exactly one untagged CAPABILITY: %r" % r)
        return {c.upper() for c in caps[0]}

    def fetch(self, conn, seq, items, uid=False, what=None):
        """FETCH (or UID FETCH); returns ({msn: {item: value}}, Response). Several FETCH
        responses for one message are merged."""
        r = self.expect_ok(conn.cmd("%sFETCH %s %s" % ("UID " if uid else "", seq, items)),
                           what or "FETCH %s %s" % (seq, items))
        out = {}
        for msn, d in r.data("FETCH"):
            out.setdefault(msn, {}).update(d)
        return out, r

    def search(self, conn, criteria, uid=False):
        r = self.expect_ok(conn.cmd("%sSEARCH %s" % ("UID " if uid else "", criteria)), "SEARCH " + criteria)
        found = r.data("SEARCH")
        self.assertEqual(len(found), 1, "exactly one untagged SEARCH: %r" % r)
        return [int(x) for x in found[0] if x is not None and not isinstance(x, list)]

    def list_mailboxes(self, conn, ref="\"\"", pattern="\"*\"", command="LIST"):
        """{name (str): (attributes upper-cased set, delimiter)}"""
        r = self.expect_ok(conn.cmd("%s %s %s" % (command, ref, pattern)), "%s %s %s" % (command, ref, pattern))
        out = {}
        for entry in r.data(command):
            self.assertEqual(len(entry), 3, "%s response is not (attributes) delimiter name: %r" % (command, entry))
            attrs, delim, name = entry
            self.assertIsInstance(attrs, list, entry)
            out[astr(name)] = ({a.upper() for a in attrs}, astr(delim))
        return out

    def flags_of(self, conn, seq="1:*", uid=False):
        got, _ = self.fetch(conn, seq, "(UID FLAGS)", uid=uid)
        return {int(d["UID"]): {f.upper() for f in d["FLAGS"]} for d in got.values()}

    def certificate_pem(self, service="imap"):
        return super().certificate_pem(service)


class OwnDaemonImapTestCase(ImapTestCase):
    """An ImapTestCase whose every test gets a fresh daemon (for tests that change settings
    or the clock)."""

    @classmethod
    def setUpClass(cls):
        pass

    def setUp(self):
        self.daemon_args = list(self.extra_args)
        self.daemon, self.rpc = mailroomtest.start_bootstrapped(self.daemon_args, self.daemon_env, self.fast_hashing)
        self.addCleanup(self.daemon.cleanup)
        self.addCleanup(self.rpc.close)
        self.shared_daemon, self.shared_rpc = self.daemon, self.rpc
        self.rpc.call("domain.add", {"name": DOMAIN})
        ImapTestCase.setUp(self)
        wait_smtp(self.smtp_port)
        try:
            wait_imap(self.imap_port)
        except AssertionError as e:
            raise AssertionError("%s\nmaild output:\n%s" % (e, self.daemon.read_output()[-4000:])) from None


class Sessions:
    """One session per state ('none', 'auth', 'selected') of the test's account, replaced by a
    new one after a few refusals: a server may hang up on a client that keeps sending bad
    commands, and these tests are about each refusal, not about that."""

    PER_SESSION = 4

    def __init__(self, test):
        self.test = test
        self.conns = {}
        self.count = {}

    def get(self, state):
        if state not in self.conns:
            t = self.test
            if state == "none":
                c = t.imap()
            else:
                c = t.login(t.name, t.pw)
                if state == "selected":
                    t.expect_ok(c.cmd("SELECT INBOX"))
            self.conns[state] = c
            self.count[state] = 0
        return self.conns[state]

    def refused(self, state, response=None):
        self.count[state] = self.count.get(state, 0) + 1
        if self.count[state] >= self.PER_SESSION or (response is not None and response.status == "BYE"):
            self.drop(state)

    def drop(self, state):
        c = self.conns.pop(state, None)
        if c is not None:
            c.close()


def pending_output(conn, seconds):
    """Whatever the server sends within seconds without being asked (b'' when nothing)."""
    data = conn.buffer
    conn.buffer = b""
    deadline = time.monotonic() + seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return data
        conn.sock.settimeout(remaining)
        try:
            chunk = conn.sock.recv(65536)
        except (socket.timeout, TimeoutError):
            return data
        except OSError as e:
            return data + ("<%s>" % e).encode()
        finally:
            conn.sock.settimeout(conn.timeout)
        if not chunk:
            return data + b"<closed>"
        data += chunk


def sample_messages():
    """A plain message, one with 8-bit text and lines starting with '.', a multipart one and a
    larger one."""
    from smtptest import TRICKY_BODY
    multipart_body = (b"This is a multi-part message in MIME format.\r\n"
                      b"--XYZ\r\n"
                      b"Content-Type: text/plain; charset=us-ascii\r\n"
                      b"\r\n"
                      b"first part line 1\r\n"
                      b"first part line 2\r\n"
                      b"--XYZ\r\n"
                      b"Content-Type: application/octet-stream; name=\"blob.bin\"\r\n"
                      b"Content-Transfer-Encoding: base64\r\n"
                      b"Content-Disposition: attachment; filename=\"blob.bin\"\r\n"
                      b"\r\n"
                      b"AAECAwQFBgcICQ==\r\n"
                      b"--XYZ--\r\n")
    return [make_message("plain one"),
            make_message("tricky dots and 8-bit", body=TRICKY_BODY,
                         headers=("MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                                  "Content-Transfer-Encoding: 8bit")),
            make_message("multipart", body=multipart_body,
                         headers=("MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"XYZ\"")),
            make_message("larger", size=40000)]


__all__ = ["ImapConn", "ImapClosed", "ImapTestCase", "OwnDaemonImapTestCase", "Response", "Literal", "parse",
           "pairs", "astr", "quote", "wait_imap", "apply_expunges", "curl", "sample_messages", "SPECIAL_USE",
           "EXTENSIONS", "MUTT", "LIBFAKETIME", "TIMEOUT", "ParseError", "Sessions", "pending_output"]
