using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActionGen.Classroom;

/// <summary>
/// What a student's solution cell may contain, judged before it runs, against the instructor's solution cell: only
/// declarations the source cell makes (same kind and name: the function the exercise asks for), no statements, usings
/// or directives around them, no attributes, and none of the names that reach past the computation (the grading API,
/// the process and its environment, reflection, files, the console's streams, the notebook kernel, interop) unless the
/// instructor's own solution uses them.
/// </summary>
/// <remarks>
/// This keeps learner code from running when its cell is defined, from declaring a class that shadows a check, and from
/// the plain ways of tampering with a grading run. It is a deny-list, not a sandbox: the grader does not rely on it alone.
/// </remarks>
public static class SolutionCellRules
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>Names a solution cell may not use unless the instructor's solution does, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> DeniedNames = new Dictionary<string, string>
    {
        ["Check"] = "the grading API", ["GradingChannel"] = "the grading API", ["GradingEvent"] = "the grading API",
        ["ExerciseResult"] = "the grading API", ["ExerciseFailedException"] = "the grading API", ["Exercises"] = "the grading API",
        ["Environment"] = "the process and its environment", ["Process"] = "the process and its environment",
        ["ProcessStartInfo"] = "the process and its environment", ["AppDomain"] = "the process and its environment",
        ["AppContext"] = "the process and its environment",
        ["Reflection"] = "reflection", ["Assembly"] = "reflection", ["AssemblyLoadContext"] = "reflection", ["Activator"] = "reflection",
        ["GetType"] = "reflection", ["GetMethod"] = "reflection", ["GetMethods"] = "reflection", ["GetField"] = "reflection",
        ["GetFields"] = "reflection", ["GetProperty"] = "reflection", ["GetMember"] = "reflection", ["InvokeMember"] = "reflection",
        ["MethodInfo"] = "reflection", ["FieldInfo"] = "reflection", ["PropertyInfo"] = "reflection",
        ["GetTypes"] = "reflection", ["GetMembers"] = "reflection", ["GetProperties"] = "reflection", ["GetConstructor"] = "reflection",
        ["GetConstructors"] = "reflection", ["GetNestedType"] = "reflection", ["GetNestedTypes"] = "reflection",
        ["GetRuntimeMethods"] = "reflection", ["GetRuntimeFields"] = "reflection", ["GetRuntimeProperties"] = "reflection",
        ["GetTypeInfo"] = "reflection", ["TypeInfo"] = "reflection", ["Module"] = "reflection", ["MemberInfo"] = "reflection",
        ["BindingFlags"] = "reflection", ["CreateDelegate"] = "reflection", ["RuntimeHelpers"] = "reflection",
        ["Expression"] = "reflection", ["dynamic"] = "late binding, which reaches members by name at run time",
        ["File"] = "files", ["Directory"] = "files", ["FileInfo"] = "files", ["DirectoryInfo"] = "files", ["FileStream"] = "files",
        ["StreamWriter"] = "files", ["StreamReader"] = "files",
        ["SetOut"] = "the console's streams", ["SetError"] = "the console's streams", ["OpenStandardOutput"] = "the console's streams",
        ["OpenStandardError"] = "the console's streams",
        ["Kernel"] = "the notebook kernel", ["KernelInvocationContext"] = "the notebook kernel", ["CSharpKernel"] = "the notebook kernel",
        ["CompositeKernel"] = "the notebook kernel", ["Interactive"] = "the notebook kernel",
        ["Marshal"] = "native interop", ["NativeLibrary"] = "native interop", ["DllImport"] = "native interop",
        ["LibraryImport"] = "native interop", ["Unsafe"] = "native interop", ["GCHandle"] = "native interop",
    };

    /// <summary>
    /// Why <paramref name="studentLines"/> may not stand in for the solution cell <paramref name="sourceLines"/>, or null
    /// when it may. The reason names the line and what is not allowed.
    /// </summary>
    public static string? Problem(IReadOnlyList<string> sourceLines, IReadOnlyList<string> studentLines)
    {
        ArgumentNullException.ThrowIfNull(sourceLines);
        ArgumentNullException.ThrowIfNull(studentLines);
        for (int i = 0; i < studentLines.Count; i++)
        {
            if (studentLines[i].TrimStart().StartsWith('#'))
                return $"line {i + 1}: a directive ({studentLines[i].Trim()}); solution cells hold C# only, no #r, #! or #load lines.";
        }

        var student = Parse(studentLines);
        var errors = student.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
        if (errors.Count > 0)
            return "the solution cell does not compile: " + string.Join("; ", errors.Select(e => $"line {e.Location.GetLineSpan().StartLinePosition.Line + 1}: {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));

        var source = Parse(sourceLines);
        var allowed = Declarations(source.GetCompilationUnitRoot()).Select(d => d.Describe).ToHashSet(StringComparer.Ordinal);
        var unit = student.GetCompilationUnitRoot();
        var extra = new List<string>();
        extra.AddRange(unit.Externs.Select(e => $"an extern alias at line {Line(e)}"));
        extra.AddRange(unit.Usings.Select(u => $"a using directive at line {Line(u)}"));
        extra.AddRange(unit.AttributeLists.Select(a => $"an attribute at line {Line(a)}"));
        foreach (var member in unit.Members)
        {
            if (Declaration(member) is not { } declaration) extra.Add($"a statement at line {Line(member)} ({Abbreviate(member)})");
            else if (!allowed.Contains(declaration.Describe)) extra.Add($"{declaration.Describe} at line {Line(member)}");
            else if (declaration.HasAttributes) extra.Add($"an attribute on {declaration.Describe} at line {Line(member)}");
            else if (declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.ExternKeyword) || m.IsKind(SyntaxKind.UnsafeKeyword)))
                extra.Add($"an extern or unsafe {declaration.Describe} at line {Line(member)}");
        }
        if (extra.Count > 0)
        {
            string asked = allowed.Count == 0 ? "nothing" : string.Join(", ", allowed.Order(StringComparer.Ordinal));
            return $"the solution cell may declare only what the exercise asks for ({asked}); it also has {string.Join(", ", extra)}.";
        }

        var sourceNames = source.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);
        var denied = unit.DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && DeniedNames.ContainsKey(t.ValueText) && !sourceNames.Contains(t.ValueText))
            .ToList();
        if (denied.Count > 0)
        {
            var uses = denied.DistinctBy(t => t.ValueText)
                .Select(t => $"`{t.ValueText}` (line {t.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {DeniedNames[t.ValueText]})");
            return $"the solution cell uses {string.Join(", ", uses)}, which a solution cell may not use: solve the exercise without them.";
        }
        var unsafeToken = unit.DescendantTokens().FirstOrDefault(t => t.IsKind(SyntaxKind.UnsafeKeyword) || t.IsKind(SyntaxKind.StackAllocKeyword));
        if (unsafeToken.IsKind(SyntaxKind.UnsafeKeyword) || unsafeToken.IsKind(SyntaxKind.StackAllocKeyword))
            return $"line {unsafeToken.GetLocation().GetLineSpan().StartLinePosition.Line + 1} uses `{unsafeToken.Text}`, which a solution cell may not use.";
        return null;
    }

    private static SyntaxTree Parse(IReadOnlyList<string> lines) => CSharpSyntaxTree.ParseText(string.Join('\n', lines), Script);

    private sealed record DeclarationInfo(string Describe, bool HasAttributes, SyntaxTokenList Modifiers);

    private static IEnumerable<DeclarationInfo> Declarations(CompilationUnitSyntax unit) => unit.Members.Select(Declaration).OfType<DeclarationInfo>();

    private static DeclarationInfo? Declaration(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => new($"function {m.Identifier.ValueText}", m.AttributeLists.Count > 0, m.Modifiers),
        GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax f } => new($"function {f.Identifier.ValueText}", f.AttributeLists.Count > 0, f.Modifiers),
        TypeDeclarationSyntax t => new($"{t.Keyword.ValueText} {t.Identifier.ValueText}", t.AttributeLists.Count > 0, t.Modifiers),
        EnumDeclarationSyntax e => new($"enum {e.Identifier.ValueText}", e.AttributeLists.Count > 0, e.Modifiers),
        DelegateDeclarationSyntax d => new($"delegate {d.Identifier.ValueText}", d.AttributeLists.Count > 0, d.Modifiers),
        PropertyDeclarationSyntax p => new($"property {p.Identifier.ValueText}", p.AttributeLists.Count > 0, p.Modifiers),
        _ => null, // fields and statements run code when the cell is defined
    };

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Abbreviate(SyntaxNode node)
    {
        string text = node.ToString().ReplaceLineEndings(" ");
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
