using ActionGen.Reporting;

namespace ActionGen.Tests;

public class ComparisonTableTests
{
    private static readonly ComparisonTable Table = new("t", ["row", "a|b"], [["speed", new TableCell("12 µs", Rating.Good)], ["<x>", new TableCell("bad", Rating.Poor)]]);

    [Fact]
    public void Markdown_escapes_pipes_and_marks_ratings()
    {
        string markdown = Table.ToMarkdown();
        Assert.StartsWith("| row | a\\|b |\n|---|---|\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| speed | 12 µs 🟢 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| <x> | bad 🔴 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_encodes_text_and_colours_rated_cells()
    {
        string html = Table.ToHtml();
        Assert.Contains("&lt;x&gt;", html, StringComparison.Ordinal);
        Assert.Contains("background:#c8e6c9", html, StringComparison.Ordinal);
        Assert.Contains("background:#ffcdd2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_named()
    {
        var broken = new ComparisonTable("broken", ["a", "b"], [["only one"]]);
        var error = Assert.Throws<ArgumentException>(() => broken.ToMarkdown());
        Assert.Contains("Row 0 of 'broken' has 1 cells, expected 2", error.Message, StringComparison.Ordinal);
    }
}
