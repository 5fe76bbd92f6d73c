using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionGen.Policies;

namespace ActionGen.Comparison;

/// <summary>
/// Trained models and measured columns on disk, so a notebook that extends the comparison (05, 06) reuses what 04
/// measured instead of training it again, and a re-run skips finished work. Every key includes the method's options,
/// the budget, the task, the seed and the library build itself, so a change to any of them is measured afresh. Runs
/// that share the folder at the same time (the runner's --parallel, or two notebook tests at once) measure each entry once: see
/// <see cref="CacheClaim"/>. A run that finds a column being measured need not sit idle: <see cref="TryTrain"/> lets it
/// train that column's models meanwhile, and <see cref="Model"/> gives the measuring run what it trained.
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
        string path = ModelPath(method, task, seed);
        if (TryLoad(method, path) is Policy cached) return cached;
        using var claim = CacheClaim.Acquire(path, Patience);
        if (TryLoad(method, path) is Policy trainedMeanwhile) return trainedMeanwhile;
        var policy = train();
        policy.Save(path);                                                                      // written whole, then moved into place
        return policy;
    }

    /// <summary>
    /// Trains and saves the model of <paramref name="method"/> on <paramref name="task"/> with <paramref name="seed"/>
    /// unless it is cached already. False, without waiting, when another run is training it.
    /// </summary>
    public bool TryTrain(ComparisonMethod method, string task, int seed, Func<Policy> train)
    {
        string path = ModelPath(method, task, seed);
        if (File.Exists(path)) return true;
        using var claim = CacheClaim.TryAcquire(path);
        if (claim is null) return false;
        if (File.Exists(path)) return true;
        using var policy = train();
        policy.Save(path);
        return true;
    }

    /// <summary>
    /// The measured columns of <paramref name="method"/>, read when cached, else measured and written. When another
    /// process is measuring them, runs <paramref name="whileAnotherRunMeasures"/> (if given), then waits and reads what
    /// that process wrote.
    /// </summary>
    public IReadOnlyList<ColumnResult> Results(ComparisonMethod method, Func<IReadOnlyList<ColumnResult>> measure, Action? whileAnotherRunMeasures = null)
    {
        string path = ResultsPath(method);
        if (TryRead(path) is { } cached) return cached;
        var claim = CacheClaim.TryAcquire(path);
        if (claim is null)
        {
            whileAnotherRunMeasures?.Invoke();
            claim = CacheClaim.Acquire(path, Patience);
        }
        using var held = claim;
        if (TryRead(path) is { } measuredMeanwhile) return measuredMeanwhile;
        var results = measure();
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(results, Json));
        File.Move(temporary, path, overwrite: true);
        return results;
    }

    /// <summary>Where the model of <paramref name="method"/> on <paramref name="task"/> with <paramref name="seed"/> is kept.</summary>
    public string ModelPath(ComparisonMethod method, string task, int seed) =>
        Path.Combine(folder, "models", $"{Slug(method.Name)}-{Slug(task)}-{seed}-{Key(method, task, seed.ToString(System.Globalization.CultureInfo.InvariantCulture))}.policy");

    /// <summary>Where the measured columns of <paramref name="method"/> are kept.</summary>
    public string ResultsPath(ComparisonMethod method) =>
        Path.Combine(folder, $"{Slug(method.Name)}-{Key(method, "results", string.Join(",", method.Columns.Select(c => c.Name)))}.json");

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
