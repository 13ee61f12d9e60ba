using System.Reflection;
using Renci.SshNet;

namespace NetOpsPS.Devices;

/// <summary>
/// Names the SSH.NET assembly this engine is bound to. Posh-SSH and other modules ship their own
/// Renci.SshNet; this is how a user (and the coexistence test) sees which copy NetOpsPS really uses.
/// </summary>
public static class SshLibrary
{
    /// <summary>The Renci.SshNet assembly that the engine's own code resolved.</summary>
    public static Assembly Assembly => typeof(SshClient).Assembly;
}
