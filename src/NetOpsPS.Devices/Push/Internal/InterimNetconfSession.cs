using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Renci.SshNet;

namespace NetOpsPS.Devices.Push.Internal;

/// <summary>
/// INTERIM, to be replaced by the netconf branch's engine once it lands: the push's NETCONF
/// session on SSH.NET's NetConfClient, with a minimal known_hosts check.
/// </summary>
internal sealed class InterimNetconfSession : INetconfPushSession
{
    private static readonly XNamespace Nc = NetconfConfigText.BaseNamespace;
    private readonly NetConfClient _client;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private InterimNetconfSession(NetConfClient client)
    {
        _client = client;
        SupportsValidate = client.ServerCapabilities.OuterXml.Contains("urn:ietf:params:netconf:capability:validate:", StringComparison.Ordinal);
    }

    public bool SupportsValidate { get; }

    public static async Task<INetconfPushSession> ConnectAsync(PushRequest device, NetconfPushConnectorOptions options, CancellationToken cancel)
    {
        var login = device.Credential ?? throw new InvalidOperationException($"No credential for device '{device.Name}'.");
        var info = new ConnectionInfo(device.Hostname, device.Port, login.UserName, new PasswordAuthenticationMethod(login.UserName, login.Password))
        {
            Timeout = options.Timeout,
        };
        var client = new NetConfClient(info) { OperationTimeout = options.Timeout };
        string knownHosts = options.KnownHostsPath ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "known_hosts");
        client.HostKeyReceived += (_, e) => e.CanTrust = Known(knownHosts, device.Hostname, device.Port, e.HostKeyName, Convert.ToBase64String(e.HostKey));
        try
        {
            await client.ConnectAsync(cancel).ConfigureAwait(false);
            return new InterimNetconfSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public Task LockCandidateAsync(CancellationToken cancellationToken) => Rpc(new XElement(Nc + "lock", Target()), cancellationToken);

    public Task UnlockCandidateAsync(CancellationToken cancellationToken) => Rpc(new XElement(Nc + "unlock", Target()), cancellationToken);

    public Task EditCandidateAsync(string config, PushMode mode, CancellationToken cancellationToken) =>
        Rpc(new XElement(
            Nc + "edit-config",
            Target(),
            new XElement(Nc + "default-operation", mode == PushMode.Replace ? "replace" : "merge"),
            new XElement(Nc + "error-option", "rollback-on-error"),
            XElement.Parse(NetconfConfigText.ToConfigElement(config))), cancellationToken);

    public Task ValidateCandidateAsync(CancellationToken cancellationToken) =>
        Rpc(new XElement(Nc + "validate", new XElement(Nc + "source", new XElement(Nc + "candidate"))), cancellationToken);

    public async Task<string> DiffCandidateAsync(CancellationToken cancellationToken)
    {
        string running = await GetConfig("running", cancellationToken).ConfigureAwait(false);
        string candidate = await GetConfig("candidate", cancellationToken).ConfigureAwait(false);
        return LineDiff.Compare(running, candidate);
    }

    public Task CommitAsync(TimeSpan? confirmTimeout, CancellationToken cancellationToken) =>
        Rpc(confirmTimeout is { } timeout
            ? new XElement(Nc + "commit", new XElement(Nc + "confirmed"), new XElement(Nc + "confirm-timeout", (long)timeout.TotalSeconds))
            : new XElement(Nc + "commit"), cancellationToken);

    public Task ConfirmAsync(CancellationToken cancellationToken) => Rpc(new XElement(Nc + "commit"), cancellationToken);

    public Task CancelCommitAsync(CancellationToken cancellationToken) => Rpc(new XElement(Nc + "cancel-commit"), cancellationToken);

    public Task DiscardChangesAsync(CancellationToken cancellationToken) => Rpc(new XElement(Nc + "discard-changes"), cancellationToken);

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static XElement Target() => new(Nc + "target", new XElement(Nc + "candidate"));

    private async Task<string> GetConfig(string source, CancellationToken cancel)
    {
        XElement reply = await Rpc(new XElement(Nc + "get-config", new XElement(Nc + "source", new XElement(Nc + source))), cancel).ConfigureAwait(false);
        XElement? data = reply.Element(Nc + "data");
        return data is null ? string.Empty : string.Join('\n', data.Elements().Select(e => e.ToString()));
    }

    private async Task<XElement> Rpc(XElement operation, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var rpc = new XmlDocument { XmlResolver = null };
            rpc.LoadXml(new XElement(Nc + "rpc", new XAttribute("message-id", "1"), operation).ToString(SaveOptions.DisableFormatting));
            XmlDocument reply = await Task.Run(() => _client.SendReceiveRpc(rpc), cancel).ConfigureAwait(false);
            XElement root = XElement.Parse(reply.OuterXml);
            XElement? error = root.Descendants(Nc + "rpc-error").FirstOrDefault();
            if (error is not null && (string?)error.Element(Nc + "error-severity") != "warning")
            {
                throw new InvalidOperationException(
                    $"{operation.Name.LocalName}: {(string?)error.Element(Nc + "error-tag")}: {((string?)error.Element(Nc + "error-message"))?.Trim()}" +
                    (error.Element(Nc + "error-path") is { } path ? $" (at {path.Value.Trim()})" : string.Empty));
            }

            return root;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool Known(string knownHosts, string host, int port, string keyType, string hostKeyBlob)
    {
        // HostKeyReceived gives the whole key blob: type-prefixed, as in known_hosts' base64 field.
        string pattern = port == 22 ? host : $"[{host}]:{port}";
        if (!File.Exists(knownHosts))
        {
            return false;
        }

        foreach (string line in File.ReadLines(knownHosts, Encoding.UTF8))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3 && fields[0].Split(',').Contains(pattern) && fields[1] == keyType && fields[2] == hostKeyBlob)
            {
                return true;
            }
        }

        return false;
    }
}
