# Sourced by ssh/start-sshd.sh and netconf/start-netconf.sh (after lib/common.sh): the sshd half both share.

# prepare_sshd <dir> <user> <port> <template>: host keys, client keys, authorized_keys, known_hosts and a
# checked sshd_config in <dir>. Sets USEPAM for the template.
prepare_sshd() {
  _d=$1; _u=$2; _port=$3; _tpl=$4
  need /usr/sbin/sshd /usr/bin/ssh-keygen
  mkdir -p "$_d/authorized_keys"
  for _t in ed25519 rsa ecdsa; do
    [ -f "$_d/ssh_host_${_t}_key" ] || ssh-keygen -q -t "$_t" -N '' -C peers-host -f "$_d/ssh_host_${_t}_key"
  done
  for _t in ed25519 rsa; do
    [ -f "$_d/id_$_t" ] || ssh-keygen -q -t "$_t" -N '' -C "$_u@peers" -f "$_d/id_$_t"
  done
  # keys live in the workdir, not in ~/.ssh (AuthorizedKeysFile <dir>/authorized_keys/%u)
  cat "$_d/id_ed25519.pub" "$_d/id_rsa.pub" > "$_d/authorized_keys/$_u"
  chmod 644 "$_d/authorized_keys/$_u"
  # known_hosts so clients can run with StrictHostKeyChecking=yes, over IPv4 and IPv6
  for _k in "$_d"/ssh_host_*_key.pub; do
    printf '[127.0.0.1]:%s,[::1]:%s,[localhost]:%s %s\n' "$_port" "$_port" "$_port" "$(cut -d' ' -f1,2 "$_k")"
  done > "$_d/known_hosts"
  if [ "$(id -u)" = 0 ]; then
    # root: the password is checked against /etc/shadow directly
    USEPAM=no
    # sshd refuses to start without its privilege-separation dir, and minimal images do not have it
    mkdir -p /run/sshd && chmod 755 /run/sshd
  else
    # non-root: pam_unix can only check the password of the account sshd runs as
    USEPAM=yes
    [ "$(id -un)" = "$_u" ] || abort "as non-root, sshd can only log in its own user ($(id -un)), not $_u"
  fi
  sed -e "s|@PORT@|$_port|g" -e "s|@DIR@|$_d|g" -e "s|@USER@|$_u|g" -e "s|@USEPAM@|$USEPAM|g" "$_tpl" > "$_d/sshd_config"
  /usr/sbin/sshd -t -f "$_d/sshd_config" || abort "sshd rejected $_d/sshd_config"
}

# launch_sshd <dir> <port>: starts sshd in the foreground as a background job (SSHD_PID), adds it to STARTED
# and waits for its "Server listening" log line.
launch_sshd() {
  # absolute path required: sshd re-execs itself; -D no daemon; -E log file
  /usr/sbin/sshd -D -f "$1/sshd_config" -E "$1/sshd.log" </dev/null >"$1/sshd.out" 2>&1 &
  SSHD_PID=$!; STARTED="$STARTED $SSHD_PID"
  wait_ready 15 sshd "$1/sshd.log" grep -q "Server listening on 127.0.0.1 port $2\." "$1/sshd.log"
}
