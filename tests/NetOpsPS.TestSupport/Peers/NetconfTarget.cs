namespace NetOpsPS.TestSupport.Peers;

/// <summary>The datastore netconfd edits (its --target option).</summary>
public enum NetconfTarget
{
    /// <summary>Edits go to the candidate datastore; announces :candidate and :confirmed-commit.</summary>
    Candidate,

    /// <summary>Edits go straight to running; announces :writable-running instead.</summary>
    Running,
}
