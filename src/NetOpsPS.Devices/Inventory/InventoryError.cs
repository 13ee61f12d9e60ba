namespace NetOpsPS.Devices.Inventory;

/// <summary>Why an inventory was refused; the cmdlet turns it into the error id.</summary>
public enum InventoryError
{
    /// <summary>Anything else wrong with the inventory.</summary>
    InvalidInventory,

    /// <summary>The text is not well-formed YAML.</summary>
    YamlSyntax,

    /// <summary>A field has the wrong shape (a list where a mapping belongs, a port that is no number...).</summary>
    InvalidField,

    /// <summary>A host or group names a group that is not defined.</summary>
    UnknownGroup,

    /// <summary>Groups name each other in a circle.</summary>
    GroupCycle,

    /// <summary>A password or other secret was found; inventories name credentials instead.</summary>
    SecretInInventory,

    /// <summary>Two hosts have the same name.</summary>
    DuplicateHost,
}
