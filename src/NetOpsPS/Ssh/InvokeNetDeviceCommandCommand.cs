using System;
using System.Management.Automation;
using System.Text.RegularExpressions;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>
/// Invoke-NetDeviceCommand: runs CLI commands on one or many SSH device sessions, the sessions in parallel and each
/// session's commands in order, over exec channels or (-Shell) the session's interactive shell, where the end of a
/// command is its prompt coming back, paging prompts are answered, and echoes and ANSI codes are stripped.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "NetDeviceCommand")]
[OutputType(typeof(SshCommandResult))]
public sealed class InvokeNetDeviceCommandCommand : NetOpsCmdlet
{
    private PipelineBridge? _bridge;
    private SshCommandOptions? _options;

    /// <summary>Sessions from New-NetDeviceSession or Get-NetDeviceSession.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public SshDeviceSession[]? Session { get; set; }

    /// <summary>The commands, run in this order on each session.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[]? Command { get; set; }

    /// <summary>Use the session's interactive shell (pty) instead of exec channels, for CLIs that exist only there.</summary>
    [Parameter]
    public SwitchParameter Shell { get; set; }

    /// <summary>-Shell: a regular expression for the prompt at the very end of the output.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string PromptPattern { get; set; } = SshCommandOptions.DefaultPromptPattern;

    /// <summary>-Shell: a regular expression for paging prompts, answered with a space.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string PagerPattern { get; set; } = SshCommandOptions.DefaultPagerPattern;

    /// <summary>-Shell: do not answer paging prompts.</summary>
    [Parameter]
    public SwitchParameter NoPager { get; set; }

    /// <summary>Seconds each command may take.</summary>
    [Parameter]
    [ValidateRange(0.1, 86400.0)]
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Sessions worked on at once.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = 16;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _options = new SshCommandOptions
            {
                Mode = Shell ? SshCommandMode.Shell : SshCommandMode.Exec,
                PromptPattern = new Regex(PromptPattern, RegexOptions.CultureInvariant),
                PagerPattern = NoPager ? null : new Regex(PagerPattern, RegexOptions.CultureInvariant),
                Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            };
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "NetDeviceCommandBadPattern", ErrorCategory.InvalidArgument, ex.Message));
        }

        _bridge = new PipelineBridge(ThrottleLimit, Cancellation);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (SshDeviceSession session in Session!)
        {
            WriteVerbose($"{session.Name}: {Command!.Length} command(s) over {(Shell ? "the shell" : "exec channels")}.");
            _bridge!.Start(
                this,
                async token =>
                {
                    foreach (string command in Command!)
                    {
                        try
                        {
                            SshCommandResult result = await session.RunCommandAsync(command, _options, token).ConfigureAwait(false);
                            _bridge.Post(c => c.WriteObject(result));
                        }
                        catch (SshException ex)
                        {
                            ErrorRecord record = SshErrors.From(ex, $"{session.Name}: {command}");
                            _bridge.Post(c => c.WriteError(record));
                            if (ex.Error is SshError.ConnectionLost or SshError.NotConnected)
                            {
                                return;
                            }
                        }
                    }
                },
                ex => ex is ObjectDisposedException
                    ? new ErrorRecord(ex, "SshNotConnected", ErrorCategory.InvalidOperation, session.Name)
                    : ErrorRecords.Unexpected(ex, "NetDeviceCommand", session.Name));
            _bridge.WriteAvailable(this);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing() => _bridge?.WriteUntilDone(this);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bridge?.Dispose();
        }

        base.Dispose(disposing);
    }
}
