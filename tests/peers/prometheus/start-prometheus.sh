#!/bin/sh
# usage: start-prometheus.sh <workdir> [prom-port] [exporter-port] [external]
#   -> prints "PROM_PORT PROM_PID EXPORTER_PORT [EXPORTER_PID]" once prometheus answers /-/ready
# Without 'external', a sample exporter (python3 http.server serving sample.prom as /metrics) is started on
# 127.0.0.1:<exporter-port>. With 'external', <exporter-port> is the caller's own exporter and only prometheus
# is started. Scrape jobs (1 s): peers-static -> the exporter (label env=test), prometheus-self, dead-target.
# /-/ready comes about 5 s before the first scrape: to know a target is up, poll the query API for `up`.
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"
D=${1:?usage: start-prometheus.sh <workdir> [prom-port] [exporter-port] [external]}
PP=${2:-$("$PEERS/lib/freeport.sh")}; EP=${3:-$("$PEERS/lib/freeport.sh")}; MODE=${4:-sample}
need /usr/bin/prometheus /usr/bin/promtool /usr/bin/curl /usr/bin/python3
mkdir -p "$D/www" "$D/data"
EPID=""
if [ "$MODE" != external ]; then
  cp "$PEERS/prometheus/sample.prom" "$D/www/metrics"
  /usr/bin/python3 -m http.server "$EP" --bind 127.0.0.1 --directory "$D/www" </dev/null >"$D/exporter.log" 2>&1 &
  EPID=$!; STARTED=$EPID
  wait_ready 15 exporter "$D/exporter.log" curl -fsS -o /dev/null "http://127.0.0.1:$EP/metrics"
fi
sed -e "s|@TARGET@|127.0.0.1:$EP|g" -e "s|@SELF@|127.0.0.1:$PP|g" "$PEERS/prometheus/prometheus.yml.in" > "$D/prometheus.yml"
/usr/bin/promtool check config "$D/prometheus.yml" >"$D/promtool.out" 2>&1 || abort "promtool rejected $D/prometheus.yml" "$D/promtool.out"
/usr/bin/prometheus --config.file="$D/prometheus.yml" --storage.tsdb.path="$D/data" \
   --web.listen-address="127.0.0.1:$PP" --web.enable-lifecycle --log.level=warn \
   </dev/null >"$D/prometheus.log" 2>&1 &
PPID2=$!; STARTED="$STARTED $PPID2"
wait_ready 20 prometheus "$D/prometheus.log" curl -fsS -o /dev/null "http://127.0.0.1:$PP/-/ready"
echo "$PP $PPID2 $EP${EPID:+ $EPID}"
