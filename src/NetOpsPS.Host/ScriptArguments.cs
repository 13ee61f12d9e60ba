using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;

namespace NetOpsPS.Host;

/// <summary>
/// The words after `-File script.ps1`, read the way pwsh reads them: "-Name" is a parameter name
/// (the engine's binder pairs it with the next word unless it is a switch), "-Name:value" and
/// "-Name: value" carry their value ("-Flag:$false" is a boolean), and any other word is
/// positional. The script's param block binds them; what it does not bind lands in $args.
/// </summary>
internal sealed class ScriptArguments
{
    private ScriptArguments(Hashtable named, List<CommandParameter> remaining)
    {
        Named = named;
        Remaining = remaining;
    }

    /// <summary>
    /// The "-Name:value" pairs, splatted as a hashtable: splatting $args would split them into a
    /// bare name and a positional value, and "-Force:$false" would turn the switch on.
    /// </summary>
    public Hashtable Named { get; }

    /// <summary>Bare names and positional words, in order, for the binder to pair.</summary>
    public List<CommandParameter> Remaining { get; }

    public static ScriptArguments Parse(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var named = new Hashtable(StringComparer.OrdinalIgnoreCase);
        var remaining = new List<CommandParameter>(words.Count);
        string? pendingName = null;
        foreach (string word in words)
        {
            if (pendingName is not null)
            {
                named[pendingName] = word;
                pendingName = null;
            }
            else if (word.Length > 1 && word[0] == '-')
            {
                int colon = word.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    // The name keeps its dash, so the engine reads it as a parameter token.
                    remaining.Add(new CommandParameter(word));
                }
                else if (colon == word.Length - 1)
                {
                    pendingName = word[1..colon];
                }
                else
                {
                    named[word[1..colon]] = BooleanOrText(word[(colon + 1)..]);
                }
            }
            else
            {
                remaining.Add(new CommandParameter(null, word));
            }
        }

        if (pendingName is not null)
        {
            // "-Name:" as the last word: the binder says that the value is missing.
            remaining.Add(new CommandParameter("-" + pendingName));
        }

        return new ScriptArguments(named, remaining);
    }

    // "-Force:$false" and "-Force:false" switch a switch off, as in pwsh.
    private static object BooleanOrText(string value) =>
        bool.TryParse(value.StartsWith('$') ? value[1..] : value, out bool flag) ? flag : value;
}
