using System;

namespace NetOpsPS.Devices.Inventory;

/// <summary>
/// An inventory that cannot be used: bad YAML, a field of the wrong shape, an unknown group, a
/// group cycle or a secret in the file. Carries the file and the 1-based line where known.
/// </summary>
public sealed class InventoryException : Exception
{
    /// <summary>Creates an exception for a place in a file (line and column 0 when unknown).</summary>
    public InventoryException(InventoryError error, string message, string? source = null, long line = 0, long column = 0, Exception? innerException = null)
        : base(Locate(message, source, line, column), innerException)
    {
        Error = error;
        Source = source;
        Line = line;
        Column = column;
    }

    /// <summary>Creates an unclassified exception.</summary>
    public InventoryException() : this(InventoryError.InvalidInventory, "Invalid inventory.") { }

    /// <summary>Creates an unclassified exception with a message.</summary>
    public InventoryException(string message) : this(InventoryError.InvalidInventory, message) { }

    /// <summary>Creates an unclassified exception with a message and its cause.</summary>
    public InventoryException(string message, Exception innerException)
        : this(InventoryError.InvalidInventory, message, innerException: innerException) { }

    /// <summary>What is wrong.</summary>
    public InventoryError Error { get; }

    /// <summary>The file (or other source name) at fault, when there is one.</summary>
    public new string? Source { get; }

    /// <summary>1-based line in <see cref="Source"/>; 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>1-based column in <see cref="Source"/>; 0 when unknown.</summary>
    public long Column { get; }

    private static string Locate(string message, string? source, long line, long column) =>
        (source, line) switch
        {
            (null, _) => message,
            (_, 0) => $"{source}: {message}",
            _ => $"{source} line {line}, column {column}: {message}",
        };
}
