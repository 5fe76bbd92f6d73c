using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActionGen.Classroom;

/// <summary>
/// Rewrites a cell's calls <c>Check.X(…)</c> to <c>global::ActionGen.Exercises.Check.X(…)</c>, which no type a student
/// declares can shadow, and which needs no <c>using ActionGen.Exercises;</c> from another cell.
/// </summary>
public static class QualifiedChecks
{
    /// <summary>The fully qualified name of the library's checks.</summary>
    public const string CheckType = "global::ActionGen.Exercises.Check";

    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>The cell's lines with every unqualified <c>Check.</c> member access qualified; other text unchanged.</summary>
    public static List<string> Qualify(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string text = string.Join('\n', lines);
        if (!text.Contains("Check", StringComparison.Ordinal)) return [.. lines];
        var root = CSharpSyntaxTree.ParseText(text, Script).GetRoot();
        var spans = root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == "Check" && n.Parent is MemberAccessExpressionSyntax access && access.Expression == n)
            .Select(n => n.Span)
            .OrderByDescending(s => s.Start)
            .ToList();
        foreach (var span in spans) text = text[..span.Start] + CheckType + text[span.End..];
        return [.. text.Split('\n')];
    }
}
