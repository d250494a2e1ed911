#!/usr/bin/env bash
# Runs the SMTP benchmark against the dev build's maild (build it first: cmake --preset dev &&
# cmake --build build/dev --target maild). Extra arguments go to smtp_bench.py, e.g.
#   tests/bench/run_smtp_bench.sh --compare-postfix --runs 3
# --compare-postfix installs Postfix from Debian (needs root) and runs it on loopback only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export MAILD="${MAILD:-$root/build/dev/maild/maild}"
if [[ ! -x "$MAILD" ]]; then
    echo "run_smtp_bench.sh: no maild at $MAILD; build it or set MAILD" >&2
    exit 2
fi
exec python3 "$here/smtp_bench.py" --maild "$MAILD" "$@"
