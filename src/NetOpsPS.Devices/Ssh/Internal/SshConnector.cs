using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NetOpsPS.Devices.Ssh.Internal;

/// <summary>
/// Opens an SSH.NET client with the host key checked against known_hosts before authentication, and turns
/// SSH.NET's and the socket's exceptions into <see cref="SshException"/>s with a code.
/// </summary>
internal static class SshConnector
{
    public static async Task<(SshClient Client, SshHostKey HostKey)> ConnectAsync(SshConnectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var methods = new List<AuthenticationMethod>();
        var keyFiles = OpenKeyFiles(options);
        if (keyFiles.Count > 0)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(options.UserName, keyFiles.ToArray()));
        }

        if (options.Password is not null)
        {
            methods.Add(new PasswordAuthenticationMethod(options.UserName, options.Password));
        }

        var info = new ConnectionInfo(options.Host, options.Port, options.UserName, methods.ToArray())
        {
            Timeout = options.ConnectTimeout,
        };
        var knownHosts = KnownHostsFile.Load(options.EffectiveKnownHostsPath);
        PreferKnownKeyTypes(info, knownHosts.KeyTypesFor(options.Host, options.Port));
        PreferClassicalKeyExchange(info);
        var check = new HostKeyCheck(options, knownHosts);
        var client = new SshClient(info);
        client.HostKeyReceived += check.OnHostKeyReceived;
        if (options.KeepAliveInterval > TimeSpan.Zero)
        {
            client.KeepAliveInterval = options.KeepAliveInterval;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await ConnectOnOwnThreadAsync(client, timeout.Token).ConfigureAwait(false);
            // A cut that came just as Connect returned has disposed the client: count it as the timeout it was.
            timeout.Token.ThrowIfCancellationRequested();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw check.Failure ?? Classify(ex, options);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        finally
        {
            foreach (PrivateKeyFile key in keyFiles)
            {
                key.Dispose();
            }
        }

        client.HostKeyReceived -= check.OnHostKeyReceived;
        if (check.Accepted is null)
        {
            client.Dispose();
            throw new SshException(SshError.Unknown, $"{options}: the server presented no host key.");
        }

        try
        {
            check.RememberIfNew();
        }
        catch
        {
            // known_hosts could not be written (read-only, no rights to its folder): no session is handed out, so close it.
            client.Dispose();
            throw;
        }

        return (client, check.Accepted);
    }

    /// <summary>
    /// SSH.NET waits for the key exchange and the authentication on blocking wait handles, in ConnectAsync too, so each
    /// connecting device holds a thread-pool thread for its whole handshake; twenty at once starve the pool (the push
    /// bench with 50 ms of RTT showed the parallel batch stretched by that). The blocking Connect on a thread of its own
    /// keeps the pool free. ConnectionInfo.Timeout bounds every wait inside; the token cuts it by disposing the client.
    /// </summary>
    private static Task ConnectOnOwnThreadAsync(SshClient client, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () =>
            {
                using CancellationTokenRegistration abort = cancellationToken.Register(client.Dispose);
                try
                {
                    client.Connect();
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    // Disposed under it: say it was the cancellation (the caller tells timeout from Ctrl+C).
                    throw new OperationCanceledException(cancellationToken);
                }
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <summary>Reads the key type from an SSH key blob (RFC 4253 §6.6: string type, then key data).</summary>
    public static SshHostKey HostKeyFromBlob(byte[] blob)
    {
        if (blob.Length < 4)
        {
            throw new SshException(SshError.Unknown, "The server's host key blob is too short.");
        }

        int length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(blob), (uint)(blob.Length - 4));
        return new SshHostKey(Encoding.ASCII.GetString(blob, 4, length), blob);
    }

    public static SshException Classify(Exception ex, SshConnectionOptions options) => Classify(ex, options.ToString(), options.ConnectTimeout);

    /// <summary>The coded exception for a failure to reach <paramref name="who"/> (user@host:port, or host:port before any login).</summary>
    public static SshException Classify(Exception ex, string who, TimeSpan connectTimeout) =>
        ex switch
        {
            SshException own => own,
            SshAuthenticationException => new SshException(SshError.AuthenticationFailed, $"{who}: authentication failed (the server refused the password or key).", ex),
            SshOperationTimeoutException or TimeoutException or OperationCanceledException =>
                new SshException(SshError.Timeout, $"{who}: no SSH session within {connectTimeout.TotalSeconds:0.###} s.", ex),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => new SshException(SshError.ConnectionRefused, $"{who}: connection refused.", ex),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } =>
                new SshException(SshError.NameResolution, $"{who}: the host name does not resolve.", ex),
            SocketException { SocketErrorCode: SocketError.TimedOut } => new SshException(SshError.Timeout, $"{who}: connect timed out.", ex),
            SocketException socket => new SshException(SshError.ConnectionLost, $"{who}: {socket.Message}", ex),
            SshConnectionException => new SshException(SshError.ConnectionLost, $"{who}: {ex.Message}", ex),
            ObjectDisposedException => new SshException(SshError.NotConnected, $"{who}: the session is closed.", ex),
            _ => new SshException(SshError.Unknown, $"{who}: {ex.Message}", ex),
        };

    private static List<PrivateKeyFile> OpenKeyFiles(SshConnectionOptions options)
    {
        var files = new List<PrivateKeyFile>();
        try
        {
            foreach (string path in options.PrivateKeyPaths)
            {
                files.Add(OpenKeyFile(path, options.PrivateKeyPassphrase));
            }
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }

        return files;
    }

    private static PrivateKeyFile OpenKeyFile(string path, string? passphrase)
    {
        try
        {
            return passphrase is null ? new PrivateKeyFile(path) : new PrivateKeyFile(path, passphrase);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SshException(SshError.KeyFileInvalid, $"Cannot read the private key file {path}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is Renci.SshNet.Common.SshException or ArgumentException or FormatException or NotSupportedException
            or System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            // SSH.NET's messages name the problem (encrypted key without passphrase, unknown format) and never the key; a
            // passphrase that does not decrypt an OpenSSH key reads "the random check bytes ... do not match", so say so.
            string hint = passphrase is null ? string.Empty : " with the passphrase given (is it this key's?)";
            throw new SshException(SshError.KeyFileInvalid, $"The private key file {path} cannot be used{hint}: {ex.Message}", ex);
        }
    }

    // Elliptic-curve Diffie-Hellman first (RFC 8731 curve25519, RFC 5656 NIST curves), then SSH.NET's own order for the
    // rest. SSH.NET 2026 asks first for the post-quantum hybrid sntrup761x25519-sha512, which OpenSSH 9 servers accept;
    // its managed NTRU Prime key generation cost about 40 ms of CPU per connection here (and as much again in JIT),
    // two thirds of the client's CPU in a batch push. Network devices rarely offer it; a server that offers nothing
    // else still gets it, as it is still on the list.
    internal static readonly string[] PreferredKeyExchange =
    [
        "curve25519-sha256",
        "curve25519-sha256@libssh.org",
        "ecdh-sha2-nistp256",
        "ecdh-sha2-nistp384",
        "ecdh-sha2-nistp521",
    ];

    internal static void PreferClassicalKeyExchange(ConnectionInfo info)
    {
        var all = info.KeyExchangeAlgorithms.ToList();
        var ordered = PreferredKeyExchange.SelectMany(name => all.Where(a => a.Key == name))
            .Concat(all.Where(a => !PreferredKeyExchange.Contains(a.Key))).ToList();
        info.KeyExchangeAlgorithms.Clear();
        foreach (var pair in ordered)
        {
            info.KeyExchangeAlgorithms.Add(pair.Key, pair.Value);
        }
    }

    // Ask first for a key type known_hosts has for this host, as OpenSSH orders HostKeyAlgorithms, so that a
    // host known by its RSA key is not reported unknown because the server would rather show ed25519.
    internal static void PreferKnownKeyTypes(ConnectionInfo info, IReadOnlyList<string> knownTypes)
    {
        if (knownTypes.Count == 0)
        {
            return;
        }

        var all = info.HostKeyAlgorithms.ToList();
        static string KeyTypeOf(string algorithm) => algorithm.StartsWith("rsa-sha2-", StringComparison.Ordinal) ? "ssh-rsa" : algorithm;
        var ordered = all.Where(a => knownTypes.Contains(KeyTypeOf(a.Key))).Concat(all.Where(a => !knownTypes.Contains(KeyTypeOf(a.Key)))).ToList();
        info.HostKeyAlgorithms.Clear();
        foreach (var pair in ordered)
        {
            info.HostKeyAlgorithms.Add(pair.Key, pair.Value);
        }
    }

    private sealed class HostKeyCheck(SshConnectionOptions options, KnownHostsFile knownHosts)
    {
        public SshException? Failure { get; private set; }

        public SshHostKey? Accepted { get; private set; }

        private bool IsNew { get; set; }

        public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
        {
            SshHostKey key = HostKeyFromBlob(e.HostKey);
            string where = KnownHostsFile.HostPattern(options.Host, options.Port);
            string file = knownHosts.Path;
            KnownHostsVerdict verdict = knownHosts.Check(options.Host, options.Port, key);
            if (knownHosts.Refusal(verdict, options.Host, options.Port, key) is { } refusal)
            {
                Reject(e, refusal);
                return;
            }

            switch (verdict)
            {
                case KnownHostsVerdict.Trusted:
                    Accept(key, isNew: false, e);
                    return;
                default:
                    if (options.ExpectedHostKeyFingerprint is { } expected)
                    {
                        if (string.Equals(expected.Trim(), key.Fingerprint, StringComparison.Ordinal))
                        {
                            Accept(key, isNew: true, e);
                        }
                        else
                        {
                            Reject(e, new SshException(SshError.HostKeyUnknown, $"{where} presented the {key.KeyType} key {key.Fingerprint}, not the expected {expected}.") { HostKey = key });
                        }

                        return;
                    }

                    if (options.HostKeyPolicy == SshHostKeyPolicy.AcceptNew)
                    {
                        Accept(key, isNew: true, e);
                        return;
                    }

                    Reject(e, new SshException(
                        SshError.HostKeyUnknown,
                        $"The host key of {where} is not in {file}: {key.KeyType} {key.Fingerprint}. If that fingerprint is right, " +
                        "trust it explicitly (-AcceptHostKey, or Add-SshKnownHost).") { HostKey = key });
                    return;
            }
        }

        public void RememberIfNew()
        {
            if (IsNew && Accepted is not null)
            {
                KnownHostsFile.Append(knownHosts.Path, options.Host, options.Port, Accepted);
            }
        }

        private void Accept(SshHostKey key, bool isNew, HostKeyEventArgs e)
        {
            Accepted = key;
            IsNew = isNew;
            e.CanTrust = true;
        }

        private void Reject(HostKeyEventArgs e, SshException failure)
        {
            Failure = failure;
            e.CanTrust = false;
        }
    }
}
