using ActionGen.Training;
using Microsoft.DotNet.Interactive.Formatting;

namespace ActionGen.Interactive;

/// <summary>A live progress line in a notebook cell: one output that updates in place while a model trains.</summary>
public sealed class TrainingDisplay : IProgress<TrainingProgress>
{
    private readonly string title;
    private readonly DisplayedValue line;

    private TrainingDisplay(string title)
    {
        this.title = title;
        line = $"{title}: starting…".Display("text/plain");
    }

    /// <summary>Shows a progress line titled <paramref name="title"/> and returns it as a progress sink for the trainer.</summary>
    public static TrainingDisplay Start(string title) => new(title);

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int filled = (int)Math.Round(20 * value.Fraction);
        line.Update($"{title} [{new string('#', filled)}{new string('.', 20 - filled)}] {value}");
    }
}
