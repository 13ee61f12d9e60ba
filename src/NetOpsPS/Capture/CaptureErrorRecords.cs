using System;
using System.IO;
using System.Management.Automation;
using NetOpsPS.Capture;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>Maps capture engine failures to ErrorRecords: the id is "Capture" plus the error code (CaptureLibpcapMissing...).</summary>
internal static class CaptureErrorRecords
{
    public static ErrorRecord From(CaptureException ex, object? target)
    {
        ErrorCategory category = ex.Error switch
        {
            CaptureError.LibpcapMissing => ErrorCategory.NotInstalled,
            CaptureError.PermissionDenied => ErrorCategory.PermissionDenied,
            CaptureError.DeviceNotFound => ErrorCategory.ObjectNotFound,
            CaptureError.InvalidFilter => ErrorCategory.InvalidArgument,
            CaptureError.DeviceOpenFailed => ErrorCategory.OpenError,
            CaptureError.ReadFailed => ErrorCategory.ReadError,
            CaptureError.UnknownFileFormat or CaptureError.CorruptFile or CaptureError.TruncatedFile => ErrorCategory.InvalidData,
            CaptureError.UnsupportedLinkType => ErrorCategory.InvalidType,
            _ => ErrorCategory.NotSpecified,
        };
        string suffix = ex.Error == CaptureError.Unknown ? "Failed" : ex.Error.ToString();
        return new ErrorRecord(ex, "Capture" + suffix, category, target);
    }

    /// <summary>
    /// Any failure of one file or one capture, as an ErrorRecord: <paramref name="id"/> plus NotFound, AccessDenied
    /// or IOError, the last with <paramref name="ioCategory"/> (ReadError or WriteError, as the file was used).
    /// </summary>
    public static ErrorRecord From(Exception ex, string id, ErrorCategory ioCategory, object? target) => ex switch
    {
        CaptureException capture => From(capture, target),
        FileNotFoundException or DirectoryNotFoundException => new ErrorRecord(ex, id + "NotFound", ErrorCategory.ObjectNotFound, target),
        UnauthorizedAccessException => new ErrorRecord(ex, id + "AccessDenied", ErrorCategory.PermissionDenied, target),
        IOException => new ErrorRecord(ex, id + "IOError", ioCategory, target),
        _ => new ErrorRecord(ex, id + "Failed", ErrorCategory.NotSpecified, target),
    };
}
