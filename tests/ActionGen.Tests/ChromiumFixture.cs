using ActionGen.Notebooks;

namespace ActionGen.Tests;

/// <summary>One headless Chromium shared by the tests of a class (each test opens its own tab).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private HeadlessChromium? chromium;

    /// <summary>The running browser.</summary>
    public HeadlessChromium Chromium => chromium ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync() => chromium = await HeadlessChromium.StartAsync();

    public async Task DisposeAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
    }
}
