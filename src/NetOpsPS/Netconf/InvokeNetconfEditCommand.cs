using System;
using System.IO;
using System.Management.Automation;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Internal;

namespace NetOpsPS.Netconf;

/// <summary>
/// Invoke-NetconfEdit: a safe configuration change per session. Locks the candidate, edit-config, shows the diff of
/// candidate against running, and commits; on any failure discard-changes, and always unlock. -WhatIf is a real
/// dry run on the device: edit the candidate, validate, return the diff, discard. -Confirm shows the diff and asks
/// before the commit. -ConfirmTimeoutSeconds makes it a confirmed commit (Complete-NetconfCommit confirms it).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "NetconfEdit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByConfig)]
[OutputType(typeof(NetconfApplyResult))]
public sealed class InvokeNetconfEditCommand : NetconfSessionCommandBase
{
    private const string ByConfig = "Config";
    private const string ByPath = "Path";
    private NetconfApplyOptions? _options;

    /// <summary>The configuration: XML text, an XmlDocument or XmlElement ([xml]), or an XElement; a &lt;config&gt; wrapper is optional.</summary>
    [Parameter(ParameterSetName = ByConfig, Mandatory = true, Position = 1)]
    [ValidateNotNull]
    public object? Config { get; set; }

    /// <summary>A file holding the configuration as XML.</summary>
    [Parameter(ParameterSetName = ByPath, Mandatory = true)]
    [Alias("FilePath")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Candidate (then commit) or Running; the candidate when the server has one.</summary>
    [Parameter]
    public NetconfDatastore? Target { get; set; }

    /// <summary>edit-config default-operation: Merge, Replace or None.</summary>
    [Parameter]
    public NetconfDefaultOperation? DefaultOperation { get; set; }

    /// <summary>edit-config test-option: TestThenSet, Set or TestOnly.</summary>
    [Parameter]
    public NetconfTestOption? TestOption { get; set; }

    /// <summary>edit-config error-option: StopOnError, ContinueOnError or RollbackOnError.</summary>
    [Parameter]
    public NetconfErrorOption? ErrorOption { get; set; }

    /// <summary>A confirmed commit: running rolls back after this many seconds unless Complete-NetconfCommit confirms it.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int? ConfirmTimeoutSeconds { get; set; }

    /// <summary>With -ConfirmTimeoutSeconds: a persist id, so the confirmed commit outlives the session and any session can confirm it.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Persist { get; set; }

    /// <summary>A subtree filter (XML text) limiting the diff to part of the configuration.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DiffFilter { get; set; }

    /// <summary>Do not lock the datastore around the change.</summary>
    [Parameter]
    public SwitchParameter NoLock { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        XElement config;
        NetconfFilter? diffFilter;
        try
        {
            config = Path is not null
                ? NetconfXml.ToConfig(File.ReadAllText(this.FileSystemPath(Path)), Path)
                : NetconfXml.ToConfig(Config is PSObject wrapped ? wrapped.BaseObject : Config!);
        }
        catch (NetconfException ex)
        {
            ThrowTerminatingError(NetconfErrors.From(ex, Path ?? "Config"));
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "NetconfConfigUnreadable", ErrorCategory.ReadError, Path));
            return;
        }

        try
        {
            diffFilter = DiffFilter is null ? null : NetconfFilter.FromSubtree(DiffFilter);
        }
        catch (NetconfException ex)
        {
            ThrowTerminatingError(NetconfErrors.From(ex, DiffFilter));
            return;
        }

        _options = new NetconfApplyOptions
        {
            Config = config,
            Target = Target,
            DefaultOperation = DefaultOperation,
            TestOption = TestOption,
            ErrorOption = ErrorOption,
            Lock = !NoLock,
            DryRun = WhatIfRequested(),
            ConfirmTimeout = ConfirmTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Persist = Persist,
            DiffFilter = diffFilter,
        };
    }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachSession(session =>
    {
        NetconfApplyResult result = Apply(session);
        foreach (NetconfStep step in result.Steps)
        {
            WriteVerbose($"{session.Name}: {step.Operation} {(step.Succeeded ? "ok" : "failed: " + step.Error)} ({step.Duration.TotalMilliseconds:0} ms)");
        }

        WriteObject(result);
    });

    private NetconfApplyResult Apply(NetconfSession session)
    {
        string target = ShouldProcessTarget(session);
        NetconfApplyOptions options = _options!;
        WriteProgress(new ProgressRecord(1, "Invoke-NetconfEdit", $"{target}: lock, edit-config, diff") { PercentComplete = 10 });
        NetconfPendingChange change = Await(session.PrepareChangeAsync(options, Cancellation));
        try
        {
            string action = $"Commit to running ({(ConfirmTimeoutSeconds is null ? "plain commit" : $"confirmed, {ConfirmTimeoutSeconds} s to confirm")}): {change.Diff.Summary}\n{change.Diff}";
            if (options.DryRun)
            {
                // -WhatIf: the "What if:" line shows the diff; the result object carries it too.
                ShouldProcess(target, action);
                return Await(change.DiscardAsync(NetconfApplyOutcome.DryRun, Cancellation));
            }

            if (change.Target == NetconfDatastore.Candidate && !change.Diff.HasChanges)
            {
                WriteVerbose($"{session.Name}: the candidate does not differ from running; nothing to commit.");
                return Await(change.DiscardAsync(NetconfApplyOutcome.NoChanges, Cancellation));
            }

            if (!ShouldProcess(target, action))
            {
                return Await(change.DiscardAsync(NetconfApplyOutcome.Declined, Cancellation));
            }

            WriteProgress(new ProgressRecord(1, "Invoke-NetconfEdit", $"{target}: commit") { PercentComplete = 80 });
            return Await(change.CommitAsync(Cancellation));
        }
        finally
        {
            // An unfinished change (Ctrl+C, a failure above) is discarded and unlocked; a finished one is left alone.
            Await(change.DisposeAsync().AsTask());
            WriteProgress(new ProgressRecord(1, "Invoke-NetconfEdit", "done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private bool WhatIfRequested()
    {
        if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? value))
        {
            return LanguagePrimitives.IsTrue(value);
        }

        return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false));
    }
}
