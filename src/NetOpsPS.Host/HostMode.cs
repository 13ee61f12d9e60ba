namespace NetOpsPS.Host;

/// <summary>What a netops command line asks for.</summary>
internal enum HostMode
{
    /// <summary>The command line is wrong; <see cref="HostCommandLine.Problem"/> says why.</summary>
    Invalid,

    /// <summary>-Help, -?: print the usage text.</summary>
    Help,

    /// <summary>-Version: print the versions.</summary>
    Version,

    /// <summary>-Command, or a bare command line: run a script text.</summary>
    Command,

    /// <summary>-File: run a script file with arguments.</summary>
    File,
}
