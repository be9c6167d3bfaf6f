using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Platform.Layout;

/// <summary>
/// The dyslexia-friendly font, larger text and reading each page aloud on arrival, kept in a small
/// cookie so every page draws them without a database read. A pupil's choice is also saved on their
/// record and set again each time they sign in, so it follows them to any tablet.
/// </summary>
public sealed record DisplayPreferences(bool DyslexiaFont, bool LargerText, bool? ReadOnArrival = null)
{
    public const string CookieName = "stc.display";

    public static DisplayPreferences Of(PupilPreferences pupil) => new(pupil.DyslexiaFont, pupil.LargerText, pupil.ReadOnArrival);

    public string CssClasses => string.Join(' ', new[] { DyslexiaFont ? "font-dyslexic" : null, LargerText ? "text-larger" : null }.OfType<string>());

    /// <summary>
    /// Reception children cannot read yet and Year 1 are only starting, so their pages speak
    /// unless they (or their teacher) turn it off; older pupils press "Read to me" when they want it.
    /// </summary>
    public static bool ReadsOnArrivalByDefault(Band band) => band is Band.EYFS or Band.Y1;

    public bool ReadsOnArrival(Band band) => ReadOnArrival ?? ReadsOnArrivalByDefault(band);

    public static DisplayPreferences From(HttpContext context)
    {
        if (context.Items[CookieName] is DisplayPreferences justSet) return justSet;
        var value = context.Request.Cookies[CookieName] ?? "";
        return new DisplayPreferences(value.Contains('d'), value.Contains('l'), value.Contains('r') ? true : value.Contains('q') ? false : null);
    }

    public void Save(HttpContext context)
    {
        context.Items[CookieName] = this;
        var reading = ReadOnArrival switch { true => "r", false => "q", null => "" };
        context.Response.Cookies.Append(CookieName, (DyslexiaFont ? "d" : "") + (LargerText ? "l" : "") + reading + "-", new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
    }
}
