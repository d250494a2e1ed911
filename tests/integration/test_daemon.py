"""maild as a process: its command line (--help, usage errors, --check, --config, --set),
one instance per data directory, signals (SIGTERM stops cleanly, SIGHUP re-reads settings
and reopens the log), the log file, a database from a newer maild, the privilege drop
(--user) with the ownership and modes of everything in the data directory, and a restart
after kill -9.
Security: the modes of the data and run directories and of the control socket are what keep
other local users away from the daemon; they are checked here, not assumed.
"""
import json
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import tempfile
import time
import unittest

from mailroomtest import ADMIN_PASSWORD, ADMIN_USER, MAILD, Daemon, Rpc, RpcError
from peerclient import request as peer_request
from peerclient import run_peer

NOBODY = 65534
needs_root = unittest.skipUnless(os.geteuid() == 0, "switches users: needs root (as in CI)")
OPTIONS = ["--data-dir", "--profile", "--user", "--listen", "--port", "--set", "--config",
           "--log-level", "--check", "--quiet"]
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (debug|info|notice|warning|error) [\w.-]+: .+$")


def maild(*args, timeout=60, env=None):
    return subprocess.run([MAILD] + list(args), capture_output=True, timeout=timeout,
                          env=dict(os.environ, **(env or {})))


def text(result):
    return result.stdout.decode(errors="replace") + result.stderr.decode(errors="replace")


