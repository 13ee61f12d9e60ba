namespace NetOpsPS.Capture.Rules;

/// <summary>How much a finding matters, as the rule's author rates it.</summary>
public enum TlsAnomalySeverity
{
    /// <summary>Worth knowing.</summary>
    Info,

    /// <summary>Unusual.</summary>
    Low,

    /// <summary>Likely a misconfiguration or policy breach.</summary>
    Medium,

    /// <summary>Likely hostile or dangerous.</summary>
    High,
}
