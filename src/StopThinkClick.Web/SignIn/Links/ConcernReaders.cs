using System.Security.Claims;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn.Links;

/// <summary>
/// Accounts that can read safeguarding concerns: the designated safeguarding lead and deputies.
/// Whoever holds one of their sign-ins reads every child's worries and acts in their name, so the
/// school admin is never handed one: their password links are e-mailed to them, or made by another
/// lead; without a mail server only another lead resets their two-step sign-in.
/// </summary>
public static class ConcernReaders
{
    public static bool Is(AdultRole role) => role is AdultRole.SafeguardingLead or AdultRole.DeputySafeguardingLead;

    public static bool IsOne(ClaimsPrincipal user) => user.IsInRole(Roles.SafeguardingLead) || user.IsInRole(Roles.DeputySafeguardingLead);

    /// <summary>Whether <paramref name="viewer"/> may be shown a link for an account with this role (when it cannot be e-mailed).</summary>
    public static bool MayBeShownTo(AdultRole account, ClaimsPrincipal? viewer) => !Is(account) || viewer is not null && IsOne(viewer);

    public const string WhereLeadsDoIt = "Safeguarding → Team";
}
