using QRCoder;

namespace StopThinkClick.Web.Platform.Web;

/// <summary>QR codes as PNG data URIs: drawn by the app (no outside service) and allowed by the CSP (img-src data:).</summary>
public static class QrCodes
{
    public static string DataUri(string url, int pixelsPerModule = 8)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(pixelsPerModule));
    }
}
