using NetOpsPS.Internal;
using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using NetOpsPS.Capture.Rules;
using NetOpsPS.Capture.Tls;

namespace NetOpsPS.Tls;

/// <summary>
/// Test-TlsAnomaly: applies TLS anomaly rules (objects from New-TlsAnomalyRule, or a YAML rule file) to
/// handshakes from Get-TlsHandshake or from capture files; each hit is a finding with the rule, the evidence
/// and the flow.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "TlsAnomaly", DefaultParameterSetName = HandshakeSet)]
[OutputType(typeof(TlsAnomalyFinding))]
public sealed class TestTlsAnomalyCommand : TlsCaptureCommandBase
{
    private const string HandshakeSet = "Handshake";
    private readonly List<TlsAnomalyRule> _rules = [];

    /// <summary>Handshakes to test, such as those of Get-TlsHandshake.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = HandshakeSet)]
    public TlsHandshake? InputObject { get; set; }

    /// <summary>Rules made by New-TlsAnomalyRule.</summary>
    [Parameter]
    public TlsAnomalyRule[] Rule { get; set; } = [];

    /// <summary>A YAML file of rules (a 'rules:' list; see about_NetOpsPS).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RuleFile { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _rules.AddRange(Rule);
        if (RuleFile is not null)
        {
            _rules.AddRange(LoadRuleFile(this.FileSystemPath(RuleFile)));
        }

        if (_rules.Count == 0)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("Give rules with -Rule (New-TlsAnomalyRule) or -RuleFile (YAML)."),
                "TlsAnomalyNoRules",
                ErrorCategory.InvalidArgument,
                null));
        }

        WriteVerbose($"Testing {_rules.Count} rule(s): {string.Join("; ", _rules)}");
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName != HandshakeSet)
        {
            ReadFiles();
        }
        else if (InputObject is { } handshake)
        {
            OnHandshake(handshake);
        }
    }

    /// <inheritdoc />
    protected override void OnHandshake(TlsHandshake handshake)
    {
        foreach (var finding in TlsAnomalyDetector.Evaluate(handshake, _rules))
        {
            WriteObject(finding);
        }
    }

    private IReadOnlyList<TlsAnomalyRule> LoadRuleFile(string path)
    {
        try
        {
            return TlsRuleFile.Load(path);
        }
        catch (TlsRuleFileException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "TlsAnomalyRuleFileInvalid", ErrorCategory.InvalidData, path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "TlsAnomalyRuleFileNotFound", ErrorCategory.ObjectNotFound, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "TlsAnomalyRuleFileUnreadable", ErrorCategory.ReadError, path));
        }

        return [];
    }
}
