using System.Collections.Generic;
using System.IO;

namespace NetOpsPS.Tests.Shared;

/// <summary>This process's open file descriptors and what each refers to, from the /proc/self/fd links.</summary>
public static class OwnDescriptors
{
    /// <summary>Each descriptor number with its link target ("socket:[inode]", "anon_inode:[eventpoll]", a path).</summary>
    public static IEnumerable<(string Fd, string Target)> All()
    {
        foreach (string entry in Directory.GetFiles("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(entry).LinkTarget;
            }
            catch (IOException)
            {
                // Closed meanwhile (another test's descriptor).
                continue;
            }

            if (target is not null)
            {
                yield return (Path.GetFileName(entry), target);
            }
        }
    }
}
