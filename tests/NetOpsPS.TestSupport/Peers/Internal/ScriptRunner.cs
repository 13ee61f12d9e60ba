using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace NetOpsPS.TestSupport.Peers.Internal;

/// <summary>Runs a tests/peers script with a deadline.</summary>
internal static class ScriptRunner
{
    /// <summary>
    /// Runs <paramref name="script"/> and waits at most <paramref name="timeout"/>; on timeout the whole process
    /// tree is killed, including daemons the script had launched but not yet handed over.
    /// Output goes to &lt;outputPrefix&gt;.out/.err files, not pipes: the daemons a start script launches inherit
    /// its stdout, and a pipe would not reach end-of-file until they exit.
    /// </summary>
    public static ScriptResult Run(string script, IEnumerable<string> arguments, string outputPrefix, TimeSpan timeout)
    {
        var outPath = outputPrefix + ".out";
        var errPath = outputPrefix + ".err";
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("o=$1; e=$2; shift 2; exec \"$@\" </dev/null >\"$o\" 2>\"$e\"");
        startInfo.ArgumentList.Add("sh");
        startInfo.ArgumentList.Add(outPath);
        startInfo.ArgumentList.Add(errPath);
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new PeerUnavailableException($"could not start /bin/sh for {script}");
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return new ScriptResult(timedOut ? -1 : process.ExitCode, timedOut, ReadOrEmpty(outPath), ReadOrEmpty(errPath));
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;
}
