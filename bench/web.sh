#!/usr/bin/env bash
# The web app under load: `relais serve` (release) on the demo landlord, 200
# users (one in five from the communication service, who sees the whole
# landlord; the others referents of one agency each), 200 sessions logged in
# through the login form, then each session asks for the dashboard `/` and
# the inbox `/inbox` in turn, closed loop, thinking a uniform random 0–1 s
# after each answer, for 20 s. Prints requests, throughput and p50/p95/p99
# latency per page, and fails unless every answer was 200. Target: p99 < 50 ms.
#
#   bench/web.sh
#   SESSIONS=100 SECONDS_=30 THINK_MS=500 bench/web.sh
#
# The load generator is crates/relais-web/benches/web_load.rs (not built by
# `cargo test`). Client and server share the machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-200}
SESSIONS=${SESSIONS:-200}
SECONDS_=${SECONDS_:-20}
THINK_MS=${THINK_MS:-1000}
target=${CARGO_TARGET_DIR:-$PWD/target}

cargo build --release -p relais --locked -q
relais=$target/release/relais
# `cargo bench --no-run` builds the load generator optimised; its path is
# the one JSON line naming the web_load executable.
load=$(cargo bench -p relais-web --bench web_load --locked --no-run --message-format=json -q \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("target", {}).get("name") == "web_load" and m.get("executable"):
        print(m["executable"])')

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

db="sqlite://$work/relais.db"
password="banc-d-essai-$$-relais"
"$relais" --db "$db" demo >/dev/null
"$relais" --db "$db" territory list --json >"$work/territories.json"
agencies=$(python3 -c 'import json,sys
for t in json.load(open(sys.argv[1])):
    if "agency" in json.dumps(t.get("kind", t)).lower(): print(t["id"])' "$work/territories.json")
mapfile -t agency <<<"$agencies"
[ "${#agency[@]}" -gt 0 ] && [ -n "${agency[0]}" ] || { echo "no agency in the demo" >&2; exit 1; }

started=$SECONDS
for i in $(seq 1 "$USERS"); do
  email="charge$i@banc.example"
  if (( i % 5 == 0 )); then
    printf '%s\n' "$password" | "$relais" --db "$db" user add "$email" --role communication --password-stdin >/dev/null
  else
    t=${agency[$(( i % ${#agency[@]} ))]}
    printf '%s\n' "$password" | "$relais" --db "$db" user add "$email" --role referent --territory "$t" --password-stdin >/dev/null
  fi
  echo "$email" >>"$work/users.txt"
done
echo "$USERS users added in $(( SECONDS - started )) s (${#agency[@]} agencies)"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$relais" --db "$db" serve --listen "127.0.0.1:$port" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/login" && break
  sleep 0.1
done
curl -sf -o /dev/null "http://127.0.0.1:$port/login" || { cat "$work/serve.log" >&2; exit 1; }

"$load" --base "http://127.0.0.1:$port" --users "$work/users.txt" --password "$password" \
  --sessions "$SESSIONS" --seconds "$SECONDS_" --think-ms "$THINK_MS"
