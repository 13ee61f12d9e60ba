using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace NetOpsPS.Module.Tests.Harness;

/// <summary>
/// A runspace on the real PowerShell engine with the built NetOpsPS folder imported, as a user
/// would import it. <see cref="Run"/> runs a pipeline and hands back its objects and streams.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    private PowerShellSession(Runspace runspace) => _runspace = runspace;

    /// <summary>Opens a runspace and imports the module (unless <paramref name="importModule"/> is false).</summary>
    public static PowerShellSession Open(bool importModule = true)
    {
        InitialSessionState state = InitialSessionState.CreateDefault2();
        Runspace runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        var session = new PowerShellSession(runspace);
        if (importModule)
        {
            session.Run("Import-Module -Name $args[0] -ErrorAction Stop", ModulePaths.Manifest).AssertClean();
        }

        return session;
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/> as $args and returns what it produced.</summary>
    public PsResult Run(string script, params object?[] args)
    {
        using PowerShell ps = Create(script, args);
        Exception? terminating = null;
        var output = new List<PSObject>();
        try
        {
            output.AddRange(ps.Invoke());
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }

        return Collect(ps, output, terminating);
    }

    /// <summary>
    /// Starts <paramref name="script"/>, waits until <paramref name="ready"/> says it is under way (checked on
    /// every verbose record), then stops it as Ctrl+C would. Returns the result and how long the stop took.
    /// </summary>
    public (PsResult Result, TimeSpan StopTook) RunAndStop(string script, Func<string, bool> ready, TimeSpan readyWithin, params object?[] args)
    {
        using PowerShell ps = Create(script, args);
        using var underWay = new ManualResetEventSlim();
        ps.Streams.Verbose.DataAdded += (_, e) =>
        {
            if (ready(ps.Streams.Verbose[e.Index].Message))
            {
                underWay.Set();
            }
        };
        var output = new PSDataCollection<PSObject>();
        IAsyncResult pending = ps.BeginInvoke<PSObject, PSObject>(null, output);
        if (!underWay.Wait(readyWithin))
        {
            ps.Stop();
            throw new Xunit.Sdk.XunitException("The pipeline never reported that it was under way.");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Exception? terminating = null;
        try
        {
            ps.EndInvoke(pending);
        }
        catch (PipelineStoppedException ex)
        {
            terminating = ex;
        }

        watch.Stop();
        return (Collect(ps, output.ToList(), terminating ?? (ps.InvocationStateInfo.State == PSInvocationState.Stopped ? new PipelineStoppedException() : null)), watch.Elapsed);
    }

    public void Dispose() => _runspace.Dispose();

    private PowerShell Create(string script, object?[] args)
    {
        PowerShell ps = PowerShell.Create(_runspace);
        ps.AddScript(script);
        foreach (object? arg in args)
        {
            ps.AddArgument(arg);
        }

        return ps;
    }

    private static PsResult Collect(PowerShell ps, List<PSObject> output, Exception? terminating) => new()
    {
        Output = output,
        Errors = ps.Streams.Error.ToList(),
        Warnings = ps.Streams.Warning.Select(w => w.Message).ToList(),
        Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList(),
        Progress = ps.Streams.Progress.ToList(),
        Terminating = terminating,
    };
}
