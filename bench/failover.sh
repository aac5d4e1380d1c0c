#!/usr/bin/env bash
# Failover with whole nodes (issue #5): a local cluster of two (./tandem cluster start 2: node1 on
# 127.0.0.2 is the demo pool's primary, node2 on 127.0.0.3 its secondary, SRV records published by the
# nodes into the cluster's bind9). Two SIPp phones of the demo tenant (101 calls, 102 answers) find
# their registrar as a phone does: SRV records of acme.tandem.test through that bind9 (dig), targets
# in priority order. A phone keeps its registration with a REGISTER every 5 s and gives a server 2 s
# to answer a REGISTER or an INVITE; no answer, or 503, and it resolves SRV again and goes on with
# the next target (bench/sipp/*.xml). 101 calls 102 every 0.5 s (each call 300 ms), first where it
# is registered.
#   1. node1 is killed whole (SIGKILL to its WildFly and its PostgreSQL: ./tandem cluster kill node1).
#      Prints the seconds from the kill to each phone registered on node2 and to the first call
#      answered there (200 at the caller; one clock), and the calls lost. While node1 is down, a
#      tenant admin adds extension 150 through the REST API of node2, and calls go on there. node1 is
#      started again (./tandem cluster start 2 starts only the stopped node); psql then checks that
#      node1 holds the new extension and exactly node2's call records, none twice, and one answered
#      record for every call answered on node2.
#   2. Phones start again on node1; only node1's PostgreSQL is killed (./tandem cluster kill node1
#      --database): node1 answers 503, the phones move to node2. The same figures.
#   3. node1 is stopped cleanly (./tandem cluster stop node1; the call records it could not write
#      wait in its spool, none is lost) and started again, which writes them; the same checks.
# Usage: bench/failover.sh. Needs sipp, psql, dig, curl, jq, named (bind9) and a build. About 7
# minutes on 2 cores. Waits at most QUIET_WAIT seconds (60) for a quiet machine. KEEP=1 keeps the
# work folder (the cluster's logs, each phone's and call's SIPp log, every call's result).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
require_tools dig curl jq named
export TANDEM_CLUSTER_DIR="$work/cluster"

primary=127.0.0.2:5060
secondary=127.0.0.3:5060
api=http://127.0.0.3:8080/api
scenarios=pbx-engine/src/test/resources/sipp/call
deadline=$((SECONDS + 900))  # the whole run; every loop below also stops here

failover_cleanup() {
  stop_phones
  stop_calls
  ./tandem cluster stop >/dev/null 2>&1 || true
  bench_cleanup
}
trap failover_cleanup EXIT

# The database of node $1 (1 or 2), from the checkout's side, with the cluster's password.
db_of() {
  local node=$1
  shift
  PGPASSWORD=$(cat "$TANDEM_CLUSTER_DIR/db-password") psql -qAt -h 127.0.0.1 -p $((15440 + node)) -U tandem tandem "$@"
}

now() { date +%s.%N; }
seconds_since() {
  if [ -z "$2" ]; then echo "(never)"; else awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; fi
}

# Where a phone of the tenant goes: the SRV targets of _sip._udp.<domain> in priority order, as address:port.
srv_targets() {
  local priority weight port target address
  dig +short +time=1 +tries=1 @127.0.0.1 -p 15353 SRV "_sip._udp.$domain" | sort -n \
    | while read -r priority weight port target; do
        address=$(dig +short +time=1 +tries=1 @127.0.0.1 -p 15353 A "$target" | head -1)
        [ -n "$address" ] && echo "$address:$port"
      done
}

