using System;
using System.Text.RegularExpressions;

namespace NetOpsPS.Devices.Ssh;

/// <summary>How to run one command and know that it finished.</summary>
public sealed class SshCommandOptions
{
    private Regex? _pagerAtEnd;
    private Regex? _pagerWithBlanks;

    /// <summary>The default prompt: a word-ish name then one of &gt; # $ % at the very end of the output ("router1#", "user@host:~$ ").</summary>
    public const string DefaultPromptPattern = @"[\w.@:~/()\[\]+-]*[>#$%]\s?$";

    /// <summary>The default paging prompts: --More--, -- More --, &lt;--- More ---&gt;, "Press any key to continue".</summary>
    public const string DefaultPagerPattern = @"(?i)-+ ?more ?-+|<-+ more -+>|press any key to continue";

    /// <summary>Exec channel or interactive shell.</summary>
    public SshCommandMode Mode { get; init; } = SshCommandMode.Exec;

    /// <summary>Shell mode: the end of a command's output.</summary>
    public Regex PromptPattern { get; init; } = new(DefaultPromptPattern, RegexOptions.CultureInvariant);

    /// <summary>Shell mode: paging prompts (the prompt text; it counts when only blanks follow it) answered with <see cref="PagerResponse"/>; null to answer none.</summary>
    public Regex? PagerPattern { get; init; } = new(DefaultPagerPattern, RegexOptions.CultureInvariant);

    /// <summary>What a paging prompt gets: one space shows the next page on every common CLI.</summary>
    public string PagerResponse { get; init; } = " ";

    /// <summary>Longest wait for the command to finish (exec: channel closed; shell: prompt seen).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Most characters of output kept before the command is abandoned with an error.</summary>
    public int MaxOutputLength { get; init; } = 16 * 1024 * 1024;

    // The pager regexes are built once per options object, not per command (the pattern is init-only, so the cache
    // cannot go stale; two threads racing build the same regex twice at worst).

    /// <summary>Shell mode: a paging prompt at the very end of the output, blanks after it allowed.</summary>
    internal Regex? PagerAtEnd => PagerPattern is null ? null : _pagerAtEnd ??= new Regex($@"(?:{PagerPattern})[ \t]*$", PagerPattern.Options);

    /// <summary>Shell mode: a paging prompt with the blanks around it, which are not output.</summary>
    internal Regex? PagerWithBlanks => PagerPattern is null ? null : _pagerWithBlanks ??= new Regex($@"[ \t]*(?:{PagerPattern})[ \t]*", PagerPattern.Options);
}
