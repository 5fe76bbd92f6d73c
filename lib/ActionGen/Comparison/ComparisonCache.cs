using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionGen.Policies;

namespace ActionGen.Comparison;

/// <summary>
/// Trained models and measured columns on disk, so a notebook that extends the comparison (05, 06) reuses what 04
/// measured instead of training it again, and a re-run skips finished work. Every key includes the method's options,
/// the budget, the task, the seed and the library build itself, so a change to any of them is measured afresh.
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

    /// <summary>The model of <paramref name="method"/> trained on <paramref name="task"/> with <paramref name="seed"/>, loaded when cached.</summary>
    public Policy Model(ComparisonMethod method, string task, int seed, Func<Policy> train)
    {
        string path = Path.Combine(folder, "models", $"{Slug(method.Name)}-{Slug(task)}-{seed}-{Key(method, task, seed.ToString(System.Globalization.CultureInfo.InvariantCulture))}.policy");
        if (File.Exists(path))
        {
            try
            {
                return method.Load(path);
            }
            catch (InvalidDataException)
            {
                File.Delete(path); // damaged or from another format: train again
            }
        }
        var policy = train();
        policy.Save(path);
        return policy;
    }

    /// <summary>The measured columns of <paramref name="method"/>, read when cached, else measured and written.</summary>
    public IReadOnlyList<ColumnResult> Results(ComparisonMethod method, Func<IReadOnlyList<ColumnResult>> measure)
    {
        string path = Path.Combine(folder, $"{Slug(method.Name)}-{Key(method, "results", string.Join(",", method.Columns.Select(c => c.Name)))}.json");
        if (File.Exists(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<List<ColumnResult>>(File.ReadAllText(path), Json) is { Count: > 0 } cached) return cached;
            }
            catch (JsonException)
            {
                // unreadable: measure again
            }
        }
        var results = measure();
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(results, Json));
        File.Move(temporary, path, overwrite: true);
        return results;
    }

    private string Key(ComparisonMethod method, string task, string detail)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", method.Name, method.Configuration, task, detail, budgetKey)));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static string Slug(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
