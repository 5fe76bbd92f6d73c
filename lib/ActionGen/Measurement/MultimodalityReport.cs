namespace ActionGen.Measurement;

/// <summary>How many test states have multimodal nearby human chunks, and under which settings.</summary>
/// <param name="States">Every test state's measurement, in input order.</param>
/// <param name="Neighbourhood">The neighbourhood options used (radius, neighbour counts).</param>
/// <param name="Criterion">The separation criterion used.</param>
public sealed record MultimodalityReport(IReadOnlyList<StateModality> States, NeighbourhoodOptions Neighbourhood, SeparationCriterion Criterion)
{
    /// <summary>States with enough neighbours to measure.</summary>
    public int Measured => States.Count(s => s.Measured);

    /// <summary>Measured states whose human chunks form two well-separated clusters.</summary>
    public int Multimodal => States.Count(s => s.IsMultimodal);

    /// <summary>Multimodal over measured states (NaN when none was measured).</summary>
    public double Share => Measured == 0 ? double.NaN : (double)Multimodal / Measured;

    /// <summary>Measured over all states: how much of the test set the radius reaches.</summary>
    public double Coverage => States.Count == 0 ? double.NaN : (double)Measured / States.Count;

    /// <summary>The median number of neighbours over all states.</summary>
    public double MedianNeighbours
    {
        get
        {
            if (States.Count == 0) return double.NaN;
            var counts = States.Select(s => s.Neighbourhood.Count).Order().ToArray();
            return counts.Length % 2 == 1 ? counts[counts.Length / 2] : (counts[counts.Length / 2 - 1] + counts[counts.Length / 2]) / 2.0;
        }
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant(
        $"radius {Neighbourhood.Radius}: {Multimodal} of {Measured} measured states multimodal ({Share:P1}); {Measured} of {States.Count} states measured ({Coverage:P0}), median {MedianNeighbours} neighbours; λ = {Criterion.MinRatio}");
}