# Extension $1's phone on local port $2, in the background until stop-phones: registers with the
# SRV targets in order and stays with the first that takes it, until that one is lost. Every attempt
# is a SIPp run logged in phone-<number>.<attempt>.<target>.log; the current target in phone-<number>.server.
start_phone() {
  local number=$1 port=$2
  printf 'SEQUENTIAL\n%s;%s;[authentication username=%s password=acme-%s-secret]\n' \
    "$number" "$domain" "$number" "$number" >"$work/phone-$number.csv"
  (
    attempt=0
    while [ ! -e "$work/stop-phones" ] && ((SECONDS < deadline)); do
      for target in $(srv_targets); do
        [ ! -e "$work/stop-phones" ] || break
        attempt=$((attempt + 1))
        echo "$target" >"$run/phone-$number.server"
        sipp "$target" -sf bench/sipp/phone_keeps_registration.xml -oocsf "$scenarios/phone_answers.xml" \
          -inf "$work/phone-$number.csv" -auth_uri "$domain" -t u1 -i 127.0.0.1 -p "$port" -m 1 -nostdin \
          -trace_logs -log_file "$run/phone-$number.$attempt.$target.log" >/dev/null 2>&1 &
        echo $! >"$work/phone-$number.sipp"
        wait $! || true
      done
      sleep 0.2
    done
  ) &
  phones+=($!)
}

