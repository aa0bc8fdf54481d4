#!/usr/bin/env bash
# The trust-game benchmark through HAProxy on 3, 2 and 1 instances sharing one MySQL database (README, "Several
# instances"). Starts deploy/cluster with 3 instances on a fresh database, warms them up, plays the benchmark,
# then drains and stops one instance at a time (deploy/cluster stop) and plays it again. Prints each run's
# figures with the database, the machine and its load.
#
#   deploy/bench/cluster-bench.sh mysql://root:@127.0.0.1:3306/arbor_cluster_bench [participants] [think ms] [ramp s]
#
# The database is dropped and created again. Needs haproxy and socat (Debian packages). PORT (default 8000) is
# the proxy's port; the instances take the next three.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
url=${1:?mysql://user:password@host:3306/database}
n=${2:-1000}
think=${3:-10000}
ramp=${4:-30}
port=${PORT:-8000}
export PORT=$port

db=$(sed -E 's#^mysql://[^/]*/([^?]*).*#\1#' <<<"$url")
hostport=$(sed -E 's#^mysql://([^@]*@)?([^/]*)/.*#\2#' <<<"$url")
user=$(sed -E 's#^mysql://([^:@]*).*#\1#' <<<"$url")
mysql -u"$user" -h"${hostport%:*}" -P"${hostport#*:}" -e "DROP DATABASE IF EXISTS $db;
  CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
version=$(mysql -u"$user" -h"${hostport%:*}" -P"${hostport#*:}" -N -e "SELECT VERSION()")

javac -d /tmp/arbor-bench "$root/deploy/bench/TrustBenchmark.java"
export ARBOR_CLUSTER_DIR=${ARBOR_CLUSTER_DIR:-$root/data/cluster-bench}
DATABASE_URL=$url "$root/deploy/cluster" 3 > "$ARBOR_CLUSTER_DIR.out" 2>&1 &
cluster=$!
trap 'kill $cluster 2>/dev/null; wait $cluster 2>/dev/null' EXIT INT TERM
until grep -q "Arbor cluster is ready" "$ARBOR_CLUSTER_DIR.out" 2>/dev/null; do
  kill -0 $cluster 2>/dev/null || { cat "$ARBOR_CLUSTER_DIR.out"; exit 1; }
  sleep 2
done

proxy=http://127.0.0.1:$port
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"\
  "$(free -g | awk '/Mem:/ { print $2 }') GB; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2);"\
  "database MySQL-protocol server $version on the same machine; HAProxy $(haproxy -v | head -1 | cut -d' ' -f3)"
echo "Warm-up: 4 x 300 participants through the proxy ..."
for _ in $(seq 1 4); do java -cp /tmp/arbor-bench TrustBenchmark "$proxy" 300 0 0 > /dev/null; done
for instances in 3 2 1; do
  echo "== $instances instance(s) behind HAProxy; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp /tmp/arbor-bench TrustBenchmark "$proxy" "$n" "$think" "$ramp"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$instances" -gt 1 ]; then "$root/deploy/cluster" stop "$instances"; fi
done
