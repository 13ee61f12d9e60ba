using System;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Ssh.Internal;
using Renci.SshNet;

namespace NetOpsPS.Devices.Ssh;

/// <summary>Reads a server's host key as ssh-keyscan does: key exchange only, no login, the key refused afterwards.</summary>
public static class SshHostKeyScanner
{
    /// <summary>
    /// The key the server presents. <paramref name="preferredKeyType"/> (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256...)
    /// asks for that type first.
    /// </summary>
    public static async Task<SshHostKey> ScanAsync(string host, int port, TimeSpan timeout, string? preferredKeyType = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var info = new ConnectionInfo(host, port, "keyscan", new NoneAuthenticationMethod("keyscan")) { Timeout = timeout };
        if (preferredKeyType is not null)
        {
            SshConnector.PreferKnownKeyTypes(info, [preferredKeyType]);
        }

        SshHostKey? key = null;
        using var client = new SshClient(info);
        client.HostKeyReceived += (_, e) =>
        {
            key = SshConnector.HostKeyFromBlob(e.HostKey);
            e.CanTrust = false;
        };
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(bound.Token).ConfigureAwait(false);
        }
        catch (Exception) when (key is not null)
        {
            // Refusing the key ends the connection: that is the point.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw SshConnector.Classify(ex, $"{host}:{port}", timeout);
        }

        return key ?? throw new SshException(SshError.Unknown, $"{host}:{port} presented no host key.");
    }
}
