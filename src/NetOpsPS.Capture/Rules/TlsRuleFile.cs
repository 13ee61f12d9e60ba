using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetOpsPS.Capture.Tls;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetOpsPS.Capture.Rules;

/// <summary>
/// Reads TLS anomaly rules from YAML. Every fault (syntax, unknown key or kind, a value of the wrong form,
/// bounds that are not a range) is a <see cref="TlsRuleFileException"/> naming the line and column.
/// </summary>
/// <example>
/// rules:
///   - name: no-sni
///     kind: MissingSni
///     severity: Medium
///   - kind: SniLength
///     minimumLength: 4
///     maximumLength: 253
///   - kind: AlpnNotAllowed
///     allowedAlpn: [h2, http/1.1]
///   - kind: DeprecatedVersion
///     versions: [TLS1.0, TLS1.1]
///   - kind: WeakCipher
///     cipherSuites: [TLS_RSA_WITH_AES_128_CBC_SHA, 0x009c]
///   - kind: SlowHandshake
///     limit: 250ms
///   - kind: Ja3Blocked
///     fingerprints: [e7d705a3286e19ea42f587b344ee6865]
/// </example>
public static class TlsRuleFile
{
    // Rule files are written by people; a file this large is a mistake (or an attack on memory).
    private const long MaxFileBytes = 4 * 1024 * 1024;

    private static readonly Dictionary<TlsAnomalyKind, string[]> KeysByKind = new()
    {
        [TlsAnomalyKind.MissingSni] = [],
        [TlsAnomalyKind.SniLength] = ["minimumLength", "maximumLength"],
        [TlsAnomalyKind.AlpnNotAllowed] = ["allowedAlpn"],
        [TlsAnomalyKind.DeprecatedVersion] = ["versions"],
        [TlsAnomalyKind.WeakCipher] = ["cipherSuites"],
        [TlsAnomalyKind.SlowHandshake] = ["limit"],
        [TlsAnomalyKind.Ja3Blocked] = ["fingerprints"],
        [TlsAnomalyKind.Ja4Blocked] = ["fingerprints"],
    };

    private static readonly string[] CommonKeys = ["name", "kind", "severity"];

