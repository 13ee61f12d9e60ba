using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>
/// New-SnmpCredential: an SNMPv3 USM user with its protocols. Passwords come as SecureString or PSCredential and are
/// turned into keys at once (RFC 3414 A.2.1); the object holds no password and shows none.
/// </summary>
[Cmdlet(VerbsCommon.New, "SnmpCredential", DefaultParameterSetName = PasswordSet)]
[OutputType(typeof(SnmpCredential))]
public sealed class NewSnmpCredentialCommand : PSCmdlet
{
    private const string PasswordSet = "Password";
    private const string CredentialSet = "Credential";

    /// <summary>The USM user name.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    public string UserName { get; set; } = string.Empty;

    /// <summary>The user name and the authentication password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>MD5, Sha1, Sha224, Sha256, Sha384, Sha512, or None.</summary>
    [Parameter]
    public SnmpAuthProtocol AuthProtocol { get; set; } = SnmpAuthProtocol.Sha256;

    /// <summary>The authentication password (8 characters or more).</summary>
    [Parameter(ParameterSetName = PasswordSet)]
    public SecureString? AuthPassword { get; set; }

    /// <summary>Des, Aes128, Aes192, Aes256, Aes192Cisco, Aes256Cisco, or None; Aes128 when only -PrivPassword is given.</summary>
    [Parameter]
    public SnmpPrivProtocol PrivProtocol { get; set; } = SnmpPrivProtocol.None;

    /// <summary>The privacy password (8 characters or more).</summary>
    [Parameter]
    public SecureString? PrivPassword { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string user = Credential?.UserName ?? UserName;
        SecureString? authPassword = Credential?.Password ?? AuthPassword;
        SnmpAuthProtocol auth = authPassword is null && !MyInvocation.BoundParameters.ContainsKey(nameof(AuthProtocol)) ? SnmpAuthProtocol.None : AuthProtocol;
        // A privacy password without a protocol means AES-128 (RFC 3826), not a silently dropped password.
        SnmpPrivProtocol priv = PrivPassword is not null && !MyInvocation.BoundParameters.ContainsKey(nameof(PrivProtocol)) ? SnmpPrivProtocol.Aes128 : PrivProtocol;
        char[] authText = PlainText(authPassword);
        char[] privText = PlainText(PrivPassword);
        try
        {
            WriteObject(SnmpCredential.User(user, auth, authText, priv, privText));
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "SnmpInvalidCredential", ErrorCategory.InvalidArgument, user));
        }
        finally
        {
            Array.Clear(authText);
            Array.Clear(privText);
        }
    }

    // The characters stay in memory only while SnmpCredential.User turns them into keys; the caller clears them.
    private static char[] PlainText(SecureString? secret)
    {
        if (secret is null || secret.Length == 0)
        {
            return [];
        }

        IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            var text = new char[secret.Length];
            Marshal.Copy(pointer, text, 0, text.Length);
            return text;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}
