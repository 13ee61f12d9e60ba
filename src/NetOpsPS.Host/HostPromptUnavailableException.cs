using System;
using System.Management.Automation;

namespace NetOpsPS.Host;

/// <summary>
/// Thrown by every host method that would wait for a person. netops runs in runbooks and CI jobs
/// where nobody answers: failing at once with a clear message beats a job that hangs until its
/// timeout. A <see cref="RuntimeException"/> so the engine reports it as an ordinary script error.
/// </summary>
public sealed class HostPromptUnavailableException : RuntimeException
{
    private const string DefaultMessage =
        "netops runs without a console, so it cannot prompt: pass every value as a parameter "
        + "(Read-Host, $Host.UI.ReadLine(), -Confirm and missing mandatory parameters cannot be answered).";

    private ErrorRecord? _errorRecord;

    public HostPromptUnavailableException()
        : base(DefaultMessage)
    {
    }

    public HostPromptUnavailableException(string message)
        : base(message)
    {
    }

    public HostPromptUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A prompt of this kind (e.g. "Read a line") was asked for.</summary>
    public static HostPromptUnavailableException For(string what) =>
        new($"{what}: {DefaultMessage}");

    /// <inheritdoc />
    public override ErrorRecord ErrorRecord =>
        _errorRecord ??= new ErrorRecord(
            new ParentContainsErrorRecordException(this), "HostPromptUnavailable", ErrorCategory.InvalidOperation, null);
}
