namespace NetOpsPS.TestSupport.Peers;

/// <summary>A file a peer or a reference client needs, and the Debian package that installs it.</summary>
/// <param name="Path">Absolute path of the file.</param>
/// <param name="Package">The Debian package that provides it, named in the failure message.</param>
public sealed record PeerBinary(string Path, string Package);
