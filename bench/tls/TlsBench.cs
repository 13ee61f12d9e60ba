#:project ../../src/NetOpsPS.Capture/NetOpsPS.Capture.csproj
#:property TargetFramework=net10.0
#:property PublishAot=false
#:property TreatWarningsAsErrors=false

// TLS handshake extraction, NetOpsPS's engine (and Get-TlsHandshake through the embedded PowerShell host, when
// built) side by side with tshark 4.0 on one generated capture. Run: bash bench/tls/run.sh [--handshakes N].
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetOpsPS.Capture;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Tls;

int handshakes = 20_000;
string? netops = null;
string dir = Path.Combine(Path.GetTempPath(), "netops-tls-bench");
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--handshakes": handshakes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--netops": netops = args[++i]; break;
        case "--dir": dir = args[++i]; break;
        default: Console.Error.WriteLine("usage: TlsBench.cs [--handshakes N] [--netops path/to/netops] [--dir DIR]"); return 2;
    }
}

Directory.CreateDirectory(dir);
string pcap = Path.Combine(dir, "tls-bench.pcap");
long packets = Generator.Write(pcap, handshakes);
Console.WriteLine($"capture: {pcap}, {handshakes} handshakes, {packets} packets, {new FileInfo(pcap).Length / 1e6:0.0} MB");
Console.WriteLine("machine: " + Environment.ProcessorCount + " cores, shared with other work; figures are noisy");

var results = new List<(string Name, double Seconds, int Found)>();
results.Add(Best("NetOpsPS engine (reader + tracker + JA3/JA4)", () =>
{
    var tracker = new TlsHandshakeTracker();
    int found = 0;
    var ja = new HashSet<string>();
    foreach (CapturedPacket p in PcapFile.ReadPackets(pcap))
    {
        foreach (var h in tracker.Add(p))
        {
            found++;
            ja.Add(h.Ja3Hash + h.Ja4);
        }
    }

    foreach (var h in tracker.Flush())
    {
        found++;
        ja.Add(h.Ja3Hash + h.Ja4);
    }

    return found;
}));
results.Add(Best("tshark -r -Y tls.handshake.type==1 -T fields (ja3, sni)", () =>
    Run("/usr/bin/tshark", ["-n", "-r", pcap, "-Y", "tls.handshake.type == 1", "-T", "fields", "-e", "tls.handshake.ja3", "-e", "tls.handshake.extensions_server_name"])));
if (netops is not null)
{
    results.Add(Best("Get-TlsHandshake -Path | ForEach-Object (netops)", () =>
        Run(netops, ["-c", "Get-TlsHandshake -LiteralPath '" + pcap.Replace("'", "''", StringComparison.Ordinal) + "' | ForEach-Object { $_.Ja4 }"])));
}

Console.WriteLine();
Console.WriteLine($"{"what",-62} {"best s",8} {"handshakes/s",13} {"found",7} {"vs tshark",9}");
double tshark = results[1].Seconds;
foreach (var (name, seconds, found) in results)
{
    Console.WriteLine($"{name,-62} {seconds,8:0.000} {found / seconds,13:0} {found,7} {tshark / seconds,8:0.0}x");
}

bool same = results.All(r => r.Found == handshakes);
Console.WriteLine(same ? "every tool found every handshake" : "MISMATCH: a tool missed handshakes (see 'found')");
File.Delete(pcap);
return same ? 0 : 1;

static (string, double, int) Best(string name, Func<int> run)
{
    double best = double.MaxValue;
    int found = 0;
    for (int i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        found = run();
        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }

    return (name, best, found);
}

static int Run(string file, string[] arguments)
{
    var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (string a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var errors = process.StandardError.ReadToEndAsync();
    int lines = 0;
    while (process.StandardOutput.ReadLine() is not null)
    {
        lines++;
    }

    if (!process.WaitForExit(600_000) || process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} failed: {errors.Result}");
    }

    return lines;
}

