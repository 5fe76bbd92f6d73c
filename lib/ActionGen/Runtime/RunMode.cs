namespace ActionGen.Runtime;

/// <summary>Quick mode: smaller training budgets for tests and headless runs. The claims asserted stay the same.</summary>
public static class RunMode
{
    /// <summary>The environment variable that switches quick mode on (1 or true).</summary>
    public const string QuickVariable = "ACTIONGEN_QUICK";

    /// <summary>True when <c>ACTIONGEN_QUICK</c> is 1 or true.</summary>
    public static bool IsQuick => Environment.GetEnvironmentVariable(QuickVariable)?.Trim().ToLowerInvariant() is "1" or "true";

    /// <summary>Picks the budget for the current mode.</summary>
    public static T Budget<T>(T full, T quick) => IsQuick ? quick : full;
}
