using System.Management.Automation;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;

namespace NetOpsPS.Netconf;

/// <summary>
/// Compare-NetconfConfig: what differs between two configurations, as added and removed subtrees and changed
/// leaves with list keys in the path: two datastores of a session (candidate against running by default), or two
/// XML configurations (files read with Get-Content -Raw, Get-NetconfConfig results, text).
/// </summary>
[Cmdlet(VerbsData.Compare, "NetconfConfig", DefaultParameterSetName = BySession)]
[OutputType(typeof(NetconfConfigDiff))]
public sealed class CompareNetconfConfigCommand : NetconfSessionCommandBase
{
    private const string BySession = "Session";
    private const string ByXml = "Xml";
    private NetconfFilter? _filter;

    /// <summary>Sessions whose datastores to compare.</summary>
    [Parameter(ParameterSetName = BySession, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public override NetconfSession[]? Session { get; set; }

    /// <summary>The old side: Running by default.</summary>
    [Parameter(ParameterSetName = BySession)]
    public NetconfDatastore ReferenceDatastore { get; set; } = NetconfDatastore.Running;

    /// <summary>The new side: Candidate by default.</summary>
    [Parameter(ParameterSetName = BySession)]
    public NetconfDatastore DifferenceDatastore { get; set; } = NetconfDatastore.Candidate;

    /// <summary>A subtree filter (XML text) limiting the comparison.</summary>
    [Parameter(ParameterSetName = BySession)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>The old configuration: XML text, XmlDocument/XmlElement, XElement, or a Get-NetconfConfig result.</summary>
    [Parameter(ParameterSetName = ByXml, Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public object? ReferenceConfig { get; set; }

    /// <summary>The new configuration, in the same forms.</summary>
    [Parameter(ParameterSetName = ByXml, Mandatory = true, Position = 1)]
    [ValidateNotNull]
    public object? DifferenceConfig { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _filter = Filter is null ? null : NetconfFilter.FromSubtree(Filter);
        }
        catch (NetconfException ex)
        {
            ThrowTerminatingError(NetconfErrors.From(ex, Filter));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByXml)
        {
            try
            {
                WriteObject(NetconfConfigDiff.Compare(ToElement(ReferenceConfig!, "-ReferenceConfig"), ToElement(DifferenceConfig!, "-DifferenceConfig"), "reference", "difference"));
            }
            catch (NetconfException ex)
            {
                WriteError(NetconfErrors.From(ex, ex.Message));
            }

            return;
        }

        ForEachSession(session => WriteObject(Await(session.CompareAsync(ReferenceDatastore, DifferenceDatastore, _filter, Cancellation))));
    }

    private static XElement ToElement(object input, string what)
    {
        object value = input is PSObject wrapped ? wrapped.BaseObject : input;
        return value is NetconfConfig config ? config.Element : NetconfXml.ToConfig(value, what);
    }
}
