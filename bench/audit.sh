#!/usr/bin/env bash
# How the KPI engine and the audit scale with the landlord's size.
#
#   bash bench/audit.sh [SCALES…]      (default: 1 2 5 10)
#
# For each scale N, writes a demo landlord N times the demo's size
# (`relais demo --scale N`: N copies side by side, each with its own
# territories, residences, accounts, posts, comments, people and labels)
# into a fresh SQLite file, then runs `relais audit` three times and
# prints, per run: the time to read the facts from the database, the time
# to compute every KPI and write the report, the wall time and the CPU time
# (user + sys) of the whole command, and its peak memory. CPU time is the
# figure to compare on a shared machine; wall time depends on the load.
set -euo pipefail
cd "$(dirname "$0")/.."
scales=("${@:-1 2 5 10}")
read -r -a scales <<< "${scales[*]}"
cargo build --release -q -p relais
bin=target/release/relais
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-6s %8s %9s %10s %10s %9s %9s %9s\n' scale posts comments load_ms engine_ms wall_s cpu_s peak_MB
for n in "${scales[@]}"; do
    db="sqlite://$work/scale$n.db"
    counts=$("$bin" --db "$db" demo --scale "$n" --audit "$work/demo.html" --json)
    posts=$(echo "$counts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["created"]["posts"])')
    comments=$(echo "$counts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["created"]["comments"])')
    for run in 1 2 3; do
        out=$(RELAIS_LOG=relais=info NO_COLOR=1 /usr/bin/time -f 'TIME %e %U %S %M' \
            "$bin" --db "$db" audit --out "$work/audit.html" 2>&1 >/dev/null)
        load=$(echo "$out" | sed -n 's/.*load_ms=\([0-9]*\).*/\1/p' | tr -d '\033' | head -1)
        engine=$(echo "$out" | sed -n 's/.*compute_and_render_ms=\([0-9]*\).*/\1/p' | head -1)
        read -r _ wall user sys peak <<< "$(echo "$out" | grep '^TIME')"
        cpu=$(python3 -c "print(round($user + $sys, 2))")
        printf '%-6s %8s %9s %10s %10s %9s %9s %9s\n' "$n" "$posts" "$comments" "$load" "$engine" "$wall" "$cpu" "$((peak / 1024))"
    done
done
