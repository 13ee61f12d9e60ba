using System;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Host;

/// <summary>
/// A parsed netops command line. The option names and their short forms are pwsh's, so a runbook
/// line written for pwsh (pwsh -NoProfile -NonInteractive -File x.ps1 -Port 22) runs unchanged.
/// </summary>
internal sealed class HostCommandLine
{
    private HostCommandLine(HostMode mode)
    {
        Mode = mode;
    }

    public HostMode Mode { get; }

    /// <summary>The script text, for <see cref="HostMode.Command"/>; "-" means: read it from stdin.</summary>
    public string Script { get; private init; } = string.Empty;

    /// <summary>-Command - : the script text comes from stdin.</summary>
    public bool ReadsStdin => Mode == HostMode.Command && Script == "-";

    /// <summary>The script file, for <see cref="HostMode.File"/>.</summary>
    public string FilePath { get; private init; } = string.Empty;

    /// <summary>The arguments after the script file, as typed.</summary>
    public IReadOnlyList<string> FileArguments { get; private init; } = Array.Empty<string>();

    /// <summary>Why the command line is <see cref="HostMode.Invalid"/>.</summary>
    public string Problem { get; private init; } = string.Empty;

    public static HostCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return Invalid("nothing to run.");
        }

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "-")
            {
                // As in pwsh: the script comes from stdin.
                return new HostCommandLine(HostMode.Command) { Script = arg };
            }

            if (!IsOption(arg))
            {
                // pwsh joins the words of a bare command line with single spaces, and so does netops.
                return new HostCommandLine(HostMode.Command) { Script = Join(args, i) };
            }

            switch (arg.TrimStart('-').ToUpperInvariant())
            {
                case "NOPROFILE" or "NOP" or "NONINTERACTIVE" or "NONI" or "NOLOGO" or "NOL":
                    // Accepted for pwsh compatibility: netops never loads a profile, never prompts, never prints a banner.
                    continue;
                case "HELP" or "H" or "?":
                    return new HostCommandLine(HostMode.Help);
                case "VERSION" or "V":
                    return new HostCommandLine(HostMode.Version);
                case "COMMAND" or "C":
                    return i + 1 < args.Count
                        ? new HostCommandLine(HostMode.Command) { Script = Join(args, i + 1) }
                        : Invalid($"{arg} needs a script text, e.g. {arg} 'Get-TcpServer'.");
                case "FILE" or "F":
                    return i + 1 < args.Count && args[i + 1].Length > 0
                        ? new HostCommandLine(HostMode.File) { FilePath = args[i + 1], FileArguments = Slice(args, i + 2) }
                        : Invalid($"{arg} needs the path of a script file.");
                default:
                    return Invalid($"unknown option '{arg}'.");
            }
        }

        return Invalid("nothing to run after the options.");
    }

    // "/" is not an option prefix, so a Unix path stays a command.
    private static bool IsOption(string arg) => arg.Length > 1 && arg[0] == '-';

    private static HostCommandLine Invalid(string problem) => new(HostMode.Invalid) { Problem = problem };

    private static string Join(IReadOnlyList<string> args, int start) => string.Join(' ', Slice(args, start));

    private static string[] Slice(IReadOnlyList<string> args, int start) => args.Skip(start).ToArray();
}
