using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;

namespace StopThinkClick.BrowserTests;

/// <summary>
/// The app on a real port plus one Chromium (Debian's /usr/bin/chromium: Playwright never downloads
/// a browser here), shared by the collection. Each test opens its own context: fresh cookies.
/// </summary>
public sealed class BrowserApp : AppOnKestrel
{
    IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public Catalogue Catalogue => Services.GetRequiredService<Catalogue>();

    protected override string Purpose => "browser";

    public static readonly (string Name, int Width, int Height)[] Sizes = [("projector", 1280, 720), ("tablet", 768, 1024), ("phone", 390, 844)];

    public async Task StartBrowserAsync()
    {
        if (playwright is not null) return;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
    }

    /// <param name="bypassCsp">
    /// Off by default: pages run under the app's real Content-Security-Policy, so a page the CSP
    /// breaks fails its test. Only a test that must inject a script of its own turns it on.
    /// </param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 720, bool bypassCsp = false)
    {
        await StartBrowserAsync();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot under .data/screenshots for a person to look at; the tests do not judge pictures.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(StopThinkClick.Web.Platform.RepoPaths.Data, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public override async ValueTask DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.CloseAsync();
            playwright.Dispose();
            playwright = null;
        }
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>;
