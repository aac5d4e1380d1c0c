#!/usr/bin/env bash
# Calls per second through a whole node, with zero failed calls.
# Starts its own node (./tandem run, fresh data folder, SIP on 127.0.0.1:5060), raises the demo
# tenant's plan to its ceiling (1,000 calls/s, 10,000 calls at once), adds the callers and a callee,
# and registers the callee with a SIPp phone (sipp/call/phone_register.xml) that answers every call
# it is sent (sipp/call/phone_answers.xml: 180, 200 with SDP, waits for ACK and BYE). Then a SIPp
# caller (sipp/call/caller_bye.xml: INVITE, 407, INVITE with digest, 200, ACK, 300 ms of call, BYE,
# 200) places calls at rising rates, 10 s each, the callers taken in turn from the extensions added.
# Stops at the first rate with a failed call, or that SIPp could not place within 11.3 s (10 s of
# calls asked, 10 % over, and the last call's length), and prints the highest rate held, and
# checks that the node wrote exactly one answered call record per call.
# Runs at 50, 200 and 400 calls/s for 10 s each warm the node up (classes loaded, and most of the JIT
# compiling done: on two busy cores it takes about a minute) and are reported but not judged.
# Usage: bench/calls.sh [rates="500 750 900 1000"] [callers=100] (the tenant plan allows at most
# 1,000 calls/s). Needs sipp and psql. JFR=<file> records a profile.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
rates=${1:-"500 750 900 1000"}
callers=${2:-100}
for rate in $rates; do
  [ "$rate" -le 1000 ] || { echo "a tenant's plan allows at most 1000 calls/s (tenant_max_calls_per_second_range)" >&2; exit 1; }
done
require_tools
await_quiet_machine
start_node

callee=300000
add_extensions "$callee" 1
add_extensions 300001 "$callers"
db -c "update tenant set max_calls_per_second = 1000, max_concurrent_calls = 10000 where sip_domain = '$domain'"
echo "SEQUENTIAL" >"$work/callee.csv"
echo "$callee;$domain;[authentication username=$callee password=bench-$callee]" >>"$work/callee.csv"
{
  echo SEQUENTIAL
  for n in $(seq 300001 $((300000 + callers))); do
    echo "$n;$domain;[authentication username=$n password=bench-$n];$callee"
  done
} >"$work/callers.csv"

scenarios=pbx-engine/src/test/resources/sipp/call
# 10 s of calls, 10 % over at most, plus the last call's own length (300 ms)
max_elapsed=11.3
# The phone stays up (-d) longer than the whole run can take; it is stopped at the end.
sipp 127.0.0.1:5060 -sf "$scenarios/phone_register.xml" -oocsf "$scenarios/phone_answers.xml" \
  -inf "$work/callee.csv" -auth_uri "$domain" -t u1 -i 127.0.0.1 -p 16000 -m 1 -d 900000 -nostdin \
  -trace_err -error_file "$work/phone-errors.log" >"$work/phone.log" 2>&1 &
phone_pid=$!
trap 'kill $phone_pid 2>/dev/null || true; bench_cleanup' EXIT
for _ in $(seq 1 100); do  # at most 10 s
  [ "$(db -c "select count(*) from registration where extension_number = '$callee'")" = "1" ] && break
  sleep 0.1
done
[ "$(db -c "select count(*) from registration where extension_number = '$callee'")" = "1" ] \
  || { echo "the callee's phone did not register: $work/phone.log" >&2; KEEP=1; exit 1; }
echo "node up; $callers callers and callee $callee in $domain, the callee's phone registered"

# One run at $1 calls/s for 10 s; prints its line and sets ok, failed and total.
run_at() {
  local rate=$1 cpu_before
  total=$((rate * 10))
  cpu_before=$(node_cpu)
  # bounded: 10 s of calls, at most 60 s with retransmissions and the calls' own length
  timeout 90 sipp 127.0.0.1:5060 -sf "$scenarios/caller_bye.xml" -inf "$work/callers.csv" \
    -auth_uri "$callee@$domain" -t u1 -i 127.0.0.1 -p 16001 -r "$rate" -m "$total" -l "$((rate * 5))" \
    -timeout 60s -nostdin -trace_stat -stf "$work/stat-$rate.csv" -trace_err -error_file "$work/errors-$rate.log" \
    >"$work/sipp-$rate.log" 2>&1 || true
  ok=$(sipp_stat "$work/stat-$rate.csv" 'SuccessfulCall(C)')
  failed=$(sipp_stat "$work/stat-$rate.csv" 'FailedCall(C)')
  elapsed=$(sipp_elapsed "$work/stat-$rate.csv")
  placed=$((placed + ${ok:-0}))
  printf '%-8s %5d calls/s asked (SIPp averaged %s/s): %6s succeeded, %6s failed, in %s s, load %s\n' "$2" \
    "$rate" "$(sipp_stat "$work/stat-$rate.csv" 'CallRate(C)' | cut -d. -f1)" "$ok" "$failed" \
    "$elapsed" "$(cut -d' ' -f1 /proc/loadavg)"
  echo "         $(cpu_per "$cpu_before" "$(node_cpu)" "$((ok + failed))" | sed 's/unit/call/')"
}

held=0
placed=0
for rate in 50 200 400; do run_at "$rate" warm-up; done
for rate in $rates; do
  run_at "$rate" rate
  if [ "${failed:-1}" != "0" ] || [ "${ok:-0}" != "$total" ]; then
    first_errors "$work/errors-$rate.log" 8
    break
  fi
  if ! in_time "$elapsed" "$max_elapsed"; then
    echo "         not held: 10 s of calls took $elapsed s (at most $max_elapsed s counts)"
    break
  fi
  held=$rate
done
kill "$phone_pid" 2>/dev/null || true

stop_profile
echo "highest rate held with zero failed calls: $held calls/s"
# CDRs are written behind the calls: give the node a moment, then count them
sleep 2
records=$(db -c "select count(*) from call_record where disposition = 'ANSWERED'")
distinct=$(db -c "select count(distinct id) from call_record")
echo "answered calls: $placed; answered call records: $records ($distinct distinct)"
report_memory
