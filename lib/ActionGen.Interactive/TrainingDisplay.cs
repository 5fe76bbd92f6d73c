using ActionGen.Training;
using Microsoft.DotNet.Interactive.Formatting;

namespace ActionGen.Interactive;

/// <summary>
/// A live progress line in a notebook cell: one output that updates in place while a model trains. Headless runs
/// (<c>ACTIONGEN_HEADLESS=1</c>, set by the runner) record every update as a separate output, so there only the final
/// line is shown.
/// </summary>
public sealed class TrainingDisplay : IProgress<TrainingProgress>
{
    /// <summary>The environment variable the headless runner sets.</summary>
    public const string HeadlessVariable = "ACTIONGEN_HEADLESS";

    private readonly string title;
    private readonly bool headless = Environment.GetEnvironmentVariable(HeadlessVariable) == "1";
    private DisplayedValue? line;

    private TrainingDisplay(string title)
    {
        this.title = title;
        if (!headless) line = $"{title}: starting…".Display("text/plain");
    }

    /// <summary>Shows a progress line titled <paramref name="title"/> and returns it as a progress sink for the trainer.</summary>
    public static TrainingDisplay Start(string title) => new(title);

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int filled = (int)Math.Round(20 * value.Fraction);
        string text = $"{title} [{new string('#', filled)}{new string('.', 20 - filled)}] {value}";
        if (!headless) line?.Update(text);
        else if (value.Step == value.TotalSteps) text.Display("text/plain");
    }
}
