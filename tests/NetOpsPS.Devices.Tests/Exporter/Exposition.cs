using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Tests.Exporter;

/// <summary>Reads samples out of a text exposition: "name{a="x",b="y"} value" lines.</summary>
internal sealed class Exposition
{
    private Exposition(string text) => Text = text;

    public string Text { get; }

    public static async Task<Exposition> ScrapeAsync(HttpClient http, Uri url) => new(await http.GetStringAsync(url));

    /// <summary>Samples of <paramref name="name"/> whose labels include every pair given.</summary>
    public IReadOnlyList<double> Values(string name, params (string Label, string Value)[] labels) =>
        Lines(name)
            .Where(l => labels.All(p => l.Labels.Contains($"{p.Label}=\"{p.Value}\"", StringComparison.Ordinal)))
            .Select(l => l.Value)
            .ToArray();

    public double Single(string name, params (string Label, string Value)[] labels)
    {
        IReadOnlyList<double> values = Values(name, labels);
        return values.Count == 1
            ? values[0]
            : throw new InvalidOperationException($"{values.Count} samples of {name} {string.Join(",", labels)} in:\n{Text}");
    }

    private IEnumerable<(string Labels, double Value)> Lines(string name)
    {
        foreach (string line in Text.Split('\n'))
        {
            if (line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                int space = line.LastIndexOf(' ');
                yield return (line[name.Length..space], double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
            }
        }
    }
}
