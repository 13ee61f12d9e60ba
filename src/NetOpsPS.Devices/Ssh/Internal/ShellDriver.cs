using System;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Renci.SshNet;

namespace NetOpsPS.Devices.Ssh.Internal;

/// <summary>
/// Drives one interactive shell: sends a command, answers paging prompts, and stops at the prompt rather than
/// after a fixed time. ShellStream's Expect blocks, so it runs in short slices on a pool thread to honour the
/// deadline and the cancellation token.
/// </summary>
internal sealed class ShellDriver : IDisposable
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(200);
    private readonly ShellStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _atPrompt;

    public ShellDriver(ShellStream stream) => _stream = stream;

    public async Task<(string Output, int Pages)> RunAsync(string command, SshCommandOptions options, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Run(command, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _gate.Dispose();
    }

    private (string Output, int Pages) Run(string command, SshCommandOptions options, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        if (!_atPrompt)
        {
            // The banner and first prompt after login are not any command's output.
            _ = ReadToPrompt(options, deadline, cancellationToken, "the first prompt");
            _atPrompt = true;
        }

        _atPrompt = false;
        _stream.WriteLine(command);
        _stream.Flush();
        var (raw, pages) = ReadToPrompt(options, deadline, cancellationToken, command);
        _atPrompt = true;
        string text = TerminalText.Clean(raw);
        if (options.PagerPattern is not null)
        {
            // The pager prompt and the blanks that erase it are not output.
            text = new Regex($@"(?:{options.PagerPattern})[ \t]*", options.PagerPattern.Options).Replace(text, string.Empty);
        }

        return (StripEchoAndPrompt(text, command, options.PromptPattern), pages);
    }

    private (string Raw, int Pages) ReadToPrompt(SshCommandOptions options, Stopwatch elapsed, CancellationToken cancellationToken, string what)
    {
        var either = options.PagerPattern is null
            ? options.PromptPattern
            : new Regex($@"(?<pager>(?:{options.PagerPattern})[^\n]*$)|(?<prompt>{options.PromptPattern})", options.PromptPattern.Options);
        var raw = new StringBuilder();
        int pages = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan left = options.Timeout - elapsed.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new SshException(SshError.Timeout, $"No prompt matching '{options.PromptPattern}' within {options.Timeout.TotalSeconds:0.###} s after {what}; the output so far ends with: " +
                    Tail(TerminalText.Clean(raw.ToString() + DrainAvailable())));
            }

            string? piece = _stream.Expect(either, left < Slice ? left : Slice, -1);
            if (piece is null)
            {
                if (!_stream.CanRead)
                {
                    throw new SshException(SshError.ConnectionLost, $"The shell closed before the prompt after {what}.");
                }

                continue;
            }

            raw.Append(piece);
            if (raw.Length > options.MaxOutputLength)
            {
                throw new SshException(SshError.Unknown, $"The output of {what} exceeded {options.MaxOutputLength} characters.");
            }

            if (options.PagerPattern is not null && either.Match(piece).Groups["pager"].Success)
            {
                pages++;
                _stream.Write(options.PagerResponse);
                _stream.Flush();
                continue;
            }

            return (raw.ToString(), pages);
        }
    }

    private string DrainAvailable() => _stream.DataAvailable ? _stream.Read() : string.Empty;

    private static string Tail(string text) => text.Length <= 200 ? text : "..." + text[^200..];

    private static string StripEchoAndPrompt(string text, string command, Regex prompt)
    {
        // A pty echoes the command line first; the prompt ends the output.
        int firstNewLine = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstNewLine >= 0 && text[..firstNewLine].TrimEnd().EndsWith(command.TrimEnd(), StringComparison.Ordinal))
        {
            text = text[(firstNewLine + 1)..];
        }

        Match end = prompt.Match(text);
        if (end.Success && end.Index + end.Length >= text.TrimEnd().Length)
        {
            int lineStart = text.LastIndexOf('\n', Math.Max(0, end.Index - 1)) + 1;
            text = text[..lineStart];
        }

        return text.TrimEnd('\n');
    }
}
