using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Internal;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>Resolves -Path/-LiteralPath through the provider, one error per path that matches nothing.</summary>
internal static class CaptureFilePaths
{
    public static IEnumerable<string> Resolve(PSCmdlet cmdlet, string[] paths, bool literal)
    {
        foreach (string path in paths)
        {
            if (literal)
            {
                yield return cmdlet.FileSystemPath(path);
                continue;
            }

            IEnumerable<string> resolved;
            try
            {
                resolved = cmdlet.GetResolvedProviderPathFromPSPath(path, out _);
            }
            catch (ItemNotFoundException ex)
            {
                cmdlet.WriteError(ErrorRecords.NotFound("PcapFileNotFound", ex.Message, path));
                continue;
            }

            foreach (string file in resolved)
            {
                yield return file;
            }
        }
    }
}
