using System;
using System.Text;

namespace NetOpsPS.Devices.Push.Internal;

/// <summary>
/// A unified-style line diff ("- " running, "+ " candidate, no context) of two indented XML texts,
/// by longest common subsequence. Bounded: beyond <see cref="MaxCells"/> comparisons it says so instead.
/// </summary>
internal static class LineDiff
{
    private const long MaxCells = 25_000_000;

    public static string Compare(string before, string after)
    {
        string[] a = before.Split('\n');
        string[] b = after.Split('\n');
        if ((long)a.Length * b.Length > MaxCells)
        {
            return before == after ? string.Empty : $"(the configurations differ; {a.Length} and {b.Length} lines are too many to compare line by line)";
        }

        // lcs[i, j]: longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var diff = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                diff.Append("+ ").Append(b[y++]).Append('\n');
            }
            else
            {
                diff.Append("- ").Append(a[x++]).Append('\n');
            }
        }

        return diff.ToString();
    }
}
