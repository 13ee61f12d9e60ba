using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using NetOpsPS.Internal;
using NetOpsPS.Ssh;

namespace NetOpsPS.Push;

/// <summary>
/// Each device's login, on the pipeline thread (paths resolve against the current location): a password, key files,
/// or both. Inventories never hold secrets; a device names its login and -CredentialTable supplies it.
/// </summary>
public sealed partial class PublishNetDeviceConfigCommand
{
    private const string KeyLoginShape = "@{ UserName = 'name'; KeyFile = 'path'; KeyPassphrase = [securestring] } (Credential = [pscredential] instead of UserName adds a password)";

    // A credential given for the device (pipeline or parameter) wins; else the login its inventory names; else
    // -UserName with -KeyFile. The key files are the device's own: a table entry's, else -KeyFile's.
    private DeviceLogin Login(DeviceInput input)
    {
        if (input.Credential is not null)
        {
            return new DeviceLogin(input.Credential.GetNetworkCredential(), input.KeyFiles, null);
        }

        if (input.Device.CredentialName is { } name)
        {
            return NamedLogin(input, name);
        }

        return new DeviceLogin(input.UserName is null ? null : new NetworkCredential(input.UserName, string.Empty), input.KeyFiles, null);
    }

    private DeviceLogin NamedLogin(DeviceInput input, string name)
    {
        object? entry = CredentialTable?[name];
        return (entry is PSObject wrapped ? wrapped.BaseObject : entry) switch
        {
            PSCredential credential => new DeviceLogin(credential.GetNetworkCredential(), input.KeyFiles, null),
            IDictionary keyLogin => KeyLogin(input, name, keyLogin),
            null => throw new ItemNotFoundException($"Device '{input.Device.Name}' names credential '{name}', which -CredentialTable does not hold."),
            _ => throw new ArgumentException(
                $"Device '{input.Device.Name}' names credential '{name}': -CredentialTable holds it neither as a PSCredential nor as a key login {KeyLoginShape}."),
        };
    }

    // A key login in -CredentialTable: the per-device key files an inventory names by credential name.
    private DeviceLogin KeyLogin(DeviceInput input, string name, IDictionary entry)
    {
        string? user = null;
        PSCredential? credential = null;
        string[]? keys = null;
        string? passphrase = null;
        foreach (DictionaryEntry field in entry)
        {
            object? value = field.Value is PSObject wrapped ? wrapped.BaseObject : field.Value;
            string key = field.Key?.ToString() ?? string.Empty;
            switch (key.ToUpperInvariant())
            {
                case "USERNAME" when value is string { Length: > 0 } text:
                    user = text;
                    break;
                case "CREDENTIAL" when value is PSCredential given:
                    credential = given;
                    break;
                case "KEYFILE" when LanguagePrimitives.TryConvertTo(value, out string[]? paths) && paths is { Length: > 0 } && paths.All(p => !string.IsNullOrEmpty(p)):
                    keys = paths.Select(p => this.FileSystemPath(p)).ToArray();
                    break;
                case "KEYPASSPHRASE" when value is SecureString secret:
                    passphrase = SshErrors.Plain(secret);
                    break;
                case "KEYPASSPHRASE":
                    // Never a plain string: it would sit in scripts and transcripts.
                    throw BadKeyLogin(input, name, "KeyPassphrase must be a SecureString (Read-Host -AsSecureString)");
                case "USERNAME" or "CREDENTIAL" or "KEYFILE":
                    throw BadKeyLogin(input, name, $"{key} has no usable value");
                default:
                    throw BadKeyLogin(input, name, $"'{key}' is not a field of a key login");
            }
        }

        if (user is not null && credential is not null)
        {
            throw BadKeyLogin(input, name, "give UserName or Credential, not both");
        }

        user ??= credential?.UserName ?? input.UserName;
        if (user is null)
        {
            throw BadKeyLogin(input, name, "it names no UserName (and no -UserName is given)");
        }

        return new DeviceLogin(credential?.GetNetworkCredential() ?? new NetworkCredential(user, string.Empty), keys ?? input.KeyFiles, passphrase);
    }

    private static ArgumentException BadKeyLogin(DeviceInput input, string name, string problem) =>
        new($"Device '{input.Device.Name}' names credential '{name}', whose -CredentialTable entry is not a usable key login: {problem}. Expected {KeyLoginShape}.");

    /// <summary>Who the device logs in as and with what; null parts fall back to the batch's (the connector's).</summary>
    private sealed record DeviceLogin(NetworkCredential? Credential, IReadOnlyList<string>? KeyFiles, string? KeyPassphrase)
    {
        // The generated ToString would print the passphrase.
        public override string ToString() => Credential?.UserName ?? "(no user)";
    }
}
