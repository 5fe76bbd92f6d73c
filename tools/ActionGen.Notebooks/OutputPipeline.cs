using System.Globalization;
using ActionGen.NotebookOutputs;

namespace ActionGen.Notebooks;

/// <summary>
/// The runner's steps after a notebook passed: post-process its executed copy (stable ids, static chart images) and,
/// with --write-outputs, write the outputs back into the source notebook.
/// </summary>
public sealed class OutputPipeline : IAsyncDisposable
{
    private readonly StaticChartRenderer? renderer;
    private readonly bool writeOutputs;
    private readonly string mode;

    private OutputPipeline(StaticChartRenderer? renderer, bool writeOutputs, bool quick)
    {
        this.renderer = renderer;
        this.writeOutputs = writeOutputs;
        mode = quick ? SourceStamp.QuickMode : SourceStamp.FullMode;
    }

    /// <summary>
    /// Starts the static-image renderer when this machine has one; when not, reports one line saying images are
    /// skipped and why, and the run goes on.
    /// </summary>
    public static async Task<OutputPipeline> StartAsync(RepositoryPaths paths, bool writeOutputs, bool quick, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (StaticChartRenderer.Problem(paths) is string problem)
        {
            report($"Static chart images skipped: {problem}. Charts stay interactive; committed outputs need the images (README, Read the series).");
            return new OutputPipeline(null, writeOutputs, quick);
        }
        try
        {
            return new OutputPipeline(await StaticChartRenderer.StartAsync(paths).ConfigureAwait(false), writeOutputs, quick);
        }
        catch (Exception e) when (e is InvalidOperationException or PuppeteerSharp.PuppeteerException or IOException)
        {
            report($"Static chart images skipped: Chromium did not start ({e.Message.Split('\n')[0]}). Charts stay interactive.");
            return new OutputPipeline(null, writeOutputs, quick);
        }
    }

    /// <summary>How many notebooks passed but could not be post-processed or written back (the run then exits non-zero).</summary>
    public int Failures { get; private set; }

    /// <summary>
    /// Post-processes a passed notebook's executed copy and writes outputs back when asked; returns a line for the log.
    /// A failure is reported in that line and counted in <see cref="Failures"/>; the source is then left as it was.
    /// </summary>
    public async Task<string> AfterRunAsync(string sourcePath, NotebookResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Passed || result.ExecutedCopy is null) return "";
        try
        {
            var post = await new OutputPostProcessor(renderer).ProcessAsync(result.ExecutedCopy, result.Name).ConfigureAwait(false);
            string line = string.Create(CultureInfo.InvariantCulture, $"    {post.Charts} chart(s), {post.StaticImages} static image(s)");
            if (!writeOutputs) return line;
            int cells = OutputWriteBack.Write(sourcePath, result.ExecutedCopy, mode);
            long bytes = new FileInfo(sourcePath).Length;
            return line + string.Create(CultureInfo.InvariantCulture, $"; outputs of {cells} code cells written to {Path.GetFileName(sourcePath)} ({bytes / 1024.0:F0} KiB, {mode} mode)");
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or PuppeteerSharp.PuppeteerException)
        {
            Failures++;
            return $"    ✘ {result.Name}: outputs could not be post-processed or written back, the source is unchanged: {e.Message}";
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (renderer is not null) await renderer.DisposeAsync().ConfigureAwait(false);
    }
}
