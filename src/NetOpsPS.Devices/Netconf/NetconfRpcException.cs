using System;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>The server answered an RPC with one or more &lt;rpc-error&gt;s of severity error.</summary>
public sealed class NetconfRpcException : NetconfException
{
    /// <summary>Creates the exception from the errors of one reply.</summary>
    public NetconfRpcException(string operation, IReadOnlyList<NetconfRpcError> errors)
        : base(NetconfError.Unknown, $"{operation} failed: " + string.Join("; ", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.ToString())))
    {
        Operation = operation;
        Errors = errors;
    }

    /// <summary>Creates an empty exception.</summary>
    public NetconfRpcException() : this("rpc", []) { }

    /// <summary>Creates an exception with a message.</summary>
    public NetconfRpcException(string message) : this(message, []) { }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public NetconfRpcException(string message, Exception innerException) : base(NetconfError.Unknown, message, innerException)
    {
        Operation = "rpc";
        Errors = [];
    }

    /// <summary>The operation that failed (edit-config, commit...).</summary>
    public string Operation { get; }

    /// <summary>Every rpc-error of the reply, warnings included.</summary>
    public IReadOnlyList<NetconfRpcError> Errors { get; }

    /// <summary>The first error's tag (lock-denied, invalid-value...).</summary>
    public string Tag => Errors.FirstOrDefault(e => e.IsError)?.Tag ?? string.Empty;
}
