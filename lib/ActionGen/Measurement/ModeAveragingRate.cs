namespace ActionGen.Measurement;

/// <summary>The mode-averaging rate over a set of test states.</summary>
/// <param name="Rate">Flagged chunks over predicted chunks, Σ_i |F_i| / Σ_i K_i.</param>
/// <param name="Flagged">Predicted chunks outside every human chunk's neighbour ball.</param>
/// <param name="Predicted">Predicted chunks judged.</param>
/// <param name="RateByState">|F_i| / K_i at each state.</param>
public sealed record ModeAveragingRate(double Rate, int Flagged, int Predicted, IReadOnlyList<double> RateByState)
{
    /// <summary>Test states measured.</summary>
    public int States => RateByState.Count;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"mode-averaging rate {Rate:P1} ({Flagged} of {Predicted} chunks, {States} states)");
}
