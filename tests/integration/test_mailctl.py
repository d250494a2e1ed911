"""mailctl against a real maild: every command, its readable and --json output checked
against what the daemon reports over its own control connection, the exit codes (1 the
daemon refused, 2 bad arguments, 3 no daemon), passwords read only from stdin or a
terminal (never argv), and log tail --follow receiving new lines.
"""
import json
import os
import pty
import re
import select
import signal
import subprocess
import time
import unittest

import mailroomtest
from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, MAILCTL, Daemon, MailroomTestCase, Rpc

LOG_LINE = re.compile(r"^\S+ (debug|info|notice|warning|error) [^:\s]+: ")


def out(result):
    return result.stdout.decode()


def err(result):
    return result.stderr.decode()


def popen_mailctl(testcase, args):
    """mailctl running in the background with the admin password on its stdin."""
    proc = subprocess.Popen([MAILCTL] + list(args), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)

    def cleanup():
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    testcase.addCleanup(cleanup)
    proc.stdin.write((ADMIN_PASSWORD + "\n").encode())
    proc.stdin.close()
    return proc


def read_line(proc, timeout):
    """One line of proc's stdout within timeout seconds, or None."""
    deadline = time.monotonic() + timeout
    line = b""
    fd = proc.stdout.fileno()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        byte = os.read(fd, 1)
        if not byte:
            return line.decode() if line else None
        if byte == b"\n":
            return line.decode()
        line += byte
    return None


