namespace ActionGen.Tasks;

/// <summary>Which way a trajectory passes the obstacle: the behaviour modes of the obstacle task.</summary>
public enum PassSide
{
    /// <summary>Passed with the obstacle on its right (x below the obstacle's centre).</summary>
    Left,

    /// <summary>Passed with the obstacle on its left.</summary>
    Right,

    /// <summary>Collided, stalled, or never reached the obstacle's height.</summary>
    Other,
}
