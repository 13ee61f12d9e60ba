#!/bin/sh
# usage (root): run-tls-capture.sh <workdir> [port]  -> prints "PORT" once the capture is complete
# One-shot recipe, nothing is left running: tcpdump on lo (BPF 'tcp port PORT'), openssl s_server with SNI
# (default cert server.test.example, alt.test.example via -cert2) and ALPN h2,http/1.1, four s_client handshakes:
#   TLS1.3 SNI server.test.example ALPN h2,http/1.1 | TLS1.2 SNI server.test.example ALPN http/1.1
#   TLS1.2 SNI alt.test.example ALPN h2,http/1.1    | TLS1.3 no SNI ALPN http/1.1
# Writes <workdir>/tls.pcap, keylog.txt (for tshark -o tls.keylog_file:...), s_client.txt, certs/ (make-certs.sh).
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"
D=${1:?usage: run-tls-capture.sh <workdir> [port]}; PORT=${2:-$("$PEERS/lib/freeport.sh")}
need /usr/bin/openssl /usr/bin/tcpdump /usr/bin/timeout
[ "$(id -u)" = 0 ] || abort "capturing on lo needs root (tcpdump has no capabilities here)"
C=$D/certs
mkdir -p "$D"; rm -f "$D/tls.pcap" "$D/keylog.txt" "$D/s_client.txt"
[ -f "$C/ca.crt" ] || "$PEERS/tls/make-certs.sh" "$C" >/dev/null || abort "make-certs.sh failed"
# never leave tcpdump or s_server behind, whatever happens below
trap 'for p in $STARTED; do "$PEERS/lib/stop-pid.sh" "$p" 2 >/dev/null 2>&1 || true; done' EXIT
# 1) capture first. lo is shared with other processes: filter on our port. --immediate-mode: without it,
#    TPACKET_V3 block buffering left the pcap empty when tcpdump was stopped right after the handshakes.
#    -U writes each packet at once, so the file can be read while tcpdump runs. -B 65536: immediate mode gives
#    the ring one frame per packet, and lo shows each packet twice (about 150 frames in all). With -B 8192 a
#    clean-clone run pinned to one core lost a whole handshake once while tcpdump waited for the CPU; with 64 MiB
#    nothing is lost even when tcpdump is stopped (SIGSTOP) for all four handshakes.
tcpdump -i lo --immediate-mode -B 65536 -U -s 0 -w "$D/tls.pcap" "tcp port $PORT" </dev/null >/dev/null 2>"$D/tcpdump.err" &
STARTED=$!; TPID=$STARTED
wait_ready 10 tcpdump "$D/tcpdump.err" grep -q 'listening on lo' "$D/tcpdump.err"
# 2) server; the keylog lets tshark decrypt the TLS 1.3 EncryptedExtensions (server ALPN)
openssl s_server -accept "127.0.0.1:$PORT" -cert "$C/server.crt" -key "$C/server.key" \
  -servername alt.test.example -cert2 "$C/alt.crt" -key2 "$C/alt.key" \
  -alpn h2,http/1.1 -CAfile "$C/ca.crt" -keylogfile "$D/keylog.txt" -www </dev/null >"$D/s_server.log" 2>&1 &
SPID=$!; STARTED="$SPID $TPID"
wait_ready 10 s_server "$D/s_server.log" grep -q '^ACCEPT' "$D/s_server.log"
# 3) clients; -ign_eof: read the server's answer until it closes, so every connection ends with two FINs
cli() {
  echo "--- s_client $*" >>"$D/s_client.txt"
  printf 'GET / HTTP/1.0\r\n\r\n' | timeout 10 openssl s_client -connect "127.0.0.1:$PORT" -CAfile "$C/ca.crt" \
      -verify_return_error -ign_eof "$@" >>"$D/s_client.txt" 2>&1 || abort "s_client $* failed" "$D/s_client.txt" "$D/s_server.log"
}
cli -tls1_3 -servername server.test.example -alpn h2,http/1.1
cli -tls1_2 -servername server.test.example -alpn http/1.1
cli -tls1_2 -servername alt.test.example -alpn h2,http/1.1 -verify_hostname alt.test.example
cli -tls1_3 -noservername -alpn http/1.1
# 4) the capture is complete when all 4 connections' FINs (or RSTs) are in the file
closed() {
  [ "$(tcpdump -nn -r "$D/tls.pcap" 'tcp[tcpflags] & (tcp-fin|tcp-rst) != 0' 2>/dev/null | wc -l)" -ge 8 ]
}
wait_ready 10 capture "$D/tcpdump.err" closed
"$PEERS/lib/stop-pid.sh" "$SPID" 5
"$PEERS/lib/stop-pid.sh" "$TPID" 5
# tcpdump prints its kernel drop count as it exits; a capture with a hole in it would fail the tests obscurely
grep -q '^0 packets dropped by kernel' "$D/tcpdump.err" || abort "tcpdump dropped packets; the capture is incomplete" "$D/tcpdump.err"
echo "$PORT"
