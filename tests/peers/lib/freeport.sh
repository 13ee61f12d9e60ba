#!/bin/sh
# usage: freeport.sh [tcp|udp|both]  -> a port the kernel says is free on 127.0.0.1 right now
# (bind port 0, read it, close). 'both' finds one free for TCP and UDP alike, for DNS servers.
# Another process could take the port before the peer binds it; the start scripts then fail loudly.
exec /usr/bin/python3 - "${1:-tcp}" <<'PY'
import socket, sys
mode = sys.argv[1]
while True:
    kind = socket.SOCK_DGRAM if mode == "udp" else socket.SOCK_STREAM
    first = socket.socket(socket.AF_INET, kind)
    first.bind(("127.0.0.1", 0))
    port = first.getsockname()[1]
    if mode != "both":
        break
    other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        other.bind(("127.0.0.1", port))
        other.close()
        break
    except OSError:
        first.close()
print(port)
PY
