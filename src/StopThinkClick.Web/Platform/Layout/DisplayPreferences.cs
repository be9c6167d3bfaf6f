namespace StopThinkClick.Web.Platform.Layout;

/// <summary>
/// The dyslexia-friendly font and larger text, kept in a small cookie so every page draws them
/// without a database read. A pupil's choice is also saved on their record and set again each
/// time they sign in, so it follows them to any tablet.
/// </summary>
public sealed record DisplayPreferences(bool DyslexiaFont, bool LargerText)
{
    public const string CookieName = "stc.display";

    public string CssClasses => string.Join(' ', new[] { DyslexiaFont ? "font-dyslexic" : null, LargerText ? "text-larger" : null }.OfType<string>());

    public static DisplayPreferences From(HttpContext context)
    {
        if (context.Items[CookieName] is DisplayPreferences justSet) return justSet;
        var value = context.Request.Cookies[CookieName] ?? "";
        return new DisplayPreferences(value.Contains('d'), value.Contains('l'));
    }

    public void Save(HttpContext context)
    {
        context.Items[CookieName] = this;
        context.Response.Cookies.Append(CookieName, (DyslexiaFont ? "d" : "") + (LargerText ? "l" : "") + "-", new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
    }
}
