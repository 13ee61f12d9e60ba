using System;
using System.Diagnostics;
using System.IO;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Capture.Tests.Support;

/// <summary>
/// The sample captures of tests/peers/capture/make-samples.py, written once per test run by scapy
/// (an encoder independent of ours) into a temporary folder.
/// </summary>
internal static class Samples
{
    private static readonly Lazy<string> Folder = new(Make);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string PathOf(string name) => Path.Combine(Folder.Value, name);

    private static string Make()
    {
        Peer.RequireBinaries(new PeerBinary("/usr/bin/python3", "python3"), new PeerBinary("/usr/lib/python3/dist-packages/scapy/__init__.py", "python3-scapy"));
        string dir = Path.Combine(Path.GetTempPath(), "netops-capture-samples-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string script = Path.Combine(RepoRoot, "tests", "peers", "capture", "make-samples.py");
        ProcessResult result = ProcessRunner.Run("/usr/bin/python3", [script, dir], TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-samples.py failed ({result.ExitCode}): {result.Error}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        return dir;
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetOpsPS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NetOpsPS.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record ProcessResult(int ExitCode, string Output, string Error);

internal static class ProcessRunner
{
    /// <summary>Runs a program to its end (killed at the deadline) and returns its exit code and output.</summary>
    public static ProcessResult Run(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
