#!/usr/bin/env bash
# Mailroom's one entry point for people and CI:
#   ./mailroom.sh run           install what is missing, build, start maild (embedded) and mailadmin
#   ./mailroom.sh test [--quick] install what is missing, build and run the whole suite through CTest
#   ./mailroom.sh stop          stop the maild that `run` started
# Packages come from Debian 12's archive; nothing else is downloaded.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
CALLER_PWD=$PWD

# Everything the build, the tests and the GUIs need (Debian 12 names), installed with
# --no-install-recommends: what a package only recommends must be listed here.
# libqt6svg6 carries Qt's SVG icon engine (without it the GUIs' icons come out empty);
# Qt Charts' CMake config needs Qt's OpenGL one (libqt6opengl6-dev); swaks needs Net::SSLeay
# for STARTTLS. tests/packages/check_packages.py (in the suite) fails when this list misses
# a package that the build or a test uses.
PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6svg6
    qt6-charts-dev libqt6opengl6-dev
    libsqlite3-dev libssl-dev libgl-dev
    python3 python3-cryptography openssl swaks libnet-ssleay-perl curl sqlite3 util-linux
    strace faketime fetchmail mutt iproute2
    libldns-dev bind9 bind9-dnsutils
    clang libclang-rt-14-dev
    xvfb xauth
)

# What `run` builds: the programs it starts and the tools beside them (their translations
# are compiled into them). `test` builds everything.
RUN_TARGETS=(maild mailctl mailadmin mailusers)

# Where the embedded profile keeps its data (common/paths.cpp: QStandardPaths'
# GenericDataLocation, i.e. $XDG_DATA_HOME or ~/.local/share, plus /mailroom).
DATA_DIR="${XDG_DATA_HOME:-${HOME:?HOME is not set}/.local/share}/mailroom"
RUN_DIR="$DATA_DIR/run"
SOCKET="$RUN_DIR/control.sock"
PID_FILE="$RUN_DIR/maild.pid"
MAILD_LOG="$DATA_DIR/maild.log"
GUI_LOG="$DATA_DIR/mailadmin.log"

MAILD="$ROOT/build/dev/maild/maild"
MAILCTL="$ROOT/build/dev/mailctl/mailctl"
MAILADMIN="$ROOT/build/dev/admin-gui/mailadmin"

say() { printf '==> %s\n' "$*"; }
warn() { printf 'mailroom.sh: %s\n' "$*" >&2; }
die() { warn "$*"; exit 1; }

usage() {
    cat <<'EOF'
Usage: ./mailroom.sh COMMAND

  run            install missing Debian packages, build (preset dev), start maild with the
                 embedded profile in the background, offer to create the first
                 administrator, and start mailadmin when a display exists
  test           install missing Debian packages, then build and run the whole test suite
                 with the presets dev, dev-asan and (when it has tests) fuzz
  test --quick   the same with the dev preset only
  stop           stop the maild that `run` started
  help           this text
EOF
}

# --- packages ---------------------------------------------------------------------------

# Prints the packages of PACKAGES that dpkg does not report as installed, one a line.
missing_packages() {
    local pkg status
    for pkg in "${PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        if [[ "$status" != "install ok installed" ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

# True when apt has no package lists yet, or knows no candidate for one of the packages.
apt_lists_needed() {
    local lists
    lists=$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -print -quit 2>/dev/null || true)
    [[ -z "$lists" ]] && return 0
    # apt-cache policy prints nothing for a name it has never heard of, and
    # "Candidate: (none)" for one it knows but cannot install.
    local pkg policy
    for pkg in "$@"; do
        policy=$(apt-cache policy "$pkg" 2>/dev/null || true)
        [[ "$policy" == *"Candidate:"* && "$policy" != *"Candidate: (none)"* ]] || return 0
    done
    return 1
}

