namespace NetOpsPS.Devices.Snmp;

/// <summary>The error-status of a Response PDU (RFC 3416 §3; 1-5 are SNMPv1's, RFC 1157 §4.1.1).</summary>
public enum SnmpErrorStatus
{
    /// <summary>noError.</summary>
    NoError = 0,
    /// <summary>tooBig: the response would not fit in a message.</summary>
    TooBig = 1,
    /// <summary>noSuchName (v1).</summary>
    NoSuchName = 2,
    /// <summary>badValue (v1).</summary>
    BadValue = 3,
    /// <summary>readOnly (v1).</summary>
    ReadOnly = 4,
    /// <summary>genErr.</summary>
    GenErr = 5,
    /// <summary>noAccess: the view does not allow it.</summary>
    NoAccess = 6,
    /// <summary>wrongType.</summary>
    WrongType = 7,
    /// <summary>wrongLength.</summary>
    WrongLength = 8,
    /// <summary>wrongEncoding.</summary>
    WrongEncoding = 9,
    /// <summary>wrongValue.</summary>
    WrongValue = 10,
    /// <summary>noCreation.</summary>
    NoCreation = 11,
    /// <summary>inconsistentValue.</summary>
    InconsistentValue = 12,
    /// <summary>resourceUnavailable.</summary>
    ResourceUnavailable = 13,
    /// <summary>commitFailed.</summary>
    CommitFailed = 14,
    /// <summary>undoFailed.</summary>
    UndoFailed = 15,
    /// <summary>authorizationError: the security level or user is not allowed by VACM.</summary>
    AuthorizationError = 16,
    /// <summary>notWritable.</summary>
    NotWritable = 17,
    /// <summary>inconsistentName.</summary>
    InconsistentName = 18,
}
