#!/usr/bin/env bash
# REGISTER-with-auth throughput of a running node, and its memory with N registered extensions.
# Starts its own node (./tandem run, fresh data folder, SIP on 127.0.0.1:5060), adds N extensions to
# the demo tenant straight into its PostgreSQL, then drives SIPp's register_auth.xml (REGISTER, 401,
# REGISTER with MD5 digest, 200) at rising rates, 10 s each, until registrations fail. Two REGISTER
# requests make one registration: 2,500 registrations/s are 5,000 REGISTER/s.
# Runs at 200, 500 and 1,000/s for 10 s each warm the node up (classes loaded, and most of the JIT
# compiling done: on two busy cores it takes about a minute) and are reported but not judged.
# A rate counts as held when none failed and SIPp placed them all within 11 s (10 s asked).
# Usage: bench/register.sh [extensions=10000] [rates="1500 2000 2500 3000"]
# Figures go to docs/performance.md. Needs sipp and psql (postgresql-client). JFR=<file> records a profile.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
extensions=${1:-10000}
rates=${2:-"1500 2000 2500 3000"}
require_tools
await_quiet_machine
start_node

add_extensions 200000 "$extensions"
{
  echo SEQUENTIAL
  for n in $(seq 200000 $((200000 + extensions - 1))); do
    echo "$n;$domain;[authentication username=$n password=bench-$n]"
  done
} >"$work/phones.csv"
echo "node up; $extensions extensions added to $domain"

scenario=pbx-engine/src/test/resources/sipp/register_auth.xml
# 10 s of registrations, 10 % over at most (each takes a few milliseconds)
max_elapsed=11
# One run at $1 registrations/s for 10 s; prints its line and sets ok and failed.
run_at() {
  local rate=$1 total=$(($1 * 10)) cpu_before
  cpu_before=$(node_cpu)
  # bounded: 10 s of traffic, at most 40 s with retransmissions
  timeout 60 sipp 127.0.0.1:5060 -sf "$scenario" -inf "$work/phones.csv" -auth_uri "$domain" -t u1 \
    -i 127.0.0.1 -p 15999 -r "$rate" -m "$total" -l "$((rate * 4))" -timeout 40s -nostdin \
    -trace_stat -stf "$work/stat-$rate.csv" -trace_err -error_file "$work/errors-$rate.log" \
    >"$work/sipp-$rate.log" 2>&1 || true
  ok=$(sipp_stat "$work/stat-$rate.csv" 'SuccessfulCall(C)')
  failed=$(sipp_stat "$work/stat-$rate.csv" 'FailedCall(C)')
  elapsed=$(sipp_elapsed "$work/stat-$rate.csv")
  printf '%-8s %5d registrations/s asked (SIPp averaged %s/s): %6s succeeded, %6s failed, in %s s, load %s\n' "$2" \
    "$rate" "$(sipp_stat "$work/stat-$rate.csv" 'CallRate(C)' | cut -d. -f1)" "$ok" "$failed" \
    "$elapsed" "$(cut -d' ' -f1 /proc/loadavg)"
  echo "         $(cpu_per "$cpu_before" "$(node_cpu)" "$((ok + failed))" | sed 's/unit/registration/')"
}

for rate in 200 500 1000; do run_at "$rate" warm-up; done
held=0
for rate in $rates; do
  run_at "$rate" rate
  if [ "${failed:-1}" != "0" ]; then
    first_errors "$work/errors-$rate.log" 5
    echo "answers 503 (load shed) among the errors: $(grep -c 'SIP/2.0 503' "$work/errors-$rate.log" || true)"
    # past the limit: does the node degrade (serve about what it can, refuse the rest) or collapse?
    run_at $((rate * 3 / 2)) overload
    break
  fi
  if ! in_time "$elapsed" "$max_elapsed"; then
    echo "         not held: 10 s of registrations took $elapsed s (at most $max_elapsed s counts)"
    break
  fi
  held=$rate
done
echo "highest rate held with zero failed registrations: $held registrations/s ($((held * 2)) REGISTER/s)"

stop_profile
registered=$(db -c "select count(distinct extension_number) from registration")
echo "registered extensions (in the database): $registered"
echo -n "right after the runs: "; report_memory
# JAIN-SIP keeps each answered REGISTER's transaction 32 s (Timer J) to absorb retransmissions
sleep 40
echo -n "40 s later, bindings and caches only: "; report_memory
