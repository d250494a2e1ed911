"""A real DNS server for the tests: BIND 9's named (Debian's bind9) on a loopback address and a
free port, primary for one or more zones that accept RFC 2136 updates signed with one TSIG key
(HMAC-SHA256), and dig (bind9-dnsutils) to read what it serves. Started and stopped by PID;
everything it writes stays in its own temporary folder.
"""
import base64
import os
import shutil
import signal
import subprocess
import tempfile
import time

NAMED = shutil.which("named") or "/usr/sbin/named"
DIG = shutil.which("dig") or "/usr/bin/dig"
KEY_NAME = "mailroom-key"


def free_udp_and_tcp_port(host="127.0.0.1"):
    """A port free for both UDP and TCP a moment ago."""
    import socket
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as t:
            t.bind((host, 0))
            port = t.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
                try:
                    u.bind((host, port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free port for named")


class Named:
    """named serving zones {name: [record lines]} on host:port."""

    def __init__(self, zones, host="127.0.0.1", secret=None):
        self.host = host
        self.zones = zones
        self.dir = tempfile.mkdtemp(prefix="named-test-")
        self.secret = secret or base64.b64encode(os.urandom(32)).decode()
        self.port = None
        self.proc = None
        self.log_path = os.path.join(self.dir, "named.log")

    @property
    def server(self):
        return "%s:%d" % (self.host, self.port)

    def _write_config(self):
        zones = ""
        for zone, records in self.zones.items():
            path = os.path.join(self.dir, zone + ".zone")
            with open(path, "w") as f:
                f.write("$TTL 300\n@ IN SOA ns.%s. hostmaster.%s. 1 3600 600 86400 300\n@ IN NS ns.%s.\n"
                        "ns IN A 127.0.0.1\n" % (zone, zone, zone))
                for line in records:
                    f.write(line + "\n")
            zones += ('zone "%s" { type primary; file "%s"; allow-update { key "%s"; }; };\n'
                      % (zone, path, KEY_NAME))
        with open(os.path.join(self.dir, "named.conf"), "w") as f:
            f.write("""options {
  directory "%(dir)s";
  listen-on port %(port)d { %(host)s; };
  listen-on-v6 { none; };
  pid-file "%(dir)s/named.pid";
  session-keyfile "%(dir)s/session.key";
  recursion no;
  dnssec-validation no;
  notify no;
  allow-query { any; };
};
controls { };
key "%(key)s" { algorithm hmac-sha256; secret "%(secret)s"; };
%(zones)s""" % {"dir": self.dir, "port": self.port, "host": self.host, "key": KEY_NAME, "secret": self.secret,
                "zones": zones})

    def start(self, timeout=30):
        for attempt in range(4):
            self.port = free_udp_and_tcp_port(self.host)
            self._write_config()
            log = open(self.log_path, "ab")
            self.proc = subprocess.Popen([NAMED, "-g", "-4", "-n", "1", "-c", os.path.join(self.dir, "named.conf")],
                                         stdout=log, stderr=subprocess.STDOUT)
            log.close()
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                if self.dig(next(iter(self.zones)), "SOA", timeout=2):
                    return self
                time.sleep(0.1)
            self.stop()
            if "address in use" not in self.log().lower():
                break
        raise RuntimeError("named did not start:\n" + self.log())

    def log(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def dig(self, name, rtype, timeout=5):
        """The answer section as a list of (name, ttl, type, data), or [] (no answer)."""
        result = subprocess.run([DIG, "+noall", "+answer", "+tries=1", "+time=%d" % timeout, "-p", str(self.port),
                                 "@" + self.host, name, rtype], capture_output=True, text=True, timeout=timeout + 10)
        rows = []
        for line in result.stdout.splitlines():
            parts = line.split(None, 4)
            if len(parts) == 5 and not line.startswith(";"):
                rows.append((parts[0].rstrip(".").lower(), int(parts[1]), parts[3], parts[4]))
        return rows

    def mx(self, zone):
        """{(preference, host)} as named serves them."""
        out = set()
        for _, _, rtype, data in self.dig(zone, "MX"):
            if rtype == "MX":
                pref, host = data.split()
                out.add((int(pref), host.rstrip(".").lower()))
        return out

    def txt(self, name):
        return sorted(data for _, _, rtype, data in self.dig(name, "TXT") if rtype == "TXT")

    def pause(self):
        """Stops named (SIGSTOP) and returns once every thread of it is stopped: the signal
        reaches a thread running on another core a moment later, time enough to answer."""
        self.proc.send_signal(signal.SIGSTOP)
        deadline = time.monotonic() + 10
        task_dir = "/proc/%d/task" % self.proc.pid
        while time.monotonic() < deadline:
            states = []
            for tid in os.listdir(task_dir):
                try:
                    with open(os.path.join(task_dir, tid, "stat")) as f:
                        states.append(f.read().rsplit(")", 1)[1].split()[0])
                except OSError:
                    pass
            if states and all(st in ("T", "t") for st in states):
                return
            time.sleep(0.005)
        raise RuntimeError("named did not stop after SIGSTOP")

    def resume(self):
        self.proc.send_signal(signal.SIGCONT)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
