namespace ActionGen.Training;

/// <summary>
/// Steps after which the trainer hands control to <paramref name="Evaluate"/> (with the 1-based step), e.g. to measure
/// a budget curve inside one run. Training randomness comes from the trainer's own generator, so an evaluation that
/// samples from torch's global generator does not change the run; the network is put back in training mode after it.
/// </summary>
/// <param name="Steps">The steps to stop at, each in 1 … the run's steps.</param>
/// <param name="Evaluate">What to do at each of them.</param>
public sealed record TrainingCheckpoints(IReadOnlyList<int> Steps, Action<int> Evaluate);
