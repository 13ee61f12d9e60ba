# Sourced by dns/start-dnsmasq.sh and dns/start-unbound.sh (after lib/common.sh).

# answers_www <port>: the readiness probe both servers share, a real query for a record of the test zone
answers_www() {
  /usr/bin/dig +time=1 +tries=1 +short -p "$1" @127.0.0.1 www.test.example A 2>/dev/null | grep -qx 192.0.2.10
}
