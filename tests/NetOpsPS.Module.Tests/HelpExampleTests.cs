using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Every example in the help runs, as written, in the embedded engine, without an error.</summary>
public sealed class HelpExampleTests
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static IEnumerable<object[]> Examples()
    {
        XDocument help = XDocument.Load(Path.Combine(ModulePaths.ModuleDirectory, "en-US", "NetOpsPS.dll-Help.xml"));
        foreach (XElement command in help.Descendants(Command + "command"))
        {
            string name = command.Element(Command + "details")!.Element(Command + "name")!.Value;
            int index = 0;
            foreach (XElement example in command.Descendants(Command + "example"))
            {
                index++;
                yield return new object[] { name, index, example.Element(Dev + "code")!.Value };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleRuns(string cmdlet, int number, string code)
    {
        using PowerShellSession ps = PowerShellSession.Open();
        PsResult result = ps.Run(code);
        Assert.True(result.Terminating is null && result.Errors.Count == 0,
            $"{cmdlet} example {number} failed: {result.Terminating?.Message} {string.Join("; ", result.Errors.Select(e => e.ToString()))}");
        Assert.NotEmpty(result.Output);
    }
}
