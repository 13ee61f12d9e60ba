using System;
using System.Globalization;
using System.IO;
using System.Management.Automation.Host;

namespace NetOpsPS.Host;

/// <summary>
/// The PSHost of netops. The engine formats output to the host, so this host (and its UI) is what
/// makes Out-Default print the module's table views. It also records `exit N` (SetShouldExit),
/// which the engine reports to the host rather than to the caller of Invoke.
/// </summary>
internal sealed class NetOpsHost : PSHost
{
    private readonly NetOpsHostUserInterface _ui;
    private readonly object _exitGate = new();
    private int? _exitCode;

    public NetOpsHost(TextWriter output, TextWriter error, bool outputIsTerminal)
    {
        _ui = new NetOpsHostUserInterface(output, error, outputIsTerminal);
    }

    /// <summary>The code of the last `exit N`, or null when the script did not call exit.</summary>
    public int? ExitCode
    {
        get
        {
            lock (_exitGate)
            {
                return _exitCode;
            }
        }
    }

    public override string Name => "netops";

    public override Version Version => HostVersion.Value;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override void SetShouldExit(int exitCode)
    {
        lock (_exitGate)
        {
            _exitCode = exitCode;
        }
    }

    // A nested prompt is interactive by nature (the debugger, $Host.EnterNestedPrompt()).
    public override void EnterNestedPrompt() => throw HostPromptUnavailableException.For("Enter a nested prompt");

    public override void ExitNestedPrompt() => throw HostPromptUnavailableException.For("Leave a nested prompt");

    public override void NotifyBeginApplication()
    {
        // Native programs write to the inherited console handles directly; nothing to hand over.
    }

    public override void NotifyEndApplication()
    {
        // See NotifyBeginApplication.
    }
}
