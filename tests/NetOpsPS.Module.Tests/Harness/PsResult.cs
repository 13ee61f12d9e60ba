using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace NetOpsPS.Module.Tests.Harness;

/// <summary>Everything one pipeline produced: objects, error records, other streams, and a terminating error if any.</summary>
public sealed class PsResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }

    public required IReadOnlyList<ErrorRecord> Errors { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required IReadOnlyList<string> Verbose { get; init; }

    public required IReadOnlyList<ProgressRecord> Progress { get; init; }

    /// <summary>The exception that ended the pipeline, when one did.</summary>
    public Exception? Terminating { get; init; }

    /// <summary>Error ids without the ",CommandName" suffix PowerShell adds.</summary>
    public IEnumerable<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]);

    /// <summary>Fails with the errors' text when anything went wrong; tests call it to get a clear message.</summary>
    public PsResult AssertClean()
    {
        if (Terminating is not null || Errors.Count > 0)
        {
            string errors = string.Join(Environment.NewLine, Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}"));
            throw new Xunit.Sdk.XunitException($"Pipeline failed. Terminating: {Terminating}{Environment.NewLine}Errors:{Environment.NewLine}{errors}");
        }

        return this;
    }

    /// <summary>The single output object; fails when there is not exactly one.</summary>
    public PSObject Single()
    {
        AssertClean();
        if (Output.Count != 1)
        {
            throw new Xunit.Sdk.XunitException($"Expected one object, got {Output.Count}: {string.Join(", ", Output)}");
        }

        return Output[0];
    }
}
