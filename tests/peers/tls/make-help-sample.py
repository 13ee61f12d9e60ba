#!/usr/bin/python3
"""Writes the small capture the TLS help examples carry as base64 (module/en-US/NetOpsPS.dll-Help.xml):
one TLS 1.3 handshake, 192.0.2.10:50000 -> 192.0.2.20:443, ClientHello (SNI www.example.com, ALPN h2 and
http/1.1, a weak TLS_RSA_WITH_RC4_128_SHA on offer) then ServerHello 40 ms later. Usage: make-help-sample.py [out.pcap];
prints the base64."""
import base64, struct, sys

def u16(v): return struct.pack("!H", v)

def ext(t, data): return u16(t) + u16(len(data)) + data

sni = b"www.example.com"
alpn = b"\x02h2\x08http/1.1"
exts = (ext(0, u16(len(sni) + 3) + b"\x00" + u16(len(sni)) + sni)
        + ext(16, u16(len(alpn)) + alpn)
        + ext(43, b"\x04\x03\x04\x03\x03")
        + ext(10, u16(4) + u16(0x001d) + u16(0x0017))
        + ext(13, u16(4) + u16(0x0403) + u16(0x0804)))
suites = [0x1301, 0x1302, 0xc02b, 0x0005]
body = u16(0x0303) + bytes(32) + b"\x00" + u16(2 * len(suites)) + b"".join(u16(s) for s in suites) + b"\x01\x00" + u16(len(exts)) + exts
client = b"\x16\x03\x01" + u16(len(body) + 4) + b"\x01" + len(body).to_bytes(3, "big") + body
sexts = ext(43, u16(0x0304))
sbody = u16(0x0303) + bytes([7]) * 32 + b"\x00" + u16(0x1301) + b"\x00" + u16(len(sexts)) + sexts
server = b"\x16\x03\x03" + u16(len(sbody) + 4) + b"\x02" + len(sbody).to_bytes(3, "big") + sbody

def frame(src, dst, sport, dport, seq, ack, payload):
    tcp = u16(sport) + u16(dport) + struct.pack("!II", seq, ack) + b"\x50\x18" + u16(65535) + b"\x00\x00\x00\x00" + payload
    ip = b"\x45\x00" + u16(20 + len(tcp)) + b"\x00\x00\x40\x00\x40\x06\x00\x00" + bytes(src) + bytes(dst)
    s = sum(struct.unpack("!10H", ip)); s = (s & 0xFFFF) + (s >> 16); s = (s & 0xFFFF) + (s >> 16)
    ip = ip[:10] + u16(~s & 0xFFFF) + ip[12:]
    return b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + ip + tcp

a, b = [192, 0, 2, 10], [192, 0, 2, 20]
frames = [(0, frame(a, b, 50000, 443, 1, 1, client)), (40_000, frame(b, a, 443, 50000, 1, 1 + len(client), server))]
out = struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)
for micros, f in frames:
    out += struct.pack("<IIII", 1767225600, micros, len(f), len(f)) + f
if len(sys.argv) > 1:
    open(sys.argv[1], "wb").write(out)
print(base64.b64encode(out).decode())
