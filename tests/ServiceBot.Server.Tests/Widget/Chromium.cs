using Microsoft.Playwright;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>
/// Playwright driving the system's Debian chromium. Playwright's own browser download does not work on
/// these machines, so a missing chromium fails the tests with the command that installs it.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Overridable for machines that keep chromium elsewhere.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("SERVICEBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}; the browser tests need it. Install it with " +
                "`apt-get install -y chromium fonts-wqy-microhei` (.ci/test does this when run as root), " +
                "or point SERVICEBOT_CHROMIUM at a chromium binary.");
        _playwright = await Playwright.CreateAsync();
    }

    public Task DisposeAsync()
    {
        _playwright?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A browser with a fresh user-data dir of its own, deleted when the session is disposed.</summary>
    public async Task<BrowserSession> StartAsync(int width = 1280, int height = 860)
    {
        var profile = Path.Combine(Path.GetTempPath(), "servicebot-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var context = await _playwright!.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // The panel's opening animation would otherwise move it while a test measures it.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, profile);
    }
}

public sealed class BrowserSession(IBrowserContext context, string profile) : IAsyncDisposable
{
    public IBrowserContext Context => context;

    /// <summary>The one page of the persistent context.</summary>
    public IPage Page => context.Pages.Count > 0 ? context.Pages[0] : throw new InvalidOperationException("no page");

    public async Task<IPage> NewPageAsync() => context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();

    /// <summary>Saves a PNG under artifacts/screenshots/ at the repository root, kept by CI as a test artifact.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { } // chromium may still hold a lock file
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    /// <summary>Browser tests run one at a time: two cores do not hold several chromiums well.</summary>
    public const string Name = "browser";
}