stop_phones() {
  local pid_file
  touch "$work/stop-phones"
  for pid_file in "$work"/phone-*.sipp; do
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
  done
  if [ ${#phones[@]} -gt 0 ]; then wait "${phones[@]}" 2>/dev/null || true; fi
  phones=()
  rm -f "$work/stop-phones"
}
phones=()

# The first time extension $1's phone registered with $2 after epoch $3 (empty if it has not).
registered_at() {
  local number=$1 target=$2 after=$3
  cat "$run"/phone-"$number".*."$target".log 2>/dev/null \
    | awk -v after="$after" '$1 == "registered" && $4 > after { print $4 }' | sort -n | head -1
}

await_registered() {
  local number=$1 target=$2 after=$3
  for _ in $(seq 1 300); do  # at most 30 s
    [ -n "$(registered_at "$number" "$target" "$after")" ] && return 0
    sleep 0.1
  done
  echo "phone $number did not register with $target" >&2
  exit 1
}

# Call $1 from 101 to 102, sent where 101 is registered, then to the other SRV targets while a server
# does not answer (or answers 503). Appends "<n> <started> <result> <target> <answered at>" to calls.
# From local port 16300-16499 in turn (SIPp would take 5060, which a node on 127.0.0.1 needs; a port
# comes round again after 100 s, past a call's 30 s at most).
place_call() {
  local n=$1 started target result=lost answered=- first rc
  started=$(now)
  first=$(cat "$run/phone-101.server" 2>/dev/null || true)
  for target in $first $(srv_targets | grep -vx "$first"); do
    local log="$run/call-$n.$target.log"
    rc=0
    timeout 30 sipp "$target" -sf bench/sipp/caller_follows_srv.xml -inf "$work/caller.csv" \
      -auth_uri "102@$domain" -t u1 -i 127.0.0.1 -p $((16300 + n % 200)) -m 1 -nostdin -trace_logs -log_file "$log" \
      -trace_err -error_file "$run/call-$n.$target.errors" >/dev/null 2>&1 || rc=$?
    if grep -q '^unreachable' "$log" 2>/dev/null; then
      result=$(awk '$1 == "unreachable" { print "unreachable-" $2 }' "$log")
      continue
    fi
    answered=$(awk '$1 == "answered" { print $4 }' "$log" 2>/dev/null)
    if [ "$rc" -eq 0 ] && [ -n "$answered" ]; then
      result=connected
    elif [ -n "$answered" ]; then
      result=cut-off  # answered, then its BYE went unanswered: up on the node that died
    else
      result=lost
      answered=-
    fi
    break
  done
  echo "$n $started $result $target $answered" >>"$run/calls"
}

# Places a call every 0.5 s in the background until stop-calls (at most 1,000 calls).
start_calls() {
  rm -f "$work/stop-calls"
  (
    for n in $(seq "$1" $(($1 + 999))); do
      [ ! -e "$work/stop-calls" ] && ((SECONDS < deadline)) || break
      place_call "$n" &
      sleep 0.5
    done
    wait
  ) &
  calls_pid=$!
}

stop_calls() {
  touch "$work/stop-calls"
  if [ -n "$calls_pid" ]; then wait "$calls_pid" || true; fi
  calls_pid=""
}
calls_pid=""

# The first call answered (200 at the caller) on $1 after epoch $2: its time, empty if none.
first_answer_on() {
  awk -v t="$1" -v after="$2" '($3 == "connected" || $3 == "cut-off") && $4 == t && $5 > after { print $5 }' \
    "$run/calls" 2>/dev/null | sort -n | head -1
}

await_call_on() {
  for _ in $(seq 1 600); do  # at most 60 s
    [ -n "$(first_answer_on "$1" "$2")" ] && return 0
    sleep 0.1
  done
  echo "no call answered on $1 within 60 s of the kill" >&2
  exit 1
}

# Figures of a failover that started at epoch $1 with the kill. A call is lost when it got no answer
# from every SRV target or failed; cut off when it was up on the node that died (its BYE unanswered).
report_failover() {
  local killed=$1
  local number
  for number in 102 101; do
    echo "kill -> $number registered on node2: $(seconds_since "$killed" "$(registered_at "$number" "$secondary" "$killed")") s"
  done
  echo "kill -> first call answered on node2: $(seconds_since "$killed" "$(first_answer_on "$secondary" "$killed")") s"
  awk -v killed="$killed" '
    { placed++; result[$3 == "connected" ? "connected on " $4 : $3 " at " $4]++ }
    $3 == "connected" && $2 > killed { after++ }
    END { printf "calls placed: %d (%d of them after the kill); ", placed, after
          for (r in result) printf "%s: %d; ", r, result[r]; print "" }' "$run/calls"
  echo "calls lost: $(awk '$3 != "connected"' "$run/calls" | wc -l) (failed, cut off, or no answer from any target)"
}

QUIET_WAIT=${QUIET_WAIT:-60} await_quiet_machine
echo "starting a cluster of 2 in $TANDEM_CLUSTER_DIR (about 2 minutes)"
./tandem cluster start 2 >"$work/cluster-start.log" 2>&1 || { cat "$work/cluster-start.log" >&2; KEEP=1; exit 1; }
for _ in $(seq 1 60); do  # at most 30 s: the nodes publish every 10 s
  [ "$(srv_targets | tr '\n' ' ')" = "$primary $secondary " ] && break
  sleep 0.5
done
[ "$(srv_targets | tr '\n' ' ')" = "$primary $secondary " ] \
  || { echo "SRV of $domain is not node1, node2: $(srv_targets)" >&2; KEEP=1; exit 1; }
echo "SRV _sip._udp.$domain: $(srv_targets | tr '\n' ' ')(priority 10, 20)"
printf 'SEQUENTIAL\n101;%s;[authentication username=101 password=acme-101-secret];102\n' "$domain" >"$work/caller.csv"
run="$work"

# Phase $1 in a folder of its own: phones 102 and 101 (local ports $2 and $2 - 1) registered on
# node1, calls numbered from $3 every 0.5 s, for 5 s before the kill.
begin_phase() {
  run="$work/$1"
  mkdir -p "$run"
  local began
  began=$(now)
  start_phone 102 "$2"
  start_phone 101 $(($2 - 1))
  await_registered 102 "$primary" "$began"
  await_registered 101 "$primary" "$began"
  start_calls "$3"
  sleep 5
  echo "load average at the kill: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Starts node1 again and waits (at most 60 s) until it holds node2's call records and extension 150.
restart_node1() {
  local restarted
  restarted=$(now)
  if ! ./tandem cluster start 2 >"$run/cluster-restart.log" 2>&1 || ! grep -q "node1 is up" "$run/cluster-restart.log"; then
    cat "$run/cluster-restart.log" >&2
    KEEP=1
    exit 1
  fi
  echo "node1 started again in $(seconds_since "$restarted" "$(now)") s"
  for _ in $(seq 1 120); do
    same_records && [ "$(db_of 1 -c "select count(*) from extension where number = '150'")" = 1 ] && break
    sleep 0.5
  done
}

records="select id from call_record order by id"
same_records() { [ "$(db_of 1 -c "$records" | md5sum)" = "$(db_of 2 -c "$records" | md5sum)" ]; }
answered_records="select count(*) from call_record where disposition = 'ANSWERED' and node_id = (select id from node where name ="
by_node="select n.name || ' ' || c.disposition || ' ' || count(*) from call_record c join node n on n.id = c.node_id
  group by n.name, c.disposition order by 1"
verdict=ok

check() {
  printf '  %-66s %s\n' "$1" "$2"
  [ "$2" = "$3" ] || { verdict=FAILED; echo "    expected $3" >&2; }
}

# What node1 holds once back, against node2 and against the calls of every phase so far.
check_caught_up() {
  echo "call records on node1: $(db_of 1 -c "$by_node" | tr '\n' ' ')"
  echo "call records on node2: $(db_of 2 -c "$by_node" | tr '\n' ' ')"
  check "extension 150 on node1" "$(db_of 1 -c "select count(*) from extension where number = '150'")" 1
  check "node1 and node2 hold the same call records" "$(same_records && echo yes || echo no)" yes
  check "call records held twice on node1 (count - distinct id)" \
    "$(db_of 1 -c "select count(*) - count(distinct id) from call_record")" 0
  check "answered records of node2 on node1 = calls answered on node2" "$(db_of 1 -c "$answered_records 'node2')")" \
    "$(cat "$work"/*/calls | awk -v t="$secondary" '$3 == "connected" && $4 == t' | wc -l)"
  echo "  answered records of node1 on node1: $(db_of 1 -c "$answered_records 'node1')"), calls answered on node1:" \
    "$(cat "$work"/*/calls | awk -v t="$primary" '($3 == "connected" || $3 == "cut-off") && $4 == t' | wc -l)" \
    "(a call record is written when the call ends, behind: none for a call up at a kill)"
}

echo "== 1. node1 dies whole"
begin_phase 1-node 16102 1
killed=$(now)
./tandem cluster kill node1
await_call_on "$secondary" "$killed"
await_registered 102 "$secondary" "$killed"

# node2 is the tenant's home while node1 is down: a tenant admin adds an extension through its API
token=$(curl -sf -u admin@acme:tandem-admin -H 'Content-Type: application/json' -d '{"name": "failover bench"}' \
  "$api/v1/tokens" | jq -r .secret)
tenant=$(curl -sf -H "Authorization: Bearer $token" "$api/v1/me" | jq -r .tenantId)
added=$(curl -s -o "$run/extension.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"number": "150", "displayName": "Added during failover"}' \
  "$api/v1/tenants/$tenant/extensions")
echo "extension 150 added on node2 while node1 is down: HTTP $added"
[ "$added" = 201 ] || { cat "$run/extension.json" >&2; KEEP=1; exit 1; }
sleep 10
stop_calls
report_failover "$killed"
echo "rows of node1's calls in node2's active_call once the calls stopped: $(db_of 2 -c "select count(*)
  from active_call where node_id = (select id from node where name = 'node1')") (a call up at the kill leaves one" \
  "until node1 returns; the portal stops showing it once node1's heartbeat is silent)"
restart_node1
check_caught_up

echo "== 2. only node1's database dies"
stop_phones
begin_phase 2-database 16202 2001
killed=$(now)
./tandem cluster kill node1 --database
await_call_on "$secondary" "$killed"
await_registered 102 "$secondary" "$killed"
await_registered 101 "$secondary" "$killed"
sleep 3
stop_calls
report_failover "$killed"
echo "node1 without its database answered 503 to $(cat "$run"/phone-10[12].*."$primary".log | grep -c '^refused')" \
  "REGISTER(s) and $(cat "$run"/call-*."$primary".log | grep -c '^unreachable 503') INVITE(s);" \
  "INVITEs it left unanswered: $(cat "$run"/call-*."$primary".log | grep -c '^unreachable no-answer' || true)"
echo "== 3. node1, its database dead, is stopped (cleanly) and started again"
./tandem cluster stop node1
# records it could not write wait in its spool (one WARN line with their number) for its next start
node1_log="$TANDEM_CLUSTER_DIR/node1/server/log/server.log"
spooled=$(grep -o 'call-records: [0-9]* value(s) could not be written before shutdown and wait in the spool' \
  "$node1_log" | grep -o '[0-9]*' | tail -1 || true)
echo "node1 left in its spool for its next start: ${spooled:-no} call record(s)"
check "call records node1 logged as lost" "$(grep -c 'Call record lost' "$node1_log" || true)" 0
restart_node1
check_caught_up
stop_phones
echo "verdict: $verdict"
[ "$verdict" = ok ]
