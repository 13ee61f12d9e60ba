using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NetOpsPS.TestSupport.Peers.Internal;

namespace NetOpsPS.TestSupport.Peers;

/// <summary>
/// Several netconfd peers side by side, for batch pushes: one known_hosts file for all of them, and
/// ncclient (/usr/bin/python3, python3-ncclient) as the reference client that reads back what each
/// server holds (tests/peers/netconf/nc-state.py).
/// </summary>
public sealed class NetconfFleet : IDisposable
{
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan KeygenTimeout = TimeSpan.FromSeconds(60);

    private NetconfFleet(IReadOnlyList<Peer> peers, string knownHostsPath)
    {
        Peers = peers;
        KnownHostsPath = knownHostsPath;
    }

    public IReadOnlyList<Peer> Peers { get; }

    /// <summary>Every peer's host keys in one file.</summary>
    public string KnownHostsPath { get; }

    /// <summary>Starts <paramref name="count"/> peers at once (a few at a time on this small machine).</summary>
    public static NetconfFleet Start(int count)
    {
        Peer.RequireBinaries(new PeerBinary("/usr/bin/python3", "python3"), new PeerBinary("/usr/lib/python3/dist-packages/ncclient/__init__.py", "python3-ncclient"));
        var peers = new Peer?[count];
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => peers[i] = Peer.StartNetconf());
        }
        catch
        {
            foreach (Peer? started in peers)
            {
                started?.Dispose();
            }

            throw;
        }

        Peer[] all = peers.Select(p => p!).ToArray();
        string knownHosts = Path.Combine(all[0].WorkDir, "fleet_known_hosts");
        File.WriteAllLines(knownHosts, all.SelectMany(p => File.ReadAllLines(p.KnownHostsPath)));
        return new NetconfFleet(all, knownHosts);
    }

    /// <summary>
    /// A new ed25519 client key <paramref name="name"/> (and name.pub) in the first peer's folder, made by ssh-keygen as
    /// the reference tool, as the peers' own keys are; an empty passphrase leaves it unencrypted. Returns its path.
    /// </summary>
    public string NewClientKey(string name, string passphrase)
    {
        string path = Peers[0].PathOf(name);
        ScriptResult result = ScriptRunner.Run(
            "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", name + "@fleet", "-f", path], path + "-keygen", KeygenTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ssh-keygen could not write {path}: exit {result.ExitCode}: {result.StandardError}");
        }

        return path;
    }

    /// <summary>Authorizes the keys of these private key files (their .pub) for <see cref="Peer.LoginUser"/> on every peer.</summary>
    public void AuthorizeEverywhere(params string[] keyPaths)
    {
        string authorized = string.Concat(keyPaths.Select(k => File.ReadAllText(k + ".pub")));
        foreach (Peer peer in Peers)
        {
            File.AppendAllText(peer.PathOf($"authorized_keys/{Peer.LoginUser}"), authorized);
        }
    }

    /// <summary>What ncclient reads from <paramref name="peer"/>: running, candidate, and whether the candidate is free.</summary>
    public NetconfState State(Peer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        string prefix = Path.Combine(peer.WorkDir, "nc-state-" + Guid.NewGuid().ToString("N")[..8]);
        ScriptResult result = ScriptRunner.Run(
            "/usr/bin/python3",
            [Path.Combine(Peer.PeersDirectory, "netconf", "nc-state.py"), peer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             Peer.LoginUser, Peer.TestUserPassword, peer.KnownHostsPath],
            prefix,
            StateTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ncclient could not read {peer}: exit {result.ExitCode}: {result.StandardError}");
        }

        using JsonDocument json = JsonDocument.Parse(result.StandardOutput);
        return new NetconfState(
            json.RootElement.GetProperty("running").GetString()!,
            json.RootElement.GetProperty("candidate").GetString()!,
            json.RootElement.GetProperty("candidate_lockable").GetBoolean());
    }

    public void Dispose()
    {
        Parallel.ForEach(Peers, p => p.Dispose());
    }
}

/// <summary>One server's datastores as ncclient read them.</summary>
/// <param name="Running">The running datastore's &lt;data&gt; element.</param>
/// <param name="Candidate">The candidate datastore's &lt;data&gt; element.</param>
/// <param name="CandidateLockable">True when nobody holds the candidate lock.</param>
public sealed record NetconfState(string Running, string Candidate, bool CandidateLockable)
{
    /// <summary>The text of the first element with this local name in running (ietf-system contact, location...).</summary>
    public string? RunningValue(string localName) =>
        System.Xml.Linq.XElement.Parse(Running).Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
