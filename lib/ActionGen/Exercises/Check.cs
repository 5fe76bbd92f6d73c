using System.Globalization;
using TorchSharp;

namespace ActionGen.Exercises;

/// <summary>
/// Checks a learner's exercise answer: prints a friendly pass line, or throws <see cref="ExerciseFailedException"/>
/// saying what was expected, what came, and a hint. A stub that still throws <see cref="NotImplementedException"/>
/// is reported as "not attempted". In a grading run each outcome is also written to the <see cref="GradingChannel"/>.
/// </summary>
public static class Check
{
    /// <summary>Where pass lines are written (the notebook's output by default).</summary>
    public static TextWriter Output { get; set; } = Console.Out;

    /// <summary>Checks that <paramref name="actual"/> is within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static ExerciseResult Close(string exercise, Func<double> actual, double expected, double tolerance, string hint)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return Attempt(exercise, hint, () =>
        {
            double value = actual();
            if (!double.IsFinite(value)) return (false, $"expected {Format(expected)} (± {Format(tolerance)}), got {value}: a non-finite number");
            double error = Math.Abs(value - expected);
            return (error <= tolerance, $"expected {Format(expected)} (± {Format(tolerance)}), got {Format(value)} (off by {Format(error)})");
        });
    }

    /// <summary>Checks that two tensors have the same shape and agree element-wise within <paramref name="tolerance"/>.</summary>
    public static ExerciseResult Close(string exercise, Func<torch.Tensor> actual, torch.Tensor expected, double tolerance, string hint)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        return Attempt(exercise, hint, () =>
        {
            using var scope = torch.NewDisposeScope();
            var value = actual();
            string expectedShape = Shape(expected);
            if (!value.shape.SequenceEqual(expected.shape)) return (false, $"expected a tensor of shape {expectedShape}, got shape {Shape(value)}");
            var difference = (value.to(torch.float64).cpu() - expected.to(torch.float64).cpu()).abs();
            if (difference.isnan().any().item<bool>()) return (false, $"expected finite values of shape {expectedShape}, got NaN in {difference.isnan().sum().item<long>()} element(s)");
            double worst = difference.max().item<double>();
            return (worst <= tolerance, $"expected values within ± {Format(tolerance)} of the reference (shape {expectedShape}), largest difference {Format(worst)}");
        });
    }

    /// <summary>Checks a condition with its own description of what was expected and what came.</summary>
    public static ExerciseResult That(string exercise, Func<(bool Passed, string Expected, string Actual)> condition, string hint)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Attempt(exercise, hint, () =>
        {
            var (passed, expected, actual) = condition();
            return (passed, $"expected {expected}, got {actual}");
        });
    }

    private static ExerciseResult Attempt(string exercise, string hint, Func<(bool Passed, string Detail)> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exercise);
        GradingChannel.Record(GradingEvent.Started, exercise, null);
        ExerciseResult result;
        bool notAttempted = false;
        try
        {
            var (passed, detail) = run();
            result = passed
                ? new ExerciseResult(exercise, true, $"✔ Exercise {exercise} passed: {detail}.")
                : new ExerciseResult(exercise, false, $"✘ Exercise {exercise}: {detail}.\n  Hint: {hint}");
        }
        catch (NotImplementedException)
        {
            notAttempted = true;
            result = new ExerciseResult(exercise, false, $"✘ Exercise {exercise}: not attempted yet — replace the NotImplementedException with your code.\n  Hint: {hint}");
        }
        catch (Exception e) when (e is not ExerciseFailedException)
        {
            GradingChannel.Record(GradingEvent.Errored, exercise, $"{e.GetType().Name}: {e.Message}");
            throw;
        }
        // Reported to a grader only here, after the check ran: a printed line is never a pass.
        GradingChannel.Record(result.Passed ? GradingEvent.Passed : notAttempted ? GradingEvent.NotAttempted : GradingEvent.Failed, exercise, result.Message);
        if (!result.Passed) throw new ExerciseFailedException(result);
        Output.WriteLine(result.Message);
        return result;
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Shape(torch.Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
}
