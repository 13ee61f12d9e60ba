using System.Management.Automation;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>
/// New-NetDeviceSession: an SSH session to a device for CLI commands, its host key checked against known_hosts
/// (never a prompt), kept in the runspace for Invoke-NetDeviceCommand, Get- and Remove-NetDeviceSession.
/// </summary>
[Cmdlet(VerbsCommon.New, "NetDeviceSession")]
[OutputType(typeof(SshDeviceSession))]
public sealed class NewNetDeviceSessionCommand : SshConnectCommandBase
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        SshConnectionOptions? options = BuildSshOptions();
        if (options is null)
        {
            return;
        }

        SshDeviceSession session;
        try
        {
            session = Await(SshDeviceSession.ConnectAsync(options, Name, Cancellation));
        }
        catch (SshException ex)
        {
            WriteError(SshErrors.From(ex, Target));
            return;
        }

        Registries.DeviceSessions.Add(session);
        WriteVerbose($"{session.Name} (id {session.Id}): {options.UserName}@{Target}, host key {session.HostKey} ({options.EffectiveKnownHostsPath}), {session.ServerVersion}.");
        WriteObject(session);
    }
}
