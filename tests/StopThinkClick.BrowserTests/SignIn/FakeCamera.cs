using System.Collections;
using Microsoft.Playwright;
using QRCoder;

namespace StopThinkClick.BrowserTests.SignIn;

/// <summary>
/// A second Chromium, for the card-scanner tests only, whose camera is a video file: Chromium's own
/// fake capture device (<c>--use-file-for-fake-video-capture</c>) plays a Y4M file we write, so the
/// page's real getUserMedia, real video element and real jsQR see a printed QR code, under the
/// app's real CSP, with nothing injected into the page. Chromium opens the file each time a page
/// starts the camera, so a test shows a new code by writing the file before pressing "Scan my card".
/// </summary>
public sealed class FakeCamera : IAsyncLifetime
{
    const int Width = 640, Height = 480;
    readonly string folder = Directory.CreateTempSubdirectory("stc-camera-").FullName;
    IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    string VideoFile => Path.Combine(folder, "camera.y4m");

    public async Task InitializeAsync()
    {
        Show(null);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={VideoFile}",
            ],
        });
    }

    /// <summary>A page at the given size, as <see cref="BrowserApp.NewPageAsync"/> makes them: fresh cookies, the real CSP.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>From now on the camera sees a white page with this text's QR code in the middle (or nothing, for null).</summary>
    public void Show(string? text)
    {
        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)235);
        if (text is not null)
        {
            using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
            var modules = data.ModuleMatrix; // includes the four-module quiet zone
            var size = Math.Min(Width, Height) * 9 / 10 / modules.Count;
            var left = (Width - size * modules.Count) / 2;
            var top = (Height - size * modules.Count) / 2;
            for (var y = 0; y < modules.Count * size; y++)
            for (var x = 0; x < modules.Count * size; x++)
                luma[(top + y) * Width + left + x] = Dark(modules, x / size, y / size) ? (byte)20 : (byte)235;
        }
        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128); // no colour: grey paper, black ink
        using var file = File.Create(VideoFile);
        file.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F30:1 Ip A1:1 C420jpeg\nFRAME\n"));
        file.Write(luma);
        file.Write(chroma);
        file.Write(chroma);
    }

    static bool Dark(List<BitArray> modules, int column, int row) => modules[row][column];

    public async Task DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.CloseAsync();
            playwright.Dispose();
        }
        Directory.Delete(folder, recursive: true);
    }
}
