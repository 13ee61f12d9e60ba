using System.Text;
using System.Text.RegularExpressions;

namespace NetOpsPS.Devices.Ssh.Internal;

/// <summary>Turns what a terminal would show into plain text: no escape sequences (ECMA-48), backspaces applied, no CRs.</summary>
internal static partial class TerminalText
{
    public static string Clean(string raw)
    {
        string text = Escapes().Replace(raw, string.Empty);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\b':
                    if (sb.Length > 0 && sb[^1] != '\n')
                    {
                        sb.Length--;
                    }

                    break;
                case '\r':
                case '\a':
                case '\0':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    // CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-byte escapes (ESC =, ESC >, ESC ( B...).
    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]|\x1B\][^\x07\x1B]*(\x07|\x1B\\)|\x1B[()][0-9A-Za-z]|\x1B[@-Z\\-_=>]|\x9B[0-?]*[ -/]*[@-~]", RegexOptions.CultureInvariant)]
    private static partial Regex Escapes();
}
