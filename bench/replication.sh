#!/usr/bin/env bash
# Replication delay p50/p99 between three nodes' PostgreSQL 18 (embedded, 127.0.0.2-4), set up and
# joined the way Tandem does it; node-a commits single-row transactions at a steady rate.
#   bench/replication.sh [count=2000] [rate per second=200]
# Builds the cluster module's tests in the reactor (nothing installed). Figures: docs/performance.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
classpath="$root/cluster/target/bench-classpath.txt"
./mvnw -q -B -pl cluster -am test-compile dependency:build-classpath -Dmdep.outputFile="$classpath" >&2
exec "$JAVA_HOME/bin/java" -cp "$root/cluster/target/test-classes:$root/cluster/target/classes:$(cat "$classpath")" \
  org.tandem.cluster.replication.ReplicationDelayBench "$@"
