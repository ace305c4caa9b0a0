#!/bin/sh
# The reseller-reminder benchmark of BENCHMARKS.md: 1,000,000 registered devices loaded into a schema of their own in
# PostgreSQL (dropped at the end), the daily job run as the server runs it, in a 256 MiB heap to show that it streams.
#
#   benchmarks/run-reminders.sh ['jdbc:postgresql://127.0.0.1:5432/test?user=postgres'] [devices]
#
# SKIP_BUILD=1 uses the jar already built; MVN_ARGS is passed to the Maven Wrapper. Not run by CI.
set -eu
cd "$(dirname "$0")/.."
# A JDK 21+ found wherever it is (JAVA_HOME, PATH, /usr/lib/jvm): ./smartconnect finds it and starts this script again.
if [ "${SMARTCONNECT_JDK_FOUND:-0}" != 1 ]; then exec ./smartconnect bench reminders "$@"; fi
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_ARGS:-} install -DskipTests
fi
echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -1
(psql --version 2>/dev/null) || true
echo "== benchmark"
# BENCH_HEAP sets the heap (256m by default; 64m works too).
exec "$JAVA" -Xms"${BENCH_HEAP:-256m}" -Xmx"${BENCH_HEAP:-256m}" -cp benchmarks/target/smartconnect-benchmarks.jar \
  com.smartconnect.benchmarks.ReminderBenchmark "$@"
