using System;
using System.IO;

namespace NetOpsPS.Host;

/// <summary>netops: parse the command line, import NetOpsPS, run the script, return its exit code.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        HostCommandLine commandLine = HostCommandLine.Parse(args);
        switch (commandLine.Mode)
        {
            case HostMode.Help:
                Console.Out.WriteLine(UsageText.Text);
                return ExitCodes.Success;
            case HostMode.Invalid:
                Console.Error.WriteLine($"netops: {commandLine.Problem} Run 'netops -Help' for usage.");
                return ExitCodes.BadCommandLine;
        }

        string? manifest = ModuleLocator.Locate(out string problem);
        if (commandLine.Mode == HostMode.Version)
        {
            PrintVersions(manifest, problem);
            return ExitCodes.Success;
        }

        if (manifest is null)
        {
            Console.Error.WriteLine("netops: " + problem);
            return ExitCodes.InitFailure;
        }

        if (commandLine.Mode == HostMode.File && !File.Exists(commandLine.FilePath))
        {
            Console.Error.WriteLine($"netops: the script file '{commandLine.FilePath}' does not exist.");
            return ExitCodes.BadCommandLine;
        }

        try
        {
            return Run(commandLine, manifest);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Script failures are handled inside Run; this is netops itself failing (the runspace
            // would not open, a host bug): say so with the stack, for the bug report.
            Console.Error.WriteLine($"netops: internal error: {ex}");
            return ExitCodes.InitFailure;
        }
    }

    private static int Run(HostCommandLine commandLine, string manifest)
    {
        PutOnModulePath(manifest);
        var host = new NetOpsHost(Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected);
        var errors = new ErrorRecordWriter(Console.Error, manifest);
        using ScriptSession session = ScriptSession.Open(host, errors);

        // The first Ctrl+C stops the pipeline (cmdlets release their sockets in StopProcessing);
        // a second one, if that hangs, ends the process the usual way.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!session.StopRequested)
            {
                e.Cancel = true;
                session.Stop();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            int imported = session.ImportModule(manifest);
            if (imported != ExitCodes.Success)
            {
                if (session.StopRequested)
                {
                    return ExitCodes.Interrupted;
                }

                Console.Error.WriteLine($"netops: could not import NetOpsPS from '{manifest}'.");
                return ExitCodes.InitFailure;
            }

            return commandLine.Mode == HostMode.File
                ? session.RunFile(commandLine.FilePath, commandLine.FileArguments)
                : session.RunCommand(commandLine.ReadsStdin ? Console.In.ReadToEnd() : commandLine.Script);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    // `Import-Module NetOpsPS` in a script then finds the module netops imported. The engine reads
    // PSModulePath when the runspace opens.
    private static void PutOnModulePath(string manifest)
    {
        if (ModuleLocator.ModuleRoot(manifest) is { } moduleRoot)
        {
            string? modulePath = Environment.GetEnvironmentVariable("PSModulePath");
            Environment.SetEnvironmentVariable(
                "PSModulePath",
                string.IsNullOrEmpty(modulePath) ? moduleRoot : moduleRoot + Path.PathSeparator + modulePath);
        }
    }

    private static void PrintVersions(string? manifest, string problem)
    {
        Console.Out.WriteLine($"netops {HostVersion.Text}");
        Console.Out.WriteLine(manifest is null
            ? $"NetOpsPS not found: {problem}"
            : $"NetOpsPS {ModuleLocator.ReadModuleVersion(manifest)} {manifest}");
        Console.Out.WriteLine($"PowerShell {HostVersion.EngineText}");
    }
}
