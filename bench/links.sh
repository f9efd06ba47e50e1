#!/usr/bin/env bash
# Short-link redirect throughput: `relais serve --links-only` beside nginx
# answering `return 302` on the same machine, both hit by the same wrk run
# (a phone user agent, keep-alive connections), then the ratio, and a check
# that relais wrote every hit it answered.
#
#   bench/links.sh                 # 10 s each, 2 wrk threads, 64 connections
#   DURATION=30 CONNECTIONS=128 bench/links.sh
#
# Needs Debian's nginx and wrk (apt-get install nginx wrk). Ports 18080
# (relais) and 18081 (nginx) on 127.0.0.1 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
RELAIS_PORT=${RELAIS_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
UA='Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1'

for tool in nginx wrk; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y nginx wrk" >&2; exit 1; }
done

cargo build --release -p relais --locked -q
relais=$PWD/target/release/relais
work=$(mktemp -d)
relais_pid=
nginx_pid=
cleanup() {
  [ -n "$relais_pid" ] && kill "$relais_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

db="sqlite://$work/relais.db"
"$relais" --db "$db" demo >/dev/null
"$relais" --db "$db" link allow-domain brevenne-habitat.fr >/dev/null
residence=$("$relais" --db "$db" residence list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
code=$("$relais" --db "$db" link create --target https://www.brevenne-habitat.fr/ \
  --residence "$residence" --action "Banc d'essai" --json \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')

mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
error_log $work/nginx/logs/error.log warn;
pid $work/nginx/nginx.pid;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { return 302 https://www.brevenne-habitat.fr/; }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!

"$relais" --db "$db" serve --links-only --listen "127.0.0.1:$RELAIS_PORT" 2>"$work/serve.log" &
relais_pid=$!
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$RELAIS_PORT/" && curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break
  sleep 0.2
done
# Checks before measuring: both answer 302.
for port in "$NGINX_PORT" "$RELAIS_PORT"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/r/$code")
  [ "$status" = 302 ] || { echo "port $port answered $status, not 302" >&2; exit 1; }
done

run_wrk() { # name port → "requests rps"
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -H "User-Agent: $UA" "http://127.0.0.1:$1/r/$code")
  echo "$out" | sed 's/^/    /' >&2
  if echo "$out" | grep -q 'Non-2xx or 3xx'; then echo "errors from port $1" >&2; exit 1; fi
  echo "$(echo "$out" | awk '/requests in/ {print $1}') $(echo "$out" | awk '/Requests\/sec/ {print $2}')"
}

echo "nginx (return 302), $DURATION s, $THREADS threads, $CONNECTIONS connections:" >&2
read -r _ nginx_rps < <(run_wrk "$NGINX_PORT")
echo "relais serve --links-only, same load:" >&2
read -r relais_requests relais_rps < <(run_wrk "$RELAIS_PORT")

# Clean shutdown: the last counts are written, then compare.
kill -TERM "$relais_pid"; wait "$relais_pid" || true; relais_pid=
stored=$("$relais" --db "$db" link stats --json | python3 -c 'import json,sys; r=json.load(sys.stdin)[0]; print(r["scans"] + r["bots"])')
# The one curl check above was counted too (as a bot).
answered=$((relais_requests + 1))

printf '\n%-28s %12s req/s\n' "nginx return 302" "$nginx_rps"
printf '%-28s %12s req/s\n' "relais serve --links-only" "$relais_rps"
python3 -c "print(f'{\"ratio relais / nginx\":<28} {float($relais_rps)/float($nginx_rps):12.2f}')"
echo "relais: wrk completed $relais_requests requests (+1 check); stored hits: $stored"
# wrk stops with up to one request per connection in flight: the server may
# have answered (and counted) those without wrk reading the reply.
if [ "$stored" -lt "$answered" ] || [ "$stored" -gt $((answered + CONNECTIONS)) ]; then
  echo "COUNT MISMATCH: stored $stored for $answered answered requests" >&2
  exit 1
fi
echo "every answered hit is stored (in-flight at wrk's stop: $((stored - answered)))"
