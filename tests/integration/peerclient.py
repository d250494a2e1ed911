"""A control-socket client run as another Unix user (via setpriv), for the peer-credential
tests of test_control.py and test_daemon.py.

run_peer() starts `python3 -c PEER_SCRIPT` under `setpriv --reuid=... --regid=...`; the
script connects, collects whatever the daemon sends unasked (a refusal), then sends each
request and reads its answer, and reports everything as one JSON object on stdout:
  {"connectError": str|null, "unsolicited": [msg...], "answers": [msg|null...], "closed": bool}
"""
import json
import os
import subprocess
import sys

# The peer runs as another user: use an interpreter that user can surely reach (a pyenv
# under /root, mode 0700, may not be), else the one running the tests.
PEER_PYTHON = "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable

PEER_SCRIPT = r"""
import json, socket, sys
path, requests = sys.argv[1], json.loads(sys.argv[2])
report = {"connectError": None, "unsolicited": [], "answers": [], "closed": False}
buf = b""

def read_line(timeout):
    global buf
    s.settimeout(timeout)
    while b"\n" not in buf:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            return None
        except OSError:
            report["closed"] = True
            return None
        if not chunk:
            report["closed"] = True
            return None
        buf += chunk
    line, buf = buf.split(b"\n", 1)
    return json.loads(line)

s = socket.socket(socket.AF_UNIX)
try:
    s.connect(path)
except OSError as e:
    report["connectError"] = "%s: %s" % (type(e).__name__, e)
    print(json.dumps(report))
    sys.exit(0)
while not report["closed"]:
    message = read_line(0.5)
    if message is None:
        break
    report["unsolicited"].append(message)
for request in requests:
    if report["closed"]:
        report["answers"].append(None)
        continue
    try:
        s.sendall(json.dumps(request).encode() + b"\n")
    except OSError:
        report["closed"] = True
        report["answers"].append(None)
        continue
    answer = read_line(30)
    while answer is not None and "id" not in answer:
        answer = read_line(30)  # skip notifications
    report["answers"].append(answer)
if not report["closed"]:
    s.settimeout(0.5)
    try:
        report["closed"] = s.recv(1) == b""
    except socket.timeout:
        pass
    except OSError:
        report["closed"] = True
print(json.dumps(report))
"""


def request(rid, method, params=None):
    message = {"jsonrpc": "2.0", "id": rid, "method": method}
    if params is not None:
        message["params"] = params
    return message


def run_peer(socket_path, requests, uid, gid, groups=None, timeout=120):
    """Runs the peer script as uid/gid (supplementary groups: the list, or none); returns its
    report. Raises when the script itself failed."""
    cmd = ["setpriv", "--reuid=%d" % uid, "--regid=%d" % gid]
    if groups:
        cmd.append("--groups=" + ",".join(str(g) for g in groups))
    else:
        cmd.append("--clear-groups")
    cmd += [PEER_PYTHON, "-c", PEER_SCRIPT, socket_path, json.dumps(requests)]
    result = subprocess.run(cmd, capture_output=True, timeout=timeout)
    if result.returncode != 0:
        raise AssertionError("peer client as uid %d failed (%d): %s" % (
            uid, result.returncode, result.stderr.decode(errors="replace")))
    return json.loads(result.stdout)
