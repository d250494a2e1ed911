"""A Dovecot IMAP instance for side-by-side benchmarks: Debian's dovecot-imapd, run entirely
under /tmp (own dovecot.conf, base_dir, passwd-file, maildirs, logs), listening only on
127.0.0.1:<free high port> for IMAP (nothing else), with mail_fsync = always so that its
durability equals maild's. Optionally with the imap-hibernate service (idle IDLE sessions are
moved out of their imap process). Stopped by its PID; its directory is removed.
"""
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time

CONF = """\
base_dir = {dir}/run
state_dir = {dir}/state
instance_name = mailroom-bench-imap-{port}
log_path = {dir}/dovecot.log
info_log_path = {dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:{dir}/home/%u/Maildir
first_valid_uid = {uid}
last_valid_uid = {uid}
mail_fsync = always
default_process_limit = {processes}
default_client_limit = {clients}
{hibernate}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={dir}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  process_min_avail = 1
  service_count = 0
  client_limit = {clients}
}}
service imap {{
  process_limit = {processes}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
  inet_listener pop3s {{
    port = 0
  }}
}}
service submission-login {{
  inet_listener submission {{
    port = 0
  }}
}}
service lmtp {{
  unix_listener lmtp {{
    mode = 0600
  }}
}}
"""

HIBERNATE = """\
imap_hibernate_timeout = 2s
service imap-hibernate {{
  unix_listener imap-hibernate {{
    mode = 0660
  }}
  client_limit = {clients}
}}
service imap {{
  unix_listener imap-master {{
    user = $default_internal_user
  }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def install():
    if shutil.which("dovecot") and os.path.exists("/usr/lib/dovecot/imap"):
        return
    if os.geteuid() != 0:
        raise SystemExit("--compare-dovecot needs dovecot-imapd; run as root or install it")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "dovecot-imapd"], check=True, env=env,
                   timeout=900, stdout=subprocess.DEVNULL)
    subprocess.run(["systemctl", "stop", "dovecot"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)


class DovecotImap:
    def __init__(self, accounts, password, messages=(), processes=1000, clients=1000, hibernate=False):
        """accounts: names; messages: bytes (CRLF) stored in each account's INBOX."""
        self.dir = tempfile.mkdtemp(prefix="mailroom-bench-dovecot-imap-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.proc = None
        nobody = pwd.getpwnam("nobody")
        uid, gid = nobody.pw_uid, grp.getgrnam("nogroup").gr_gid
        now = int(time.time())
        for account in accounts:
            maildir = os.path.join(self.dir, "home", account, "Maildir")
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(maildir, sub))
            for i, content in enumerate(messages):
                data = content.replace(b"\r\n", b"\n")
                name = "%d.M%dP1.bench,S=%d,W=%d" % (now, i, len(data), len(content))
                with open(os.path.join(maildir, "new", name), "wb") as f:
                    f.write(data)
        for root, dirs, files in os.walk(os.path.join(self.dir, "home")):
            os.chown(root, uid, gid)
            for f in files:
                os.chown(os.path.join(root, f), uid, gid)
        with open(os.path.join(self.dir, "passwd"), "w") as f:
            for account in accounts:
                f.write("%s:{PLAIN}%s\n" % (account, password))
        self.conf = os.path.join(self.dir, "dovecot.conf")
        with open(self.conf, "w") as f:
            f.write(CONF.format(dir=self.dir, port=self.port, uid=uid, gid=gid, processes=processes, clients=clients,
                                hibernate=HIBERNATE.format(clients=clients) if hibernate else ""))

    def start(self):
        self.proc = subprocess.Popen(["dovecot", "-F", "-c", self.conf], stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(self.dir, "stderr"), "wb"))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("dovecot exited: %s" % self.log())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=5) as s:
                    if s.recv(100).startswith(b"* OK"):
                        break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("dovecot does not answer on %d: %s" % (self.port, self.log()))
        ss = subprocess.run(["ss", "-Hltnp"], capture_output=True, timeout=30).stdout.decode()
        mine = [l for l in ss.splitlines() if "pid=%d," % self.proc.pid in l or '"dovecot"' in l and str(self.port) in l]
        bad = [l for l in mine if "127.0.0.1:%d " % self.port not in l]
        if bad:
            raise RuntimeError("dovecot listens beyond 127.0.0.1:%d: %r" % (self.port, bad))
        return self

    def rss_kib(self):
        """The resident memory of the whole instance: dovecot and every child process."""
        total = 0
        pids = [self.proc.pid]
        seen = set()
        while pids:
            pid = pids.pop()
            if pid in seen:
                continue
            seen.add(pid)
            try:
                with open("/proc/%d/status" % pid) as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
                    pids += [int(p) for p in f.read().split()]
            except OSError:
                pass
        return total

    def log(self):
        out = ""
        for name in ("dovecot.log", "stderr"):
            try:
                with open(os.path.join(self.dir, name), errors="replace") as f:
                    out += f.read()[-3000:]
            except OSError:
                pass
        return out

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)
