#!/bin/sh
# usage (root): tests/peers/install.sh
# Installs the Debian 12 packages the loopback peers and their reference clients need, and creates the
# SSH/NETCONF login user 'peertest'. Idempotent: when dpkg-query reports every package installed,
# apt-get is not run at all (no 'apt-get update', so no network is needed).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
PACKAGES="snmpd snmp
openssh-server openssh-client
netconfd netconfd-module-ietf-interfaces netconfd-module-ietf-system yangcli python3 python3-ncclient
dnsmasq-base unbound dnsutils dnsperf
openssl tcpdump tshark libpcap0.8 python3-scapy tcpreplay socat iproute2
prometheus curl"
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (apt-get, useradd)" >&2; exit 1; }
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q ' installed$' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "install.sh: installing$missing" >&2
  # noninteractive: tshark's postinst would otherwise ask about non-root capture
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # The packages' own services (snmpd on 127.0.0.1:161, unbound on :53, prometheus on :9090...) must not start:
  # the tests run their own peers, and the SNMP help examples need 161 for theirs. policy-rc.d 101 = "do not start"
  # (invoke-rc.d and deb-systemd-invoke both honour it); ours only while apt runs, never someone else's.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
  fi
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y --no-install-recommends $PACKAGES
else
  echo "install.sh: all peer packages already installed" >&2
fi
"$HERE/lib/ensure-test-user.sh" peertest Peer-Pass-123
echo "install.sh: test user peertest ready" >&2
