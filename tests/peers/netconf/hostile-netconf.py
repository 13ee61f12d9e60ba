#!/usr/bin/python3
"""A deliberately broken NETCONF server for the client's negative tests, run as sshd's netconf subsystem.

usage: hostile-netconf.py <mode>
Sends a hello, reads the client's hello and first rpc, then answers in the way <mode> names:
  dtd        a chunked reply carrying an internal DTD with an entity
  xxe        a chunked reply declaring an external entity (file:///etc/passwd)
  oversized  a chunk header announcing 4294967295 bytes
  badchunk   a chunk header with a non-digit size
  eom-flood  (base:1.0 only) 2 MiB without any ]]>]]> delimiter
  split      a valid 200 KB reply cut into thousands of small chunks, each written (and flushed) on its own
  silent     no reply at all (a hung server)
Then it keeps the channel open until the client closes it.
"""
import os
import sys

NS = b'urn:ietf:params:xml:ns:netconf:base:1.0'
mode = sys.argv[1]
out = sys.stdout.buffer


def send(data):
    out.write(data)
    out.flush()


def read_until(buffer, marker):
    while marker not in buffer:
        more = os.read(0, 65536)
        if not more:
            sys.exit(0)
        buffer += more
    return buffer


def chunk(body):
    return b'\n#%d\n' % len(body) + body + b'\n##\n'


caps = b'<capability>urn:ietf:params:netconf:base:1.0</capability>'
if mode != 'eom-flood':
    caps += b'<capability>urn:ietf:params:netconf:base:1.1</capability>'
send(b'<?xml version="1.0" encoding="UTF-8"?><hello xmlns="' + NS + b'"><capabilities>' + caps +
     b'</capabilities><session-id>7</session-id></hello>]]>]]>')
rest = read_until(b'', b']]>]]>').split(b']]>]]>', 1)[1]
read_until(rest, b']]>]]>' if mode == 'eom-flood' else b'\n##\n')

if mode == 'dtd':
    send(chunk(b'<?xml version="1.0"?><!DOCTYPE rpc-reply [<!ENTITY boom "boom">]><rpc-reply xmlns="' + NS +
               b'" message-id="1"><data>&boom;</data></rpc-reply>'))
elif mode == 'xxe':
    send(chunk(b'<?xml version="1.0"?><!DOCTYPE rpc-reply [<!ENTITY secret SYSTEM "file:///etc/passwd">]><rpc-reply xmlns="' + NS +
               b'" message-id="1"><data>&secret;</data></rpc-reply>'))
elif mode == 'oversized':
    send(b'\n#4294967295\n<rpc-reply xmlns="' + NS + b'" message-id="1"><data>')
elif mode == 'badchunk':
    send(b'\n#12x\n<rpc-reply/>\n##\n')
elif mode == 'eom-flood':
    for _ in range(32):
        send(b'a' * 65536)
elif mode == 'split':
    body = (b'<rpc-reply xmlns="' + NS + b'" message-id="1"><data><blob xmlns="urn:example:blob">' +
            b'x' * 200000 + b'</blob></data></rpc-reply>')
    i, size = 0, 1
    while i < len(body):
        piece = body[i:i + size]
        out.write(b'\n#%d\n' % len(piece) + piece)
        if size % 7 == 0:
            out.flush()
        i += len(piece)
        size = size % 97 + 1
    send(b'\n##\n')
elif mode != 'silent':
    sys.exit('unknown mode ' + mode)

while os.read(0, 65536):
    pass
