using System.Diagnostics;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Tests.Ssh;

/// <summary>Runs a reference tool (ssh-keygen, ncclient) and returns its output; a non-zero exit fails the test with stderr.</summary>
internal static class ToolRunner
{
    public static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Xunit.Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    /// <summary>The SHA256 fingerprint ssh-keygen -l prints for a public key file.</summary>
    public static async Task<string> FingerprintAsync(string publicKeyPath) =>
        (await RunAsync("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", publicKeyPath)).Split(' ')[1];
}
