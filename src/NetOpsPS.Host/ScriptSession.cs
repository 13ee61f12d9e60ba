using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Threading;
using Microsoft.PowerShell;

namespace NetOpsPS.Host;

/// <summary>
/// One runspace on the netops host: imports NetOpsPS, runs a script text or file through
/// Out-Default (so the module's format views apply), and turns what happened into an exit code.
/// Ctrl+C reaches the running pipeline through <see cref="Stop"/>.
/// </summary>
internal sealed class ScriptSession : IDisposable
{
    // A script file runs as a script block, not as an ExternalScriptInfo: the engine swallows
    // `exit N` inside a script file (it only sets $LASTEXITCODE) unless an internal flag that pwsh
    // sets for -File is on; from a script block it reaches the host's SetShouldExit. The block
    // comes from Parser.ParseFile, so it keeps its file for $PSScriptRoot and error positions.
    // `@args` carries the parameter names the caller typed (the engine tags them in $args).
    private const string ScriptBlockParameter = "__NetOpsScript";
    private const string NamedParameter = "__NetOpsNamed";

    /// <summary>The one line that runs a -File script; errors that point at it say nothing useful.</summary>
    public const string FileRunner =
        "param($" + ScriptBlockParameter + ", $" + NamedParameter + ") & $" + ScriptBlockParameter + " @" + NamedParameter + " @args";

    private readonly NetOpsHost _host;
    private readonly ErrorRecordWriter _errors;
    private readonly Runspace _runspace;
    private readonly Lock _gate = new();
    private PowerShell? _running;
    private bool _stopRequested;

    private ScriptSession(NetOpsHost host, ErrorRecordWriter errors, Runspace runspace)
    {
        _host = host;
        _errors = errors;
        _runspace = runspace;
    }

    /// <summary>True once Ctrl+C asked the session to stop.</summary>
    public bool StopRequested
    {
        get
        {
            lock (_gate)
            {
                return _stopRequested;
            }
        }
    }

    public static ScriptSession Open(NetOpsHost host, ErrorRecordWriter errors)
    {
        InitialSessionState state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // The manifest and ps1xml of a locally built module are unsigned; the policy is Windows-only.
            state.ExecutionPolicy = ExecutionPolicy.Bypass;
        }

        Runspace runspace = RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();
        return new ScriptSession(host, errors, runspace);
    }

    /// <summary>Imports the module by its manifest path; the exit code says whether it worked.</summary>
    public int ImportModule(string manifestPath) =>
        Invoke(shell => shell
            .AddCommand("Import-Module")
            .AddParameter("Name", manifestPath)
            .AddParameter("ErrorAction", ActionPreference.Stop));

    /// <summary>Runs a script text in the global scope, as pwsh -Command does.</summary>
    public int RunCommand(string script) =>
        Invoke(shell =>
        {
            // Parsed here first because the engine's own parse failure carries no position.
            _ = Parser.ParseInput(script, out _, out ParseError[] parseErrors);
            ThrowIfAny(parseErrors);
            shell.AddScript(script).AddCommand("Out-Default");
        });

    /// <summary>Runs a script file in its own scope with the words that followed it, as pwsh -File does.</summary>
    public int RunFile(string path, IReadOnlyList<string> arguments) =>
        Invoke(shell =>
        {
            string fullPath = Path.GetFullPath(path);
            ScriptBlockAst ast = Parser.ParseFile(fullPath, out _, out ParseError[] parseErrors);
            ThrowIfAny(parseErrors);

            ScriptArguments parsed = ScriptArguments.Parse(arguments);
            shell.AddScript(FileRunner)
                .AddParameter(ScriptBlockParameter, ast.GetScriptBlock())
                .AddParameter(NamedParameter, parsed.Named);
            Command runner = shell.Commands.Commands[0];
            foreach (CommandParameter parameter in parsed.Remaining)
            {
                runner.Parameters.Add(parameter);
            }

            shell.AddCommand("Out-Default");
        });

    /// <summary>Stops the running pipeline (Ctrl+C); safe from any thread, returns at once.</summary>
    public void Stop()
    {
        PowerShell? running;
        lock (_gate)
        {
            _stopRequested = true;
            running = _running;
        }

        _ = running?.BeginStop(null, null);
    }

    public void Dispose() => _runspace.Dispose();

    private static void ThrowIfAny(ParseError[] parseErrors)
    {
        if (parseErrors.Length > 0)
        {
            throw new ParseException(parseErrors);
        }
    }

    private int Invoke(Action<PowerShell> build)
    {
        using PowerShell shell = PowerShell.Create();
        shell.Runspace = _runspace;
        int errorCount = 0;

        // Errors print as they happen, between the lines of output they belong with.
        shell.Streams.Error.DataAdded += (sender, e) =>
        {
            var stream = (PSDataCollection<ErrorRecord>)sender!;
            _errors.Write(stream[e.Index]);
            Interlocked.Increment(ref errorCount);
        };

        bool terminated = false;
        try
        {
            build(shell);
            lock (_gate)
            {
                if (_stopRequested)
                {
                    return ExitCodes.Interrupted;
                }

                _running = shell;
            }

            shell.Invoke();
        }
        catch (RuntimeException ex) when (!StopRequested)
        {
            _errors.Write(ex);
            terminated = true;
        }
        catch (RuntimeException)
        {
            // Ctrl+C (PipelineStoppedException, or whatever a stopping cmdlet threw): the answer
            // is the exit code below, not an error message.
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }

        if (StopRequested)
        {
            return ExitCodes.Interrupted;
        }

        if (_host.ExitCode is int exitCode)
        {
            return exitCode;
        }

        return terminated || Volatile.Read(ref errorCount) > 0 ? ExitCodes.ScriptFailed : ExitCodes.Success;
    }
}
