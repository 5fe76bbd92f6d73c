namespace ActionGen.Site;

/// <summary>What a build produced.</summary>
/// <param name="OutputFolder">Where the site is.</param>
/// <param name="Pages">HTML pages written (index included).</param>
/// <param name="Bytes">Total size of the site folder.</param>
/// <param name="Elapsed">Wall time of the build.</param>
/// <param name="Notes">Things a reader of the build log should know (e.g. notebooks without committed outputs).</param>
public sealed record SiteReport(string OutputFolder, int Pages, long Bytes, TimeSpan Elapsed, IReadOnlyList<string> Notes);
