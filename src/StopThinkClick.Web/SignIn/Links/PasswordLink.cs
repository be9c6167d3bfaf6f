using System.Security.Cryptography;
using System.Text;
using JasperFx;

namespace StopThinkClick.Web.SignIn.Links;

public enum PasswordLinkKind { Welcome, Reset }

/// <summary>
/// A one-time link with which an adult sets their own password: a welcome link for a new member of
/// staff, or a reset. Only the SHA-256 of its secret is kept (the id), so a database copy cannot
/// use it; it works once (an optimistic write "if still unused") and runs out.
/// </summary>
public sealed record PasswordLink(string Id, string Email, PasswordLinkKind Kind, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt) : IRevisioned
{
    public DateTimeOffset? UsedAt { get; init; }

    /// <summary>A newer link for the same address was made or used: this one no longer works.</summary>
    public DateTimeOffset? RetiredAt { get; init; }
    public int Version { get; set; }

    public static TimeSpan LifetimeOf(PasswordLinkKind kind) => kind == PasswordLinkKind.Welcome ? TimeSpan.FromDays(7) : TimeSpan.FromHours(24);

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string IdOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Path(string secret) => "/account/set-password/" + secret;

    public static bool LooksLikeSecret(string? secret) => secret is { Length: 32 } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
