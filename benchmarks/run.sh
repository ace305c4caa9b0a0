#!/bin/sh
# The MQTT ingest benchmark of BENCHMARKS.md in one run: Mosquitto (the broker floor), SmartConnect on H2 and on
# PostgreSQL, the storage ceiling of each database, heap per idle connection against a bare Vert.x MQTT server.
# SmartConnect is measured with Event Notifications on and off (every device registered, every event matching, the
# throttle active) at the fleet sizes of --notifications-at, with them off at the others, and the report gives the
# ratio; --notifications none leaves the devices unregistered. The targets h2-history and postgres-history measure
# the status rate with the status history on (SMARTCONNECT_STATUS_HISTORY_DAYS=90) and off (0): two servers at once,
# their fleets taking turns window by window, and give the ratios (each pair's, the sums', the median).
#
#   benchmarks/run.sh [--devices 1,100,10000] [--warmup 5] [--measure 15] [--fixed-rate 10000]
#                     [--targets mosquitto,h2,postgres,bare,h2-history,postgres-history] [--notifications on,off]
#                     [--notifications-at 1,100] [--history-pairs 10] [--history-devices 100]
#                     [--mosquitto 127.0.0.1:1883]
#                     [--postgres 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'] [--out FILE]
#
# Needs Mosquitto listening on 127.0.0.1:1883 (anonymous) and a PostgreSQL database in which it may create (and then
# drops) a schema. SKIP_BUILD=1 uses the jar already built; MVN_ARGS is passed to the Maven Wrapper.
set -eu
cd "$(dirname "$0")/.."
# A JDK 21+ found wherever it is (JAVA_HOME, PATH, /usr/lib/jvm): ./smartconnect finds it and starts this script again.
if [ "${SMARTCONNECT_JDK_FOUND:-0}" != 1 ]; then exec ./smartconnect bench ingest "$@"; fi
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_ARGS:-} install -DskipTests
fi
echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -1
(mosquitto -h 2>/dev/null | head -1) || true
(psql --version 2>/dev/null) || true
echo "== benchmark"
# Open files: 10,000 devices need 10,000 sockets in this process (and as many in the server's).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec "$JAVA" -Xms3g -Xmx3g -jar benchmarks/target/smartconnect-benchmarks.jar "$@"
