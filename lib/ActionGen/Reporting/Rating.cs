namespace ActionGen.Reporting;

/// <summary>How a measured cell reads against the question its row asks: drawn green, amber or red.</summary>
public enum Rating
{
    /// <summary>No judgement (a label or a plain number).</summary>
    None,

    /// <summary>Good for this row's question.</summary>
    Good,

    /// <summary>Workable, with a cost.</summary>
    Fair,

    /// <summary>Fails this row's question.</summary>
    Poor,
}
