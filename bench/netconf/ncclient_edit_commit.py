#!/usr/bin/python3
"""ncclient side of the NETCONF benchmark: one session, then N x (edit-config candidate + commit), timed each.

usage: ncclient_edit_commit.py <port> <user> <key> <known_hosts> <iterations> <tag>
Prints one line per round trip: the seconds it took (perf_counter).
"""
import sys
import tempfile
import time

from ncclient import manager

port, user, key, known_hosts, iterations, tag = sys.argv[1:7]
CONFIG = ('<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><system xmlns="urn:ietf:params:xml:ns:yang:ietf-system">'
          '<contact>{}</contact></system></config>')
with tempfile.NamedTemporaryFile('w', suffix='.ssh_config') as ssh_config:
    # ncclient takes known_hosts only through an ssh_config's UserKnownHostsFile.
    ssh_config.write('Host *\n  UserKnownHostsFile %s\n' % known_hosts)
    ssh_config.flush()
    with manager.connect(host='127.0.0.1', port=int(port), username=user, key_filename=key, hostkey_verify=True,
                         ssh_config=ssh_config.name, allow_agent=False, look_for_keys=False, timeout=60) as m:
        for i in range(int(iterations)):
            start = time.perf_counter()
            m.edit_config(target='candidate', config=CONFIG.format('%s-%d@bench.test' % (tag, i)))
            m.commit()
            print('%.9f' % (time.perf_counter() - start), flush=True)
