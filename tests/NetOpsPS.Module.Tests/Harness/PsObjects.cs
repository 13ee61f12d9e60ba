using System.Management.Automation;

namespace NetOpsPS.Module.Tests.Harness;

/// <summary>Typed access to PSObject properties (the module's types live in its own load context, so tests read them by name).</summary>
public static class PsObjects
{
    public static T Get<T>(this PSObject value, string property)
    {
        PSPropertyInfo? info = value.Properties[property]
            ?? throw new Xunit.Sdk.XunitException($"{value.TypeNames[0]} has no property '{property}'.");
        object? raw = info.Value is PSObject wrapped ? wrapped.BaseObject : info.Value;
        return raw switch
        {
            T typed => typed,
            null => default!,
            _ => LanguagePrimitives.ConvertTo<T>(raw),
        };
    }

    public static string TypeName(this PSObject value) => value.TypeNames[0];
}
