using Microsoft.AspNetCore.DataProtection;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn.TwoStep;

/// <summary>
/// Between the right password and the code: a five-minute ticket in an encrypted cookie naming the
/// account and its stamp. It signs nobody in by itself; a changed stamp (new password, deactivation)
/// makes it worthless.
/// </summary>
public sealed class TwoStepTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "stc.twostep";
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    readonly ITimeLimitedDataProtector protector = protection.CreateProtector("stc.two-step-ticket").ToTimeLimitedDataProtector();

    public void Issue(HttpContext http, AdultAccount account) =>
        http.Response.Cookies.Append(CookieName, protector.Protect(account.Email + "\n" + account.SecurityStamp, clock.GetUtcNow() + Lifetime), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, MaxAge = Lifetime, IsEssential = true,
        });

    /// <summary>The e-mail and stamp of a valid ticket, or null when there is none or it has run out.</summary>
    public (string Email, string Stamp)? Read(HttpContext http)
    {
        var value = http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            var parts = protector.Unprotect(value, out var expires).Split('\n');
            return parts.Length == 2 && expires > clock.GetUtcNow() ? (parts[0], parts[1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName);
}
