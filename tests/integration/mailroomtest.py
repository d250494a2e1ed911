"""Shared harness for the integration tests: start a real maild on a fresh temporary data
directory, talk JSON-RPC to its control socket, run mailctl, and stop everything by PID.

Environment: MAILD and MAILCTL name the binaries under test (set by CTest).
"""
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import unittest

MAILD = os.environ.get("MAILD", "maild")
MAILCTL = os.environ.get("MAILCTL", "mailctl")
ADMIN_USER = "admin"
ADMIN_PASSWORD = "correct horse battery staple"
# The tests' daemons hash passwords with 1,000 PBKDF2 iterations instead of 600,000 (the
# documented setting auth.passwordIterations, which maild lets go below its floor only with
# this option): a test suite that creates hundreds of accounts would otherwise spend most of
# its time hashing. Tests that measure the hash's cost start their daemon with
# fast_hashing=False.
FAST_HASHING = ("--allow-weak-password-hashing", "--set", "auth.passwordIterations=1000")


def free_port(host="127.0.0.1"):
    """A TCP port that was free a moment ago on host."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Daemon:
    """One maild instance on its own data directory (embedded profile, loopback only)."""

    def __init__(self, data_dir=None, args=(), env=None, ports=None, fast_hashing=True):
        """ports: the listener ports of an earlier instance to take again (a restart)."""
        self.owns_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="maild-test-")
        self.args = list(args)
        self.fast_hashing = fast_hashing
        self.env = dict(os.environ, **(env or {}))
        self.proc = None
        self.output_path = os.path.join(self.data_dir, "maild.out")
        self.ports = dict(ports) if ports else self._assign_ports()

    @property
    def socket_path(self):
        return os.path.join(self.data_dir, "run", "control.sock")

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    # Every listener a test does not name gets a free port, so suites running side by side
    # (ctest -j) never collide on the embedded defaults. self.ports maps each listener to
    # its port (named ones included).
    LISTENERS = ("smtp", "submission", "smtps", "pop3", "pop3s", "imap", "imaps")

    def _assign_ports(self):
        ports = {}
        for i, arg in enumerate(self.args[:-1]):
            if arg == "--port" and "=" in self.args[i + 1]:
                name, value = self.args[i + 1].split("=", 1)
                if value.isdigit():
                    ports[name] = int(value)
        taken = set(ports.values())
        for listener in self.LISTENERS:
            if listener not in ports:
                port = free_port()
                while port in taken:
                    port = free_port()
                ports[listener] = port
                taken.add(port)
        return ports

    def command(self):
        named = {a.split("=", 1)[0] for a in self.args if "=" in a}
        ports = []
        for listener in self.LISTENERS:
            if listener not in named:
                ports += ["--port", "%s=%d" % (listener, self.ports[listener])]
        return [MAILD, "--data-dir", self.data_dir, "--profile", "embedded",
                "--listen", "127.0.0.1"] + ports + (list(FAST_HASHING) if self.fast_hashing else []) + self.args

    def start(self, wait=True, timeout=30):
        self.output = open(self.output_path, "ab")
        self.proc = subprocess.Popen(self.command(), stdout=self.output, stderr=subprocess.STDOUT,
                                     env=self.env)
        if wait:
            self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("maild exited with %s:\n%s" % (self.proc.returncode, self.read_output()))
            try:
                with socket.socket(socket.AF_UNIX) as s:
                    s.connect(self.socket_path)
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("maild did not open its control socket:\n" + self.read_output())

    def read_output(self):
        try:
            with open(self.output_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Stops the daemon by PID; returns its exit code."""
        if not self.proc or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise RuntimeError("maild did not stop within %ss after signal %s" % (timeout, sig))
        finally:
            self.output.close()

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        output = getattr(self, "output", None)
        if output is not None and not output.closed:
            output.close()

    def cleanup(self):
        self.kill()
        if self.owns_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)


class RawConnection:
    """A client socket to one of maild's listeners (TLS from the start when context is given)
    with a receive buffer; the protocol harnesses derive from it and read their greeting."""

    def __init__(self, port, host="127.0.0.1", timeout=30, context=None, server_hostname="localhost"):
        self.port = port
        self.timeout = timeout
        raw = socket.create_connection((host, port), timeout=timeout)
        if context is not None:
            try:
                raw = context.wrap_socket(raw, server_hostname=server_hostname)
            except BaseException:
                raw.close()
                raise
        self.sock = raw
        self.sock.settimeout(timeout)
        self.buffer = b""

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def encrypted(self):
        return isinstance(self.sock, ssl.SSLSocket)


class RpcError(Exception):
    def __init__(self, error):
        super().__init__("%s: %s" % (error.get("code"), error.get("message")))
        self.code = error.get("code")
        self.message = error.get("message")
        self.data = error.get("data", {})


