using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NetOpsPS.Devices.Ssh;

/// <summary>
/// An OpenSSH known_hosts file (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): host patterns with * ? and !negation,
/// hashed names (|1|salt|HMAC-SHA1), [host]:port for ports other than 22, and the @revoked marker.
/// @cert-authority lines are skipped: certificates are not trusted here.
/// </summary>
public sealed class KnownHostsFile
{
    // A batch push with AcceptNew appends from several connections at once: one writer at a time in this process,
    // so the newline check and the append are not interleaved, and Windows does not refuse a second writer.
    private static readonly object AppendGate = new();

    private readonly List<Entry> _entries;

    private KnownHostsFile(string path, List<Entry> entries)
    {
        Path = path;
        _entries = entries;
    }

    /// <summary>The file read; it need not exist (then nothing is known).</summary>
    public string Path { get; }

    /// <summary>The user's own file, as ssh reads it: ~/.ssh/known_hosts.</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "known_hosts");

    /// <summary>Reads the file; a missing file is an empty one, unparsable lines are skipped as ssh does.</summary>
    public static KnownHostsFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var entries = new List<Entry>();
        if (File.Exists(path))
        {
            foreach (string line in File.ReadLines(path))
            {
                if (Entry.TryParse(line) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return new KnownHostsFile(path, entries);
    }

    /// <summary>The name a host is filed under: host for port 22, [host]:port otherwise.</summary>
    public static string HostPattern(string host, int port) =>
        port == 22 ? host : string.Create(CultureInfo.InvariantCulture, $"[{host}]:{port}");

    /// <summary>
    /// The error for a key this file refuses (<see cref="KnownHostsVerdict.Changed"/> or <see cref="KnownHostsVerdict.Revoked"/>
    /// from <see cref="Check"/>); null for a verdict that refuses nothing.
    /// </summary>
    public SshException? Refusal(KnownHostsVerdict verdict, string host, int port, SshHostKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string where = HostPattern(host, port);
        return verdict switch
        {
            KnownHostsVerdict.Revoked =>
                new SshException(SshError.HostKeyRevoked, $"The {key.KeyType} host key of {where} ({key.Fingerprint}) is marked @revoked in {Path}.") { HostKey = key },
            KnownHostsVerdict.Changed => new SshException(
                SshError.HostKeyChanged,
                $"REMOTE HOST IDENTIFICATION HAS CHANGED: {where} presented the {key.KeyType} key {key.Fingerprint}, but {Path} lists another " +
                $"{key.KeyType} key for it. Someone could be intercepting the connection, or the device was reinstalled; " +
                "check out of band, then remove the old line from known_hosts.") { HostKey = key },
            _ => null,
        };
    }

    /// <summary>Checks a presented key against the file.</summary>
    public KnownHostsVerdict Check(string host, int port, SshHostKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string name = HostPattern(host, port);
        var forHost = _entries.Where(e => e.Matches(name)).ToList();
        if (_entries.Any(e => e.Revoked && e.Key.SameKeyAs(key)))
        {
            return KnownHostsVerdict.Revoked;
        }

        var sameType = forHost.Where(e => !e.Revoked && e.Key.KeyType == key.KeyType).ToList();
        if (sameType.Any(e => e.Key.SameKeyAs(key)))
        {
            return KnownHostsVerdict.Trusted;
        }

        return sameType.Count > 0 ? KnownHostsVerdict.Changed : KnownHostsVerdict.Unknown;
    }

    /// <summary>Key types (ssh-ed25519, ssh-rsa...) the file lists for the host, to ask the server for one of those first.</summary>
    public IReadOnlyList<string> KeyTypesFor(string host, int port)
    {
        string name = HostPattern(host, port);
        return _entries.Where(e => !e.Revoked && e.Matches(name)).Select(e => e.Key.KeyType).Distinct().ToList();
    }

    /// <summary>Appends a line for the host (hashed as HashKnownHosts does when asked), creating the file and ~/.ssh if needed.</summary>
    public static void Append(string path, string host, int port, SshHostKey key, bool hashHostName = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(key);
        string name = HostPattern(host, port);
        if (hashHostName)
        {
            byte[] salt = RandomNumberGenerator.GetBytes(20);
            name = "|1|" + Convert.ToBase64String(salt) + "|" + Convert.ToBase64String(HMACSHA1.HashData(salt, Encoding.ASCII.GetBytes(name)));
        }

        string? dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        lock (AppendGate)
        {
            bool needsNewLine = File.Exists(path) && new FileInfo(path).Length > 0 && !EndsWithNewLine(path);
            File.AppendAllText(path, (needsNewLine ? "\n" : string.Empty) + $"{name} {key.KeyType} {key.Base64}\n");
        }
    }

    private static bool EndsWithNewLine(string path)
    {
        using FileStream stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    private sealed record Entry(string[] Patterns, SshHostKey Key, bool Revoked)
    {
        public static Entry? TryParse(string line)
        {
            string[] fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                return null;
            }

            bool revoked = false;
            if (fields[0].StartsWith('@'))
            {
                if (fields[0] != "@revoked")
                {
                    return null; // @cert-authority: certificates are not trusted here
                }

                revoked = true;
                fields = fields[1..];
            }

            if (fields.Length < 3)
            {
                return null;
            }

            try
            {
                byte[] blob = Convert.FromBase64String(fields[2]);
                return new Entry(fields[0].Split(','), new SshHostKey(fields[1], blob), revoked);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        // sshd(8): a host matches when some pattern matches and no negated pattern does.
        public bool Matches(string name)
        {
            bool matched = false;
            foreach (string pattern in Patterns)
            {
                if (pattern.StartsWith("|1|", StringComparison.Ordinal))
                {
                    matched |= HashedMatches(pattern, name);
                }
                else if (pattern.StartsWith('!'))
                {
                    if (Wildcard(pattern[1..], name))
                    {
                        return false;
                    }
                }
                else
                {
                    matched |= Wildcard(pattern, name);
                }
            }

            return matched;
        }

        private static bool HashedMatches(string pattern, string name)
        {
            string[] parts = pattern.Split('|');
            if (parts.Length != 4)
            {
                return false;
            }

            try
            {
                byte[] salt = Convert.FromBase64String(parts[2]);
                byte[] expected = Convert.FromBase64String(parts[3]);
                return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.ASCII.GetBytes(name)), expected);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static bool Wildcard(string pattern, string name) => WildcardAt(pattern.ToLowerInvariant(), 0, name.ToLowerInvariant(), 0);

        private static bool WildcardAt(string pattern, int p, string name, int n)
        {
            while (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    for (int k = n; k <= name.Length; k++)
                    {
                        if (WildcardAt(pattern, p + 1, name, k))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (n >= name.Length || (c != '?' && c != name[n]))
                {
                    return false;
                }

                p++;
                n++;
            }

            return n == name.Length;
        }
    }
}