/// <summary>Writes N TLS connections (3-way handshake, Chrome-like ClientHello with GREASE, ServerHello, FINs), 64 open at a time.</summary>
static class Generator
{
    public static long Write(string path, int connections)
    {
        using var file = new BufferedStream(File.Create(path), 1 << 20);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        file.Write(header);
        long packets = 0;
        long micros = 1_767_225_600_000_000;
        byte[] server = ServerHello();
        const int Open = 64;
        for (int start = 0; start < connections; start += Open)
        {
            int batch = Math.Min(Open, connections - start);
            for (int step = 0; step < 7; step++)
            {
                for (int c = start; c < start + batch; c++)
                {
                    byte[] client = ClientHello(c);
                    var (cip, cport) = (new byte[] { 10, 1, (byte)(c >> 8), (byte)c }, 20000 + (c % 40000));
                    byte[] sip = [10, 0, 0, 1];
                    (bool fromClient, uint seq, byte flags, byte[] payload) = step switch
                    {
                        0 => (true, 1000u, (byte)0x02, Array.Empty<byte>()),
                        1 => (false, 5000u, (byte)0x12, Array.Empty<byte>()),
                        2 => (true, 1001u, (byte)0x10, Array.Empty<byte>()),
                        3 => (true, 1001u, (byte)0x18, client),
                        4 => (false, 5001u, (byte)0x18, server),
                        5 => (true, 1001u + (uint)client.Length, (byte)0x11, Array.Empty<byte>()),
                        _ => (false, 5001u + (uint)server.Length, (byte)0x11, Array.Empty<byte>()),
                    };
                    micros += 7;
                    Frame(file, micros, fromClient ? cip : sip, fromClient ? cport : 443, fromClient ? sip : cip, fromClient ? 443 : cport, seq, flags, payload);
                    packets++;
                }
            }
        }

        return packets;
    }

    private static void Frame(Stream file, long micros, byte[] src, int sport, byte[] dst, int dport, uint seq, byte flags, byte[] payload)
    {
        int length = 14 + 20 + 20 + payload.Length;
        Span<byte> f = stackalloc byte[16 + 54];
        BinaryPrimitives.WriteUInt32LittleEndian(f, (uint)(micros / 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(f[4..], (uint)(micros % 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(f[8..], (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(f[12..], (uint)length);
        Span<byte> e = f[16..];
        e[..12].Fill(2);
        e[12] = 8;
        e[14] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(e[16..], (ushort)(40 + payload.Length));
        e[22] = 64;
        e[23] = 6;
        src.CopyTo(e[26..]);
        dst.CopyTo(e[30..]);
        BinaryPrimitives.WriteUInt16BigEndian(e[34..], (ushort)sport);
        BinaryPrimitives.WriteUInt16BigEndian(e[36..], (ushort)dport);
        BinaryPrimitives.WriteUInt32BigEndian(e[38..], seq);
        e[46] = 0x50;
        e[47] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(e[48..], 65535);
        file.Write(f);
        file.Write(payload);
    }

    private static byte[] ClientHello(int n)
    {
        ushort grease = (ushort)(0x0a0a + (0x1010 * (n % 16)));
        string sni = "host" + n.ToString(CultureInfo.InvariantCulture) + ".bench.example";
        var ext = new List<byte>();
        void Ext(ushort type, byte[] data) { ext.AddRange(U16(type)); ext.AddRange(U16(data.Length)); ext.AddRange(data); }
        Ext(grease, []);
        byte[] name = System.Text.Encoding.ASCII.GetBytes(sni);
        Ext(0, [.. U16(name.Length + 3), 0, .. U16(name.Length), .. name]);
        Ext(23, []);
        Ext(65281, [0]);
        Ext(10, [.. U16(8), .. U16(grease), .. U16(0x001d), .. U16(0x0017), .. U16(0x0018)]);
        Ext(11, [1, 0]);
        Ext(35, []);
        Ext(16, [0, 12, 2, (byte)'h', (byte)'2', 8, .. "http/1.1"u8.ToArray()]);
        Ext(5, [1, 0, 0, 0, 0]);
        Ext(13, [.. U16(16), .. new ushort[] { 0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601 }.SelectMany(U16)]);
        Ext(18, []);
        Ext(51, [.. U16(38), .. U16(0x001d), .. U16(32), .. new byte[32]]);
        Ext(45, [1, 1]);
        Ext(43, [6, .. U16(grease), 3, 4, 3, 3]);
        Ext(27, [2, 0, 2]);
        Ext(21, new byte[100]);
        ushort[] suites = [grease, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035];
        byte[] body = [3, 3, .. new byte[32], 32, .. new byte[32], .. U16(suites.Length * 2), .. suites.SelectMany(U16), 1, 0, .. U16(ext.Count), .. ext];
        return [22, 3, 1, .. U16(body.Length + 4), 1, 0, .. U16(body.Length), .. body];
    }

    private static byte[] ServerHello()
    {
        byte[] ext = [0, 43, 0, 2, 3, 4, 0, 51, 0, 36, 0, 0x1d, 0, 32, .. new byte[32]];
        byte[] body = [3, 3, .. Enumerable.Repeat((byte)9, 32), 32, .. new byte[32], 0x13, 0x01, 0, .. U16(ext.Length), .. ext];
        return [22, 3, 3, .. U16(body.Length + 4), 2, 0, .. U16(body.Length), .. body];
    }

    private static byte[] U16(int v) => [(byte)(v >> 8), (byte)v];

    private static byte[] U16(ushort v) => U16((int)v);
}
