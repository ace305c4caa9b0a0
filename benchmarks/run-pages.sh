#!/bin/sh
# The page benchmark of BENCHMARKS.md ("Portal pages against the JSON API"): one SmartConnect server in this process
# with an account of 200 registered UPSes (one with 90 days of status history), and the server time of the pages a
# person opens most against the JSON API of the same data, in the same run.
#
#   benchmarks/run-pages.sh [--pairs device-list,status-page] [--devices 200] [--warmup-rounds 30] [--rounds 200]
#                           [--status-page /devices/status] [--postgres 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres']
#                           [--work DIR] [--out FILE]
#
# H2 in a folder under --work by default; with --postgres, a schema of its own (dropped at the end). A page that does
# not answer 200 yet (404) is reported as not measured. SKIP_BUILD=1 uses the jar already built; MVN_ARGS is passed
# to the Maven Wrapper. Not run by CI (PageBenchmarkSmokeTest runs with the tests).
set -eu
cd "$(dirname "$0")/.."
# A JDK 21+ found wherever it is (JAVA_HOME, PATH, /usr/lib/jvm): ./smartconnect finds it and starts this script again.
if [ "${SMARTCONNECT_JDK_FOUND:-0}" != 1 ]; then exec ./smartconnect bench pages "$@"; fi
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests
fi
echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -1
echo "== benchmark"
exec "$JAVA" -Xms1g -Xmx1g -cp benchmarks/target/smartconnect-benchmarks.jar com.smartconnect.benchmarks.PageBenchmark "$@"
