using ActionGen.Tasks;

namespace ActionGen.Tests;

public class BimanualTaskTests
{
    [Fact]
    public void Worst_arm_errors_are_in_units_of_the_noise_and_agree_with_validity()
    {
        var task = new BimanualTask(JointsPerArm: 3, Arms: 2, Noise: 0.02);
        double s = 0.3;
        double[] exact = [.. task.ArmTarget(0, 2, s), .. task.ArmTarget(1, 0, s)];
        double[] offByThreeNoise = exact.Select((q, i) => i < 3 ? q + 0.06 : q).ToArray();   // arm 1 off by 0.06 = 3σ at every joint: RMS 3σ
        double[] offByFiveNoise = exact.Select((q, i) => i >= 3 ? q - 0.1 : q).ToArray();    // arm 2 off by 5σ
        double[][] actions = [exact, offByThreeNoise, offByFiveNoise];
        double[] contexts = [s, s, s];

        var errors = task.WorstArmErrors(contexts, actions);

        Assert.Equal(0, errors[0], 12);
        Assert.Equal(3, errors[1], 9);
        Assert.Equal(5, errors[2], 9);
        Assert.Equal(2.0 / 3, task.Evaluate(contexts, actions).ValidFraction, 12);           // valid exactly where the error is ≤ 4σ
        var wrong = Assert.Throws<ArgumentException>(() => task.WorstArmErrors([s], [new double[5]]));
        Assert.Contains("Expected 6-D actions, got 5-D at row 0", wrong.Message, StringComparison.Ordinal);
    }
}
