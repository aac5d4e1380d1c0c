# Shared by the bench scripts (sourced, not run): a throwaway node started by ./tandem run on the
# default ports (SIP 5060, portal 8080, PostgreSQL 15432) with a fresh data folder, its database,
# SIPp's statistics, and the machine's load. Everything is bounded in time.
# JFR=<file.jfr> records a profile of the node (JDK Flight Recorder, settings=profile) over the runs;
# KEEP=1 keeps the work folder (node log, SIPp statistics and errors).

jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
domain=acme.tandem.test
work=$(mktemp -d)
node_pid=""
java_pid=""

bench_cleanup() {
  if [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null; then
    wait "$node_pid" 2>/dev/null || true
  fi
  # a node killed while it deployed leaves its PostgreSQL running: stop that one (ours, by its pid file)
  local pg_pid
  pg_pid=$(head -1 "$work/data/postgres/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
    kill "$pg_pid" 2>/dev/null || true
  fi
  if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}

require_tools() {
  [ -x ear/target/server/bin/standalone.sh ] || { echo "build first: ./tandem build" >&2; exit 1; }
  local tool
  for tool in sipp psql "$@"; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
}

# Waits (at most QUIET_WAIT seconds, 600 by default) for the 1-minute load to drop below 1.0, since
# other work on these cores would be measured too; goes on anyway after that. Prints the load it
# starts under, to be written down next to the figures.
await_quiet_machine() {
  local load
  for _ in $(seq 1 $(( ${QUIET_WAIT:-600} / 10 ))); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    awk -v l="$load" 'BEGIN { exit !(l < 1.0) }' && break
    sleep 10
  done
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "load average before measuring: $load (1, 5, 15 min)"
}

start_node() {
  trap bench_cleanup EXIT
  TANDEM_DATA_DIR="$work/data" ./tandem run >"$work/node.log" 2>&1 &
  node_pid=$!
  for _ in $(seq 1 1800); do  # at most 180 s
    grep -q 'WFLYSRV0025' "$work/node.log" && break
    grep -q 'WFLYSRV0026' "$work/node.log" && { echo "node started with errors: $work/node.log" >&2; KEEP=1; exit 1; }
    kill -0 "$node_pid" 2>/dev/null || { echo "node exited: $work/node.log" >&2; KEEP=1; exit 1; }
    sleep 0.1
  done
  grep -q 'WFLYSRV0025' "$work/node.log" || { echo "node did not start in 180 s" >&2; exit 1; }
  java_pid=$(pgrep -f "jboss-modules.*-Dtandem.data.dir=$work/data" | head -1)
  if [ -n "${JFR:-}" ]; then
    "$jdk/bin/jcmd" "$java_pid" JFR.start name=bench settings=profile >/dev/null
  fi
}

# The node made its database password at first start, in its data folder.
db() { PGPASSWORD=$(cat "$work/data/db.password") psql -qAt -h 127.0.0.1 -p 15432 -U tandem tandem "$@"; }

# Adds extensions first..first+count-1 to the demo tenant, password bench-<number>, hashed by
# PostgreSQL itself as the registrar expects: HA1 = H(user:realm:password).
add_extensions() {
  local first=$1 count=$2
  db -c "insert into extension (id, tenant_id, number, display_name, ha1_md5, ha1_sha256, created_at)
         select gen_random_uuid(), t.id, n::text, 'Bench ' || n,
                md5(n || ':$domain:bench-' || n),
                encode(sha256(convert_to(n || ':$domain:bench-' || n, 'UTF8')), 'hex'), now()
         from tenant t, generate_series($first, $first + $count - 1) n
         where t.sip_domain = '$domain'"
}

# The last value of a column of SIPp's statistics file (a header line of names, then one line per period).
sipp_stat() {
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c }' "$1"
}

# CPU ticks the node's threads have used so far, by kind: SIP workers, GC, JIT, write-behind, other;
# then the node's PostgreSQL (db: the postmaster, its processes, and those of them that ended), which
# runs on the same cores.
node_cpu() {
  local task pg child
  for task in /proc/"$java_pid"/task/*; do
    echo "$(cat "$task/comm" 2>/dev/null) $(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null)"
  done | awk '
    NF < 2 { next }
    /^tandem-node|^MessageProcesso/ { k = "sip" }   # comm is cut at 15 characters
    /^(Z|GC |G1 )/ { k = "gc" }
    /CompilerThre/ { k = "jit" }
    /^tandem-bindings|^tandem-call-rec|^tandem-active-c/ { k = "writers" }
    { if (k == "") k = "other"; t[k] += $NF; k = "" }
    END { printf "sip=%d gc=%d jit=%d writers=%d other=%d", t["sip"], t["gc"], t["jit"], t["writers"], t["other"] }'
  pg=$(head -1 "$work/data/postgres/postmaster.pid" 2>/dev/null || true)
  {
    awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pg/stat" 2>/dev/null || true
    for child in $(pgrep -P "$pg" 2>/dev/null || true); do
      awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true
    done
  } | awk '{ t += $1 } END { printf " db=%d\n", t }'
}

# Microseconds of CPU per unit of work between two node_cpu readings, by kind: the node's JVM, then its PostgreSQL.
cpu_per() {
  local before=$1 after=$2 units=$3
  awk -v b="$before" -v a="$after" -v n="$units" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(b, bs, " "); split(a, as, " ")
    for (i in as) { split(bs[i], x, "="); split(as[i], y, "="); d = (y[2] - x[2]) * 1e6 / hz / (n > 0 ? n : 1)
      if (y[1] == "db") { db = d; continue }
      tot += d; out = out sprintf(" %s %.0f", y[1], d) }
    printf "node CPU per unit: %.0f us (%s ); its PostgreSQL: %.0f us\n", tot, substr(out, 2), db }'
}

# Seconds from SIPp's start to its last statistics line (its end), to the millisecond: each time
# column holds date, time and seconds since the epoch, separated by tabs.
sipp_elapsed() {
  awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "StartTime") s = i; if ($i == "CurrentTime") c = i } }
    END { split($s, a, "\t"); split($c, b, "\t"); printf "%.1f", b[3] - a[3] }' "$1"
}

# Whether a run that took $1 seconds ended within $2: a rate only counts as held if SIPp placed it
# in about the time asked (past its limit the node, or SIPp on the same cores, falls behind, and the
# same number of calls takes longer without any failing).
in_time() {
  awk -v e="$1" -v limit="$2" 'BEGIN { exit !(e <= limit) }'
}

# The first lines of SIPp's error file (never failing the script, whatever is in it).
first_errors() {
  echo "first SIPp errors:"
  { grep -v '^$' "$1" || true; } | head -"$2" | cut -c1-200 || true
}

# The node's resident memory and its heap after a full collection (what the data really takes:
# ZGC maps its heap several times, so the resident figure overstates it).
report_memory() {
  local rss heap
  rss=$(ps -o rss= -p "$java_pid" | tr -d ' ')
  "$jdk/bin/jcmd" "$java_pid" GC.run >/dev/null
  # "used 123M" (ZGC) or "used 126234K" (G1)
  heap=$("$jdk/bin/jcmd" "$java_pid" GC.heap_info | grep -o 'used [0-9]*[KM]' | head -1 \
    | awk '{ v = $2 + 0; if ($2 ~ /K$/) v = int(v / 1024); print v }')
  echo "node JVM: resident $((rss / 1024)) MiB, heap used ${heap} MiB after a full GC"
}

stop_profile() {
  if [ -n "${JFR:-}" ]; then
    "$jdk/bin/jcmd" "$java_pid" JFR.dump name=bench filename="$(realpath -m "$JFR")" >/dev/null
    echo "profile: $JFR"
  fi
}
