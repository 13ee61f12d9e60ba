#!/usr/bin/python3
"""Writes the capture tests' sample files into <dir>: one packet mix, in every container the reader must take.

Frames are built with scapy (python3-scapy), so their bytes come from an independent encoder; tshark then
reads the same files as the reference decoder. Usage: make-samples.py <dir>
"""
import struct
import sys

from scapy.all import (DNS, DNSQR, DNSRR, ICMP, IP, TCP, UDP, Dot1AD, Dot1Q, Ether, ICMPv6EchoRequest,
                       IPv6, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop, Raw, wrpcap, wrpcapng)

out = sys.argv[1]
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"


def frames():
    eth = Ether(src=MAC_A, dst=MAC_B)
    yield eth / IP(src="192.0.2.1", dst="192.0.2.2") / TCP(sport=40000, dport=80, flags="S", seq=1000)
    yield eth / IP(src="192.0.2.2", dst="192.0.2.1") / TCP(sport=80, dport=40000, flags="SA", seq=5000, ack=1001)
    yield eth / IP(src="192.0.2.1", dst="192.0.2.2") / TCP(sport=40000, dport=80, flags="PA", seq=1001, ack=5001) / Raw(
        b"GET /index.html?q=1 HTTP/1.1\r\nUser-Agent: t\r\nHost: www.test.example\r\n\r\n")
    yield eth / IP(src="192.0.2.1", dst="198.51.100.53") / UDP(sport=53001, dport=53) / DNS(
        id=0x1234, rd=1, qd=DNSQR(qname="www.test.example", qtype="A"))
    yield eth / IP(src="198.51.100.53", dst="192.0.2.1") / UDP(sport=53, dport=53001) / DNS(
        id=0x1234, qr=1, aa=1, rd=1, ra=1, qd=DNSQR(qname="www.test.example", qtype="A"),
        an=DNSRR(rrname="www.test.example", type="CNAME", ttl=300, rdata="web.test.example")
        / DNSRR(rrname="web.test.example", type="A", ttl=60, rdata="192.0.2.10")
        / DNSRR(rrname="web.test.example", type="A", ttl=60, rdata="192.0.2.11"))
    yield eth / IPv6(src="2001:db8::1", dst="2001:db8::53") / UDP(sport=53002, dport=53) / DNS(
        id=0x4321, rd=1, qd=DNSQR(qname="v6.test.example", qtype="AAAA"))
    yield eth / IPv6(src="2001:db8::53", dst="2001:db8::1") / UDP(sport=53, dport=53002) / DNS(
        id=0x4321, qr=1, qd=DNSQR(qname="v6.test.example", qtype="AAAA"),
        an=DNSRR(rrname="v6.test.example", type="AAAA", ttl=120, rdata="2001:db8::10"))
    yield eth / IPv6(src="2001:db8::1", dst="2001:db8::2") / IPv6ExtHdrHopByHop() / TCP(sport=40001, dport=443, flags="S", seq=77)
    yield eth / IPv6(src="2001:db8::1", dst="2001:db8::2") / ICMPv6EchoRequest(id=1, seq=2)
    yield eth / IP(src="192.0.2.1", dst="192.0.2.2") / ICMP(type=8, code=0) / Raw(b"ping")
    yield eth / Dot1Q(vlan=100, prio=5) / IP(src="10.100.0.1", dst="10.100.0.2") / UDP(sport=1111, dport=2222) / Raw(b"vlan")
    yield Ether(src=MAC_A, dst=MAC_B) / Dot1AD(vlan=300) / Dot1Q(vlan=42) / IP(src="10.42.0.1", dst="10.42.0.2") / TCP(
        sport=3333, dport=4444, flags="A", seq=9, ack=10) / Raw(b"qinq")
    yield eth / IP(src="192.0.2.1", dst="192.0.2.2", flags="MF", frag=0, proto=17) / Raw(b"\x00" * 16)
    yield eth / IPv6(src="2001:db8::1", dst="2001:db8::2") / IPv6ExtHdrFragment(offset=100, nh=17) / Raw(b"frag")


packets = list(frames())
for i, p in enumerate(packets):
    p.time = 1700000000 + i + 0.123456789
wrpcap(f"{out}/mix.pcap", packets)
wrpcapng(f"{out}/mix.pcapng", packets)


def write_pcap(path, linktype, records, big_endian=False, nanos=False):
    """A classic pcap written field by field (scapy writes only the host byte order)."""
    e = ">" if big_endian else "<"
    magic = 0xA1B23C4D if nanos else 0xA1B2C3D4
    with open(path, "wb") as f:
        f.write(struct.pack(e + "IHHiIII", magic, 2, 4, 0, 0, 65535, linktype))
        for i, (data, orig) in enumerate(records):
            frac = 123456789 if nanos else 123456
            f.write(struct.pack(e + "IIII", 1700000000 + i, frac, len(data), orig))
            f.write(data)


raw = [(bytes(p), len(p)) for p in packets]
write_pcap(f"{out}/mix-be.pcap", 1, raw, big_endian=True)
write_pcap(f"{out}/mix-ns-be.pcap", 1, raw, big_endian=True, nanos=True)
write_pcap(f"{out}/mix-ns.pcap", 1, raw, nanos=True)

# Linux cooked captures: SLL (113) and SLL2 (276) around the IP part of each IP frame.
ip_frames = [p for p in packets if IP in p or IPv6 in p]
sll, sll2 = [], []
for p in ip_frames:
    inner = p[IP] if IP in p else p[IPv6]
    proto = 0x0800 if IP in p else 0x86DD
    mac = bytes.fromhex(MAC_A.replace(":", "")) + b"\x00\x00"
    sll.append((struct.pack(">HHH8sH", 4, 1, 6, mac, proto) + bytes(inner), 16 + len(inner)))
    sll2.append((struct.pack(">HHIHBB8s", proto, 0, 7, 1, 4, 6, mac) + bytes(inner), 20 + len(inner)))
write_pcap(f"{out}/sll.pcap", 113, sll)
write_pcap(f"{out}/sll2.pcap", 276, sll2)
write_pcap(f"{out}/raw.pcap", 101, [(bytes(p[IP] if IP in p else p[IPv6]), len(p[IP] if IP in p else p[IPv6])) for p in ip_frames])

# Truncated and corrupt packets: snap-length cuts, a header cut short, impossible lengths, garbage.
dns = bytes(packets[4])
bad = [
    (dns[:60], len(dns)),                                   # snap length cut inside the DNS answers
    (dns[:30], len(dns)),                                   # cut inside the IPv4 header
    (dns[:14] + b"\x4f" + dns[15:], len(dns)),              # IHL 15 (60 bytes) in a 20-byte header: TCP/UDP unreachable
    (dns[:14] + b"\x41" + dns[15:], len(dns)),              # IHL 1: impossible
    (dns[:42] + b"\xff" * (len(dns) - 42), len(dns)),       # DNS header followed by garbage counts and pointers
    (bytes(range(256)) * 2, 512),                           # noise
    (b"\x00" * 5, 5),                                       # shorter than an Ethernet header
    (bytes(packets[0])[:14 + 20 + 10], len(packets[0])),    # TCP header cut in half
    (bytes(packets[4])[:42] + b"\x12\x34\x81\x80\x00\x01\x00\x01\x00\x00\x00\x00\xc0\x0c", 56),  # compression loop
]
write_pcap(f"{out}/bad.pcap", 1, bad)
