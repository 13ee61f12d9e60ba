using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace NetOpsPS.Host;

/// <summary>
/// Writes what the engine shows to two plain streams: formatted output to stdout, and errors,
/// warnings, verbose and debug lines to stderr with pwsh's prefixes, so a runbook log and a CI
/// job can tell them apart. Console colours are dropped, and the ANSI styles the engine puts in
/// table headers are kept only for a terminal that wants colour: these streams are logs more often
/// than terminals. Every prompt fails at once (<see cref="HostPromptUnavailableException"/>).
/// </summary>
internal sealed class NetOpsHostUserInterface : PSHostUserInterface
{
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly NetOpsHostRawUserInterface _rawUI;

    public NetOpsHostUserInterface(TextWriter output, TextWriter error, bool outputIsTerminal)
    {
        _output = output;
        _error = error;
        _rawUI = new NetOpsHostRawUserInterface(outputIsTerminal);

        // https://no-color.org; TERM=dumb is what editors and CI runners set for a terminal without escapes.
        SupportsVirtualTerminal = outputIsTerminal
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
    }

    public override PSHostRawUserInterface RawUI => _rawUI;

    public override bool SupportsVirtualTerminal { get; }

    public override void Write(string value) => _output.Write(ForOutput(value));

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

    public override void WriteLine(string value) => _output.WriteLine(ForOutput(value));

    public override void WriteErrorLine(string value) => _error.WriteLine(Plain(value));

    public override void WriteWarningLine(string message) => _error.WriteLine("WARNING: " + Plain(message));

    public override void WriteVerboseLine(string message) => _error.WriteLine("VERBOSE: " + Plain(message));

    public override void WriteDebugLine(string message) => _error.WriteLine("DEBUG: " + Plain(message));

    // WriteInformation keeps the base no-op: the engine itself writes information records that
    // the InformationPreference lets through with WriteLine; this hook only sees every record.
    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        // Ignored on purpose: progress bars redrawn into a runbook log or a CI job are noise, and a
        // cmdlet's results and errors already say what happened.
    }

    public override string ReadLine() => throw HostPromptUnavailableException.For("Read a line");

    public override SecureString ReadLineAsSecureString() => throw HostPromptUnavailableException.For("Read a secret");

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw HostPromptUnavailableException.For(PromptSubject("Prompt for", descriptions));

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
        throw HostPromptUnavailableException.For(string.IsNullOrEmpty(message) ? "Ask for a choice" : $"Ask \"{message}\"");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw HostPromptUnavailableException.For("Prompt for a credential");

    public override PSCredential PromptForCredential(
        string caption,
        string message,
        string userName,
        string targetName,
        PSCredentialTypes allowedCredentialTypes,
        PSCredentialUIOptions options) =>
        throw HostPromptUnavailableException.For("Prompt for a credential");

    // The engine's contract: a host strips the styles it cannot show (PSHostUserInterface.GetOutputString).
    private string ForOutput(string value) => GetOutputString(value, SupportsVirtualTerminal);

    private static string Plain(string value) => GetOutputString(value, supportsVirtualTerminal: false);

    // Names the fields a prompt wanted (a mandatory parameter's name), so the fix is obvious.
    private static string PromptSubject(string verb, Collection<FieldDescription>? descriptions)
    {
        if (descriptions is null || descriptions.Count == 0)
        {
            return verb + " input";
        }

        var names = new List<string>(descriptions.Count);
        foreach (FieldDescription description in descriptions)
        {
            names.Add(description.Name);
        }

        return $"{verb} {string.Join(", ", names)}";
    }
}
