namespace ActionGen.Claims;

/// <summary>
/// A notebook's claim, checked against the number it measured: prints the claim and the measurement when it holds,
/// throws <see cref="ClaimFailedException"/> (failing a headless run) when it does not.
/// </summary>
public static class Claim
{
    /// <summary>Where held claims are reported (the notebook's output by default).</summary>
    public static TextWriter Output { get; set; } = Console.Out;

    /// <summary>Asserts <paramref name="holds"/>; <paramref name="claim"/> says what is claimed, <paramref name="measured"/> what was measured.</summary>
    /// <exception cref="ClaimFailedException">The claim does not hold.</exception>
    public static void That(bool holds, string claim, string measured)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        if (!holds) throw new ClaimFailedException($"Claim failed: {claim}. Measured: {measured}.");
        Output.WriteLine($"✔ {claim} — measured: {measured}");
    }
}
