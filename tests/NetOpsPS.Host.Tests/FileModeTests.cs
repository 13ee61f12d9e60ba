using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>-File: arguments bind like pwsh binds them, exit codes and positions come from the file.</summary>
public sealed class FileModeTests : IDisposable
{
    private const string ParamScript = """
        param([string]$Name = 'none', [int]$Port = 1, [switch]$Loud)
        "Name=$Name Port=$Port Loud=$Loud Rest=$($args -join ',') Root=$PSScriptRoot"
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("netops-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task NamedArguments_BindToTheParamBlockAndTheRestGoToArgs()
    {
        string script = Write("params.ps1", ParamScript);

        NetopsResult run = await NetopsProcess.RunAsync("-File", script, "-Name", "gw1", "-Port", "22", "-Loud", "extra1", "extra2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"Name=gw1 Port=22 Loud=True Rest=extra1,extra2 Root={_folder}", run.Stdout.Trim());
    }

    [Fact]
    public async Task PositionalAndColonArguments_BindLikePwsh()
    {
        string script = Write("params.ps1", ParamScript);

        NetopsResult run = await NetopsProcess.RunAsync("-f", script, "gw2", "-Loud:$false", "-Port:", "23");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"Name=gw2 Port=23 Loud=False Rest= Root={_folder}", run.Stdout.Trim());
    }

    [Fact]
    public async Task ExitInTheFile_IsTheExitCode()
    {
        string script = Write("exit.ps1", "param([int]$Code) 'before'; exit $Code; 'after'");

        NetopsResult run = await NetopsProcess.RunAsync("-File", script, "-Code", "5");

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Equal("before", run.Stdout.Trim());
    }

    [Fact]
    public async Task ParseError_FailsWithTheFileAndLine()
    {
        string script = Write("broken.ps1", "'fine'\nif ($true {\n");

        NetopsResult run = await NetopsProcess.RunAsync("-File", script);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("ParserError:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"At {script}:2 char:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout.Trim()); // nothing runs when the file does not parse
    }

    [Fact]
    public async Task MissingFile_IsABadCommandLine()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-File", Path.Combine(_folder, "absent.ps1"));

        Assert.True(run.ExitCode == 64, run.ToString());
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
