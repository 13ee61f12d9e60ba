namespace NetOpsPS.Devices.Push;

/// <summary>The steps of one device's push, in order; results name the last one reached.</summary>
public enum PushStep
{
    /// <summary>Nothing done yet.</summary>
    None,

    /// <summary>Rendering the template.</summary>
    Render,

    /// <summary>Opening the NETCONF session.</summary>
    Connect,

    /// <summary>&lt;lock&gt; on the candidate.</summary>
    Lock,

    /// <summary>&lt;edit-config&gt; into the candidate.</summary>
    Edit,

    /// <summary>&lt;validate&gt; of the candidate.</summary>
    Validate,

    /// <summary>Candidate compared with running.</summary>
    Diff,

    /// <summary>&lt;commit&gt; (confirmed when the batch has a confirm window).</summary>
    Commit,

    /// <summary>The confirming &lt;commit&gt; of a batch confirmed-commit.</summary>
    Confirm,

    /// <summary>&lt;cancel-commit&gt; of a batch that did not succeed everywhere.</summary>
    CancelCommit,

    /// <summary>&lt;discard-changes&gt; of the candidate.</summary>
    Discard,

    /// <summary>&lt;unlock&gt; of the candidate.</summary>
    Unlock,

    /// <summary>Finished.</summary>
    Done,
}
