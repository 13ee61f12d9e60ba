using System;
using System.Threading.Tasks;
using NetOpsPS.Devices.Ssh;
using Xunit;

namespace NetOpsPS.Devices.Tests.Ssh;

/// <summary>Shell mode against a real bash behind sshd: a coloured prompt, a pager that waits for one key, and timeouts.</summary>
public sealed class SshShellTests(SshPeerFixture fixture) : IClassFixture<SshPeerFixture>
{
    private static readonly SshCommandOptions Shell = new() { Mode = SshCommandMode.Shell, Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Shell_commands_end_at_the_prompt_without_echo_or_ansi_codes_and_keep_shell_state()
    {
        await using var session = await SshDeviceSession.ConnectAsync(fixture.Options());

        SshCommandResult prompt = await session.RunCommandAsync(@"PS1='\[\e[1;32m\]router1#\[\e[0m\] '; CLI_STATE=kept", Shell);
        SshCommandResult output = await session.RunCommandAsync(@"printf '\e[31mred\e[0m line\nsecond\n'; echo $CLI_STATE", Shell);

        Assert.Equal(string.Empty, prompt.Output);
        Assert.Equal("red line\nsecond\nkept", output.Output);
        Assert.Null(output.ExitStatus);
        Assert.Equal(SshCommandMode.Shell, output.Mode);
    }

    [Fact]
    public async Task A_more_prompt_is_answered_with_one_key_and_left_out_of_the_output()
    {
        await using var session = await SshDeviceSession.ConnectAsync(fixture.Options());

        // bash's read -n1 waits for a single key in raw mode, as a device pager does.
        SshCommandResult result = await session.RunCommandAsync(
            @"printf 'page one\n--More-- '; read -rsn1 key; printf '\rpage two\n -- More -- '; read -rsn1 key; printf '\rpage three\n'", Shell);

        Assert.True(result.PagesAnswered == 2, result.Output);
        Assert.Equal("page one\npage two\npage three", result.Output);
    }

    [Fact]
    public async Task A_prompt_that_never_comes_is_a_timeout_that_quotes_the_output_and_the_next_command_still_works()
    {
        await using var session = await SshDeviceSession.ConnectAsync(fixture.Options());
        var quick = new SshCommandOptions { Mode = SshCommandMode.Shell, Timeout = TimeSpan.FromSeconds(2), PagerPattern = null };

        var ex = await Assert.ThrowsAsync<SshException>(() => session.RunCommandAsync("printf 'waiting for input: '; read -r line", quick));
        Assert.Equal(SshError.Timeout, ex.Error);
        Assert.Contains("waiting for input:", ex.Message, StringComparison.Ordinal);

        // The pending read takes this line as its input, as at a terminal; the prompt then returns.
        Assert.Equal(string.Empty, (await session.RunCommandAsync("unblock", quick)).Output);
        Assert.Equal("after", (await session.RunCommandAsync("echo after", Shell)).Output);
    }
}
