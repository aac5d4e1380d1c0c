#!/usr/bin/env bash
# Seconds from `./tandem run` to a node that answers SIP OPTIONS (SIPp, over UDP) and serves the
# portal's login page, on a warm build (the server is built; the data folder may exist).
# Usage: bench/startup.sh [runs]   Prints one line per run and the median; figures go to docs/performance.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3}
[ -x ear/target/server/bin/standalone.sh ] || { echo "build first: ./tandem build" >&2; exit 1; }
command -v sipp >/dev/null || { echo "needs sipp (apt-get install sip-tester)" >&2; exit 1; }

scenario=pbx-engine/src/test/resources/sipp/options.xml
log=$(mktemp)
times=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  ./tandem run >"$log" 2>&1 &
  node=$!
  sip=""; web=""
  # bounded: at most 120 s per run
  for _ in $(seq 1 1200); do
    if [ -z "$sip" ] && sipp 127.0.0.1:5060 -sf "$scenario" -m 1 -t u1 -p 0 -timeout 1s -timeout_error >/dev/null 2>&1; then
      sip=$(date +%s.%N)
    fi
    if [ -z "$web" ] && curl -fsL http://127.0.0.1:8080/ 2>/dev/null | grep -q '<title>Sign in | Tandem</title>'; then
      web=$(date +%s.%N)
    fi
    [ -n "$sip" ] && [ -n "$web" ] && break
    sleep 0.1
  done
  kill "$node"; wait "$node" 2>/dev/null || true
  # standalone.sh returns before its JVM has stopped: wait (at most 60 s) until the ports are free
  for _ in $(seq 1 600); do
    ss -Hlun 'sport = :5060' | grep -q . || ss -Hltn 'sport = :8080' | grep -q . || break
    sleep 0.1
  done
  [ -n "$sip" ] && [ -n "$web" ] || { echo "run $run: node not ready within 120 s (log: $log)" >&2; exit 1; }
  ready=$(printf '%s\n%s\n' "$sip" "$web" | sort -n | tail -1)
  seconds=$(echo "$ready - $start" | bc)
  printf 'run %d: SIP OPTIONS after %.1f s, login page after %.1f s, both after %.1f s\n' "$run" \
    "$(echo "$sip - $start" | bc)" "$(echo "$web - $start" | bc)" "$seconds"
  times+=("$seconds")
done
printf 'median: %.1f s\n' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
rm -f "$log"