ensure_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        warn "dpkg-query not found: this is not Debian; make sure these (or their equivalents) are installed:"
        warn "  ${PACKAGES[*]}"
        return 0
    fi
    local missing=()
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    say "Missing Debian packages: ${missing[*]}"
    if [[ "$(id -u)" -ne 0 ]]; then
        warn "Not root; install them with:"
        printf 'sudo apt-get install -y --no-install-recommends %s\n' "${missing[*]}"
        exit 1
    fi
    local updated=0
    if apt_lists_needed "${missing[@]}"; then
        say "apt-get update"
        apt-get update
        updated=1
    fi
    say "apt-get install -y --no-install-recommends ${missing[*]}"
    if ! apt_install "${missing[@]}"; then
        ((updated)) && die "apt-get install failed"
        # Stale package lists name files the archive no longer has: refresh once and retry.
        say "apt-get install failed; refreshing the package lists and trying again"
        apt-get update
        apt_install "${missing[@]}" || die "apt-get install failed"
    fi
}

# Installs packages without starting the services they bring (the tests start their own
# servers on loopback; nothing of ours may listen on this machine's public ports). Debian's
# maintainer scripts ask /usr/sbin/policy-rc.d; 101 means "do not start".
apt_install() {
    local policy=/usr/sbin/policy-rc.d ours=0 rc=0
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\n# mailroom.sh: no service starts while it installs packages\nexit 101\n' >"$policy"
        chmod 0755 "$policy"
        ours=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" || rc=$?
    ((ours)) && rm -f -- "$policy"
    # bind9 is here for the tests' own loopback DNS servers: the system-wide named that the
    # package enables must not start at the next boot either.
    if ((rc == 0)) && [[ " $* " == *" bind9 "* ]] && command -v systemctl >/dev/null 2>&1; then
        systemctl disable named.service >/dev/null 2>&1 || true
    fi
    return $rc
}

# --- build ------------------------------------------------------------------------------

