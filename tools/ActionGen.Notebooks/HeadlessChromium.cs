using PuppeteerSharp;

namespace ActionGen.Notebooks;

/// <summary>
/// A headless Chromium started from the system's browser (Debian's <c>chromium</c> package, or the binary named by
/// <c>ACTIONGEN_CHROMIUM</c>), never a downloaded one, with a fresh profile that is deleted on dispose.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>The environment variable that names a Chrome or Chromium binary to use.</summary>
    public const string Variable = "ACTIONGEN_CHROMIUM";

    /// <summary>Where a system browser is looked for, in order, after <see cref="Variable"/>.</summary>
    public static readonly IReadOnlyList<string> Candidates =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    private readonly string profile;

    private HeadlessChromium(IBrowser browser, string profile)
    {
        Browser = browser;
        this.profile = profile;
    }

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>The browser binary to use, or null when none is installed.</summary>
    public static string? Find()
    {
        string? named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(named)) return File.Exists(named) ? named : null;
        return Candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Why no browser can be started, or null when one can.</summary>
    public static string? Problem()
    {
        string? named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(named) && !File.Exists(named)) return $"{Variable} names {named}, which does not exist";
        return Find() is null
            ? $"no Chromium found ({string.Join(", ", Candidates)}; or set {Variable}); on Debian: apt-get install chromium"
            : null;
    }

    /// <summary>Starts the browser headless, offline-friendly (no background networking, no component updates).</summary>
    /// <exception cref="InvalidOperationException">No browser is installed.</exception>
    public static async Task<HeadlessChromium> StartAsync()
    {
        string executable = Find() ?? throw new InvalidOperationException("Cannot start Chromium: " + Problem());
        string profile = Path.Combine(Path.GetTempPath(), "actiongen-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var options = new LaunchOptions
        {
            Headless = true,
            ExecutablePath = executable,
            UserDataDir = profile,
            Args =
            [
                "--no-sandbox", // the sandbox refuses to run as root, as CI and devcontainers do
                "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--font-render-hinting=none",
            ],
        };
        try
        {
            return new HeadlessChromium(await Puppeteer.LaunchAsync(options).ConfigureAwait(false), profile);
        }
        catch
        {
            TryDelete(profile);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync().ConfigureAwait(false);
        await Browser.DisposeAsync().ConfigureAwait(false);
        TryDelete(profile);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a profile file still locked by an exiting browser: the temp folder keeps it
        }
    }
}
