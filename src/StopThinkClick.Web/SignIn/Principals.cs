using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.SignIn;

/// <summary>What the sign-in cookie says about who is signed in. It is encrypted by ASP.NET Core data protection.</summary>
public static class Principals
{
    public static ClaimsPrincipal ForPupil(string schoolId, Pupil pupil, SchoolClass schoolClass) => Build(
    [
        new(ClaimTypes.NameIdentifier, pupil.Id.ToString()),
        new(ClaimTypes.Name, pupil.DisplayName),
        new(ClaimTypes.Role, Roles.Pupil),
        new(SchoolClaims.School, schoolId),
        new(SchoolClaims.Class, schoolClass.Id.ToString()),
        new(SchoolClaims.Band, schoolClass.Band.ToString()),
        new(SessionStamps.Claim, pupil.SignIn.Stamp),
    ]);

    /// <summary>The claim saying this sign-in passed a second step (an authenticator code or a recovery code).</summary>
    public const string TwoStepClaim = "amr";
    public const string TwoStepValue = "mfa";

    public static ClaimsPrincipal ForAdult(AdultAccount account, string displayName, bool twoStep = false) => Build(
    [
        new(ClaimTypes.NameIdentifier, account.PersonId.ToString()),
        new(ClaimTypes.Name, displayName),
        new(ClaimTypes.Email, account.Email),
        new(ClaimTypes.Role, RoleOf(account.Role)),
        new(SchoolClaims.School, account.SchoolId),
        new(SessionStamps.Claim, account.SecurityStamp),
        .. twoStep ? [new Claim(TwoStepClaim, TwoStepValue)] : Array.Empty<Claim>(),
    ]);

    public static bool PassedTwoStep(this ClaimsPrincipal user) => user.HasClaim(TwoStepClaim, TwoStepValue);

    static ClaimsPrincipal Build(IEnumerable<Claim> claims) =>
        new(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

    public static string RoleOf(AdultRole role) => role switch
    {
        AdultRole.Teacher => Roles.Teacher,
        AdultRole.Parent => Roles.Parent,
        AdultRole.SafeguardingLead => Roles.SafeguardingLead,
        AdultRole.DeputySafeguardingLead => Roles.DeputySafeguardingLead,
        _ => Roles.SchoolAdmin,
    };

    /// <summary>Where each kind of user starts.</summary>
    public static string HomeOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Pupil) ? "/pupil"
        : user.IsInRole(Roles.Parent) ? "/parent"
        : user.IsInRole(Roles.SafeguardingLead) || user.IsInRole(Roles.DeputySafeguardingLead) ? "/safeguarding"
        : user.IsInRole(Roles.SchoolAdmin) ? "/admin"
        : user.IsInRole(Roles.Teacher) ? "/teacher"
        : "/";

    public static Guid PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "";

    public static string SchoolId(this ClaimsPrincipal user) => user.FindFirstValue(SchoolClaims.School) ?? "";

    public static Guid ClassId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SchoolClaims.Class), out var id) ? id : Guid.Empty;
}

public static class PupilClaims
{
    public static Band Band(this ClaimsPrincipal user) =>
        Bands.TryParse(user.FindFirstValue(SchoolClaims.Band), out var band) ? band : StopThinkClick.Curriculum.Model.Band.EYFS;
}
