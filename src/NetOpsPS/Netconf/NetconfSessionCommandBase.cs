using System;
using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Netconf;

/// <summary>
/// The cmdlets that work on sessions from Connect-NetconfSession or Get-NetconfSession: the -Session parameter,
/// and the loop that turns one session's NETCONF or SSH failure into a non-terminating error and goes on.
/// </summary>
public abstract class NetconfSessionCommandBase : NetOpsCmdlet
{
    /// <summary>Sessions from Connect-NetconfSession or Get-NetconfSession.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public virtual NetconfSession[]? Session { get; set; }

    /// <summary>A session as ShouldProcess names it: name (host:port).</summary>
    protected static string ShouldProcessTarget(NetconfSession session) => $"{session.Name} ({session.HostName}:{session.Port})";

    /// <summary>Runs <paramref name="work"/> on each session; a NETCONF or SSH failure is written as that session's error.</summary>
    protected void ForEachSession(Action<NetconfSession> work)
    {
        foreach (NetconfSession session in Session!)
        {
            try
            {
                work(session);
            }
            catch (Exception ex) when (ex is NetconfException or SshException)
            {
                WriteError(NetconfErrors.From(ex, session.Name));
            }
        }
    }
}