class Rpc:
    """A raw JSON-RPC client on the control socket: one compact JSON value per line."""

    def __init__(self, path, timeout=30):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buffer = b""
        self.next_id = 1
        self.notifications = []

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send_raw(self, data: bytes):
        self.sock.sendall(data)

    def recv_line(self):
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("control socket closed")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def recv_response(self):
        """The next response, keeping notifications that arrive before it."""
        while True:
            message = self.recv_line()
            if "id" in message or not isinstance(message, dict):
                return message
            self.notifications.append(message)

    def wait_notification(self, method, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            for i, n in enumerate(self.notifications):
                if n.get("method") == method:
                    return self.notifications.pop(i)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no %s notification within %ss" % (method, timeout))
            self.sock.settimeout(remaining)
            try:
                self.notifications.append(self.recv_line())
            finally:
                self.sock.settimeout(30)

    def request(self, method, params=None):
        """Sends one request and returns the whole response object."""
        rid = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            message["params"] = params
        self.send_raw(json.dumps(message, separators=(",", ":")).encode() + b"\n")
        response = self.recv_response()
        assert response.get("id") == rid, response
        return response

    def call(self, method, params=None):
        """Sends one request; returns its result or raises RpcError."""
        response = self.request(method, params)
        if "error" in response:
            raise RpcError(response["error"])
        return response["result"]

    def batch(self, calls):
        """Sends [(method, params), ...] as one JSON-RPC batch; returns the responses in order."""
        messages = []
        for method, params in calls:
            messages.append({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
            self.next_id += 1
        self.send_raw(json.dumps(messages, separators=(",", ":")).encode() + b"\n")
        responses = self.recv_response()
        by_id = {r["id"]: r for r in responses}
        return [by_id[m["id"]] for m in messages]


BIND_ATTEMPTS = 4


def start_bootstrapped(args=(), env=None, fast_hashing=True):
    """A running maild with its first administrator, and a control connection to it (not
    logged in): (daemon, rpc). The caller cleans both up.

    free_port() hands out a port that was free a moment ago; with suites running side by side
    (ctest -j) another process may take it (a listener, or a client's ephemeral port) before
    maild binds it. Only that case (a service reports "already in use") is retried, with a new
    daemon on new ports; any other failure is the caller's."""
    for attempt in range(BIND_ATTEMPTS):
        daemon = Daemon(args=args, env=env, fast_hashing=fast_hashing)
        rpc = None
        try:
            daemon.start()
            rpc = Rpc(daemon.socket_path)
            rpc.call("auth.bootstrap", {"user": ADMIN_USER, "password": ADMIN_PASSWORD,
                                        "fullName": "Test Administrator"})
            busy = [s["name"] for s in rpc.call("server.status")["services"]
                    if "already in use" in (s.get("error") or "")]
        except BaseException:
            if rpc:
                rpc.close()
            daemon.cleanup()
            raise
        if not busy or attempt + 1 == BIND_ATTEMPTS:
            return daemon, rpc
        rpc.close()
        daemon.cleanup()


class MailroomTestCase(unittest.TestCase):
    """Each test gets its own running maild with a bootstrapped administrator and a
    logged-in control connection (self.rpc)."""

    daemon_args = ()
    daemon_env = None  # extra environment for maild
    fast_hashing = True  # False: the daemon hashes passwords at the real cost
    BIND_ATTEMPTS = BIND_ATTEMPTS

    def setUp(self):
        self.daemon, self.rpc = start_bootstrapped(self.daemon_args, self.daemon_env, self.fast_hashing)
        self.addCleanup(self.daemon.cleanup)
        self.addCleanup(self.rpc.close)

    def connect(self, login=True):
        rpc = Rpc(self.daemon.socket_path)
        self.addCleanup(rpc.close)
        if login:
            rpc.call("auth.login", {"user": ADMIN_USER, "password": ADMIN_PASSWORD})
        return rpc

    def mailctl(self, *args, password=ADMIN_PASSWORD, stdin_extra="", check=True, user=ADMIN_USER):
        """Runs mailctl against this daemon; the admin password goes in on stdin."""
        cmd = [MAILCTL, "--socket", self.daemon.socket_path, "--user", user] + list(args)
        result = subprocess.run(cmd, input=(password + "\n" + stdin_extra).encode(),
                                capture_output=True, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError("mailctl %s failed (%d):\n%s%s" % (
                " ".join(args), result.returncode, result.stdout.decode(), result.stderr.decode()))
        return result

    def assertRpcError(self, code, method, params=None, rpc=None):
        with self.assertRaises(RpcError) as ctx:
            (rpc or self.rpc).call(method, params)
        self.assertEqual(ctx.exception.code, code, ctx.exception.message)
        self.assertTrue(ctx.exception.message, "every error carries a sentence")
        return ctx.exception
