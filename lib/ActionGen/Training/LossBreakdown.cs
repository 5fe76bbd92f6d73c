using TorchSharp;

namespace ActionGen.Training;

/// <summary>A training loss and the named terms it is built from (so a non-finite value can be traced to its term).</summary>
/// <param name="Total">The scalar that is minimised.</param>
/// <param name="Terms">Named scalar terms, in the order they are computed; checked in that order for non-finite values.</param>
public sealed record LossBreakdown(torch.Tensor Total, IReadOnlyList<(string Name, torch.Tensor Value)> Terms)
{
    /// <summary>A loss made of a single term.</summary>
    public static LossBreakdown OneTerm(string name, torch.Tensor loss) => new(loss, [(name, loss)]);
}
