using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Xml;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf.Internal;

/// <summary>
/// The only way XML enters the engine: DTDs prohibited (so no entity expansion, internal or external), no resolver,
/// and a bound on characters. A DTD from the server is an attack or a bug, never a NETCONF message (RFC 6241 §3).
/// </summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings(long maxCharacters, ConformanceLevel level) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 0,
        ConformanceLevel = level,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Parses one message from the server.</summary>
    public static XElement ParseMessage(ReadOnlyMemory<byte> message, long maxCharacters)
    {
        try
        {
            // The frame decoder hands each message over in an array of its own: read it in place, not a second copy.
            using var stream = MemoryMarshal.TryGetArray(message, out ArraySegment<byte> bytes)
                ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
                : new MemoryStream(message.ToArray(), writable: false);
            using XmlReader reader = XmlReader.Create(stream, Settings(maxCharacters, ConformanceLevel.Document));
            return XElement.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new NetconfException(NetconfError.MalformedXml, Describe(ex, "a message from the server"), ex);
        }
    }

    /// <summary>Parses XML the user gave (config, filter, rpc): one or more top elements.</summary>
    public static IReadOnlyList<XElement> ParseFragment(string xml, string what)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var elements = new List<XElement>();
        try
        {
            using XmlReader reader = XmlReader.Create(new StringReader(xml), Settings(256L * 1024 * 1024, ConformanceLevel.Fragment));
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    elements.Add((XElement)XNode.ReadFrom(reader));
                }
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    throw new NetconfException(NetconfError.InvalidArgument, $"{what} has text outside any element.");
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException ex)
        {
            throw new NetconfException(NetconfError.InvalidArgument, Describe(ex, what), ex);
        }

        if (elements.Count == 0)
        {
            throw new NetconfException(NetconfError.InvalidArgument, $"{what} has no XML element.");
        }

        return elements;
    }

    private static string Describe(XmlException ex, string what) =>
        ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? $"{what} carries a DTD (<!DOCTYPE>), which NETCONF never uses and which could declare entities; refused: {ex.Message}"
            : $"{what} is not well-formed XML: {ex.Message}";
}
