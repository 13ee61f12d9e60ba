using System;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Renci.SshNet;

namespace NetOpsPS.Devices.Ssh.Internal;

/// <summary>
/// Drives one interactive shell: sends a command, answers paging prompts, and stops when the prompt comes back
/// rather than after a fixed time. Prompts are matched against the text as a person would see it (escape codes
/// removed), at the very end of the output.
/// </summary>
internal sealed class ShellDriver : IDisposable
{
    private const int TailLength = 1024;
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);
    private readonly ShellStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _arrived = new(0, 1);
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly char[] _chars = new char[Encoding.UTF8.GetMaxCharCount(16 * 1024)];
    private bool _loggedIn;

    public ShellDriver(ShellStream stream)
    {
        _stream = stream;
        _stream.DataReceived += OnDataReceived;
    }

    public async Task<(string Output, int Pages)> RunAsync(string command, SshCommandOptions options, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunCoreAsync(command, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _stream.DataReceived -= OnDataReceived;
        _stream.Dispose();
        _gate.Dispose();
        _arrived.Dispose();
    }

    private void OnDataReceived(object? sender, EventArgs e)
    {
        try
        {
            if (_arrived.CurrentCount == 0)
            {
                _arrived.Release();
            }
        }
        catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
        {
            // Already signalled, or closing.
        }
    }

    private async Task<(string Output, int Pages)> RunCoreAsync(string command, SshCommandOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!_loggedIn)
        {
            // The banner and first prompt after login are no command's output.
            _ = await ReadToPromptAsync(options, clock, "the login prompt", cancellationToken).ConfigureAwait(false);
            _loggedIn = true;
        }

        // What a timed-out command printed late is dropped; the device may still be busy with it, so this
        // command's input goes to whatever reads it, as it would for a person at the terminal.
        DropPending();
        _stream.WriteLine(command);
        _stream.Flush();
        var (raw, pages) = await ReadToPromptAsync(options, clock, command, cancellationToken).ConfigureAwait(false);
        string text = StripEchoAndPrompt(TerminalText.Clean(raw), command, options.PromptPattern);
        if (options.PagerWithBlanks is { } pager)
        {
            // The pager prompts and the blanks that erase them are not output.
            text = pager.Replace(text, string.Empty);
        }

        return (text, pages);
    }

    private static bool OnlyEchoSince(StringBuilder raw, int answeredAt, string response)
    {
        if (answeredAt < 0)
        {
            return false;
        }

        for (int i = answeredAt; i < raw.Length; i++)
        {
            if (!char.IsWhiteSpace(raw[i]) && !response.Contains(raw[i], System.StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Waits for data without holding a thread: the DataReceived event releases _arrived, and the wait is sliced so a
    // closed stream or the timeout is noticed even when no event comes.
    private async Task<(string Raw, int Pages)> ReadToPromptAsync(SshCommandOptions options, Stopwatch clock, string what, CancellationToken cancellationToken)
    {
        Regex? pagerAtEnd = options.PagerAtEnd;
        var raw = new StringBuilder();
        int pages = 0;
        int answeredAt = -1;
        bool fresh = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (_stream.DataAvailable)
            {
                int n = _stream.Read(_buffer, 0, _buffer.Length);
                if (n <= 0)
                {
                    break;
                }

                int chars = _decoder.GetChars(_buffer, 0, n, _chars, 0);
                raw.Append(_chars, 0, chars);
                fresh = true;
                if (raw.Length > options.MaxOutputLength)
                {
                    throw new SshException(SshError.Unknown, $"The output of {what} exceeded {options.MaxOutputLength} characters.");
                }
            }

            if (fresh)
            {
                fresh = false;
                string tail = TerminalText.Clean(raw.ToString(Math.Max(0, raw.Length - TailLength), Math.Min(raw.Length, TailLength)));
                if (pagerAtEnd is not null && pagerAtEnd.IsMatch(tail))
                {
                    // A key that reaches the tty before the pager has turned echo off comes back as text after the
                    // same prompt: that is not a new page, and a second answer would skip one.
                    if (!OnlyEchoSince(raw, answeredAt, options.PagerResponse))
                    {
                        pages++;
                        _stream.Write(options.PagerResponse);
                        _stream.Flush();
                        answeredAt = raw.Length;
                    }
                }
                else if (options.PromptPattern.IsMatch(tail))
                {
                    return (raw.ToString(), pages);
                }
            }

            TimeSpan left = options.Timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                string seen = TerminalText.Clean(raw.ToString());
                throw new SshException(SshError.Timeout, $"No prompt matching '{options.PromptPattern}' within {options.Timeout.TotalSeconds:0.###} s after {what}; the output ends with: " +
                    (seen.Length <= 200 ? seen : "..." + seen[^200..]));
            }

            if (!_stream.CanRead)
            {
                throw new SshException(SshError.ConnectionLost, $"The shell closed before the prompt came back after {what}.");
            }

            await _arrived.WaitAsync(left < Slice ? left : Slice, cancellationToken).ConfigureAwait(false);
        }
    }

    private void DropPending()
    {
        while (_stream.DataAvailable && _stream.Read(_buffer, 0, _buffer.Length) > 0)
        {
        }

        _decoder.Reset();
    }

    private static string StripEchoAndPrompt(string text, string command, Regex prompt)
    {
        // A pty echoes the command line first; the prompt line ends the output.
        int firstNewLine = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstNewLine >= 0 && text[..firstNewLine].TrimEnd().EndsWith(command.TrimEnd(), StringComparison.Ordinal))
        {
            text = text[(firstNewLine + 1)..];
        }

        int lastNewLine = text.LastIndexOf('\n');
        if (prompt.IsMatch(text[(lastNewLine + 1)..]))
        {
            text = lastNewLine < 0 ? string.Empty : text[..lastNewLine];
        }

        return text.TrimEnd('\n');
    }
}
