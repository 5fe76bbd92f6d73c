using System.Text.Json.Serialization;
using ActionGen.Policies;

namespace ActionGen.Mse;

/// <summary>Options of the MSE (behaviour-cloning) policy.</summary>
/// <param name="HiddenWidths">MLP hidden layer widths; robomimic's BC default is two layers of 1024, the series' tasks need far less.</param>
/// <param name="Seed">Seeds the weight initialisation.</param>
public sealed record MseOptions(IReadOnlyList<int>? HiddenWidths = null, int Seed = 0) : IPolicyOptions
{
    /// <summary>The hidden widths in use: [256, 256] unless given.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Widths => HiddenWidths ?? [256, 256];

    /// <inheritdoc />
    public void Validate() => OptionChecks.Widths(Widths, nameof(HiddenWidths));
}
