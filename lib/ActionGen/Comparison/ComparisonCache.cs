using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionGen.Policies;

namespace ActionGen.Comparison;

/// <summary>
/// Trained models and measured columns on disk, so a notebook that extends the comparison (05, 06) reuses what 04
/// measured instead of training it again, and a re-run skips finished work. Every key includes the method's options,
/// the budget, the task, the seed and the library build itself, so a change to any of them is measured afresh. Runs
/// that share the folder at the same time (two notebooks, or two test lanes) measure each entry once: see
/// <see cref="CacheClaim"/>.
/// </summary>
internal sealed class ComparisonCache
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string folder;
    private readonly string budgetKey;

    public ComparisonCache(string folder, ComparisonBudget budget)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(budget);
        this.folder = folder;
        budgetKey = JsonSerializer.Serialize(budget) + "|" + typeof(Policy).Assembly.ManifestModule.ModuleVersionId;
        Directory.CreateDirectory(Path.Combine(folder, "models"));
    }

    /// <summary>How long a run waits for another run that is measuring the same entry.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromHours(3);

    /// <summary>
    /// The model of <paramref name="method"/> trained on <paramref name="task"/> with <paramref name="seed"/>, loaded when
    /// cached. When another process is training it, waits and loads what that process saved.
    /// </summary>
    public Policy Model(ComparisonMethod method, string task, int seed, Func<Policy> train)
    {
        string path = Path.Combine(folder, "models", $"{Slug(method.Name)}-{Slug(task)}-{seed}-{Key(method, task, seed.ToString(System.Globalization.CultureInfo.InvariantCulture))}.policy");
        if (TryLoad(method, path) is Policy cached) return cached;
        using var claim = CacheClaim.Acquire(path, Patience);
        if (TryLoad(method, path) is Policy trainedMeanwhile) return trainedMeanwhile;
        var policy = train();
        policy.Save(path);                                                                      // written whole, then moved into place
        return policy;
    }

    /// <summary>
    /// The measured columns of <paramref name="method"/>, read when cached, else measured and written. When another
    /// process is measuring them, waits and reads what that process wrote.
    /// </summary>
    public IReadOnlyList<ColumnResult> Results(ComparisonMethod method, Func<IReadOnlyList<ColumnResult>> measure)
    {
        string path = Path.Combine(folder, $"{Slug(method.Name)}-{Key(method, "results", string.Join(",", method.Columns.Select(c => c.Name)))}.json");
        if (TryRead(path) is { } cached) return cached;
        using var claim = CacheClaim.Acquire(path, Patience);
        if (TryRead(path) is { } measuredMeanwhile) return measuredMeanwhile;
        var results = measure();
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(results, Json));
        File.Move(temporary, path, overwrite: true);
        return results;
    }

    private static Policy? TryLoad(ComparisonMethod method, string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return method.Load(path);
        }
        catch (InvalidDataException)
        {
            File.Delete(path); // damaged or from another format: train again
            return null;
        }
    }

    private static List<ColumnResult>? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<List<ColumnResult>>(File.ReadAllText(path), Json) is { Count: > 0 } cached ? cached : null;
        }
        catch (JsonException)
        {
            return null; // unreadable: measure again
        }
    }

    private string Key(ComparisonMethod method, string task, string detail)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", method.Name, method.Configuration, task, detail, budgetKey)));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static string Slug(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
