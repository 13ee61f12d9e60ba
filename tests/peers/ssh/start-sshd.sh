#!/bin/sh
# usage: start-sshd.sh <workdir> <user> [tcp-port]  -> prints "PORT PID" once sshd listens
# OpenSSH on 127.0.0.1:PORT and [::1]:PORT. Writes host keys, client keys id_ed25519 and id_rsa for <user>,
# authorized_keys/<user> and known_hosts into <workdir>. The workdir must be readable by <user> (chmod 755):
# sshd reads authorized_keys with the user's rights.
set -e
PEERS=$(cd "$(dirname "$0")/.." && pwd); . "$PEERS/lib/common.sh"; . "$PEERS/ssh/sshd-lib.sh"
D=${1:?usage: start-sshd.sh <workdir> <user> [tcp-port]}; U=${2:?user}; PORT=${3:-$("$PEERS/lib/freeport.sh")}
prepare_sshd "$D" "$U" "$PORT" "$PEERS/ssh/sshd_config.in"
launch_sshd "$D" "$PORT"
echo "$PORT $SSHD_PID"
