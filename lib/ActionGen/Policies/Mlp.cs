using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ActionGen.Policies;

/// <summary>A multilayer perceptron: Linear → ReLU for each hidden width, then a final Linear.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>Creates the network; weights use torch's default initialisation (seed torch first for reproducibility).</summary>
    public Mlp(int inputDim, IReadOnlyList<int> hiddenWidths, int outputDim) : base(nameof(Mlp))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDim, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputDim, 1);
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        if (hiddenWidths.Any(w => w < 1)) throw new ArgumentException($"Hidden widths must be positive, got [{string.Join(", ", hiddenWidths)}].", nameof(hiddenWidths));
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        int width = inputDim;
        for (int i = 0; i < hiddenWidths.Count; i++)
        {
            modules.Add(($"linear{i}", nn.Linear(width, hiddenWidths[i])));
            modules.Add(($"relu{i}", nn.ReLU()));
            width = hiddenWidths[i];
        }
        modules.Add(("output", nn.Linear(width, outputDim)));
        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => layers.forward(input);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) layers.Dispose();
        base.Dispose(disposing);
    }
}
