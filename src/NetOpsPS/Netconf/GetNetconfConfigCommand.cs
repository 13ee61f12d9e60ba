using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Devices.Netconf;

namespace NetOpsPS.Netconf;

/// <summary>Get-NetconfConfig: get-config of running, candidate or startup (or get, with -IncludeState), whole or filtered.</summary>
[Cmdlet(VerbsCommon.Get, "NetconfConfig", DefaultParameterSetName = Whole)]
[OutputType(typeof(NetconfConfig))]
public sealed class GetNetconfConfigCommand : NetconfSessionCommandBase
{
    private const string Whole = "Whole";
    private const string Subtree = "Subtree";
    private const string ByXPath = "XPath";

    /// <summary>The datastore: Running, Candidate or Startup.</summary>
    [Parameter(Position = 1)]
    public NetconfDatastore Source { get; set; } = NetconfDatastore.Running;

    /// <summary>A subtree filter (RFC 6241 §6) as XML text: the elements to select, with their namespaces.</summary>
    [Parameter(ParameterSetName = Subtree, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>An XPath filter (:xpath capability); prefixes it uses go in -Namespace.</summary>
    [Parameter(ParameterSetName = ByXPath, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? XPath { get; set; }

    /// <summary>Prefix = namespace pairs for -XPath, as a hashtable.</summary>
    [Parameter(ParameterSetName = ByXPath)]
    public Hashtable? Namespace { get; set; }

    /// <summary>Use get instead of get-config: configuration and state data (-Source is then ignored).</summary>
    [Parameter]
    public SwitchParameter IncludeState { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        NetconfFilter? filter;
        try
        {
            filter = Filter is not null ? NetconfFilter.FromSubtree(Filter)
                : XPath is not null ? NetconfFilter.FromXPath(XPath, Namespaces())
                : null;
        }
        catch (NetconfException ex)
        {
            ThrowTerminatingError(NetconfErrors.From(ex, Filter ?? XPath));
            return;
        }

        ForEachSession(session =>
        {
            var data = IncludeState
                ? Await(session.GetAsync(filter, Cancellation))
                : Await(session.GetConfigAsync(Source, filter, Cancellation));
            WriteObject(new NetconfConfig(session, IncludeState ? "state" : Source.ToString().ToLowerInvariant(), filter?.ToString(), data));
        });
    }

    private Dictionary<string, string>? Namespaces()
    {
        if (Namespace is null)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Namespace)
        {
            result[entry.Key.ToString()!] = entry.Value?.ToString() ?? string.Empty;
        }

        return result;
    }
}
