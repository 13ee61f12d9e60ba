using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace NetOpsPS.Host;

/// <summary>
/// Prints error records to stderr in a form a person can act on in a plain log: the message
/// (prefixed with the command that failed), the fully qualified error id and category (what
/// scripts and searches key on), then the script position when there is one. No colours and no
/// $ErrorView, because the engine's views assume an interactive console.
/// </summary>
internal sealed class ErrorRecordWriter
{
    private const string Indent = "    + ";

    private readonly TextWriter _error;
    private readonly string _modulePath;

    public ErrorRecordWriter(TextWriter error, string modulePath)
    {
        _error = error;
        _modulePath = modulePath;
    }

    /// <summary>An error written to the error stream (non-terminating, or a failed statement).</summary>
    public void Write(ErrorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _error.WriteLine(MessageOf(record));
        WriteIdAndPosition(record);
    }

    /// <summary>The exception that ended the script: a parse error, a throw, an -ErrorAction Stop.</summary>
    public void Write(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is ParseException { Errors.Length: > 0 } parse)
        {
            foreach (ParseError error in parse.Errors)
            {
                Write(error);
            }

            return;
        }

        if (exception is IContainsErrorRecord { ErrorRecord: { } record })
        {
            Write(record);
            return;
        }

        _error.WriteLine(exception.Message);
        _error.WriteLine($"{Indent}FullyQualifiedErrorId : {exception.GetType().Name}");
    }

    private void Write(ParseError error)
    {
        _error.WriteLine("ParserError: " + error.Message);
        _error.WriteLine($"{Indent}FullyQualifiedErrorId : {error.ErrorId}");
        _error.WriteLine($"{Indent}CategoryInfo          : {ErrorCategory.ParserError}");
        WritePosition(InvocationInfo.Create(null, error.Extent).PositionMessage);
    }

    private void WriteIdAndPosition(ErrorRecord record)
    {
        _error.WriteLine($"{Indent}FullyQualifiedErrorId : {record.FullyQualifiedErrorId}");
        _error.WriteLine($"{Indent}CategoryInfo          : {record.CategoryInfo}");
        // The line that starts a -File script is netops' own, not the user's: no position to show.
        if (record.InvocationInfo is { } invocation && invocation.Line?.Trim() != ScriptSession.FileRunner)
        {
            WritePosition(invocation.PositionMessage);
        }
    }

    private void WritePosition(string? positionMessage)
    {
        if (!string.IsNullOrWhiteSpace(positionMessage))
        {
            _error.WriteLine(positionMessage.TrimEnd());
        }
    }

    private string MessageOf(ErrorRecord record)
    {
        if (record.Exception is CommandNotFoundException notFound
            && MissingCmdletCatalog.TryFind(notFound.CommandName, out string cmdlet, out string module))
        {
            return MissingCmdletMessage(notFound.CommandName, cmdlet, module);
        }

        string message = record.ErrorDetails?.Message is { Length: > 0 } details ? details : record.Exception.Message;
        string? command = record.InvocationInfo?.MyCommand?.Name;
        return record.InvocationInfo?.MyCommand is CmdletInfo or FunctionInfo && !string.IsNullOrEmpty(command)
            ? $"{command}: {message}"
            : message;
    }

    private string MissingCmdletMessage(string typed, string cmdlet, string module)
    {
        string name = string.Equals(typed, cmdlet, StringComparison.OrdinalIgnoreCase) ? $"'{cmdlet}'" : $"'{typed}' (alias of {cmdlet})";
        return $"netops: {name} is a cmdlet of {module}, which needs full pwsh 7.4+; the embedded engine in netops "
            + $"carries only the core cmdlets. Run this script in pwsh with Import-Module {_modulePath}, "
            + $"or rewrite it with {MissingCmdletCatalog.RewriteFor(cmdlet)}.";
    }
}
