"""The control protocol (docs/control-protocol.md) against a real maild, with the raw JSON-RPC
client of the harness: every method with its success and its refusals, the login gate,
failed-login rate limiting, peer credentials (a client run as another Unix user), the
framing and JSON-RPC error paths, batches, notifications, and two administrators working at
once. Each refusal is followed by a check that nothing was stored.
Security: this suite is the hostile peer — SQL metacharacters in names, oversized frames,
calls before login, a peer without the right credentials, passwords that must never be
written anywhere in clear.
"""
import json
import os
import re
import socket
import sqlite3
import statistics
import time
import unittest
import uuid

from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, Daemon, MailroomTestCase, Rpc, RpcError
from peerclient import request as peer_request
from peerclient import run_peer

NOBODY = 65534
NOGROUP = 65534
needs_root = unittest.skipUnless(os.geteuid() == 0, "runs clients as other users: needs root (as in CI)")

ACCOUNT_KEYS = {"name", "fullName", "admin", "hasPassword", "addresses", "mail", "usageBytes",
                "created", "modified"}
MAIL_KEYS = {"state", "forwardAddress", "server", "quotaBytes", "quotaWarnPercent", "access"}
SETTING_KEYS = {"key", "value", "default", "type", "description", "source"}
CORE_SETTINGS = {"server.hostname", "listen.addresses", "log.level", "log.toFile",
                 "control.adminGroup", "control.maxFrameBytes",
                 "control.loginFailuresBeforeLockout", "control.loginLockoutSeconds"}
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")

# Every method that needs a login, with params that would be acceptable after one.
NON_PUBLIC_CALLS = [
    ("server.status", None),
    ("service.list", None),
    ("service.start", {"name": "smtp"}),
    ("service.stop", {"name": "smtp"}),
    ("settings.get", None),
    ("settings.set", {"values": {"log.level": "debug"}}),
    ("account.list", None),
    ("account.get", {"name": ADMIN_USER}),
    ("account.create", {"name": "sneaky"}),
    ("account.update", {"name": ADMIN_USER, "fullName": "Changed"}),
    ("account.delete", {"name": ADMIN_USER}),
    ("account.setPassword", {"name": ADMIN_USER, "password": "another long password"}),
    ("alias.list", None),
    ("alias.add", {"address": "x@example.org", "account": ADMIN_USER}),
    ("alias.remove", {"address": "x@example.org"}),
    ("domain.list", None),
    ("domain.add", {"name": "example.org"}),
    ("domain.remove", {"name": "example.org"}),
    ("log.tail", None),
    ("log.subscribe", None),
    ("log.unsubscribe", None),
    ("audit.list", None),
    ("tls.list", None),
    ("tls.get", {"name": "default"}),
    ("tls.createSelfSigned", {"name": "x"}),
    ("tls.createCsr", {"name": "x"}),
    ("tls.import", {"name": "x", "certificate": "x"}),
    ("tls.assign", {"service": "smtp", "name": "default"}),
    ("tls.delete", {"name": "x"}),
    ("connection.list", None),
    ("connection.close", {"id": 1}),
    ("stats.get", None),
    ("mx.list", None),
    ("mx.add", {"domain": "example.org", "host": "mail.example.org", "preference": 10}),
    ("mx.update", {"domain": "example.org", "host": "mail.example.org", "preference": 20}),
    ("mx.remove", {"domain": "example.org", "host": "mail.example.org"}),
    ("mx.zoneText", {"domain": "example.org"}),
    ("mx.setPublishing", {"domain": "example.org", "server": "192.0.2.53", "keyName": "k", "secret": "x"}),
    ("mx.publish", {"domain": "example.org"}),
    ("mx.check", {"domain": "example.org"}),
]


PUBLIC_METHODS = {"hello", "auth.login", "auth.bootstrap"}
PROTOCOL_DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "control-protocol.md")


def documented_methods():
    """The method names in the Methods table of docs/control-protocol.md."""
    with open(PROTOCOL_DOC, encoding="utf-8") as f:
        doc = f.read()
    section = doc.split("## Methods", 1)[1].split("\n## ", 1)[0]
    methods = set()
    for row in section.splitlines():
        if row.startswith("| `"):
            methods.update(re.findall(r"`([\w.]+)`", row.split("|")[1]))
    return methods


def line(obj):
    return json.dumps(obj, separators=(",", ":")).encode() + b"\n"


def req(rid, method, params=None):
    message = {"jsonrpc": "2.0", "id": rid, "method": method}
    if params is not None:
        message["params"] = params
    return message


def open_db(daemon):
    """A read-only view of the running daemon's maild.db."""
    return sqlite3.connect("file:%s?mode=ro" % os.path.join(daemon.data_dir, "maild.db"), uri=True)


def db_account_names(daemon):
    with open_db(daemon) as db:
        return [r[0] for r in db.execute("SELECT name FROM accounts ORDER BY name")]