    /// <summary>Reads the rules in a file.</summary>
    public static IReadOnlyList<TlsAnomalyRule> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxFileBytes)
        {
            throw new TlsRuleFileException(path, 1, 1, $"the file has {info.Length} bytes; rule files are limited to {MaxFileBytes}");
        }

        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>Reads rules from YAML text; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<TlsAnomalyRule> Parse(TextReader text, string source = "rules")
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException ex)
        {
            throw new TlsRuleFileException(source, ex.Start.Line, ex.Start.Column, "not valid YAML: " + ex.Message, ex);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new TlsRuleFileException(source, 1, 1, "expected one YAML document with a 'rules:' list");
        }

        var file = new Reader(source);
        file.CheckKeys(root, ["rules"], "the document");
        if (!root.Children.TryGetValue(new YamlScalarNode("rules"), out var list) || list is not YamlSequenceNode rules)
        {
            throw file.Fault(root, "expected a 'rules:' key holding a list of rules");
        }

        var result = new List<TlsAnomalyRule>();
        foreach (var node in rules)
        {
            var rule = file.Rule(node);
            if (result.Any(r => string.Equals(r.Name, rule.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw file.Fault(node, $"a second rule named '{rule.Name}' (give each rule its own name)");
            }

            result.Add(rule);
        }

        return result;
    }

    private sealed class Reader(string source)
    {
        public TlsRuleFileException Fault(YamlNode node, string problem) =>
            new(source, node.Start.Line, node.Start.Column, problem);

        public void CheckKeys(YamlMappingNode map, IEnumerable<string> allowed, string where)
        {
            var known = allowed.ToArray();
            foreach (var key in map.Children.Keys)
            {
                string name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    throw Fault(key, $"unknown key '{name}' in {where} (known: {string.Join(", ", known)})");
                }
            }
        }

        public TlsAnomalyRule Rule(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                throw Fault(node, "a rule must be a mapping with at least 'kind:'");
            }

            var kindNode = Get(map, "kind") ?? throw Fault(map, "the rule has no 'kind:' (one of " + string.Join(", ", Enum.GetNames<TlsAnomalyKind>()) + ")");
            var kind = EnumValue<TlsAnomalyKind>(kindNode, "kind");
            string? name = Get(map, "name") is { } n ? Scalar(n, "name") : null;
            CheckKeys(map, CommonKeys.Concat(KeysByKind[kind]), $"a {kind} rule");
            var severity = Get(map, "severity") is { } s ? EnumValue<TlsAnomalySeverity>(s, "severity") : (TlsAnomalySeverity?)null;
            try
            {
                return Build(map, kind, name, severity);
            }
            catch (ArgumentException ex)
            {
                throw new TlsRuleFileException(source, map.Start.Line, map.Start.Column, $"rule '{name ?? kind.ToString()}': {ex.Message}", ex);
            }
        }

        private TlsAnomalyRule Build(YamlMappingNode map, TlsAnomalyKind kind, string? name, TlsAnomalySeverity? severity)
        {
            TlsAnomalyRule rule = kind switch
            {
                TlsAnomalyKind.MissingSni => TlsAnomalyRule.MissingSni(name),
                TlsAnomalyKind.SniLength => TlsAnomalyRule.SniLength(Integer(map, "minimumLength"), Integer(map, "maximumLength"), name),
                TlsAnomalyKind.AlpnNotAllowed => TlsAnomalyRule.AlpnNotAllowed(Required(map, "allowedAlpn"), name),
                TlsAnomalyKind.DeprecatedVersion => TlsAnomalyRule.DeprecatedVersion(Codes(map, "versions", TlsCodeParser.TryParseVersion), name),
                TlsAnomalyKind.WeakCipher => TlsAnomalyRule.WeakCipher(Codes(map, "cipherSuites", TlsCodeParser.TryParseCipherSuite), name),
                TlsAnomalyKind.SlowHandshake => TlsAnomalyRule.SlowHandshake(Duration(map, "limit"), name),
                TlsAnomalyKind.Ja3Blocked => TlsAnomalyRule.Ja3Blocked(Required(map, "fingerprints"), name),
                _ => TlsAnomalyRule.Ja4Blocked(Required(map, "fingerprints"), name),
            };
            return severity is { } given ? rule.WithSeverity(given) : rule;
        }

        private static YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private string Scalar(YamlNode node, string key) =>
            node is YamlScalarNode { Value: { } text } ? text : throw Fault(node, $"'{key}' must be a single value");

        private T EnumValue<T>(YamlNode node, string key)
            where T : struct, Enum
        {
            string text = Scalar(node, key);
            return Enum.TryParse(text, ignoreCase: true, out T value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0])
                ? value
                : throw Fault(node, $"'{key}: {text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
        }

        private int? Integer(YamlMappingNode map, string key)
        {
            if (Get(map, key) is not { } node)
            {
                return null;
            }

            string text = Scalar(node, key);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw Fault(node, $"'{key}: {text}' is not a whole number");
        }

        private string[] Required(YamlMappingNode map, string key) =>
            Get(map, key) is { } node ? List(node, key) : throw Fault(map, $"the rule needs '{key}:' (a list)");

        private string[] List(YamlNode node, string key) => node switch
        {
            YamlSequenceNode sequence => sequence.Select(item => Scalar(item, key)).ToArray(),
            YamlScalarNode => [Scalar(node, key)],
            _ => throw Fault(node, $"'{key}' must be a list of values"),
        };

        private ushort[]? Codes(YamlMappingNode map, string key, TryParse parse)
        {
            if (Get(map, key) is not { } node)
            {
                return null;
            }

            var items = node is YamlSequenceNode sequence ? sequence.Children.ToArray() : [node];
            return items.Select(item =>
            {
                string text = Scalar(item, key);
                return parse(text, out ushort value) ? value : throw Fault(item, $"'{text}' in '{key}' is not a known name or a code (0xHHHH or decimal)");
            }).ToArray();
        }

        private TimeSpan Duration(YamlMappingNode map, string key)
        {
            var node = Get(map, key) ?? throw Fault(map, $"the rule needs '{key}:' (such as 250ms or 1.5s)");
            string text = Scalar(node, key);
            return TlsCodeParser.TryParseDuration(text, out var value)
                ? value
                : throw Fault(node, $"'{key}: {text}' is not a duration (such as 250ms, 1.5s or 00:00:01)");
        }
    }

    private delegate bool TryParse(string text, out ushort value);
}
