using System;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Fluid;
using Fluid.Values;

namespace NetOpsPS.Devices.Templates;

/// <summary>
/// What an undefined variable evaluates to: false and nil in conditions (so <c>{% if vlan %}</c> and
/// <c>| default:</c> work, as in Jinja2), but an error the moment it would be written into the
/// configuration or turned into text, naming the variable. Fluid's StrictVariables fails conditions too.
/// </summary>
internal sealed class UndefinedValue : FluidValue
{
    private readonly string _name;

    public UndefinedValue(string name) => _name = name;

    public override FluidValues Type => FluidValues.Nil;

    public override bool Equals(FluidValue other) => other is not null && other.IsNil();

    public override bool IsNil() => true;

    public override bool ToBooleanValue() => false;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => throw Undefined();

    public override object? ToObjectValue() => null;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => throw Undefined();

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => new(new UndefinedValue(_name + "." + name));

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => _name.GetHashCode(StringComparison.Ordinal);

    private InvalidOperationException Undefined() => new($"Undefined variable '{_name}'");
}