def read_log(daemon):
    try:
        with open(os.path.join(daemon.data_dir, "log", "maild.log"), "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


class ControlTestCase(MailroomTestCase):
    """Helpers shared by the control tests."""

    def sync(self, rpc):
        """A round trip on rpc: every notification sent to it before now has been read."""
        rpc.call("hello")

    def notifications_of(self, rpc, method):
        return [n for n in rpc.notifications if n.get("method") == method]

    def assertError(self, response, code, field=None):
        self.assertIn("error", response, response)
        self.assertEqual(response["error"]["code"], code, response)
        self.assertTrue(response["error"].get("message"), "every error carries a sentence")
        if field is not None:
            self.assertEqual(response["error"].get("data", {}).get("field"), field, response)

    def assertRpcErrorField(self, code, field, method, params=None, rpc=None):
        e = self.assertRpcError(code, method, params, rpc=rpc)
        self.assertEqual(e.data.get("field"), field, "%s %s: %s" % (method, params, e.data))
        return e

    def account_total(self):
        return self.rpc.call("account.list", {"limit": 1})["total"]

    def create(self, name, **fields):
        params = {"name": name}
        params.update(fields)
        return self.rpc.call("account.create", params)

    def fresh_daemon(self, args=()):
        """A second maild with no administrator yet (not bootstrapped)."""
        daemon = Daemon(args=args)
        self.addCleanup(daemon.cleanup)
        daemon.start()
        return daemon


class HelloTest(ControlTestCase):

    def test_hello_works_before_login_and_reports_the_protocol(self):
        rpc = self.connect(login=False)
        result = rpc.call("hello", {"protocol": 1})
        self.assertEqual(result["protocol"], 1)
        self.assertIsInstance(result["daemon"], str)
        self.assertTrue(result["daemon"])
        self.assertIsInstance(result["capabilities"], list)
        self.assertIsInstance(result["host"], str)
        self.assertIs(result["needsBootstrap"], False)
        self.assertEqual(rpc.call("hello")["protocol"], 1, "protocol is optional")

    def test_hello_refuses_a_newer_protocol_and_the_connection_stays_usable(self):
        rpc = self.connect(login=False)
        e = self.assertRpcError(1004, "hello", {"protocol": 2}, rpc=rpc)
        self.assertIn("2", e.message)
        self.assertRpcError(-32602, "hello", {"protocol": "one"}, rpc=rpc)
        self.assertRpcError(-32602, "hello", {"protocol": 1, "colour": "blue"}, rpc=rpc)
        self.assertEqual(rpc.call("hello", {"protocol": 1})["protocol"], 1)

    def test_hello_says_when_the_first_administrator_is_missing(self):
        fresh = self.fresh_daemon()
        with Rpc(fresh.socket_path) as rpc:
            self.assertIs(rpc.call("hello")["needsBootstrap"], True)


class LoginTest(ControlTestCase):

    def test_right_password_logs_in(self):
        rpc = self.connect(login=False)
        self.assertEqual(rpc.call("auth.login", {"user": ADMIN_USER, "password": ADMIN_PASSWORD}),
                         {"user": ADMIN_USER, "admin": True})
        self.assertEqual(rpc.call("server.status")["pid"], self.daemon.pid)

    def test_wrong_password_unknown_user_and_non_admin_all_fail_alike(self):
        self.create("plain", password="plain account password")
        self.create("nopass", admin=True)  # an administrator without a password
        rpc = self.connect(login=False)
        messages = set()
        for user, password in [(ADMIN_USER, "not the password"), ("nosuchuser", ADMIN_PASSWORD),
                               ("plain", "plain account password"), ("nopass", ""),
                               ("nopass", "anything at all")]:
            e = self.assertRpcError(1001, "auth.login", {"user": user, "password": password}, rpc=rpc)
            messages.add(e.message)
        self.assertEqual(len(messages), 1, "the refusal must not tell which part was wrong: %s" % messages)
        # Still not logged in after the failures.
        self.assertRpcError(1000, "server.status", rpc=rpc)

    def test_login_params_are_checked(self):
        rpc = self.connect(login=False)
        self.assertRpcErrorField(-32602, "password", "auth.login", {"user": ADMIN_USER}, rpc=rpc)
        self.assertRpcErrorField(-32602, "user", "auth.login", {"password": ADMIN_PASSWORD}, rpc=rpc)
        self.assertRpcErrorField(-32602, "password", "auth.login", {"user": ADMIN_USER, "password": 5}, rpc=rpc)
        self.assertRpcErrorField(-32602, "otp", "auth.login",
                                 {"user": ADMIN_USER, "password": ADMIN_PASSWORD, "otp": "1"}, rpc=rpc)
        self.assertRpcError(1000, "server.status", rpc=rpc)

    def test_every_non_public_method_is_refused_before_login(self):
        documented = documented_methods()
        self.assertGreaterEqual(len(documented), 20)
        self.assertEqual({m for m, _ in NON_PUBLIC_CALLS} | PUBLIC_METHODS, documented,
                         "the list here must follow docs/control-protocol.md")
        rpc = self.connect(login=False)
        for method, params in NON_PUBLIC_CALLS:
            with self.subTest(method=method):
                self.assertRpcError(1000, method, params, rpc=rpc)
        # A batch before login: every item refused.
        answers = rpc.batch([("account.create", {"name": "sneaky2"}), ("settings.get", {})])
        for answer in answers:
            self.assertError(answer, 1000)
        # Nothing was changed by any of them.
        self.assertEqual(db_account_names(self.daemon), [ADMIN_USER])
        setting = self.rpc.call("settings.get", {"keys": ["log.level"]})["settings"][0]
        self.assertEqual(setting["value"], "info")
        self.assertEqual(self.rpc.call("audit.list", {"method": "account.create"})["total"], 0)

class LoginCostTest(ControlTestCase):
    """The daemon hashes at the real cost here (fast_hashing=False): the time a refusal takes
    must not tell whether the name exists."""

    fast_hashing = False

    def test_unknown_user_costs_the_same_time_as_a_wrong_password(self):
        rpc = self.connect(login=False)

        def timed(user, password):
            start = time.monotonic()
            self.assertRpcError(1001, "auth.login", {"user": user, "password": password}, rpc=rpc)
            return time.monotonic() - start
        wrong = statistics.median(timed(ADMIN_USER, "wrong password %d" % i) for i in range(3))
        unknown = statistics.median(timed("ghost%d" % i, "wrong password") for i in range(3))
        print("\nlogin refusal: wrong password %.3f s, unknown user %.3f s" % (wrong, unknown))
        # Loose bounds for a noisy machine: a skipped hash would be hundreds of times faster.
        self.assertGreater(unknown, wrong * 0.3)
        self.assertGreater(wrong, unknown * 0.3)


class RateLimitTest(ControlTestCase):

    def setUp(self):
        super().setUp()
        self.rpc.call("settings.set", {"values": {"control.loginFailuresBeforeLockout": 2,
                                                  "control.loginLockoutSeconds": 2}})

    def login(self, rpc, password, user=ADMIN_USER):
        return rpc.request("auth.login", {"user": user, "password": password})

    def test_failures_lock_the_name_even_for_the_right_password_then_it_works_again(self):
        rpc = self.connect(login=False)
        self.assertError(self.login(rpc, "wrong one"), 1001)
        self.assertError(self.login(rpc, "wrong two"), 1001)
        locked = self.login(rpc, "wrong three")
        self.assertError(locked, 1002)
        retry = locked["error"]["data"]["retryAfter"]
        self.assertIsInstance(retry, int)
        self.assertTrue(1 <= retry <= 2, retry)
        right = self.login(rpc, ADMIN_PASSWORD)
        self.assertError(right, 1002)
        self.assertGreaterEqual(right["error"]["data"]["retryAfter"], 1)
        self.assertRpcError(1000, "server.status", rpc=rpc)
        # Another name is not affected by the lock on this one.
        self.rpc.call("account.create", {"name": "second", "admin": True, "password": "second admin password"})
        other = self.connect(login=False)
        self.assertEqual(self.login(other, "second admin password", user="second")["result"]["user"], "second")
        # After the lockout the right password works again.
        time.sleep(right["error"]["data"]["retryAfter"] + 0.3)
        self.assertEqual(self.login(rpc, ADMIN_PASSWORD)["result"], {"user": ADMIN_USER, "admin": True})
        self.assertIn("failed login", read_log(self.daemon))

    def test_the_lockout_doubles_on_each_further_failure(self):
        rpc = self.connect(login=False)
        self.assertError(self.login(rpc, "wrong one"), 1001)
        self.assertError(self.login(rpc, "wrong two"), 1001)
        first = self.login(rpc, "wrong")["error"]["data"]["retryAfter"]
        time.sleep(first + 0.3)
        self.assertError(self.login(rpc, "wrong again"), 1001)  # allowed to try, and fails
        second = self.login(rpc, ADMIN_PASSWORD)
        self.assertError(second, 1002)
        self.assertTrue(3 <= second["error"]["data"]["retryAfter"] <= 4, second)
        time.sleep(second["error"]["data"]["retryAfter"] + 0.3)
        self.assertIn("result", self.login(rpc, ADMIN_PASSWORD))

    def test_unknown_names_are_locked_too(self):
        rpc = self.connect(login=False)
        self.assertError(self.login(rpc, "x" * 10, user="ghost"), 1001)
        self.assertError(self.login(rpc, "x" * 10, user="ghost"), 1001)
        self.assertError(self.login(rpc, "x" * 10, user="ghost"), 1002)


class BootstrapTest(ControlTestCase):

    def test_refused_once_an_administrator_exists(self):
        rpc = self.connect(login=False)
        self.assertRpcError(1005, "auth.bootstrap", {"user": "usurper", "password": "usurper password"}, rpc=rpc)
        self.assertRpcError(1005, "auth.bootstrap", {"user": "usurper", "password": "usurper password"})
        self.assertRpcError(1000, "server.status", rpc=rpc)
        self.assertEqual(db_account_names(self.daemon), [ADMIN_USER])

    def test_first_administrator_on_a_fresh_daemon(self):
        fresh = self.fresh_daemon()
        with Rpc(fresh.socket_path) as rpc, Rpc(fresh.socket_path) as late:
            self.assertRpcError(1102, "auth.bootstrap", {"user": "root", "password": "short"}, rpc=rpc)
            self.assertRpcError(1102, "auth.bootstrap", {"user": "Bad Name", "password": "long enough password"},
                                rpc=rpc)
            self.assertIs(rpc.call("hello")["needsBootstrap"], True, "failed bootstraps create nothing")
            self.assertEqual(rpc.call("auth.bootstrap", {"user": "boss", "password": "long enough password",
                                                         "fullName": "The Boss"}),
                             {"user": "boss", "admin": True})
            status = rpc.call("server.status")  # logged in by the bootstrap
            self.assertEqual(status["pid"], fresh.pid)
            account = rpc.call("account.get", {"name": "boss"})
            self.assertTrue(account["admin"])
            self.assertTrue(account["hasPassword"])
            self.assertEqual(account["fullName"], "The Boss")
            self.assertIs(late.call("hello")["needsBootstrap"], False)
            self.assertRpcError(1005, "auth.bootstrap", {"user": "boss2", "password": "long enough password"},
                                rpc=late)
            self.assertEqual(late.call("auth.login", {"user": "boss", "password": "long enough password"})["user"],
                             "boss")

    @needs_root
    def test_peer_without_credentials_is_refused_with_1003_and_disconnected(self):
        # uid nobody, gid root: it may traverse the root-owned 0750 run directory (so the
        # refusal comes from maild's credential check, not from file modes).
        report = run_peer(self.daemon.socket_path,
                          [peer_request(1, "hello"), peer_request(2, "auth.bootstrap",
                                                                  {"user": "evil", "password": "evil password"})],
                          uid=NOBODY, gid=0)
        self.assertIsNone(report["connectError"], report)
        self.assertEqual(len(report["unsolicited"]), 1, report)
        refusal = report["unsolicited"][0]
        self.assertEqual(refusal["error"]["code"], 1003, refusal)
        self.assertIsNone(refusal["id"])
        self.assertIn("65534", refusal["error"]["message"])
        self.assertTrue(report["closed"], "the refused peer must be disconnected")
        self.assertEqual(report["answers"], [None, None], "no request of a refused peer is answered")
        log = read_log(self.daemon)
        self.assertRegex(log, r"refused.*uid 65534")
        self.assertEqual(db_account_names(self.daemon), [ADMIN_USER])
        self.assertEqual(self.rpc.call("server.status")["pid"], self.daemon.pid, "the daemon carries on")

    @needs_root
    def test_admin_group_member_is_admitted_but_may_not_bootstrap(self):
        fresh = self.fresh_daemon(args=["--set", "control.adminGroup=nogroup"])
        # Member through a supplementary group only: exercises SO_PEERGROUPS.
        report = run_peer(fresh.socket_path,
                          [peer_request(1, "hello"),
                           peer_request(2, "auth.bootstrap", {"user": "member", "password": "member password"})],
                          uid=NOBODY, gid=4242, groups=[NOGROUP])
        self.assertIsNone(report["connectError"], report)
        self.assertEqual(report["unsolicited"], [])
        self.assertFalse(report["closed"])
        self.assertIs(report["answers"][0]["result"]["needsBootstrap"], True)
        self.assertEqual(report["answers"][1]["error"]["code"], 1005, report)
        with Rpc(fresh.socket_path) as rpc:
            self.assertIs(rpc.call("hello")["needsBootstrap"], True, "the refused bootstrap created nothing")
            rpc.call("auth.bootstrap", {"user": "boss", "password": "long enough password"})
        # The member can now log in and work; the audit records its uid.
        report = run_peer(fresh.socket_path,
                          [peer_request(1, "auth.login", {"user": "boss", "password": "long enough password"}),
                           peer_request(2, "account.create", {"name": "bymember"})],
                          uid=NOBODY, gid=NOGROUP)
        self.assertEqual(report["answers"][0]["result"]["user"], "boss", report)
        self.assertEqual(report["answers"][1]["result"]["name"], "bymember", report)
        with Rpc(fresh.socket_path) as rpc:
            rpc.call("auth.login", {"user": "boss", "password": "long enough password"})
            entry = rpc.call("audit.list", {"method": "account.create"})["entries"][0]
            self.assertEqual(entry["peerUid"], NOBODY)
            self.assertEqual(entry["actor"], "boss")


class ServerAndServicesTest(ControlTestCase):

    def test_server_status_fields(self):
        status = self.rpc.call("server.status")
        self.assertEqual(status["pid"], self.daemon.pid)
        self.assertIsInstance(status["version"], str)
        self.assertTrue(status["version"])
        self.assertIsInstance(status["host"], str)
        self.assertRegex(status["startedAt"], ISO_UTC)
        self.assertIsInstance(status["uptimeSeconds"], int)
        self.assertGreaterEqual(status["uptimeSeconds"], 0)
        self.assertEqual(os.path.realpath(status["dataDir"]), os.path.realpath(self.daemon.data_dir))
        self.assertEqual(status["profile"], "embedded")
        self.assertIsInstance(status["services"], list)
        self.assertIsInstance(status["warnings"], list)
        deadline = time.monotonic() + 10
        while status["controlClients"] != 1:  # the harness's readiness probe may still be counted
            self.assertLess(time.monotonic(), deadline, status)
            time.sleep(0.05)
            status = self.rpc.call("server.status")
        other = self.connect(login=False)
        self.sync(other)
        self.assertEqual(self.rpc.call("server.status")["controlClients"], 2)
        other.close()
        deadline = time.monotonic() + 10
        while self.rpc.call("server.status")["controlClients"] != 1:
            self.assertLess(time.monotonic(), deadline, "a closed connection is still counted")
            time.sleep(0.05)
        time.sleep(1.1)
        self.assertGreaterEqual(self.rpc.call("server.status")["uptimeSeconds"], 1)
        self.assertRpcErrorField(-32602, "verbose", "server.status", {"verbose": True})

    def service(self, name):
        return [s for s in self.rpc.call("service.list")["services"] if s["name"] == name][0]

    def wait_service_state(self, rpc, name, state):
        deadline = time.monotonic() + 10
        while True:
            note = rpc.wait_notification("service.state", timeout=max(0.1, deadline - time.monotonic()))
            if (note["params"]["name"], note["params"]["state"]) == (name, state):
                return note

    def test_service_list_and_unknown_services(self):
        services = self.rpc.call("service.list")["services"]
        self.assertIsInstance(services, list)
        for s in services:
            self.assertLessEqual({"name", "displayName", "state", "enabled", "listeners", "error"}, set(s))
            self.assertIn(s["state"], ("stopped", "running", "failed"))
        self.assertEqual([s["name"] for s in services],
                         [s["name"] for s in self.rpc.call("server.status")["services"]])
        running = [s for s in services if s["state"] == "running"]
        if running:
            # Stop and start a running service: its state comes back, and every logged-in
            # client hears about it.
            watcher = self.connect()
            name = running[0]["name"]
            stopped = self.rpc.call("service.stop", {"name": name})
            self.assertEqual((stopped["name"], stopped["state"], stopped["listeners"]), (name, "stopped", []))
            self.wait_service_state(watcher, name, "stopped")
            self.assertEqual(self.service(name)["state"], "stopped")
            response = self.rpc.request("service.start", {"name": name})
            if "error" in response:
                self.assertError(response, 1200)  # e.g. its port is taken on this machine
                self.assertEqual(self.service(name)["state"], "failed")
            else:
                self.assertEqual(response["result"]["state"], "running")
                self.assertTrue(response["result"]["listeners"])
                self.wait_service_state(watcher, name, "running")
                self.assertEqual(self.service(name)["state"], "running")
        for method in ("service.start", "service.stop"):
            with self.subTest(method=method):
                self.assertRpcError(1100, method, {"name": "nosuchservice"})
                self.assertRpcErrorField(-32602, "name", method, {})
                self.assertRpcErrorField(-32602, "name", method, {"name": 25})


class SettingsTest(ControlTestCase):

    def get(self, key, rpc=None):
        return (rpc or self.rpc).call("settings.get", {"keys": [key]})["settings"][0]

    def test_get_all_one_and_unknown(self):
        settings = self.rpc.call("settings.get")["settings"]
        keys = [s["key"] for s in settings]
        self.assertLessEqual(CORE_SETTINGS, set(keys))
        self.assertEqual(len(keys), len(set(keys)))
        for s in settings:
            with self.subTest(key=s["key"]):
                self.assertLessEqual(SETTING_KEYS, set(s))
                self.assertIn(s["type"], ("string", "int", "bool", "choice", "list"))
                self.assertIn(s["source"], ("default", "stored", "command-line"))
                self.assertTrue(s["description"])
                if s["type"] == "int":
                    self.assertLessEqual(s["min"], s["value"])
                    self.assertLessEqual(s["value"], s["max"])
                if s["type"] == "choice":
                    self.assertIn(s["value"], s["choices"])
        level = self.get("log.level")
        self.assertEqual((level["value"], level["default"], level["type"], level["source"]),
                         ("info", "info", "choice", "default"))
        self.assertEqual(level["choices"], ["debug", "info", "notice", "warning", "error"])
        listen = self.get("listen.addresses")
        self.assertEqual((listen["value"], listen["source"]), (["127.0.0.1"], "command-line"))
        two = self.rpc.call("settings.get", {"keys": ["log.level", "log.toFile"]})["settings"]
        self.assertEqual([s["key"] for s in two], ["log.level", "log.toFile"])
        self.assertRpcErrorField(1100, "no.such.key", "settings.get", {"keys": ["log.level", "no.such.key"]})
        self.assertRpcErrorField(-32602, "keys", "settings.get", {"keys": "log.level"})

    def test_set_valid_value_notifies_other_logged_in_connections(self):
        other = self.connect()
        anonymous = self.connect(login=False)
        self.sync(anonymous)
        result = self.rpc.call("settings.set", {"values": {"log.level": "debug", "control.loginLockoutSeconds": 45}})
        changed = {s["key"]: s for s in result["settings"]}
        self.assertEqual(set(changed), {"log.level", "control.loginLockoutSeconds"})
        self.assertEqual((changed["log.level"]["value"], changed["log.level"]["source"]), ("debug", "stored"))
        self.assertEqual(changed["control.loginLockoutSeconds"]["value"], 45)
        note = other.wait_notification("settings.changed")
        self.assertEqual(sorted(note["params"]["keys"]), ["control.loginLockoutSeconds", "log.level"])
        self.assertNotIn("id", note)
        self.sync(anonymous)
        self.assertEqual(self.notifications_of(anonymous, "settings.changed"), [],
                         "notifications go to logged-in clients only")
        self.assertEqual(self.get("log.level", rpc=other)["value"], "debug")
        # Stored in maild.db as a one-element JSON array.
        with open_db(self.daemon) as db:
            stored = dict(db.execute("SELECT key, value FROM settings"))
        self.assertEqual(json.loads(stored["log.level"]), ["debug"])
        # The new level takes effect: debug lines now reach the log.
        self.connect(login=False).call("hello")
        deadline = time.monotonic() + 5
        while not any(e["level"] == "debug" for e in self.rpc.call("log.tail", {"limit": 50})["entries"]):
            self.assertLess(time.monotonic(), deadline, "log.level=debug did not take effect")
            time.sleep(0.05)

    def test_invalid_values_are_refused_with_the_field_and_nothing_is_stored(self):
        before = {s["key"]: s for s in self.rpc.call("settings.get")["settings"]}
        for values, field in [({"log.level": 5}, "log.level"),
                              ({"log.level": "loud"}, "log.level"),
                              ({"log.toFile": "yes"}, "log.toFile"),
                              ({"control.maxFrameBytes": 100}, "control.maxFrameBytes"),
                              ({"control.maxFrameBytes": 10 ** 12}, "control.maxFrameBytes"),
                              ({"control.loginLockoutSeconds": 2.5}, "control.loginLockoutSeconds"),
                              ({"control.loginLockoutSeconds": "30"}, "control.loginLockoutSeconds"),
                              ({"listen.addresses": ["127.0.0.1", 7]}, "listen.addresses"),
                              ({"listen.addresses": "127.0.0.1"}, "listen.addresses"),
                              ({"server.hostname": "not a host name"}, "server.hostname"),
                              ({"control.adminGroup": "adm;rm -rf"}, "control.adminGroup")]:
            with self.subTest(values=values):
                e = self.assertRpcErrorField(1102, field, "settings.set", {"values": values})
                self.assertTrue(e.data.get("reason"))
        self.assertRpcErrorField(1100, "no.such.key", "settings.set", {"values": {"no.such.key": 1}})
        self.assertRpcErrorField(-32602, "values", "settings.set", {"values": {}})
        self.assertRpcErrorField(-32602, "values", "settings.set", {})
        self.assertRpcErrorField(-32602, "values", "settings.set", {"values": [["log.level", "debug"]]})
        after = {s["key"]: s for s in self.rpc.call("settings.get")["settings"]}
        self.assertEqual(after, before)
        with open_db(self.daemon) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM settings").fetchone()[0], 0)

    def test_all_or_nothing(self):
        e = self.assertRpcErrorField(1102, "control.maxFrameBytes", "settings.set",
                                     {"values": {"log.level": "debug", "control.maxFrameBytes": 1,
                                                 "control.loginLockoutSeconds": 60}})
        self.assertIn("control.maxFrameBytes", e.message)
        self.assertEqual(self.get("log.level")["value"], "info")
        self.assertEqual(self.get("log.level")["source"], "default")
        self.assertEqual(self.get("control.loginLockoutSeconds")["value"], 30)
        self.assertRpcErrorField(1100, "nope", "settings.set", {"values": {"log.level": "debug", "nope": 1}})
        self.assertEqual(self.get("log.level")["value"], "info")
        self.assertEqual(self.rpc.call("audit.list", {"method": "settings.set"})["total"], 0)


class FixedSettingTest(ControlTestCase):
    daemon_args = ("--set", "log.level=notice")

    def test_a_key_fixed_on_the_command_line_cannot_be_changed(self):
        level = self.rpc.call("settings.get", {"keys": ["log.level"]})["settings"][0]
        self.assertEqual((level["value"], level["source"], level["default"]), ("notice", "command-line", "info"))
        e = self.assertRpcErrorField(1103, "log.level", "settings.set", {"values": {"log.level": "debug"}})
        self.assertIn("command line", e.message)
        # All or nothing: a valid key beside the fixed one is not stored either.
        self.assertRpcError(1103, "settings.set", {"values": {"control.loginLockoutSeconds": 40, "log.level": "error"}})
        lockout = self.rpc.call("settings.get", {"keys": ["control.loginLockoutSeconds"]})["settings"][0]
        self.assertEqual((lockout["value"], lockout["source"]), (30, "default"))
        level = self.rpc.call("settings.get", {"keys": ["log.level"]})["settings"][0]
        self.assertEqual((level["value"], level["source"]), ("notice", "command-line"))


class AccountTest(ControlTestCase):

    def test_new_accounts_take_the_server_quota_warning_threshold(self):
        self.rpc.call("settings.set", {"values": {"quota.warnPercent": 75}})
        self.assertEqual(self.create("carol")["mail"]["quotaWarnPercent"], 75)
        self.assertEqual(self.create("dave", mail={"quotaWarnPercent": 95})["mail"]["quotaWarnPercent"], 95)
        # changing the setting leaves existing accounts alone
        self.rpc.call("settings.set", {"values": {"quota.warnPercent": 60}})
        self.assertEqual(self.rpc.call("account.get", {"name": "carol"})["mail"]["quotaWarnPercent"], 75)
        self.assertRpcErrorField(1102, "quota.warnPercent", "settings.set", {"values": {"quota.warnPercent": 0}})

    def test_create_get_update_delete(self):
        watcher = self.connect()
        created = self.create("alice", fullName="Alice Liddell", password="alice long password")
        self.assertEqual(set(created), ACCOUNT_KEYS)
        self.assertEqual(set(created["mail"]), MAIL_KEYS)
        self.assertEqual((created["name"], created["fullName"], created["admin"], created["hasPassword"]),
                         ("alice", "Alice Liddell", False, True))
        self.assertEqual(created["mail"], {"state": "enabled", "forwardAddress": "", "server": "", "quotaBytes": 0,
                                           "quotaWarnPercent": 90, "access": "both"})
        self.assertEqual((created["addresses"], created["usageBytes"]), ([], 0))
        self.assertRegex(created["created"], ISO_UTC)
        self.assertRegex(created["modified"], ISO_UTC)
        self.assertEqual(self.rpc.call("account.get", {"name": "alice"}), created)
        self.assertEqual(watcher.wait_notification("account.changed")["params"],
                         {"name": "alice", "change": "created"})

        self.assertFalse(self.create("bob")["hasPassword"])
        self.assertEqual(watcher.wait_notification("account.changed")["params"], {"name": "bob", "change": "created"})

        updated = self.rpc.call("account.update", {"name": "alice", "mail": {"quotaBytes": 1 << 30, "access": "imap"}})
        self.assertEqual(updated["mail"]["quotaBytes"], 1 << 30)
        self.assertEqual(updated["mail"]["access"], "imap")
        self.assertEqual(updated["mail"]["quotaWarnPercent"], 90, "mail fields are partial")
        self.assertEqual(updated["fullName"], "Alice Liddell", "fields are partial")
        self.assertTrue(updated["hasPassword"], "update keeps the password")
        self.assertEqual(watcher.wait_notification("account.changed")["params"], {"name": "alice", "change": "updated"})
        updated = self.rpc.call("account.update", {"name": "alice", "fullName": "Alice P. Liddell",
                                                   "mail": {"state": "forward", "forwardAddress": "alice@elsewhere.net"}})
        self.assertEqual((updated["fullName"], updated["mail"]["state"], updated["mail"]["forwardAddress"]),
                         ("Alice P. Liddell", "forward", "alice@elsewhere.net"))
        self.assertEqual(updated["mail"]["access"], "imap")
        self.assertEqual(self.rpc.call("account.get", {"name": "alice"}), updated)
        self.assertRpcError(1100, "account.update", {"name": "nobody-here", "fullName": "X"})
        self.assertRpcErrorField(-32602, "newName", "account.update", {"name": "alice", "newName": "alicia"})
        self.assertRpcErrorField(-32602, "password", "account.update", {"name": "alice", "password": "sneaky password"})

        self.assertEqual(self.rpc.call("account.delete", {"name": "bob"}), {"name": "bob"})
        self.assertRpcError(1100, "account.get", {"name": "bob"})
        self.assertRpcError(1100, "account.delete", {"name": "bob"})
        changes = [watcher.wait_notification("account.changed")["params"] for _ in range(2)]
        self.assertEqual(changes, [{"name": "alice", "change": "updated"}, {"name": "bob", "change": "deleted"}])
        self.sync(watcher)
        self.assertEqual(self.notifications_of(watcher, "account.changed"), [], "refused changes notify nobody")
        self.assertEqual(db_account_names(self.daemon), [ADMIN_USER, "alice"])

    def test_mail_options_are_validated(self):
        total = self.account_total()
        cases = [
            ({"mail": {"state": "forward"}}, 1102, "mail.forwardAddress"),
            ({"mail": {"state": "forward", "forwardAddress": ""}}, 1102, "mail.forwardAddress"),
            ({"mail": {"state": "forward", "forwardAddress": "not an address"}}, 1102, "mail.forwardAddress"),
            ({"mail": {"quotaBytes": -1}}, -32602, "mail.quotaBytes"),
            ({"mail": {"quotaBytes": "1G"}}, -32602, "mail.quotaBytes"),
            ({"mail": {"quotaWarnPercent": 0}}, -32602, "mail.quotaWarnPercent"),
            ({"mail": {"quotaWarnPercent": 101}}, -32602, "mail.quotaWarnPercent"),
            ({"mail": {"access": "x"}}, 1102, "mail.access"),
            ({"mail": {"state": "asleep"}}, 1102, "mail.state"),
            ({"mail": {"server": "bad server name"}}, 1102, "mail.server"),
            ({"mail": {"colour": "red"}}, -32602, "mail.colour"),
            ({"mail": "enabled"}, -32602, "mail"),
            ({"admin": "yes"}, -32602, "admin"),
            ({"fullName": "Line\nbreak"}, 1102, "fullName"),
            ({"fullName": "x" * 257}, 1102, "fullName"),
            ({"addresses": "carol@example.org"}, -32602, "addresses"),
            ({"addresses": ["carol@not-local.example"]}, 1102, "addresses"),
            ({"addresses": ["not an address"]}, 1102, "addresses"),
            ({"password": "short"}, 1102, "password"),
            ({"password": 12345678}, -32602, "password"),
        ]
        for fields, code, field in cases:
            with self.subTest(fields=fields):
                params = {"name": "carol"}
                params.update(fields)
                self.assertRpcErrorField(code, field, "account.create", params)
        self.assertEqual(self.account_total(), total, "no refused create stored anything")
        carol = self.create("carol", mail={"state": "forward", "forwardAddress": "carol@elsewhere.net",
                                           "quotaBytes": 1000, "quotaWarnPercent": 50, "access": "pop",
                                           "server": "Mail2.Example.org"})
        self.assertEqual(carol["mail"], {"state": "forward", "forwardAddress": "carol@elsewhere.net",
                                         "server": "mail2.example.org", "quotaBytes": 1000,
                                         "quotaWarnPercent": 50, "access": "pop"})
        # Update is checked the same way and a refused update changes nothing.
        for fields, code, field in cases[:12]:
            with self.subTest(update=fields):
                params = {"name": "carol"}
                params.update(fields)
                if fields.get("mail", {}) == {"state": "forward"}:
                    continue  # carol already forwards to an address: valid as an update
                self.assertRpcErrorField(code, field, "account.update", params)
        self.assertEqual(self.rpc.call("account.get", {"name": "carol"}), carol)
        # While forwarding, the address cannot be emptied.
        self.assertRpcErrorField(1102, "mail.forwardAddress", "account.update",
                                 {"name": "carol", "mail": {"forwardAddress": ""}})
        self.assertEqual(self.rpc.call("account.update", {"name": "carol", "mail": {"state": "disabled"}})
                         ["mail"]["state"], "disabled")

    def test_duplicate_names_are_refused(self):
        self.create("dave")
        before = self.rpc.call("account.get", {"name": "dave"})
        self.assertRpcErrorField(1101, "name", "account.create", {"name": "dave", "fullName": "Other Dave"})
        self.assertRpcError(1101, "account.create", {"name": ADMIN_USER})
        self.assertEqual(self.rpc.call("account.get", {"name": "dave"}), before)

    def test_hostile_names_are_refused_and_the_table_is_unchanged(self):
        self.create("erin")
        before = db_account_names(self.daemon)
        hostile = ["o'brien", 'say"hi', "a;b", "'; DROP TABLE accounts; --", "robert'); DROP TABLE accounts;--",
                   "john smith", " erin", "Alice", "ERIN", "", "-dash", ".dot", "dot.", "a..b", "x" * 65,
                   "ünïcode", "a/b", "../etc", "a%b", "a_b%", "erin\t", "a@b"]
        for name in hostile:
            with self.subTest(name=name):
                self.assertRpcErrorField(1102, "name", "account.create", {"name": name})
        self.assertRpcErrorField(-32602, "name", "account.create", {"name": "nul\u0000byte"})
        self.assertRpcErrorField(-32602, "name", "account.create", {"name": 42})
        self.assertRpcErrorField(-32602, "name", "account.create", {})
        for name in hostile[:5]:
            self.assertRpcError(1100, "account.get", {"name": name})
            self.assertRpcError(1100, "account.delete", {"name": name})
        self.assertEqual(db_account_names(self.daemon), before)
        with open_db(self.daemon) as db:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.assertLessEqual({"accounts", "addresses", "domains", "settings", "audit"}, tables)
        self.assertEqual(self.account_total(), len(before))

    def test_the_last_administrator_is_protected(self):
        e = self.assertRpcError(1103, "account.delete", {"name": ADMIN_USER})
        self.assertTrue(e.message)
        self.assertRpcError(1103, "account.update", {"name": ADMIN_USER, "admin": False})
        self.assertTrue(self.rpc.call("account.get", {"name": ADMIN_USER})["admin"])
        # With a second administrator, one of them may go; then the other is the last again.
        self.create("deputy", admin=True)
        self.assertFalse(self.rpc.call("account.update", {"name": ADMIN_USER, "admin": False})["admin"])
        self.assertRpcError(1103, "account.delete", {"name": "deputy"})
        self.assertRpcError(1103, "account.update", {"name": "deputy", "admin": False})
        self.assertTrue(self.rpc.call("account.update", {"name": ADMIN_USER, "admin": True})["admin"])
        self.assertEqual(self.rpc.call("account.delete", {"name": "deputy"}), {"name": "deputy"})
        self.assertRpcError(1103, "account.delete", {"name": ADMIN_USER})
        self.assertEqual(db_account_names(self.daemon), [ADMIN_USER])

    def test_set_password(self):
        watcher = self.connect()
        new_password = "a brand new admin password"
        self.assertEqual(self.rpc.call("account.setPassword", {"name": ADMIN_USER, "password": new_password}),
                         {"name": ADMIN_USER})
        self.assertEqual(watcher.wait_notification("account.changed")["params"],
                         {"name": ADMIN_USER, "change": "updated"})
        rpc = self.connect(login=False)
        self.assertRpcError(1001, "auth.login", {"user": ADMIN_USER, "password": ADMIN_PASSWORD}, rpc=rpc)
        self.assertEqual(rpc.call("auth.login", {"user": ADMIN_USER, "password": new_password})["user"], ADMIN_USER)
        self.assertRpcErrorField(1102, "password", "account.setPassword", {"name": ADMIN_USER, "password": "short"})
        self.assertRpcErrorField(1102, "password", "account.setPassword",
                                 {"name": ADMIN_USER, "password": "bell\u0007 in a password"})
        self.assertRpcErrorField(-32602, "password", "account.setPassword", {"name": ADMIN_USER})
        self.assertRpcError(1100, "account.setPassword", {"name": "ghost", "password": "long enough password"})
        # A non-admin given a password still cannot log in to the control socket.
        self.create("frank")
        self.assertFalse(self.rpc.call("account.get", {"name": "frank"})["hasPassword"])
        self.rpc.call("account.setPassword", {"name": "frank", "password": "frank long password"})
        self.assertTrue(self.rpc.call("account.get", {"name": "frank"})["hasPassword"])
        self.assertRpcError(1001, "auth.login", {"user": "frank", "password": "frank long password"},
                            rpc=self.connect(login=False))
        # The refused short password did not replace the new one.
        self.assertEqual(self.connect(login=False).call("auth.login", {"user": ADMIN_USER, "password": new_password})
                         ["user"], ADMIN_USER)

    def test_list_parameters(self):
        for name in ("gina", "hank", "ivy"):
            self.create(name, fullName=name.capitalize() + " Tester")
        page = self.rpc.call("account.list", {"sort": "name", "order": "desc", "limit": 2})
        self.assertEqual((page["total"], page["offset"]), (4, 0))
        self.assertEqual([a["name"] for a in page["accounts"]], ["ivy", "hank"])
        page = self.rpc.call("account.list", {"filter": "TESTER", "offset": 1})
        self.assertEqual((page["total"], page["offset"]), (3, 1))
        self.assertEqual([a["name"] for a in page["accounts"]], ["hank", "ivy"])
        for params, field in [({"sort": "password"}, "sort"), ({"order": "up"}, "order"),
                              ({"limit": 0}, "limit"), ({"limit": 1001}, "limit"), ({"offset": -1}, "offset"),
                              ({"filter": 5}, "filter"), ({"page": 2}, "page")]:
            with self.subTest(params=params):
                self.assertRpcErrorField(-32602, field, "account.list", params)


class AliasDomainTest(ControlTestCase):

    def setUp(self):
        super().setUp()
        self.create("alice")
        self.create("bob")

    def test_domains(self):
        self.assertEqual(self.rpc.call("domain.list"), {"domains": []})
        self.assertEqual(self.rpc.call("domain.add", {"name": "Example.ORG"}), {"name": "example.org"})
        self.assertEqual(self.rpc.call("domain.add", {"name": "mail.example.net"}), {"name": "mail.example.net"})
        self.assertEqual(self.rpc.call("domain.list"), {"domains": [{"name": "example.org"},
                                                                    {"name": "mail.example.net"}]})
        self.assertRpcError(1101, "domain.add", {"name": "example.org"})
        self.assertRpcError(1101, "domain.add", {"name": "EXAMPLE.org"})
        for bad in ["", "not a domain", "-lead.example", "a..b", "under_score.example", "x" * 254,
                    "exa'mple.org", "example.org; DROP TABLE domains"]:
            with self.subTest(domain=bad):
                self.assertRpcErrorField(1102, "name", "domain.add", {"name": bad})
        self.assertRpcErrorField(-32602, "name", "domain.add", {})
        self.assertRpcErrorField(-32602, "zone", "domain.list", {"zone": "x"})
        self.assertEqual(len(self.rpc.call("domain.list")["domains"]), 2)

        self.rpc.call("alias.add", {"address": "info@example.org", "account": "alice"})
        e = self.assertRpcError(1103, "domain.remove", {"name": "example.org"})
        self.assertTrue(e.message)
        self.assertIn({"name": "example.org"}, self.rpc.call("domain.list")["domains"])
        self.rpc.call("alias.remove", {"address": "info@example.org"})
        self.assertEqual(self.rpc.call("domain.remove", {"name": "EXAMPLE.ORG"}), {"name": "example.org"})
        self.assertRpcError(1100, "domain.remove", {"name": "example.org"})
        self.assertEqual(self.rpc.call("domain.list"), {"domains": [{"name": "mail.example.net"}]})

    def test_domain_in_use_is_not_confused_with_a_longer_domain(self):
        self.rpc.call("domain.add", {"name": "example.org"})
        self.rpc.call("domain.add", {"name": "sub.example.org"})
        self.rpc.call("alias.add", {"address": "info@sub.example.org", "account": "alice"})
        self.assertEqual(self.rpc.call("domain.remove", {"name": "example.org"}), {"name": "example.org"})
        self.assertRpcError(1103, "domain.remove", {"name": "sub.example.org"})

    def test_aliases(self):
        watcher = self.connect()
        self.assertRpcErrorField(1102, "address", "alias.add", {"address": "alice.l@example.org", "account": "alice"})
        self.rpc.call("domain.add", {"name": "example.org"})
        self.assertEqual(self.rpc.call("alias.add", {"address": "Alice.L@EXAMPLE.org", "account": "alice"}),
                         {"address": "Alice.L@example.org", "account": "alice"})
        self.assertEqual(watcher.wait_notification("account.changed")["params"], {"name": "alice", "change": "updated"})
        self.assertEqual(self.rpc.call("account.get", {"name": "alice"})["addresses"], ["Alice.L@example.org"])
        self.assertEqual(self.rpc.call("alias.list"),
                         {"aliases": [{"address": "Alice.L@example.org", "account": "alice"}]})
        self.assertEqual(self.rpc.call("alias.list", {"account": "bob"}), {"aliases": []})
        self.assertRpcError(1100, "alias.list", {"account": "nobody-here"})

        # Taken: the same address (any case), or another account's short name in a local domain.
        self.assertRpcErrorField(1101, "address", "alias.add", {"address": "alice.l@example.org", "account": "bob"})
        self.assertRpcErrorField(1101, "address", "alias.add", {"address": "alice@example.org", "account": "bob"})
        self.assertRpcErrorField(1101, "address", "alias.add", {"address": "ADMIN@example.org", "account": "bob"})
        self.assertRpcErrorField(1102, "address", "alias.add", {"address": "bob@elsewhere.net", "account": "bob"})
        for bad in ["not an address", "@example.org", "bob%relay@example.org", "\"quoted\"@example.org", ""]:
            with self.subTest(address=bad):
                self.assertRpcErrorField(1102, "address", "alias.add", {"address": bad, "account": "bob"})
        self.assertRpcError(1100, "alias.add", {"address": "new@example.org", "account": "ghost"})
        self.assertRpcErrorField(-32602, "account", "alias.add", {"address": "new@example.org"})
        self.assertEqual(len(self.rpc.call("alias.list")["aliases"]), 1, "no refused alias was stored")

        self.rpc.call("alias.add", {"address": "bobby@example.org", "account": "bob"})
        self.assertEqual([a["address"] for a in self.rpc.call("alias.list", {"account": "bob"})["aliases"]],
                         ["bobby@example.org"])
        # An address given at create/update obeys the same rules.
        self.assertRpcErrorField(1101, "addresses", "account.create", {"name": "carl", "addresses": ["bobby@example.org"]})
        self.assertRpcErrorField(1101, "addresses", "account.update", {"name": "alice", "addresses": ["bob@example.org"]})
        self.assertEqual(self.rpc.call("account.get", {"name": "alice"})["addresses"], ["Alice.L@example.org"])

        self.assertEqual(self.rpc.call("alias.remove", {"address": "BOBBY@example.org"}), {"address": "BOBBY@example.org"})
        self.assertRpcError(1100, "alias.remove", {"address": "bobby@example.org"})
        self.assertEqual(self.rpc.call("alias.list", {"account": "bob"}), {"aliases": []})
        # Deleting an account frees its aliases.
        self.rpc.call("account.delete", {"name": "alice"})
        self.assertEqual(self.rpc.call("alias.list"), {"aliases": []})
        self.rpc.call("alias.add", {"address": "alice.l@example.org", "account": "bob"})

    def test_a_new_account_may_not_take_an_aliased_address(self):
        # Every account receives mail at <name>@<each local domain>; if bob-two@example.org is
        # already alice's alias, an account named bob-two would take over her address.
        self.rpc.call("domain.add", {"name": "example.org"})
        self.rpc.call("alias.add", {"address": "bob-two@example.org", "account": "alice"})
        self.assertRpcError(1101, "account.create", {"name": "bob-two"})
        self.assertRpcError(1100, "account.get", {"name": "bob-two"})


class LogAndAuditTest(ControlTestCase):

    def test_log_tail_filters(self):
        self.assertRpcError(1001, "auth.login", {"user": ADMIN_USER, "password": "wrong password"},
                            rpc=self.connect(login=False))
        self.create("tailed")
        entries = self.rpc.call("log.tail")["entries"]
        self.assertLessEqual(len(entries), 100)
        for e in entries:
            self.assertEqual(set(e), {"time", "level", "service", "message"})
            self.assertRegex(e["time"], ISO_UTC)
        self.assertEqual(entries, sorted(entries, key=lambda e: e["time"]), "oldest first")
        self.assertTrue(any("tailed" in e["message"] for e in entries))
        warnings = self.rpc.call("log.tail", {"level": "warning"})["entries"]
        self.assertTrue(warnings)
        self.assertTrue(all(e["level"] in ("warning", "error") for e in warnings), warnings)
        self.assertTrue(any("failed login" in e["message"] for e in warnings))
        control = self.rpc.call("log.tail", {"service": "control"})["entries"]
        self.assertTrue(control)
        self.assertTrue(all(e["service"] == "control" for e in control))
        self.assertEqual(self.rpc.call("log.tail", {"service": "no-such-service"})["entries"], [])
        self.assertEqual(len(self.rpc.call("log.tail", {"limit": 1})["entries"]), 1)
        self.assertEqual(self.rpc.call("log.tail", {"limit": 1})["entries"][0], self.rpc.call("log.tail")["entries"][-1])
        self.assertRpcErrorField(-32602, "level", "log.tail", {"level": "loud"})
        self.assertRpcErrorField(-32602, "level", "log.tail", {"level": 3})
        self.assertRpcErrorField(-32602, "limit", "log.tail", {"limit": 0})
        self.assertRpcErrorField(-32602, "limit", "log.tail", {"limit": 5001})
        self.assertRpcErrorField(-32602, "grep", "log.tail", {"grep": "x"})

    def test_subscribe_receives_changes_made_elsewhere_and_unsubscribe_stops_them(self):
        listener = self.connect()
        self.assertEqual(listener.call("log.subscribe"), {"subscribed": True})
        self.create("subscribed1")
        deadline = time.monotonic() + 10
        while True:
            entry = listener.wait_notification("log.entry", timeout=max(0.1, deadline - time.monotonic()))
            self.assertEqual(set(entry["params"]), {"time", "level", "service", "message"})
            if "subscribed1" in entry["params"]["message"]:
                break
        self.assertEqual(listener.call("log.unsubscribe"), {"subscribed": False})
        listener.notifications.clear()
        self.create("unsubscribed1")
        self.sync(listener)
        self.assertEqual(self.notifications_of(listener, "log.entry"), [])
        # Filters: level error hides the notice of a change; a service filter hides others.
        listener.call("log.subscribe", {"level": "error"})
        self.create("filtered1")
        listener.call("log.subscribe", {"service": "maild"})
        self.create("filtered2")
        self.sync(listener)
        self.assertEqual(self.notifications_of(listener, "log.entry"), [])
        listener.call("log.subscribe", {"level": "notice", "service": "control"})
        self.create("filtered3")
        entry = listener.wait_notification("log.entry")
        self.assertEqual((entry["params"]["service"], entry["params"]["level"]), ("control", "notice"))
        self.assertIn("filtered3", entry["params"]["message"])
        self.assertRpcErrorField(-32602, "level", "log.subscribe", {"level": "chatty"}, rpc=listener)
        self.assertRpcErrorField(-32602, "follow", "log.unsubscribe", {"follow": True}, rpc=listener)

    def test_audit_records_who_and_what_and_never_a_password(self):
        secret1 = "Create-Secret-" + uuid.uuid4().hex
        secret2 = "SetPassword-Secret-" + uuid.uuid4().hex
        secret3 = "Wrong-Login-Secret-" + uuid.uuid4().hex
        self.create("audited", password=secret1, fullName="Audited Person")
        self.rpc.call("account.setPassword", {"name": "audited", "password": secret2})
        self.rpc.call("account.update", {"name": "audited", "admin": True})
        self.assertRpcError(1001, "auth.login", {"user": "audited", "password": secret3},
                            rpc=self.connect(login=False))
        self.assertEqual(self.connect(login=False).call("auth.login", {"user": "audited", "password": secret2})
                         ["user"], "audited")
        self.rpc.call("settings.set", {"values": {"log.level": "debug"}})
        self.rpc.call("domain.add", {"name": "audit.example"})
        self.assertRpcError(1101, "account.create", {"name": "audited"})  # refused: not audited

        audit = self.rpc.call("audit.list")
        entries = audit["entries"]
        self.assertEqual(audit["total"], len(entries))
        self.assertEqual([e["method"] for e in entries],
                         ["domain.add", "settings.set", "account.update", "account.setPassword",
                          "account.create", "auth.bootstrap"])
        self.assertEqual([e["id"] for e in entries], sorted((e["id"] for e in entries), reverse=True))
        for e in entries:
            self.assertEqual(set(e), {"id", "time", "actor", "peerUid", "method", "target", "details"})
            self.assertEqual((e["actor"], e["peerUid"]), (ADMIN_USER, os.getuid()))
            self.assertRegex(e["time"], ISO_UTC)
        by_method = {e["method"]: e for e in entries}
        self.assertEqual(by_method["account.create"]["target"], "audited")
        self.assertEqual(by_method["account.create"]["details"]["password"], "********")
        self.assertEqual(by_method["account.create"]["details"]["fullName"], "Audited Person")
        self.assertEqual(by_method["account.setPassword"]["details"]["password"], "********")
        self.assertEqual(by_method["auth.bootstrap"]["details"]["password"], "********")
        self.assertEqual(by_method["domain.add"]["target"], "audit.example")
        self.assertIn("log.level", by_method["settings.set"]["target"])

        self.assertEqual(self.rpc.call("audit.list", {"method": "account.setPassword"})["total"], 1)
        self.assertEqual(self.rpc.call("audit.list", {"actor": "nobody-at-all"}), {"total": 0, "entries": []})
        page = self.rpc.call("audit.list", {"offset": 1, "limit": 2})
        self.assertEqual((page["total"], [e["method"] for e in page["entries"]]),
                         (6, ["settings.set", "account.update"]))
        self.assertRpcErrorField(-32602, "limit", "audit.list", {"limit": 0})
        self.assertRpcErrorField(-32602, "since", "audit.list", {"since": "yesterday"})

        # No password in clear anywhere: database (with WAL), log file, daemon output.
        self.daemon.stop()
        secrets = [s.encode() for s in (secret1, secret2, secret3, ADMIN_PASSWORD)]
        checked = 0
        for root, _, files in os.walk(self.daemon.data_dir):
            for name in files:
                path = os.path.join(root, name)
                if not os.path.isfile(path):
                    continue
                with open(path, "rb") as f:
                    data = f.read()
                checked += 1
                for secret in secrets:
                    self.assertNotIn(secret, data, "a password in clear in %s" % path)
                    self.assertNotIn(secret.decode().encode("utf-16-le"), data, "a password in %s" % path)
        self.assertGreaterEqual(checked, 3)
        self.assertIn("audited", read_log(self.daemon))


class ProtocolTest(ControlTestCase):

    def recv(self, rpc=None, timeout=10):
        rpc = rpc or self.rpc
        rpc.sock.settimeout(timeout)
        try:
            return rpc.recv_response()
        finally:
            rpc.sock.settimeout(30)

    def assertNothingArrives(self, rpc, wait=0.5):
        """No answer arrives: the next thing read is the answer to a fresh request."""
        time.sleep(wait)
        rid = 987654
        rpc.send_raw(line(req(rid, "hello")))
        self.assertEqual(self.recv(rpc)["id"], rid, "an unexpected answer arrived first")

    def test_malformed_json_then_the_connection_still_works(self):
        for raw in [b"{bad", b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", b"\xff\xfe", b"[1,", b"nul"]:
            with self.subTest(raw=raw):
                self.rpc.send_raw(raw + b"\n")
                answer = self.recv()
                self.assertError(answer, -32700)
                self.assertIsNone(answer["id"])
                self.assertEqual(answer["jsonrpc"], "2.0")
        self.assertEqual(self.rpc.call("account.get", {"name": ADMIN_USER})["name"], ADMIN_USER)

    def test_json_that_is_not_a_request(self):
        cases = [({"foo": 1}, None), ({"jsonrpc": "1.0", "id": 5, "method": "hello"}, 5),
                 ({"id": 6, "method": "hello"}, 6), ({"jsonrpc": "2.0", "id": 7}, 7),
                 ({"jsonrpc": "2.0", "id": 8, "method": ""}, 8), ({"jsonrpc": "2.0", "id": 9, "method": 42}, 9),
                 ({"jsonrpc": "2.0", "id": {"x": 1}, "method": "hello"}, None),
                 ({"jsonrpc": "2.0", "id": 10, "method": "hello", "extra": 1}, 10)]
        for message, rid in cases:
            with self.subTest(message=message):
                self.rpc.send_raw(line(message))
                answer = self.recv()
                self.assertError(answer, -32600)
                self.assertEqual(answer["id"], rid)
        self.rpc.send_raw(b"[]\n")
        self.assertError(self.recv(), -32600)
        self.assertEqual(self.rpc.call("hello")["protocol"], 1)

    def test_json_scalars_are_valid_json_but_not_requests(self):
        # The protocol: -32700 only for a line that is not valid JSON; these are valid JSON.
        for raw in [b"42", b"\"hello\"", b"null", b"true"]:
            with self.subTest(raw=raw):
                self.rpc.send_raw(raw + b"\n")
                self.assertError(self.recv(), -32600)
        self.assertEqual(self.rpc.call("hello")["protocol"], 1)

    def test_params_must_be_an_object(self):
        self.rpc.send_raw(line({"jsonrpc": "2.0", "id": 11, "method": "account.get", "params": ["admin"]}))
        answer = self.recv()
        self.assertEqual(answer["id"], 11)
        self.assertError(answer, -32602)

    def test_unknown_method_and_unknown_param(self):
        answer = self.rpc.request("account.explode", {"name": ADMIN_USER})
        self.assertError(answer, -32601)
        self.assertIn("account.explode", answer["error"]["message"])
        e = self.assertRpcErrorField(-32602, "nmae", "account.get", {"name": ADMIN_USER, "nmae": "x"})
        self.assertIn("nmae", e.message)
        self.assertRpcErrorField(-32602, "fulName", "account.create", {"name": "typo", "fulName": "Typo"})
        self.assertRpcError(1100, "account.get", {"name": "typo"})

    def test_oversized_frame_is_refused_and_the_connection_stays_usable(self):
        self.rpc.call("settings.set", {"values": {"control.maxFrameBytes": 4096}})
        self.rpc.call("domain.add", {"name": "example.org"})

        def padded_create(rid, name, size):
            """An account.create that would succeed, padded with aliases to about size bytes."""
            message = req(rid, "account.create", {"name": name, "addresses": []})
            while len(line(message)) < size:
                message["params"]["addresses"].append(
                    "%s.alias.%03d.padding.padding@example.org" % (name, len(message["params"]["addresses"])))
            return message
        # Just under the limit: accepted.
        fits = padded_create(1001, "fits", 4000)
        self.assertLessEqual(len(line(fits)) - 1, 4096)
        self.rpc.send_raw(line(fits))
        answer = self.recv()
        self.assertEqual(answer["id"], 1001)
        self.assertEqual(answer["result"]["name"], "fits")
        # Over the limit: one 1006 with id null; the request is not executed.
        big = padded_create(1002, "toolong", 4300)
        self.assertGreater(len(line(big)) - 1, 4096)
        self.assertLessEqual(len(big["params"]["addresses"]), 100)
        self.rpc.send_raw(line(big))
        answer = self.recv()
        self.assertError(answer, 1006)
        self.assertIsNone(answer["id"])
        self.assertIn("4096", answer["error"]["message"])
        self.assertEqual(self.rpc.call("hello")["protocol"], 1)
        # Arriving in pieces, and far larger, followed at once by a good request.
        huge = line(req(1003, "account.create", {"name": "huge", "fullName": "H" * 200000}))
        for i in range(0, len(huge) - 1, 1500):
            self.rpc.send_raw(huge[i:i + 1500])
            time.sleep(0.001)
        self.rpc.send_raw(b"\n" + line(req(1004, "account.get", {"name": "fits"})))
        self.assertError(self.recv(), 1006)
        after = self.recv()
        self.assertEqual(after["id"], 1004)
        self.assertEqual(after["result"]["name"], "fits")
        for name in ("toolong", "huge"):
            self.assertRpcError(1100, "account.get", {"name": name})

    def test_batch_answers_each_item_and_applies_only_the_good_ones(self):
        watcher = self.connect()
        answers = self.rpc.batch([
            ("account.create", {"name": "batch1"}),
            ("account.create", {"name": "Bad Name"}),
            ("account.create", {"name": "batch2", "mail": {"state": "forward"}}),
            ("account.create", {"name": "batch3", "password": "batch password three"}),
            ("account.create", {"name": "batch1"}),
            ("account.get", {"name": "batch1"}),
            ("account.delete", {"name": ADMIN_USER}),
            ("account.explode", {}),
            ("account.update", {"name": "batch1", "fullName": "Batch One"}),
        ])
        self.assertEqual(answers[0]["result"]["name"], "batch1")
        self.assertError(answers[1], 1102, "name")
        self.assertError(answers[2], 1102, "mail.forwardAddress")
        self.assertTrue(answers[3]["result"]["hasPassword"])
        self.assertError(answers[4], 1101)
        self.assertEqual(answers[5]["result"]["name"], "batch1", "later items see earlier ones")
        self.assertError(answers[6], 1103)
        self.assertError(answers[7], -32601)
        self.assertEqual(answers[8]["result"]["fullName"], "Batch One")
        self.assertEqual(db_account_names(self.daemon), [ADMIN_USER, "batch1", "batch3"])
        self.assertEqual(self.rpc.call("account.get", {"name": "batch1"})["fullName"], "Batch One")
        self.assertEqual(self.connect(login=False).call("auth.login", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
                         ["user"], ADMIN_USER, "the refused delete of the last admin left it alone")
        seen = set()
        while len(seen) < 3:
            n = watcher.wait_notification("account.changed")["params"]
            seen.add((n["name"], n["change"]))
        self.assertEqual(seen, {("batch1", "created"), ("batch3", "created"), ("batch1", "updated")})
        self.sync(watcher)
        self.assertEqual(self.notifications_of(watcher, "account.changed"), [], "no notification for refused items")
        self.assertEqual(self.rpc.call("audit.list", {"method": "account.create"})["total"], 2)

    def test_batch_with_notifications_and_invalid_items(self):
        messages = [req(1, "account.create", {"name": "b1"}),
                    {"jsonrpc": "2.0", "method": "account.create", "params": {"name": "b2"}},
                    7,
                    {"jsonrpc": "2.0", "id": 2, "method": "auth.login",
                     "params": {"user": ADMIN_USER, "password": ADMIN_PASSWORD}},
                    req(3, "account.get", {"name": "b2"})]
        self.rpc.send_raw(line(messages))
        answers = self.recv()
        self.assertIsInstance(answers, list)
        self.assertEqual(len(answers), 4, "the notification (no id) gets no answer: %s" % answers)
        by_id = {a["id"]: a for a in answers if a["id"] is not None}
        self.assertEqual(by_id[1]["result"]["name"], "b1")
        self.assertError(by_id[2], -32600)  # auth.login may not be batched
        self.assertEqual(by_id[3]["result"]["name"], "b2", "the notification was executed")
        self.assertEqual([a["error"]["code"] for a in answers if a["id"] is None], [-32600])

    def test_notifications_get_no_answer(self):
        self.rpc.send_raw(line({"jsonrpc": "2.0", "method": "account.create", "params": {"name": "quiet1"}}))
        self.rpc.send_raw(line({"jsonrpc": "2.0", "method": "account.create", "params": {"name": "Bad Name"}}))
        self.rpc.send_raw(line({"jsonrpc": "2.0", "method": "hello"}))
        self.assertNothingArrives(self.rpc)
        self.assertEqual(self.rpc.call("account.get", {"name": "quiet1"})["name"], "quiet1")

    def test_notification_for_an_unknown_method_gets_no_answer(self):
        self.rpc.send_raw(line({"jsonrpc": "2.0", "method": "no.such.method", "params": {}}))
        self.assertNothingArrives(self.rpc)

    def test_requests_before_login_that_are_notifications_get_no_answer(self):
        rpc = self.connect(login=False)
        rpc.send_raw(line({"jsonrpc": "2.0", "method": "account.create", "params": {"name": "sneaky"}}))
        self.assertNothingArrives(rpc)
        self.assertRpcError(1100, "account.get", {"name": "sneaky"})

    def test_string_and_null_ids_are_echoed(self):
        self.rpc.send_raw(line(req("abc-1", "hello")))
        self.assertEqual(self.recv()["id"], "abc-1")
        self.rpc.send_raw(line(req(None, "hello")))
        answer = self.recv()
        self.assertIsNone(answer["id"])
        self.assertIn("result", answer)

    def test_pipelined_requests_are_answered_in_order(self):
        burst = b"".join(line(req(5000 + i, "account.create", {"name": "pipe%02d" % i})) for i in range(40))
        self.rpc.send_raw(burst)
        ids = [self.recv()["id"] for _ in range(40)]
        self.assertEqual(ids, list(range(5000, 5040)))
        self.assertEqual(self.account_total(), 41)


class ConcurrentAdminsTest(ControlTestCase):

    def test_two_connections_interleaving_changes(self):
        a = self.connect()
        b = self.connect()
        a.call("account.create", {"name": "from-a"})
        b.call("account.create", {"name": "from-b"})
        a.call("account.update", {"name": "from-b", "fullName": "Changed by A"})
        b.call("account.update", {"name": "from-a", "fullName": "Changed by B"})
        self.assertEqual(b.call("account.get", {"name": "from-b"})["fullName"], "Changed by A")
        self.assertEqual(a.call("account.get", {"name": "from-a"})["fullName"], "Changed by B")
        b.call("account.delete", {"name": "from-a"})
        self.assertRpcError(1100, "account.update", {"name": "from-a", "fullName": "Too late"}, rpc=a)
        self.assertRpcError(1101, "account.create", {"name": "from-b"}, rpc=a)
        # Each saw every change, including its own, as account.changed.
        for rpc in (a, b):
            seen = []
            while len(seen) < 5:
                p = rpc.wait_notification("account.changed")["params"]
                seen.append((p["name"], p["change"]))
            self.assertEqual(sorted(seen), sorted([("from-a", "created"), ("from-b", "created"),
                                                   ("from-b", "updated"), ("from-a", "updated"),
                                                   ("from-a", "deleted")]))

        # Both pipeline bursts at once; every request answered, in order, nothing lost.
        burst_a = b"".join(line(req(100 + i, "account.create", {"name": "a%03d" % i})) for i in range(60))
        burst_b = b"".join(line(req(100 + i, "account.create", {"name": "b%03d" % i})) for i in range(60))
        half = len(burst_a) // 2
        a.send_raw(burst_a[:half])
        b.send_raw(burst_b[:half])
        a.send_raw(burst_a[half:])
        b.send_raw(burst_b[half:])
        for rpc in (a, b):
            answers = [rpc.recv_response() for _ in range(60)]
            self.assertEqual([x["id"] for x in answers], list(range(100, 160)))
            self.assertTrue(all("result" in x for x in answers))
        self.assertEqual(self.rpc.call("account.list", {"filter": "a0", "limit": 1})["total"], 60)
        self.assertEqual(self.account_total(), 1 + 1 + 120)
        # Both change the same settings; the last one wins, both see both notifications.
        a.notifications.clear()
        b.notifications.clear()
        a.call("settings.set", {"values": {"control.loginLockoutSeconds": 10}})
        b.call("settings.set", {"values": {"control.loginLockoutSeconds": 20}})
        for rpc in (a, b):
            rpc.wait_notification("settings.changed")
            rpc.wait_notification("settings.changed")
        self.assertEqual(a.call("settings.get", {"keys": ["control.loginLockoutSeconds"]})["settings"][0]["value"], 20)


if __name__ == "__main__":
    unittest.main()