class Terminal:
    """mailctl on a pseudo-terminal, to test the prompts a person sees (echo off for passwords)."""

    def __init__(self, args):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            try:
                os.execv(MAILCTL, [MAILCTL] + list(args))
            finally:
                os._exit(127)
        self.output = b""

    def expect(self, text, timeout=20):
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("no %r on the terminal; got %r" % (text, self.output))
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError("terminal closed before %r; got %r" % (text, self.output))
                self.output += chunk

    def send(self, line):
        os.write(self.fd, line.encode() + b"\n")

    def finish(self, timeout=30):
        """Reads to the end; returns the exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if chunk:
                    self.output += chunk
                    continue
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        raise AssertionError("mailctl did not end; terminal: %r" % self.output)


class MailctlTest(MailroomTestCase):

    def json(self, *args, **kwargs):
        """Runs mailctl --json and parses its single line of output."""
        result = self.mailctl("--json", *args, **kwargs)
        text = out(result)
        self.assertEqual(text.count("\n"), 1, "--json prints one line: %r" % text)
        return json.loads(text)

    def refused(self, code, *args, **kwargs):
        """Runs mailctl expecting exit status code; returns the result."""
        result = self.mailctl(*args, check=False, **kwargs)
        self.assertEqual(result.returncode, code, "mailctl %s: %s%s" % (" ".join(args), out(result), err(result)))
        return result

    # --- hello, status, bootstrap -------------------------------------------------------

    def test_hello_needs_no_login(self):
        result = self.mailctl("hello", password="")
        hello = self.rpc.call("hello", {"protocol": 1})
        self.assertIn(hello["daemon"], out(result))
        self.assertIn(hello["host"], out(result))
        data = self.json("hello", password="")
        self.assertEqual(data["protocol"], 1)
        self.assertIs(data["needsBootstrap"], False)
        self.assertEqual(data["daemon"], hello["daemon"])

    def test_status(self):
        status = self.rpc.call("server.status")
        text = out(self.mailctl("status"))
        self.assertIn(status["version"], text)
        self.assertIn(status["host"], text)
        self.assertIn(status["dataDir"], text)
        for service in status["services"]:
            self.assertIn(service["name"], text)
            self.assertIn(service["state"], text)
        data = self.json("status")
        self.assertEqual(data["pid"], self.daemon.pid)
        self.assertEqual([s["name"] for s in data["services"]], [s["name"] for s in status["services"]])
        self.assertIsInstance(data["warnings"], list)

    def test_bootstrap_fresh_daemon_then_refused(self):
        fresh = Daemon()
        self.addCleanup(fresh.cleanup)
        fresh.start()
        base = [MAILCTL, "--socket", fresh.socket_path]
        hello = subprocess.run(base + ["--json", "hello"], capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
        self.assertEqual(hello.returncode, 0, hello.stderr)
        self.assertIs(json.loads(hello.stdout)["needsBootstrap"], True)

        # Commands that need a login say what to do first.
        status = subprocess.run(base + ["--user", "boss", "status"], input=b"whatever\n",
                                capture_output=True, timeout=60)
        self.assertEqual(status.returncode, 1)
        self.assertIn("bootstrap", status.stderr.decode())

        boot = subprocess.run(base + ["--user", "boss", "bootstrap", "--full-name", "The Boss"],
                              input=b"boss password 1\n", capture_output=True, timeout=60)
        self.assertEqual(boot.returncode, 0, boot.stderr)
        self.assertIn("boss", boot.stdout.decode())
        with Rpc(fresh.socket_path) as rpc:
            self.assertEqual(rpc.call("auth.login", {"user": "boss", "password": "boss password 1"})["user"], "boss")
            account = rpc.call("account.get", {"name": "boss"})
            self.assertEqual(account["fullName"], "The Boss")
            self.assertIs(account["admin"], True)

        again = subprocess.run(base + ["--user", "other", "bootstrap"], input=b"other password 1\n",
                               capture_output=True, timeout=60)
        self.assertEqual(again.returncode, 1, again.stderr)
        self.assertTrue(again.stderr.decode().startswith("mailctl: "))

    def test_bootstrap_refused_on_bootstrapped_daemon(self):
        with Rpc(self.daemon.socket_path) as rpc:
            with self.assertRaises(mailroomtest.RpcError) as ctx:
                rpc.call("auth.bootstrap", {"user": "late", "password": "late password 1"})
        self.assertEqual(ctx.exception.code, 1005)
        result = self.refused(1, "bootstrap", user="late", password="late password 1")
        self.assertEqual(err(result).strip(), "mailctl: " + ctx.exception.message)

    # --- login and connection failures ------------------------------------------------------

    def test_wrong_password_exits_1_with_daemon_sentence(self):
        with Rpc(self.daemon.socket_path) as rpc:
            with self.assertRaises(mailroomtest.RpcError) as ctx:
                rpc.call("auth.login", {"user": ADMIN_USER, "password": "wrong password"})
        self.assertEqual(ctx.exception.code, 1001)
        result = self.refused(1, "status", password="another wrong password")
        self.assertEqual(err(result).strip(), "mailctl: " + ctx.exception.message)
        self.assertEqual(out(result), "")

    def test_no_password_on_stdin(self):
        result = subprocess.run([MAILCTL, "--socket", self.daemon.socket_path, "--user", ADMIN_USER, "status"],
                                stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("password", result.stderr.decode())

    def test_missing_socket_exits_3(self):
        path = os.path.join(self.daemon.data_dir, "run", "no-such.sock")
        result = subprocess.run([MAILCTL, "--socket", path, "--user", ADMIN_USER, "status"],
                                input=(ADMIN_PASSWORD + "\n").encode(), capture_output=True, timeout=60)
        self.assertEqual(result.returncode, 3)
        self.assertIn("not running", result.stderr.decode())
        self.assertIn(path, result.stderr.decode())

    def test_socket_from_environment(self):
        env = dict(os.environ, MAILROOM_SOCKET=self.daemon.socket_path, MAILCTL_USER=ADMIN_USER)
        result = subprocess.run([MAILCTL, "--json", "account", "get", ADMIN_USER],
                                input=(ADMIN_PASSWORD + "\n").encode(), capture_output=True, env=env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["name"], ADMIN_USER)

    def test_usage_errors_exit_2(self):
        cases = [
            (["account", "create", "quotaman", "--quota", "12X"], "--quota"),
            (["account", "create", "quotaman", "--quota-warn", "150"], "--quota-warn"),
            (["account", "create", "quotaman", "--access", "smtp"], "--access"),
            (["account", "create", "quotaman", "--mail", "sometimes"], "--mail"),
            (["account", "update", "admin", "--admin", "maybe"], "--admin"),
            (["account", "list", "--limit", "0"], "--limit"),
            (["account", "list", "--sort", "color"], "--sort"),
            (["account", "list", "--frobnicate"], "--frobnicate"),
            (["account", "get"], "usage"),
            (["log", "tail", "-n", "lots"], "-n"),
            (["log", "tail", "--level", "loud"], "--level"),
            (["settings", "set", "no-equals-sign"], "KEY=VALUE"),
            (["call", "account.get", "{not json"], "JSON"),
            (["nosuchcommand"], "nosuchcommand"),
        ]
        for args, mention in cases:
            with self.subTest(args=args):
                result = self.refused(2, *args)
                self.assertIn(mention, err(result))
        self.assertRpcError(1100, "account.get", {"name": "quotaman"})

    def test_help_and_version(self):
        result = subprocess.run([MAILCTL, "--help"], capture_output=True, timeout=60)
        self.assertEqual(result.returncode, 0)
        for command in ["account create", "alias add", "domain list", "log tail", "audit list", "settings set",
                        "service start", "bootstrap", "call"]:
            self.assertIn(command, result.stdout.decode())
        result = subprocess.run([MAILCTL, "--version"], capture_output=True, timeout=60)
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout.decode(), r"^mailctl \d+\.\d+")

    # --- services -------------------------------------------------------------------------

    def test_service_list_stop_start(self):
        services = self.rpc.call("service.list")["services"]
        self.assertTrue(services, "the daemon has services")
        text = out(self.mailctl("service", "list"))
        for s in services:
            self.assertIn(s["name"], text)
        self.assertEqual([s["name"] for s in self.json("service", "list")["services"]],
                         [s["name"] for s in services])

        name = next((s["name"] for s in services if s["state"] == "running"), services[0]["name"])
        stopped = self.json("service", "stop", name)
        self.assertEqual(stopped["name"], name)
        self.assertEqual(stopped["state"], "stopped")
        state = {s["name"]: s["state"] for s in self.rpc.call("service.list")["services"]}
        self.assertEqual(state[name], "stopped")

        result = self.mailctl("service", "start", name)
        self.assertIn(name, out(result))
        self.assertIn("running", out(result))
        state = {s["name"]: s["state"] for s in self.rpc.call("service.list")["services"]}
        self.assertEqual(state[name], "running")

        result = self.refused(1, "service", "start", "nosuchservice")
        self.assertTrue(err(result).startswith("mailctl: "))

    # --- settings -------------------------------------------------------------------------

    def test_settings_get(self):
        settings = self.rpc.call("settings.get")["settings"]
        text = out(self.mailctl("settings", "get"))
        for s in settings:
            self.assertIn(s["key"], text)
        data = self.json("settings", "get", "log.level")
        self.assertEqual([s["key"] for s in data["settings"]], ["log.level"])
        text = out(self.mailctl("settings", "get", "log.level"))
        self.assertIn("log.level", text)
        self.assertIn(data["settings"][0]["value"], text)
        self.assertIn(data["settings"][0]["source"], text)
        self.refused(1, "settings", "get", "no.such.setting")

    def test_settings_set_parses_values_and_is_all_or_nothing(self):
        settings = {s["key"]: s for s in self.rpc.call("settings.get")["settings"]}
        changeable = [s for s in settings.values() if s["source"] != "command-line"]
        values = {}
        # A bare word is sent as a string.
        level = "debug" if settings["log.level"]["value"] != "debug" else "notice"
        args = ["log.level=" + level]
        values["log.level"] = level
        # A number is sent as a number.
        ints = [s for s in changeable if s["type"] == "int" and s["key"] != "control.maxFrameBytes"
                and s.get("max", 0) > s.get("min", 0)]
        if ints:
            s = ints[0]
            v = s["value"] + 1 if s["value"] < s["max"] else s["value"] - 1
            args.append("%s=%d" % (s["key"], v))
            values[s["key"]] = v
        # true/false are sent as booleans.
        bools = [s for s in changeable if s["type"] == "bool"]
        if bools:
            s = bools[0]
            args.append("%s=%s" % (s["key"], "false" if s["value"] else "true"))
            values[s["key"]] = not s["value"]
        data = self.json("settings", "set", *args)
        self.assertEqual({s["key"] for s in data["settings"]}, set(values))
        now = {s["key"]: s["value"] for s in self.rpc.call("settings.get", {"keys": list(values)})["settings"]}
        self.assertEqual(now, values)
        for key, value in values.items():
            self.assertIs(type(now[key]), type(value), key)

        # One bad key: nothing changes.
        other = "info" if level != "info" else "warning"
        result = self.refused(1, "settings", "set", "log.level=" + other, "no.such.setting=1")
        self.assertTrue(err(result).startswith("mailctl: "))
        self.assertEqual(self.rpc.call("settings.get", {"keys": ["log.level"]})["settings"][0]["value"], level)

        # A list value in JSON form is sent as a list.
        lists = [s for s in changeable if s["type"] == "list" and s["value"]]
        if lists:
            s = lists[0]
            self.mailctl("settings", "set", "%s=%s" % (s["key"], json.dumps(s["value"])))
            self.assertEqual(self.rpc.call("settings.get", {"keys": [s["key"]]})["settings"][0]["value"], s["value"])

        text = out(self.mailctl("settings", "set", "log.level=" + other))
        self.assertIn("log.level", text)
        self.assertIn(other, text)

    # --- accounts -------------------------------------------------------------------------

    def test_account_create_get_with_mail_options(self):
        self.rpc.call("domain.add", {"name": "example.org"})
        data = self.json("account", "create", "alice", "--full-name", "Alice Liddell",
                         "--address", "alice.liddell@example.org", "--address", "al@example.org",
                         "--quota", "1.5G", "--quota-warn", "80", "--access", "imap",
                         "--mail-server", "mail2.example.org")
        self.assertEqual(data["name"], "alice")
        stored = self.rpc.call("account.get", {"name": "alice"})
        self.assertEqual(stored["fullName"], "Alice Liddell")
        self.assertEqual(sorted(stored["addresses"]), ["al@example.org", "alice.liddell@example.org"])
        self.assertEqual(stored["mail"]["quotaBytes"], 1610612736)
        self.assertEqual(stored["mail"]["quotaWarnPercent"], 80)
        self.assertEqual(stored["mail"]["access"], "imap")
        self.assertEqual(stored["mail"]["server"], "mail2.example.org")
        self.assertEqual(stored["mail"]["state"], "enabled")
        self.assertIs(stored["admin"], False)
        self.assertIs(stored["hasPassword"], False)

        text = out(self.mailctl("account", "get", "alice"))
        for expected in ["alice", "Alice Liddell", "alice.liddell@example.org", "1.5 GB", "80%", "IMAP only",
                         "mail2.example.org"]:
            self.assertIn(expected, text)
        self.assertEqual(self.json("account", "get", "alice"), stored)

        for size, expected in [("0", 0), ("2048", 2048), ("500M", 500 << 20), ("2GB", 2 << 30), ("10k", 10240)]:
            with self.subTest(size=size):
                self.mailctl("account", "update", "alice", "--quota", size)
                self.assertEqual(self.rpc.call("account.get", {"name": "alice"})["mail"]["quotaBytes"], expected)

        result = self.refused(1, "account", "create", "alice")
        self.assertTrue(err(result).startswith("mailctl: "))
        result = self.refused(1, "account", "get", "nobody")
        self.assertTrue(err(result).startswith("mailctl: "))

    def test_account_list_table_sort_filter_paging(self):
        for name, full in [("carol", "Carol Danvers"), ("bob", "Bob Builder"), ("dave", "Dave Bowman")]:
            self.rpc.call("account.create", {"name": name, "fullName": full, "mail": {"quotaBytes": 3 << 30}})
        text = out(self.mailctl("account", "list"))
        for expected in ["admin", "bob", "Bob Builder", "carol", "Carol Danvers", "dave", "3 GB"]:
            self.assertIn(expected, text)

        data = self.json("account", "list")
        self.assertEqual(data["total"], 4)
        self.assertEqual(sorted(a["name"] for a in data["accounts"]), ["admin", "bob", "carol", "dave"])

        data = self.json("account", "list", "--sort", "name", "--desc")
        self.assertEqual([a["name"] for a in data["accounts"]], ["dave", "carol", "bob", "admin"])
        data = self.json("account", "list", "--sort", "name", "--offset", "1", "--limit", "2")
        self.assertEqual([a["name"] for a in data["accounts"]], ["bob", "carol"])
        self.assertEqual(data["total"], 4)
        data = self.json("account", "list", "--filter", "carol")
        self.assertEqual([a["name"] for a in data["accounts"]], ["carol"])

        # A partial page says so in the readable form.
        text = out(self.mailctl("account", "list", "--sort", "name", "--limit", "2"))
        self.assertIn("bob", text)
        self.assertNotIn("dave", text.split("\n")[1] + text.split("\n")[2])
        self.assertIn("4", text.strip().split("\n")[-1])

    def test_account_list_all_pages_past_1000(self):
        count = 1005
        responses = self.rpc.batch([("account.create", {"name": "user%04d" % i}) for i in range(count)])
        errors = [r["error"] for r in responses if "error" in r]
        self.assertEqual(errors, [])
        data = self.json("account", "list", "--all", "--sort", "name")
        names = [a["name"] for a in data["accounts"]]
        self.assertEqual(data["total"], count + 1)
        self.assertEqual(len(names), count + 1)
        self.assertEqual(names, sorted(names))
        self.assertEqual(len(set(names)), count + 1)
        # Without --all, one page (the daemon's default size).
        self.assertLess(len(self.json("account", "list")["accounts"]), count + 1)

    def test_account_update(self):
        self.rpc.call("domain.add", {"name": "example.org"})
        self.rpc.call("account.create", {"name": "bob", "addresses": ["bob.one@example.org"]})
        self.mailctl("account", "update", "bob", "--full-name", "Robert", "--admin", "yes",
                     "--address", "bob.two@example.org", "--address", "bob.three@example.org")
        bob = self.rpc.call("account.get", {"name": "bob"})
        self.assertEqual(bob["fullName"], "Robert")
        self.assertIs(bob["admin"], True)
        self.assertEqual(sorted(bob["addresses"]), ["bob.three@example.org", "bob.two@example.org"])

        data = self.json("account", "update", "bob", "--forward", "robert@elsewhere.example")
        self.assertEqual(data["mail"]["state"], "forward")
        self.assertEqual(data["mail"]["forwardAddress"], "robert@elsewhere.example")
        self.assertIn("robert@elsewhere.example", out(self.mailctl("account", "get", "bob")))

        self.mailctl("account", "update", "bob", "--mail", "disabled", "--access", "pop", "--admin", "no")
        bob = self.rpc.call("account.get", {"name": "bob"})
        self.assertEqual(bob["mail"]["state"], "disabled")
        self.assertEqual(bob["mail"]["access"], "pop")
        self.assertIs(bob["admin"], False)
        self.assertEqual(sorted(bob["addresses"]), ["bob.three@example.org", "bob.two@example.org"],
                         "options not given are left alone")

        self.mailctl("account", "update", "bob", "--no-addresses")
        self.assertEqual(self.rpc.call("account.get", {"name": "bob"})["addresses"], [])

        # The daemon's refusal of demoting the last administrator comes through.
        result = self.refused(1, "account", "update", ADMIN_USER, "--admin", "no")
        self.assertTrue(err(result).startswith("mailctl: "))
        self.assertIs(self.rpc.call("account.get", {"name": ADMIN_USER})["admin"], True)

    def test_account_delete_needs_yes_without_terminal(self):
        self.rpc.call("account.create", {"name": "carol"})
        result = self.refused(2, "account", "delete", "carol")
        self.assertIn("--yes", err(result))
        self.assertEqual(self.rpc.call("account.get", {"name": "carol"})["name"], "carol")

        result = self.mailctl("account", "delete", "carol", "--yes")
        self.assertIn("carol", out(result))
        self.assertRpcError(1100, "account.get", {"name": "carol"})
        result = self.refused(1, "account", "delete", "carol", "--yes")
        self.assertTrue(err(result).startswith("mailctl: "))

    def test_account_delete_asks_on_terminal(self):
        self.rpc.call("account.create", {"name": "carol"})
        self.rpc.call("account.create", {"name": "dan"})
        base = ["--socket", self.daemon.socket_path, "--user", ADMIN_USER]

        term = Terminal(base + ["account", "delete", "dan"])
        term.expect("Password for admin:")
        term.send(ADMIN_PASSWORD)
        term.expect("Delete account dan and its mail? [y/N]")
        term.send("n")
        self.assertNotEqual(term.finish(), 0)
        self.assertNotIn(ADMIN_PASSWORD.encode(), term.output, "the password is not echoed")
        self.assertEqual(self.rpc.call("account.get", {"name": "dan"})["name"], "dan")

        term = Terminal(base + ["account", "delete", "carol"])
        term.expect("Password for admin:")
        term.send(ADMIN_PASSWORD)
        term.expect("Delete account carol and its mail? [y/N]")
        term.send("y")
        self.assertEqual(term.finish(), 0, term.output)
        self.assertRpcError(1100, "account.get", {"name": "carol"})

    def test_new_password_never_from_argv(self):
        # --password takes no value: a word after it is an extra argument, refused.
        result = self.refused(2, "account", "create", "eve", "--password", "eve secret 1")
        self.assertIn("eve secret 1", err(result))
        self.assertRpcError(1100, "account.get", {"name": "eve"})
        self.refused(2, "account", "create", "eve", "--password=eve secret 1")

        # With --password, the next line of stdin is the new password.
        self.mailctl("account", "create", "eve", "--admin", "--password", stdin_extra="eve secret 1\n")
        self.assertIs(self.rpc.call("account.get", {"name": "eve"})["hasPassword"], True)
        as_eve = self.mailctl("--json", "account", "get", "eve", user="eve", password="eve secret 1")
        self.assertEqual(json.loads(as_eve.stdout)["name"], "eve")

        # account passwd: likewise; the old password stops working.
        self.mailctl("account", "passwd", "eve", stdin_extra="eve secret 2\n")
        self.refused(1, "account", "get", "eve", user="eve", password="eve secret 1")
        self.mailctl("account", "get", "eve", user="eve", password="eve secret 2")

        # No line for the new password: refused, nothing sent.
        result = self.refused(2, "account", "passwd", "eve")
        self.assertIn("password", err(result))
        self.mailctl("account", "get", "eve", user="eve", password="eve secret 2")

        # The daemon's own password rules come back as its sentence.
        result = self.refused(1, "account", "passwd", "eve", stdin_extra="x\n")
        self.assertTrue(err(result).startswith("mailctl: "))

    def test_new_password_twice_on_terminal(self):
        self.rpc.call("account.create", {"name": "frank", "admin": True})
        base = ["--socket", self.daemon.socket_path, "--user", ADMIN_USER]
        term = Terminal(base + ["account", "passwd", "frank"])
        term.expect("Password for admin:")
        term.send(ADMIN_PASSWORD)
        term.expect("New password for frank:")
        term.send("frank secret 1")
        term.expect("Retype")
        term.send("frank secret 2")
        self.assertEqual(term.finish(), 2)
        self.assertIn(b"do not match", term.output)
        self.assertIs(self.rpc.call("account.get", {"name": "frank"})["hasPassword"], False)

        term = Terminal(base + ["account", "passwd", "frank"])
        term.expect("Password for admin:")
        term.send(ADMIN_PASSWORD)
        term.expect("New password for frank:")
        term.send("frank secret 1")
        term.expect("Retype")
        term.send("frank secret 1")
        self.assertEqual(term.finish(), 0, term.output)
        self.assertNotIn(b"frank secret 1", term.output)
        self.mailctl("account", "get", "frank", user="frank", password="frank secret 1")

    # --- aliases and domains --------------------------------------------------------------

    def test_domains(self):
        self.mailctl("domain", "add", "example.org")
        data = self.json("domain", "add", "example.net")
        self.assertEqual(data["name"], "example.net")
        names = [d["name"] for d in self.rpc.call("domain.list")["domains"]]
        self.assertIn("example.org", names)
        self.assertIn("example.net", names)
        text = out(self.mailctl("domain", "list"))
        self.assertIn("example.org", text)
        self.assertIn("example.net", text)
        self.assertEqual(sorted(d["name"] for d in self.json("domain", "list")["domains"]), sorted(names))

        self.refused(1, "domain", "add", "example.org")
        self.refused(1, "domain", "add", "not a domain")
        self.mailctl("domain", "remove", "example.net")
        self.assertNotIn("example.net", [d["name"] for d in self.rpc.call("domain.list")["domains"]])
        self.refused(1, "domain", "remove", "example.net")

    def test_aliases(self):
        self.rpc.call("domain.add", {"name": "example.org"})
        self.rpc.call("account.create", {"name": "alice"})
        self.rpc.call("account.create", {"name": "bob"})
        self.mailctl("alias", "add", "info@example.org", "alice")
        data = self.json("alias", "add", "sales@example.org", "bob")
        self.assertEqual(data, {"address": "sales@example.org", "account": "bob"})

        aliases = {a["address"]: a["account"] for a in self.rpc.call("alias.list")["aliases"]}
        self.assertEqual(aliases.get("info@example.org"), "alice")
        text = out(self.mailctl("alias", "list"))
        self.assertRegex(text, r"info@example\.org\s+alice")
        self.assertRegex(text, r"sales@example\.org\s+bob")
        only = self.json("alias", "list", "alice")["aliases"]
        self.assertEqual([a["address"] for a in only], ["info@example.org"])

        self.refused(1, "alias", "add", "info@example.org", "bob")
        self.refused(1, "alias", "add", "new@example.org", "nobody")
        self.mailctl("alias", "remove", "info@example.org")
        self.assertNotIn("info@example.org", [a["address"] for a in self.rpc.call("alias.list")["aliases"]])
        self.refused(1, "alias", "remove", "info@example.org")

    # --- log and audit --------------------------------------------------------------------

    def test_log_tail(self):
        self.rpc.call("account.create", {"name": "logme"})
        entries = self.json("log", "tail", "-n", "5")["entries"]
        self.assertTrue(0 < len(entries) <= 5, entries)
        for e in entries:
            self.assertEqual(set(e) >= {"time", "level", "service", "message"}, True, e)
        lines = out(self.mailctl("log", "tail", "-n", "20")).splitlines()
        self.assertTrue(lines)
        for line in lines:
            self.assertRegex(line, LOG_LINE)
        for line in out(self.mailctl("log", "tail", "--level", "warning")).splitlines():
            self.assertRegex(line, r"^\S+ (warning|error) ")

    def test_log_tail_follow(self):
        proc = popen_mailctl(self, ["--socket", self.daemon.socket_path, "--user", ADMIN_USER,
                                    "log", "tail", "-n", "1", "--follow"])
        # The first line is the tail (one entry); it is printed after the subscription.
        first = read_line(proc, 30)
        self.assertIsNotNone(first, "no tail line; stderr: %s" % (proc.stderr.read() if proc.poll() is not None else ""))
        self.assertRegex(first, LOG_LINE)
        # Now every change that logs must arrive as a new line.
        line = None
        for i in range(20):
            self.rpc.call("account.create", {"name": "follow%d" % i})
            with Rpc(self.daemon.socket_path) as other:  # a failed login is logged too
                try:
                    other.call("auth.login", {"user": "nobody%d" % i, "password": "wrong password"})
                except mailroomtest.RpcError:
                    pass
            line = read_line(proc, 1.0)
            if line is not None:
                break
        self.assertIsNotNone(line, "log tail --follow printed nothing new")
        self.assertRegex(line, LOG_LINE)
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(30), 0, proc.stderr.read())

    def test_log_follow_json_and_sigint(self):
        proc = popen_mailctl(self, ["--socket", self.daemon.socket_path, "--user", ADMIN_USER,
                                    "--json", "log", "tail", "-n", "1", "-f"])
        first = read_line(proc, 30)
        self.assertIsNotNone(first)
        self.assertIn("level", json.loads(first))
        proc.send_signal(signal.SIGINT)
        self.assertEqual(proc.wait(30), 0, proc.stderr.read())

    def test_audit_list(self):
        self.mailctl("account", "create", "audited", "--full-name", "Audited Person")
        data = self.json("audit", "list")
        self.assertGreaterEqual(data["total"], 1)
        creates = [e for e in data["entries"] if e["method"] == "account.create" and e["target"] == "audited"]
        self.assertEqual(len(creates), 1, data["entries"])
        self.assertEqual(creates[0]["actor"], ADMIN_USER)
        self.assertNotIn(ADMIN_PASSWORD, json.dumps(data))

        text = out(self.mailctl("audit", "list"))
        self.assertIn("account.create", text)
        self.assertIn("audited", text)

        only = self.json("audit", "list", "--method", "account.create")["entries"]
        self.assertTrue(only)
        self.assertEqual({e["method"] for e in only}, {"account.create"})
        self.assertEqual(self.json("audit", "list", "--actor", "nobody-at-all")["entries"], [])
        self.mailctl("account", "update", "audited", "--full-name", "Changed")
        page = self.json("audit", "list", "--limit", "1")["entries"]
        self.assertEqual(len(page), 1)
        self.assertEqual(page[0]["method"], "account.update", "newest first")
        second = self.json("audit", "list", "--limit", "1", "--offset", "1")["entries"]
        self.assertEqual(second[0]["method"], "account.create")

    # --- call -----------------------------------------------------------------------------

    def test_call(self):
        data = self.json("call", "account.get", '{"name":"admin"}')
        self.assertEqual(data, self.rpc.call("account.get", {"name": "admin"}))
        hello = self.json("call", "hello", password="")
        self.assertEqual(hello["protocol"], 1)
        text = out(self.mailctl("call", "domain.list"))
        self.assertEqual(json.loads(text), self.rpc.call("domain.list"))

        result = self.refused(1, "call", "no.such.method")
        self.assertTrue(err(result).startswith("mailctl: "))
        result = self.refused(1, "call", "account.get", '{"name":"admin","colour":"blue"}')
        self.assertIn("colour", err(result))
        self.refused(2, "call", "account.get", "[1,2]")


if __name__ == "__main__":
    unittest.main()


class TlsCommandsTest(MailroomTestCase):
    """mailctl tls ...: the certificate commands against the daemon's tls.* methods."""

    def test_list_get_and_pem(self):
        out = self.mailctl("tls", "list").stdout.decode()
        self.assertIn("default", out)
        listed = json.loads(self.mailctl("--json", "tls", "list").stdout)
        default = [c for c in listed["certificates"] if c["name"] == "default"][0]
        shown = self.mailctl("tls", "get", "default").stdout.decode()
        self.assertIn(default["fingerprint"], shown)
        pem = self.mailctl("tls", "get", "default", "--pem").stdout.decode()
        self.assertTrue(pem.startswith("-----BEGIN CERTIFICATE-----"), pem[:60])
        self.assertNotIn("PRIVATE KEY", pem)

    def test_self_signed_assign_delete(self):
        created = json.loads(self.mailctl("--json", "tls", "create-self-signed", "second",
                                          "--host", "mail.example.test", "--days", "30").stdout)
        self.assertEqual(created["sans"], ["mail.example.test"])
        self.assertLessEqual(created["daysLeft"], 30)
        self.mailctl("tls", "assign", "pop3", "second")
        users = [c["usedBy"] for c in self.rpc.call("tls.list")["certificates"] if c["name"] == "second"][0]
        self.assertEqual(users, ["pop3"])
        # In use: refused with the daemon's sentence; without a terminal --yes is required.
        r = self.mailctl("tls", "delete", "second", "--yes", check=False)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("used by pop3", r.stderr.decode())
        self.assertEqual(self.mailctl("tls", "delete", "second", check=False).returncode, 2)
        self.mailctl("tls", "assign", "pop3", "default")
        self.mailctl("tls", "delete", "second", "--yes")
        self.assertNotIn("second", [c["name"] for c in self.rpc.call("tls.list")["certificates"]])

    def test_csr_to_file_and_import_refusals(self):
        path = os.path.join(self.daemon.data_dir, "request.csr")
        self.mailctl("tls", "create-csr", "web", "--host", "mail.example.test", "--country", "DE", "--out", path)
        with open(path) as f:
            self.assertIn("BEGIN CERTIFICATE REQUEST", f.read())
        check = subprocess.run(["openssl", "req", "-in", path, "-noout", "-verify"], capture_output=True, timeout=30)
        self.assertEqual(check.returncode, 0, check.stderr)
        # Importing garbage is refused with the daemon's reason, and --certificate is required.
        garbage = os.path.join(self.daemon.data_dir, "garbage.pem")
        with open(garbage, "w") as f:
            f.write("not a certificate\n")
        r = self.mailctl("tls", "import", "web", "--certificate", garbage, check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no certificate", r.stderr.decode())
        self.assertEqual(self.mailctl("tls", "import", "web", check=False).returncode, 2)
        self.assertEqual(self.mailctl("tls", "import", "web", "--certificate", "/nonexistent", check=False).returncode, 2)
