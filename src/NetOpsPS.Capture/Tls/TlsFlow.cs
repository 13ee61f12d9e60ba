using System;
using System.Net;

namespace NetOpsPS.Capture.Tls;

/// <summary>The TCP connection a handshake ran on, oriented client to server.</summary>
public sealed class TlsFlow : IEquatable<TlsFlow>
{
    /// <summary>Creates a flow from the client's and the server's endpoints.</summary>
    public TlsFlow(IPAddress clientAddress, int clientPort, IPAddress serverAddress, int serverPort)
    {
        ClientAddress = clientAddress ?? throw new ArgumentNullException(nameof(clientAddress));
        ServerAddress = serverAddress ?? throw new ArgumentNullException(nameof(serverAddress));
        ClientPort = clientPort;
        ServerPort = serverPort;
    }

    /// <summary>The address that sent the ClientHello.</summary>
    public IPAddress ClientAddress { get; }

    /// <summary>The client's TCP port.</summary>
    public int ClientPort { get; }

    /// <summary>The address that received the ClientHello.</summary>
    public IPAddress ServerAddress { get; }

    /// <summary>The server's TCP port.</summary>
    public int ServerPort { get; }

    /// <inheritdoc />
    public bool Equals(TlsFlow? other) =>
        other is not null && ClientPort == other.ClientPort && ServerPort == other.ServerPort
        && ClientAddress.Equals(other.ClientAddress) && ServerAddress.Equals(other.ServerAddress);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TlsFlow);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ClientAddress, ClientPort, ServerAddress, ServerPort);

    /// <summary>client:port -> server:port, with IPv6 addresses in brackets.</summary>
    public override string ToString() => Endpoint(ClientAddress, ClientPort) + " -> " + Endpoint(ServerAddress, ServerPort);

    private static string Endpoint(IPAddress address, int port) => new IPEndPoint(address, port).ToString();
}