# Configures and builds a preset: all of it, or only the targets given after the name.
build_preset() {
    local preset=$1
    shift
    local start=$SECONDS
    say "cmake --preset $preset"
    cmake --preset "$preset" || return 1
    if (($#)); then
        say "cmake --build --preset $preset --target $*"
        cmake --build --preset "$preset" --target "$@" || return 1
    else
        say "cmake --build --preset $preset"
        cmake --build --preset "$preset" || return 1
    fi
    say "build of $preset took $((SECONDS - start)) s"
}

# --- the embedded maild -----------------------------------------------------------------

# True when PID is a live process whose program is maild.
is_maild_pid() {
    local pid=$1 argv0=""
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    IFS= read -r -d '' argv0 <"/proc/$pid/cmdline" 2>/dev/null || return 1
    [[ "$(basename -- "$argv0")" == "maild" ]]
}

# Prints the PID from maild's PID file when that process is a running maild.
running_maild_pid() {
    local pid
    [[ -f "$PID_FILE" ]] || return 1
    pid=$(tr -d '[:space:]' <"$PID_FILE" 2>/dev/null || true)
    is_maild_pid "$pid" || return 1
    printf '%s\n' "$pid"
}

# True when something accepts connections on the Unix socket at $1.
socket_answers() {
    [[ -S "$1" ]] || return 1
    python3 - "$1" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(2)
try:
    s.connect(sys.argv[1])
except OSError:
    sys.exit(1)
PY
}

# How to write a path of ours so that the caller can paste it where they stand.
shown_path() {
    if [[ "$CALLER_PWD" == "$ROOT" ]]; then
        printf '%s\n' "${1#"$ROOT"/}"
    else
        printf '%s\n' "$1"
    fi
}

# Prints "yes", "no", or "unknown" (mailctl failed or said something unexpected).
needs_bootstrap() {
    local out
    if ! out=$(MAILROOM_SOCKET="$SOCKET" "$MAILCTL" hello --json 2>/dev/null); then
        echo unknown
        return
    fi
    python3 -c '
import json, sys
try:
    d = json.loads(sys.argv[1])
except ValueError:
    print("unknown"); sys.exit()
if isinstance(d, dict) and isinstance(d.get("result"), dict):
    d = d["result"]
v = d.get("needsBootstrap") if isinstance(d, dict) else None
print("yes" if v is True else "no" if v is False else "unknown")
' "$out"
}

start_maild() {
    local pid
    if pid=$(running_maild_pid); then
        say "maild is already running on $DATA_DIR (PID $pid); not starting a second one."
        return 0
    fi
    if socket_answers "$SOCKET"; then
        say "A maild is already answering on $SOCKET (not one this script started); not starting a second one."
        return 0
    fi
    # The log lives beside the data; a data directory made here is private to its user.
    if [[ ! -d "$DATA_DIR" ]]; then
        mkdir -p -- "$(dirname -- "$DATA_DIR")"
        mkdir -m 0700 -- "$DATA_DIR"
    fi
    # setsid: a Ctrl-C in this terminal (during bootstrap, say) must not reach the daemon.
    setsid "$MAILD" --profile embedded >>"$MAILD_LOG" 2>&1 </dev/null &
    pid=$!
    say "maild started: PID $pid, log $MAILD_LOG"
    local waited=0
    until socket_answers "$SOCKET"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            warn "maild exited before opening its control socket; the end of $MAILD_LOG:"
            tail -n 30 -- "$MAILD_LOG" >&2 || true
            exit 1
        fi
        if ((waited >= 300)); then
            warn "maild (PID $pid) did not open $SOCKET within 30 s; see $MAILD_LOG"
            exit 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    # maild writes its own PID file; keep one for `stop` if this build does not.
    [[ -f "$PID_FILE" ]] || printf '%s\n' "$pid" >"$PID_FILE"
}

offer_bootstrap() {
    local bootstrap_cmd
    bootstrap_cmd="$(shown_path "$MAILCTL") bootstrap"
    case "$(needs_bootstrap)" in
    no)
        say "maild has an administrator; log in with mailadmin or mailctl."
        ;;
    yes)
        if [[ -t 0 ]]; then
            say "maild has no administrator yet; creating the first one (mailctl bootstrap)."
            MAILROOM_SOCKET="$SOCKET" "$MAILCTL" bootstrap ||
                warn "bootstrap did not complete; run it again with: $bootstrap_cmd"
        else
            say "maild has no administrator yet. Create the first one with:"
            printf '    %s\n' "$bootstrap_cmd"
        fi
        ;;
    *)
        warn "could not ask maild whether it needs its first administrator ($MAILCTL hello --json failed)."
        say "If it has none yet, create the first one with:"
        printf '    %s\n' "$bootstrap_cmd"
        ;;
    esac
}

start_gui() {
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        say "No display (neither DISPLAY nor WAYLAND_DISPLAY is set), so mailadmin is not started."
        say "Use mailctl from this terminal instead, for example:"
        printf '    %s --help\n' "$(shown_path "$MAILCTL")"
        printf '    %s hello\n' "$(shown_path "$MAILCTL")"
        return 0
    fi
    if [[ ! -x "$MAILADMIN" ]]; then
        warn "$MAILADMIN was not built (is MAILROOM_BUILD_GUI off?); use mailctl instead."
        return 0
    fi
    MAILROOM_SOCKET="$SOCKET" setsid "$MAILADMIN" >>"$GUI_LOG" 2>&1 </dev/null &
    say "mailadmin started: PID $!, log $GUI_LOG"
}

