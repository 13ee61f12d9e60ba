using System;

namespace NetOpsPS.Capture.Rules;

/// <summary>A TLS rule file that cannot be used, with the place of the fault (1-based line and column).</summary>
public sealed class TlsRuleFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TlsRuleFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TlsRuleFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TlsRuleFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TlsRuleFileException(string source, long line, long column, string problem, Exception? innerException = null)
        : base($"{source} line {line}, column {column}: {problem}", innerException)
    {
        FilePath = source;
        Line = line;
        Column = column;
    }

    /// <summary>The file (or "rules" for text) the fault is in.</summary>
    public string? FilePath { get; }

    /// <summary>The line of the fault.</summary>
    public long Line { get; }

    /// <summary>The column of the fault.</summary>
    public long Column { get; }
}
