using ActionGen.Classroom;

namespace ActionGen.Tests;

public class SolutionCellRulesTests
{
    private static readonly string[] Source = ["int Add(int a, int b)", "{", "    // BEGIN SOLUTION", "    return a + b;", "    // END SOLUTION", "}"];

    private static string? Problem(string student) => SolutionCellRules.Problem(Source, student.Split('\n'));

    [Theory]
    [InlineData("int Add(int a, int b)\n{\n    return a + b;\n}")]
    [InlineData("int Add(int a, int b) => b + a; // a comment\n")]
    [InlineData("static int Add(int a, int b)\n{\n    int Twice(int x) => 2 * x;\n    Console.WriteLine(\"debugging\");\n    return Twice(a + b) / 2;\n}")]
    public void The_function_the_exercise_asks_for_is_allowed_with_any_body(string student) => Assert.Null(Problem(student));

    [Theory]
    [InlineData("int Add(int a, int b) => 0;\nstatic class Check { }", "class Check at line 2")]
    [InlineData("int Add(int a, int b) => 0;\nrecord Console(int X);", "record Console at line 2")]
    [InlineData("int Add(int a, int b) => 0;\nint Other() => 1;", "function Other at line 2")]
    [InlineData("int Add(int a, int b) => 0;\nConsole.WriteLine(\"✔ Exercise 99.1 passed\");", "a statement at line 2")]
    [InlineData("int Add(int a, int b) => 0;\nvar x = Add(1, 2);", "a statement at line 2")]
    [InlineData("using ActionGen.Exercises;\nint Add(int a, int b) => 0;", "a using directive at line 1")]
    [InlineData("[System.Runtime.CompilerServices.ModuleInitializer]\nstatic void Add() { }", "an attribute on function Add at line 1")]
    public void Anything_else_at_the_top_of_the_cell_is_named(string student, string named)
    {
        string problem = Problem(student)!;
        Assert.Contains("may declare only what the exercise asks for (function Add)", problem, StringComparison.Ordinal);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#r \"nuget: Evil, 1.0.0\"\nint Add(int a, int b) => 0;")]
    [InlineData("#!fsharp\nlet add a b = a + b")]
    public void Directives_are_refused(string student) => Assert.Contains("line 1: a directive", Problem(student), StringComparison.Ordinal);

    [Fact]
    public void A_syntax_error_is_reported_with_its_line_before_anything_runs() =>
        Assert.Equal("the solution cell does not compile: line 3: Invalid expression term ';'", Problem("int Add(int a, int b)\n{\n    return a + ;\n}"));

    [Theory]
    [InlineData("int Add(int a, int b)\n{\n    Environment.Exit(0);\n    return 0;\n}", "`Environment` (line 3: the process and its environment)")]
    [InlineData("int Add(int a, int b)\n{\n    ActionGen.Exercises.Check.Close(\"99.1\", () => 5.0, 5.0, 0, \"\");\n    return 0;\n}", "`Check` (line 3: the grading API)")]
    [InlineData("int Add(int a, int b)\n{\n    System.IO.File.AppendAllText(\"/tmp/x\", \"\");\n    return 0;\n}", "`File` (line 3: files)")]
    [InlineData("int Add(int a, int b)\n{\n    Console.SetOut(TextWriter.Null);\n    return 0;\n}", "`SetOut` (line 3: the console's streams)")]
    [InlineData("int Add(int a, int b)\n{\n    var t = typeof(int).Assembly.GetType(\"X\");\n    return 0;\n}", "`Assembly` (line 3: reflection)")]
    public void Names_that_reach_past_the_computation_are_refused(string student, string named) =>
        Assert.Contains(named, Problem(student), StringComparison.Ordinal);

    [Theory]
    [InlineData("int Add(int a, int b)\n{\n    var types = typeof(object).Module.GetTypes();\n    return 0;\n}", "`Module` (line 3: reflection)")]
    [InlineData("int Add(int a, int b)\n{\n    dynamic t = typeof(int);\n    foreach (dynamic m in t.GetMembers()) { }\n    return 0;\n}", "`dynamic` (line 3: late binding")]
    [InlineData("int Add(int a, int b)\n{\n    object f = Enum.ToObject(typeof(System.Reflection.BindingFlags), 60);\n    return 0;\n}", "`BindingFlags` (line 3: reflection)")]
    public void The_reflection_route_to_the_grading_channel_is_refused(string student, string named) =>
        // A forged grade once got through with Module.GetTypes, dynamic GetMembers and Enum.ToObject for the binding flags.
        Assert.Contains(named, Problem(student), StringComparison.Ordinal);

    [Fact]
    public void A_name_the_instructors_solution_uses_is_allowed()
    {
        string[] source = ["int Add(int a, int b)", "{", "    // BEGIN SOLUTION", "    return a + b + Environment.ProcessorCount * 0;", "    // END SOLUTION", "}"];
        Assert.Null(SolutionCellRules.Problem(source, ["int Add(int a, int b) => a + b + 0 * Environment.ProcessorCount;"]));
    }

    [Theory]
    [InlineData("unsafe int Add(int a, int b)\n{\n    return a + b;\n}", "an extern or unsafe function Add at line 1")]
    [InlineData("int Add(int a, int b)\n{\n    unsafe { int* p = &a; }\n    return a + b;\n}", "line 3 uses `unsafe`")]
    public void Unsafe_code_is_refused(string student, string named) => Assert.Contains(named, Problem(student), StringComparison.Ordinal);

    [Fact]
    public void Checks_are_qualified_so_no_student_type_can_shadow_them()
    {
        var qualified = QualifiedChecks.Qualify([
            "using ActionGen.Exercises;",
            "Check.Close(\"99.1\", () => Add(2, 3), 5, 0, \"Check.Close is the call\");",
            "ActionGen.Exercises.Check.That(\"99.2\", () => (true, \"\", \"\"), \"h\");",
            "var writer = Check.Output;"]);
        Assert.Equal([
            "using ActionGen.Exercises;",
            "global::ActionGen.Exercises.Check.Close(\"99.1\", () => Add(2, 3), 5, 0, \"Check.Close is the call\");",
            "ActionGen.Exercises.Check.That(\"99.2\", () => (true, \"\", \"\"), \"h\");",
            "var writer = global::ActionGen.Exercises.Check.Output;"], qualified);
    }
}
