using System;
using System.Management.Automation;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Ssh;

/// <summary>ErrorRecords for SSH failures: the id is Ssh plus the error code (SshHostKeyUnknown, SshAuthenticationFailed...).</summary>
internal static class SshErrors
{
    /// <summary>The record for <paramref name="ex"/>; <paramref name="errorId"/> replaces the id made from the code.</summary>
    public static ErrorRecord From(SshException ex, object? target, string? errorId = null)
    {
        ErrorCategory category = ex.Error switch
        {
            SshError.HostKeyUnknown or SshError.HostKeyChanged or SshError.HostKeyRevoked => ErrorCategory.SecurityError,
            SshError.AuthenticationFailed => ErrorCategory.AuthenticationError,
            SshError.NameResolution => ErrorCategory.ObjectNotFound,
            SshError.Timeout => ErrorCategory.OperationTimeout,
            SshError.KeyFileInvalid or SshError.InvalidArgument => ErrorCategory.InvalidArgument,
            SshError.ChannelRefused => ErrorCategory.ResourceUnavailable,
            SshError.NotConnected => ErrorCategory.InvalidOperation,
            SshError.Unknown => ErrorCategory.NotSpecified,
            _ => ErrorCategory.ConnectionError,
        };
        string suffix = ex.Error == SshError.Unknown ? "Failed" : ex.Error.ToString();
        var record = new ErrorRecord(ex, errorId ?? "Ssh" + suffix, category, target);
        if (ex.HostKey is { } key)
        {
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = $"Compare {key.Fingerprint} with the device's own (ssh-keygen -lf on the device, or its console)." };
        }

        return record;
    }

    /// <summary>A secret as plain text for SSH.NET, which takes nothing else; never logged.</summary>
    public static string? Plain(System.Security.SecureString? secret) =>
        secret is null ? null : new System.Net.NetworkCredential(string.Empty, secret).Password;
}