class DaemonTestCase(unittest.TestCase):

    def temp_dir(self):
        path = tempfile.mkdtemp(prefix="maild-daemon-test-")
        self.addCleanup(shutil.rmtree, path, True)
        return path

    def daemon(self, data_dir=None, args=()):
        d = Daemon(data_dir=data_dir, args=args)
        self.addCleanup(d.cleanup)
        return d

    def started(self, data_dir=None, args=()):
        return self.daemon(data_dir, args).start()

    def admin(self, daemon, bootstrap=True):
        rpc = Rpc(daemon.socket_path)
        self.addCleanup(rpc.close)
        if bootstrap:
            rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        else:
            rpc.call("auth.login", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        return rpc

    def setting(self, rpc, key):
        return rpc.call("settings.get", {"keys": [key]})["settings"][0]

    def exits(self, daemon, timeout=30):
        """Starts daemon expecting it to exit by itself; returns (code, what this run printed)."""
        before = len(daemon.read_output())
        daemon.start(wait=False)
        try:
            code = daemon.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.fail("maild kept running:\n" + daemon.read_output())
        daemon.output.close()
        return code, daemon.read_output()[before:]

    def log_file(self, daemon):
        return os.path.join(daemon.data_dir, "log", "maild.log")

    def read_log(self, daemon):
        try:
            with open(self.log_file(daemon), "rb") as f:
                return f.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def wait_for(self, predicate, what, timeout=10):
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                self.fail("timed out waiting for " + what)
            time.sleep(0.05)


class CommandLineTest(DaemonTestCase):

    def test_help_lists_every_option(self):
        result = maild("--help")
        self.assertEqual(result.returncode, 0, text(result))
        out = result.stdout.decode()
        for option in OPTIONS + ["--help", "--version"]:
            with self.subTest(option=option):
                self.assertRegex(out, r"(?m)^\s+(-\w, )?%s\b" % re.escape(option))
        # Each option is explained, not just named.
        self.assertIn("control.sock", out)
        self.assertIn("SIGHUP", out)
        version = maild("--version")
        self.assertEqual(version.returncode, 0)
        self.assertRegex(version.stdout.decode(), r"maild \d+\.\d+")

    def test_usage_errors_exit_2_with_a_sentence(self):
        data_dir = self.temp_dir()
        cases = [(["--bogus"], "bogus"),
                 (["--profile", "weird"], "weird"),
                 (["--port", "smtp"], "smtp"),
                 (["--set", "log.level"], "log.level"),
                 (["--set", "=debug"], "=debug"),
                 (["stray-argument"], "stray-argument"),
                 (["--data-dir"], "data-dir"),
                 (["--data-dir", ""], "data-dir")]
        for args, mention in cases:
            with self.subTest(args=args):
                result = maild(*(["--data-dir", data_dir] + args if args[0] != "--data-dir" else args))
                self.assertEqual(result.returncode, 2, text(result))
                err = result.stderr.decode()
                self.assertIn(mention, err)
                self.assertRegex(err, r"^maild: \S.{10,}")
                self.assertIn("maild --help", err)
        self.assertEqual(os.listdir(data_dir), [], "a usage error touches nothing")

    @needs_root
    def test_user_needs_root(self):
        data_dir = self.temp_dir()
        os.chmod(data_dir, 0o777)
        result = subprocess.run(["setpriv", "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups",
                                 MAILD, "--data-dir", data_dir + "/d", "--user", "nobody"],
                                capture_output=True, timeout=60)
        self.assertEqual(result.returncode, 2, text(result))
        self.assertIn("root", result.stderr.decode())

    def test_unknown_or_invalid_set_is_refused_with_a_sentence(self):
        for args, mention in [(["--set", "no.such.key=1"], "no.such.key"),
                              (["--set", "log.level=loud"], "log.level"),
                              (["--set", "control.maxFrameBytes=12"], "control.maxFrameBytes"),
                              (["--log-level", "chatty"], "log.level"),
                              (["--port", "nosuchservice=25"], "nosuchservice"),
                              (["--listen", "not-an-address"], "not-an-address")]:
            with self.subTest(args=args):
                d = self.daemon(args=args)
                code, output = self.exits(d)
                self.assertIn(code, (1, 2), output)
                self.assertIn(mention, output)
                self.assertRegex(output, r"maild: \S.{10,}")
                self.assertFalse(os.path.exists(d.socket_path))

    def test_check_good_and_bad_configuration(self):
        data_dir = self.temp_dir()
        config = os.path.join(self.temp_dir(), "maild.json")
        fresh = os.path.join(data_dir, "not-yet")

        def check(content, *extra):
            if content is not None:
                with open(config, "w") as f:
                    f.write(content)
            return maild("--check", "--data-dir", fresh, "--config", config, *extra)

        good = check(json.dumps({"log.level": "notice", "control.loginLockoutSeconds": 10}))
        self.assertEqual(good.returncode, 0, text(good))
        self.assertIn("configuration OK", good.stdout.decode())
        self.assertFalse(os.path.exists(fresh), "--check does not create the data directory")
        for content, mention in [("{not json", config),
                                 ("[1, 2]", config),
                                 (json.dumps({"log.level": "loud"}), "log.level"),
                                 (json.dumps({"control.maxFrameBytes": "big"}), "control.maxFrameBytes"),
                                 (json.dumps({"no.such.key": 1}), "no.such.key")]:
            with self.subTest(content=content):
                bad = check(content)
                self.assertEqual(bad.returncode, 1, text(bad))
                self.assertIn(mention, bad.stderr.decode())
                self.assertNotIn("configuration OK", bad.stdout.decode())
        os.remove(config)
        missing = check(None)
        self.assertEqual(missing.returncode, 1, text(missing))
        self.assertIn(config, missing.stderr.decode())
        bad_set = maild("--check", "--data-dir", fresh, "--set", "log.level=loud")
        self.assertEqual(bad_set.returncode, 1, text(bad_set))
        self.assertIn("log.level", bad_set.stderr.decode())

    def test_check_beside_a_running_daemon(self):
        d = self.started()
        result = maild("--check", "--data-dir", d.data_dir)
        self.assertEqual(result.returncode, 0, text(result))
        self.assertIsNone(d.proc.poll())
        with Rpc(d.socket_path) as rpc:
            self.assertIs(rpc.call("hello")["needsBootstrap"], True)

    def test_config_file_sets_defaults(self):
        config = os.path.join(self.temp_dir(), "maild.json")
        with open(config, "w") as f:
            json.dump({"log.level": "notice", "control.loginLockoutSeconds": 45}, f)
        d = self.started(args=["--config", config])
        rpc = self.admin(d)
        level = self.setting(rpc, "log.level")
        self.assertEqual((level["value"], level["default"], level["source"]), ("notice", "notice", "default"))
        lockout = self.setting(rpc, "control.loginLockoutSeconds")
        self.assertEqual((lockout["value"], lockout["default"], lockout["source"]), (45, 45, "default"))
        # A stored value beats the config file, and survives a restart with it.
        rpc.call("settings.set", {"values": {"log.level": "warning"}})
        rpc.close()
        self.assertEqual(d.stop(), 0)
        d2 = self.started(data_dir=d.data_dir, args=["--config", config])
        rpc = self.admin(d2, bootstrap=False)
        level = self.setting(rpc, "log.level")
        self.assertEqual((level["value"], level["default"], level["source"]), ("warning", "notice", "stored"))
        rpc.close()
        self.assertEqual(d2.stop(), 0)
        # The command line beats both.
        d3 = self.started(data_dir=d.data_dir, args=["--config", config, "--log-level", "error"])
        rpc = self.admin(d3, bootstrap=False)
        level = self.setting(rpc, "log.level")
        self.assertEqual((level["value"], level["source"]), ("error", "command-line"))

    def test_set_on_the_command_line(self):
        d = self.started(args=["--set", "log.level=debug", "--set", "control.loginLockoutSeconds=7"])
        rpc = self.admin(d)
        level = self.setting(rpc, "log.level")
        self.assertEqual((level["value"], level["default"], level["source"]), ("debug", "info", "command-line"))
        lockout = self.setting(rpc, "control.loginLockoutSeconds")
        self.assertEqual((lockout["value"], lockout["source"]), (7, "command-line"))
        self.assertEqual(self.setting(rpc, "log.toFile")["source"], "default")
        # debug really is the level: a debug line (the connection) reaches the log.
        with Rpc(d.socket_path) as other:
            other.call("hello")
        self.wait_for(lambda: " debug " in self.read_log(d), "a debug line in the log file")


class InstanceTest(DaemonTestCase):

    def test_second_daemon_on_the_same_data_dir_exits_1(self):
        first = self.started()
        rpc = self.admin(first)
        second = self.daemon(data_dir=first.data_dir)
        code, output = self.exits(second)
        self.assertEqual(code, 1, output)
        self.assertIn("already using", output)
        self.assertIn(str(first.pid), output, "the message names the running daemon's PID")
        # The first carries on with its socket, lock and PID file.
        self.assertIsNone(first.proc.poll())
        self.assertEqual(rpc.call("server.status")["pid"], first.pid)
        with Rpc(first.socket_path) as fresh:
            self.assertEqual(fresh.call("hello")["protocol"], 1)
        with open(os.path.join(first.data_dir, "run", "maild.pid")) as f:
            self.assertEqual(int(f.read().strip()), first.pid)

    def test_sigterm_and_sigint_stop_cleanly(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(signal=sig):
                d = self.started()
                rpc = self.admin(d)
                pid_file = os.path.join(d.data_dir, "run", "maild.pid")
                with open(pid_file) as f:
                    self.assertEqual(int(f.read()), d.pid)
                self.assertEqual(d.stop(sig), 0, d.read_output())
                self.assertFalse(os.path.exists(d.socket_path), "the socket is removed")
                self.assertFalse(os.path.exists(pid_file), "the PID file is removed")
                with self.assertRaises((ConnectionError, OSError)):
                    rpc.call("hello")
                self.assertIn("stopped", self.read_log(d))
                with sqlite3.connect(os.path.join(d.data_dir, "maild.db")) as db:
                    self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")

    def test_kill_9_then_restart(self):
        d = self.started()
        rpc = self.admin(d)
        rpc.call("account.create", {"name": "survivor", "fullName": "Still Here"})
        rpc.close()
        d.proc.kill()
        d.proc.wait()
        d.output.close()
        self.assertTrue(os.path.exists(d.socket_path), "kill -9 leaves the socket behind")
        self.assertTrue(os.path.exists(os.path.join(d.data_dir, "run", "maild.pid")))
        again = self.started(data_dir=d.data_dir)
        rpc = self.admin(again, bootstrap=False)
        self.assertEqual(rpc.call("account.get", {"name": "survivor"})["fullName"], "Still Here")
        self.assertEqual(rpc.call("server.status")["pid"], again.pid)
        with open(os.path.join(d.data_dir, "run", "maild.pid")) as f:
            self.assertEqual(int(f.read().strip()), again.pid)
        self.assertEqual(again.stop(), 0)


class SignalsAndLogTest(DaemonTestCase):

    def test_log_file_gets_lines(self):
        d = self.started(args=["--quiet"])
        rpc = self.admin(d)
        rpc.call("account.create", {"name": "logged"})
        self.wait_for(lambda: "logged" in self.read_log(d), "the change in the log file")
        lines = self.read_log(d).splitlines()
        self.assertGreaterEqual(len(lines), 3)
        for line in lines:
            self.assertRegex(line, LOG_LINE)
        self.assertTrue(any("started" in line for line in lines), lines)
        self.assertEqual(os.stat(self.log_file(d)).st_mode & 0o777, 0o640)
        # --quiet: nothing copied to standard error.
        self.assertNotIn("logged", d.read_output())

    def test_sighup_rereads_settings_and_reopens_the_log(self):
        d = self.started()
        rpc = self.admin(d)
        self.assertEqual(self.setting(rpc, "log.level")["value"], "info")
        with sqlite3.connect(os.path.join(d.data_dir, "maild.db")) as db:
            db.execute("INSERT INTO settings (key, value) VALUES ('log.level', ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (json.dumps(["debug"]),))
            db.execute("INSERT INTO settings (key, value) VALUES ('control.loginLockoutSeconds', '[77]')")
        db.close()
        self.assertEqual(self.setting(rpc, "log.level")["value"], "info", "not re-read before SIGHUP")
        # logrotate: the file is moved away, then SIGHUP makes maild open a new one.
        rotated = self.log_file(d) + ".1"
        os.rename(self.log_file(d), rotated)
        d.proc.send_signal(signal.SIGHUP)
        self.wait_for(lambda: self.setting(rpc, "log.level")["value"] == "debug", "log.level re-read")
        level = self.setting(rpc, "log.level")
        self.assertEqual(level["source"], "stored")
        self.assertEqual(self.setting(rpc, "control.loginLockoutSeconds")["value"], 77)
        self.wait_for(lambda: os.path.exists(self.log_file(d)), "a new log file")
        self.wait_for(lambda: "SIGHUP" in self.read_log(d), "the reload in the new log file")
        self.assertRegex(self.read_log(d), r"(?i)SIGHUP.*(reload|re-read)")
        with open(rotated) as f:
            self.assertNotIn("SIGHUP", f.read())
        # The new level applies: a debug line appears.
        with Rpc(d.socket_path) as other:
            other.call("hello")
        self.wait_for(lambda: " debug " in self.read_log(d), "a debug line after the reload")
        self.assertIsNone(d.proc.poll(), "SIGHUP does not stop the daemon")
        self.assertEqual(d.stop(), 0)

    def test_a_database_from_a_newer_maild_is_refused(self):
        d = self.started()
        self.admin(d)
        self.assertEqual(d.stop(), 0)
        db_path = os.path.join(d.data_dir, "maild.db")
        with sqlite3.connect(db_path) as db:
            db.execute("PRAGMA user_version = 99")
        db.close()
        again = self.daemon(data_dir=d.data_dir)
        code, output = self.exits(again)
        self.assertEqual(code, 1, output)
        self.assertIn("newer", output)
        self.assertFalse(os.path.exists(again.socket_path))
        check = maild("--check", "--data-dir", d.data_dir)
        self.assertEqual(check.returncode, 1, text(check))
        self.assertIn("newer", check.stderr.decode())
        with sqlite3.connect(db_path) as db:
            self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], 99, "the file is left alone")
        db.close()


class PrivilegesTest(DaemonTestCase):
    """The --user tests need root; the modes test does not."""

    def owners(self, data_dir):
        """(path, uid, mode) of everything in the data directory but the harness's output."""
        out = [(data_dir, os.lstat(data_dir).st_uid, os.lstat(data_dir).st_mode)]
        for root, dirs, files in os.walk(data_dir):
            for name in dirs + files:
                path = os.path.join(root, name)
                if path == os.path.join(data_dir, "maild.out"):
                    continue
                st = os.lstat(path)
                out.append((path, st.st_uid, st.st_mode))
        return out

    def test_directory_and_socket_modes(self):
        data_dir = self.temp_dir()
        os.chmod(data_dir, 0o777)
        os.makedirs(os.path.join(data_dir, "run"), mode=0o777)
        os.chmod(os.path.join(data_dir, "run"), 0o777)
        d = self.started(data_dir=data_dir)
        with Rpc(d.socket_path) as rpc:
            rpc.call("hello")  # answered: the startup sequence has finished
        self.assertEqual(stat.S_IMODE(os.stat(data_dir).st_mode), 0o750, "enforced, not assumed")
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(data_dir, "run")).st_mode), 0o750)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(data_dir, "log")).st_mode), 0o750)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(data_dir, "mail")).st_mode), 0o700)
        sock = os.stat(d.socket_path)
        self.assertTrue(stat.S_ISSOCK(sock.st_mode))
        self.assertEqual(stat.S_IMODE(sock.st_mode), 0o660)
        for name in ("maild.db", "maild.db-wal"):
            mode = stat.S_IMODE(os.stat(os.path.join(data_dir, name)).st_mode)
            self.assertEqual(mode & 0o007, 0, "%s is readable by others: %o" % (name, mode))

    @needs_root
    def test_user_drops_privileges(self):
        data_dir = tempfile.mkdtemp(prefix="maild-drop-", dir="/tmp")
        self.addCleanup(shutil.rmtree, data_dir, True)
        d = self.started(data_dir=data_dir, args=["--user", "nobody"])
        with open("/proc/%d/status" % d.pid) as f:
            status = dict(line.split(":", 1) for line in f.read().splitlines() if ":" in line)
        self.assertEqual(status["Uid"].split(), [str(NOBODY)] * 4)
        self.assertEqual(status["Gid"].split(), [str(NOBODY)] * 4)
        self.assertNotIn("0", status["Groups"].split(), "root's groups are dropped")
        # Only CAP_NET_BIND_SERVICE (bit 10) may remain.
        for cap in ("CapEff", "CapPrm", "CapInh"):
            self.assertEqual(int(status[cap], 16) & ~(1 << 10), 0, "%s %s" % (cap, status[cap]))

        # The control socket still answers root, and the daemon can still write its database.
        rpc = self.admin(d)
        self.assertEqual(rpc.call("account.create", {"name": "afterdrop"})["name"], "afterdrop")
        self.assertEqual(rpc.call("server.status")["pid"], d.pid)

        # Everything in the data directory belongs to the daemon's user.
        wrong = [(path, uid) for path, uid, _ in self.owners(data_dir) if uid != NOBODY]
        self.assertEqual(wrong, [], "files not owned by nobody")
        self.assertEqual(stat.S_IMODE(os.stat(data_dir).st_mode), 0o750)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(data_dir, "run")).st_mode), 0o750)
        self.assertEqual(stat.S_IMODE(os.stat(d.socket_path).st_mode), 0o660)

        self.assertEqual(d.stop(), 0, d.read_output())
        self.assertFalse(os.path.exists(d.socket_path))
        self.assertFalse(os.path.exists(os.path.join(data_dir, "run", "maild.pid")))

    @needs_root
    def test_the_daemons_own_user_may_use_the_socket(self):
        data_dir = tempfile.mkdtemp(prefix="maild-drop-", dir="/tmp")
        self.addCleanup(shutil.rmtree, data_dir, True)
        d = self.started(data_dir=data_dir, args=["--user", "nobody"])
        # docs/control-protocol.md: "root, the daemon's own user, or a member of the admin
        # group may talk". nobody may also bootstrap (1005 says: root or the daemon's user).
        report = run_peer(d.socket_path,
                          [peer_request(1, "hello"),
                           peer_request(2, "auth.bootstrap", {"user": "own", "password": "own user password"})],
                          uid=NOBODY, gid=NOBODY)
        self.assertIsNone(report["connectError"], report)
        self.assertEqual(report["unsolicited"], [], report)
        self.assertEqual(report["answers"][0]["result"]["protocol"], 1, report)
        self.assertEqual(report["answers"][1]["result"], {"user": "own", "admin": True}, report)

    @needs_root
    def test_restart_with_user_on_a_directory_root_used_before(self):
        data_dir = tempfile.mkdtemp(prefix="maild-drop-", dir="/tmp")
        self.addCleanup(shutil.rmtree, data_dir, True)
        d = self.started(data_dir=data_dir)
        self.admin(d).call("account.create", {"name": "before"})
        self.assertEqual(d.stop(), 0)
        d2 = self.started(data_dir=data_dir, args=["--user", "nobody"])
        rpc = self.admin(d2, bootstrap=False)
        self.assertEqual(rpc.call("account.get", {"name": "before"})["name"], "before")
        rpc.call("account.create", {"name": "after"})
        self.assertEqual(d2.stop(), 0, d2.read_output())


if __name__ == "__main__":
    unittest.main()
