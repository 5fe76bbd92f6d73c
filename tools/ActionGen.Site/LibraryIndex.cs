using System.Text.RegularExpressions;

namespace ActionGen.Site;

/// <summary>
/// Which library file declares each public type, found by scanning lib/**/*.cs at build time — so the site's
/// concept-to-code links follow the code when files move between folders, with no path written down anywhere.
/// </summary>
public sealed partial class LibraryIndex
{
    private readonly Dictionary<string, List<string>> files = new(StringComparer.Ordinal);

    private LibraryIndex()
    {
    }

    /// <summary>Every public type name found, with the files (repository-relative, forward slashes) that declare it.</summary>
    public IReadOnlyDictionary<string, List<string>> Types => files;

    /// <summary>Scans every .cs file under <c>lib/</c> of <paramref name="root"/> (build outputs excluded).</summary>
    public static LibraryIndex Scan(string root)
    {
        var index = new LibraryIndex();
        string lib = Path.Combine(root, "lib");
        if (!Directory.Exists(lib)) return index;
        foreach (string file in Directory.EnumerateFiles(lib, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
            foreach (Match match in PublicType().Matches(File.ReadAllText(file)))
            {
                string name = match.Groups["name"].Value;
                if (!index.files.TryGetValue(name, out var list)) index.files[name] = list = [];
                if (!list.Contains(relative)) list.Add(relative);
            }
        }
        return index;
    }

    /// <summary>
    /// The library types <paramref name="code"/> names, in order of first use, each with its files. Comments are
    /// ignored; a name counts only where it stands as a whole identifier.
    /// </summary>
    public IReadOnlyList<(string Type, IReadOnlyList<string> Files)> UsedBy(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var used = new List<(string, IReadOnlyList<string>)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Identifier().Matches(LineComment().Replace(code, "")))
        {
            if (files.TryGetValue(match.Value, out var declared) && seen.Add(match.Value)) used.Add((match.Value, declared));
        }
        return used;
    }

    [GeneratedRegex(@"^[ \t]*public\s+(?:(?:sealed|static|abstract|partial|readonly|unsafe|ref|new)\s+)*(?:record\s+(?:struct|class)|record|class|struct|interface|enum)\s+(?<name>[A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex PublicType();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();
}
