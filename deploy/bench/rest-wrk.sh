#!/usr/bin/env bash
# REST throughput with wrk (Debian package "wrk"), a load generator light enough to leave the cores to the
# server when both run on one machine. Against a running Arbor (./deploy/run): session creations and
# participant-vars posts at concurrency 1 and 16, each after a warm-up (the JIT needs a few minutes of load).
#
#   deploy/bench/rest-wrk.sh [server URL] [seconds per run]      e.g. deploy/bench/rest-wrk.sh http://127.0.0.1:8000 20
# OTREE_REST_KEY is sent when set. Every run must answer only 2xx: wrk's "Non-2xx" line is printed if not.
set -euo pipefail
server=${1:-http://127.0.0.1:8000}
seconds=${2:-20}
command -v wrk >/dev/null || { echo "rest-wrk.sh: wrk is needed (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
key=${OTREE_REST_KEY:-}

# the participants of a lab-sized session receive the vars, as from a survey tool
session=$(curl -fsS -X POST "$server/api/sessions" -H 'Content-Type: application/json' -H "otree-rest-key: $key" \
  -d '{"session_config_name": "trust", "num_participants": 1000}' | sed 's/.*"code":"\([a-z0-9]*\)".*/\1/')
curl -fsS "$server/api/sessions/$session" -H "otree-rest-key: $key" | grep -o '"code":"[a-z0-9]*"' | sed -n '2,$p' |
  cut -d'"' -f4 > "$work/participants"

cat > "$work/sessions.lua" <<LUA
wrk.method = "POST"
wrk.path = "/api/sessions"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["otree-rest-key"] = "$key"
wrk.body = '{"session_config_name": "trust", "num_participants": 2}'
LUA
cat > "$work/vars.lua" <<LUA
local codes = {}
for line in io.lines("$work/participants") do codes[#codes + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["otree-rest-key"] = "$key"
request = function()
  i = i + 1
  return wrk.format(nil, "/api/participant_vars/" .. codes[(i % #codes) + 1], nil,
    '{"vars": {"k' .. (i % 50) .. '": ' .. i .. ', "nested": {"i": ' .. i .. '}}}')
end
LUA

run() { # name script connections seconds
  local out
  out=$(wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"$4"s --latency -s "$work/$2" "$server")
  printf '%-36s c=%-3s %7s requests %6s req/s  p50 %8s  p99 %8s %s\n' "$1" "$3" \
    "$(awk '/requests in/ {print $1}' <<<"$out")" "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(grep -o 'Non-2xx.*' <<<"$out" || true)"
}
echo "Arbor REST throughput (wrk) against $server, $seconds s per run, $(nproc) cores"
run "warm-up: sessions" sessions.lua 16 60 >/dev/null
run "warm-up: participant vars" vars.lua 16 60 >/dev/null
before=$(curl -fsS "$server/api/sessions" -H "otree-rest-key: $key" | grep -o '"code"' | wc -l)
for c in 1 16; do
  run "POST /api/sessions (2 participants)" sessions.lua "$c" "$seconds"
  run "POST /api/participant_vars/{code}" vars.lua "$c" "$seconds"
done
# a check that the answers were real: every session creation above is in the list now
after=$(curl -fsS "$server/api/sessions" -H "otree-rest-key: $key" | grep -o '"code"' | wc -l)
echo "sessions listed: $before before the measured runs, $after after"
