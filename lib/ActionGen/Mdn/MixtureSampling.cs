namespace ActionGen.Mdn;

/// <summary>How an MDN turns its mixture into an action.</summary>
public enum MixtureSampling
{
    /// <summary>Draw a component by its weight (tempered), then draw from its Gaussian (σ scaled). A sample.</summary>
    Sample,

    /// <summary>The mean of the most likely component: robomimic's low-noise evaluation. A point estimate.</summary>
    MostLikelyMean,
}
