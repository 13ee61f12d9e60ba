#!/usr/bin/python3
# usage: nc-state.py <port> <user> <password> <known_hosts>  -> one JSON object on stdout:
#   {"running": "<data .../>", "candidate": "<data .../>", "candidate_lockable": true}
# The reference client (ncclient) for the push tests: what the server holds, whether the candidate
# still differs from running, and whether anyone left the candidate locked. Host key pinned from
# known_hosts ([127.0.0.1]:PORT), never trusted blindly.
import faulthandler, json, os, sys
# If the interpreter crashes (one clean-clone CI run saw exit 139, SIGSEGV, with nothing on stderr), print
# every thread's stack to stderr, which the tests put in their failure message.
faulthandler.enable()
from ncclient import manager
from ncclient.operations import RPCError

port, user, password, known_hosts = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
key = None
with open(known_hosts) as f:
    for line in f:
        fields = line.split()
        if len(fields) >= 3 and "[127.0.0.1]:%d" % port in fields[0].split(",") and fields[1] == "ssh-ed25519":
            key = fields[2]
if key is None:
    sys.exit("no ssh-ed25519 key for [127.0.0.1]:%d in %s" % (port, known_hosts))
with manager.connect(host="127.0.0.1", port=port, username=user, password=password, hostkey_b64=key,
                     allow_agent=False, look_for_keys=False, timeout=30) as m:
    state = {"running": m.get_config(source="running").data_xml,
             "candidate": m.get_config(source="candidate").data_xml}
    try:
        m.lock(target="candidate")
        m.unlock(target="candidate")
        state["candidate_lockable"] = True
    except RPCError:
        state["candidate_lockable"] = False
print(json.dumps(state))
sys.stdout.flush()
# Leave without finalizing the interpreter: ncclient's session thread is a daemon thread, and CPython
# stops daemon threads abruptly at shutdown, a known source of crashes at exit. The answer is out already.
os._exit(0)