cmd_run() {
    (($# == 0)) || die "run takes no arguments (see ./mailroom.sh help)"
    ensure_packages
    cd -- "$ROOT"
    build_preset dev "${RUN_TARGETS[@]}" || die "the dev build failed"
    [[ -x "$MAILD" ]] || die "$MAILD was not built"
    [[ -x "$MAILCTL" ]] || die "$MAILCTL was not built"
    start_maild
    say "control socket: $SOCKET"
    offer_bootstrap
    start_gui
    say "Stop maild with: ./mailroom.sh stop"
}

cmd_stop() {
    (($# == 0)) || die "stop takes no arguments (see ./mailroom.sh help)"
    if [[ ! -f "$PID_FILE" ]]; then
        say "maild is not running (no PID file at $PID_FILE)."
        return 0
    fi
    local pid
    pid=$(tr -d '[:space:]' <"$PID_FILE" 2>/dev/null || true)
    if [[ ! "$pid" =~ ^[0-9]+$ ]]; then
        die "$PID_FILE does not hold a PID; not stopping anything."
    fi
    if [[ ! -e "/proc/$pid" ]]; then
        say "maild is not running (PID $pid from $PID_FILE is gone); removing the stale PID file."
        rm -f -- "$PID_FILE"
        return 0
    fi
    if ! is_maild_pid "$pid"; then
        die "PID $pid from $PID_FILE is not maild; not stopping it."
    fi
    say "Stopping maild (PID $pid) with SIGTERM"
    kill -TERM "$pid"
    local waited=0
    while [[ -e "/proc/$pid" ]] && is_maild_pid "$pid"; do
        if ((waited >= 300)); then
            die "maild (PID $pid) is still running after 30 s; see $MAILD_LOG"
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    # maild removes its PID file on a clean exit; the one `run` wrote is ours to remove.
    if [[ -f "$PID_FILE" && "$(tr -d '[:space:]' <"$PID_FILE" 2>/dev/null)" == "$pid" ]]; then
        rm -f -- "$PID_FILE"
    fi
    say "maild stopped."
}

# --- tests ------------------------------------------------------------------------------

fuzz_has_tests() {
    [[ -f "$ROOT/tests/fuzz/CMakeLists.txt" ]] && grep -q 'add_test' "$ROOT/tests/fuzz/CMakeLists.txt"
}

# Configures, builds and tests one preset; sets RESULT to a one-line outcome.
RESULT=""
test_preset() {
    local preset=$1
    local start=$SECONDS
    say "=== preset $preset ==="
    if ! build_preset "$preset"; then
        RESULT="FAILED (configure or build) after $((SECONDS - start)) s"
        return 1
    fi
    if [[ "$preset" == fuzz ]]; then
        say "ctest --test-dir build/fuzz --output-on-failure -j2"
        ctest --test-dir build/fuzz --output-on-failure -j2 || {
            RESULT="FAILED (tests) after $((SECONDS - start)) s"
            return 1
        }
    else
        say "ctest --preset $preset -j2"
        ctest --preset "$preset" -j2 || {
            RESULT="FAILED (tests) after $((SECONDS - start)) s"
            return 1
        }
    fi
    RESULT="passed in $((SECONDS - start)) s"
}

cmd_test() {
    local quick=0 arg
    for arg in "$@"; do
        case "$arg" in
        --quick) quick=1 ;;
        *) die "unknown option for test: $arg (see ./mailroom.sh help)" ;;
        esac
    done
    ensure_packages
    cd -- "$ROOT"

    local presets=(dev)
    local summary=()
    if ((!quick)); then
        presets+=(dev-asan)
        if fuzz_has_tests; then
            presets+=(fuzz)
        fi
    fi
    local failed=0 preset started=$SECONDS
    for preset in "${presets[@]}"; do
        test_preset "$preset" || failed=1
        summary+=("$(printf '%-9s %s' "$preset" "$RESULT")")
    done
    if ((!quick)) && ! fuzz_has_tests; then
        summary+=("$(printf '%-9s %s' fuzz "skipped (tests/fuzz/CMakeLists.txt defines no tests)")")
    fi

    echo
    say "Summary"
    printf '  preset %s\n' "${summary[@]}"
    say "the whole test command took $((SECONDS - started)) s"
    if ((failed)); then
        warn "some presets failed"
        return 1
    fi
}

main() {
    local cmd=${1:-}
    (($# > 0)) && shift
    case "$cmd" in
    run) cmd_run "$@" ;;
    test) cmd_test "$@" ;;
    stop) cmd_stop "$@" ;;
    help | -h | --help) usage ;;
    "")
        usage >&2
        exit 2
        ;;
    *)
        warn "unknown command: $cmd"
        usage >&2
        exit 2
        ;;
    esac
}

# Sourcing the file (for checks of its functions) defines everything and runs nothing.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
