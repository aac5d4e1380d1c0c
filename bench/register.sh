#!/usr/bin/env bash
# REGISTER-with-auth throughput of a running node, and its memory with N registered extensions.
# Starts its own node (./tandem run, fresh data folder, SIP on 127.0.0.1:5060), adds N extensions to
# the demo tenant straight into its PostgreSQL, then drives SIPp's register_auth.xml (REGISTER, 401,
# REGISTER with MD5 digest, 200) at rising rates, 10 s each, until registrations fail.
# Usage: bench/register.sh [extensions=10000] [rates="200 500 1000 1500 2000 3000"] (the first rate warms the JIT)
# Figures go to docs/performance.md. Needs sipp and psql (postgresql-client).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
extensions=${1:-10000}
rates=${2:-"200 500 1000 1500 2000 3000"}
domain=acme.tandem.test
[ -x ear/target/server/bin/standalone.sh ] || { echo "build first: ./tandem build" >&2; exit 1; }
for tool in sipp psql; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done

work=$(mktemp -d)
node_pid=""
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
  if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

TANDEM_DATA_DIR="$work/data" ./tandem run >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 600); do  # at most 60 s
  grep -q 'WFLYSRV0025' "$work/node.log" && break
  grep -q 'WFLYSRV0026' "$work/node.log" && { echo "node started with errors: $work/node.log" >&2; exit 1; }
  sleep 0.1
done
grep -q 'WFLYSRV0025' "$work/node.log" || { echo "node did not start in 60 s" >&2; exit 1; }

db() { psql -qAt -h 127.0.0.1 -p 15432 -U tandem tandem "$@"; }
# HA1 = H(user:realm:password), computed by PostgreSQL itself, as the registrar expects them
db -c "insert into extension (id, tenant_id, number, display_name, ha1_md5, ha1_sha256, created_at)
       select gen_random_uuid(), t.id, n::text, 'Bench ' || n,
              md5(n || ':$domain:bench-' || n),
              encode(sha256(convert_to(n || ':$domain:bench-' || n, 'UTF8')), 'hex'), now()
       from tenant t, generate_series(200000, 200000 + $extensions - 1) n
       where t.sip_domain = '$domain'"
{
  echo SEQUENTIAL
  for n in $(seq 200000 $((200000 + extensions - 1))); do
    echo "$n;$domain;[authentication username=$n password=bench-$n]"
  done
} >"$work/phones.csv"
echo "node up; $extensions extensions added to $domain"

java_pid=$(pgrep -f "jboss-modules.*-Dtandem.data.dir=$work/data" | head -1)
scenario=pbx-engine/src/test/resources/sipp/register_auth.xml
for rate in $rates; do
  total=$((rate * 10))
  # bounded: 10 s of traffic, at most 40 s with retransmissions
  timeout 60 sipp 127.0.0.1:5060 -sf "$scenario" -inf "$work/phones.csv" -auth_uri "$domain" -t u1 \
    -i 127.0.0.1 -p 15999 -r "$rate" -m "$total" -l "$((rate * 4))" -timeout 40s -nostdin \
    -trace_stat -stf "$work/stat-$rate.csv" -trace_err -error_file "$work/errors-$rate.log" \
    >"$work/sipp-$rate.log" 2>&1 || true
  # SIPp's statistics file: a header line of column names, then one line per period; read the last
  column_of() { awk -F';' -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c }' "$work/stat-$rate.csv"; }
  ok=$(column_of 'SuccessfulCall(C)')
  failed=$(column_of 'FailedCall(C)')
  elapsed=$(column_of 'ElapsedTime(C)')
  printf 'rate %5d registrations/s asked: %6s succeeded, %6s failed, elapsed %s\n' "$rate" "$ok" "$failed" "$elapsed"
  if [ "${failed:-1}" != "0" ]; then
    echo "first SIPp errors:"; head -5 "$work/errors-$rate.log" | cut -c1-200
    break
  fi
done

registered=$(db -c "select count(distinct extension_number) from registration")
rss=$(ps -o rss= -p "$java_pid" | tr -d ' ')

echo "registered extensions: $registered; node JVM resident memory: $((rss / 1024)) MiB"
