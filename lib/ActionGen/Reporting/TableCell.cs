namespace ActionGen.Reporting;

/// <summary>One cell of a <see cref="ComparisonTable"/>.</summary>
/// <param name="Text">What the cell says.</param>
/// <param name="Rating">Its colour.</param>
public sealed record TableCell(string Text, Rating Rating = Rating.None)
{
    /// <summary>A plain cell.</summary>
    public static implicit operator TableCell(string text) => new(text);
}
