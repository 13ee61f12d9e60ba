using System.IO;
using System.Linq;
using System.Xml.Linq;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Each [OutputType] has a default table view that fits 120 columns, and the engine uses it.</summary>
public sealed class FormatViewTests
{
    [Fact]
    public void EveryOutputTypeHasATableViewWithin120Columns()
    {
        XDocument format = XDocument.Load(Path.Combine(ModulePaths.ModuleDirectory, "NetOpsPS.format.ps1xml"));
        var views = format.Descendants("View")
            .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => (Type: t.Value, View: v)))
            .ToDictionary(
                e => e.Type,
                e => e.View.Descendants("TableColumnHeader").Select(h => int.Parse(h.Element("Width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray());

        using PowerShellSession ps = PowerShellSession.Open();
        string[] outputTypes = ps.Run("Get-Command -Module NetOpsPS | ForEach-Object { $_.OutputType } | ForEach-Object { $_.Name }")
            .AssertClean().Output.Select(o => o.ToString()).Distinct().ToArray();
        Assert.NotEmpty(outputTypes);
        foreach (string type in outputTypes)
        {
            Assert.True(views.TryGetValue(type, out int[]? widths), $"{type} has no view in NetOpsPS.format.ps1xml.");
            int total = widths!.Sum() + widths!.Length - 1;
            Assert.True(total <= 120, $"The view of {type} is {total} columns wide.");
        }
    }
}
