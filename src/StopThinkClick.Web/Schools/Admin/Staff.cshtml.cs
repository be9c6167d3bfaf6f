using System.Net.Mail;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Schools.Admin;

/// <summary>Staff accounts. A new account gets a one-time password shown once, to hand over in person.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class StaffModel(SchoolSessions sessions) : PageModel
{
    static readonly PasswordHasher<AdultAccount> Hasher = new();

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public static string RoleName(StaffRole role) => role switch
    {
        StaffRole.SafeguardingLead => "Designated safeguarding lead",
        StaffRole.DeputySafeguardingLead => "Deputy safeguarding lead",
        StaffRole.SchoolAdmin => "School admin",
        _ => "Teacher",
    };

    public static string RoleName(AdultRole role) => role switch
    {
        AdultRole.SafeguardingLead => "Designated safeguarding lead",
        AdultRole.DeputySafeguardingLead => "Deputy safeguarding lead",
        AdultRole.SchoolAdmin => "School admin",
        _ => "Teacher",
    };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? displayName, string? email, AdultRole role, CancellationToken ct)
    {
        displayName = displayName?.Trim();
        if (string.IsNullOrEmpty(displayName) || displayName.Length > 60) return await DoneAsync("give a name of up to 60 characters.", true, ct);
        if (string.IsNullOrWhiteSpace(email) || !MailAddress.TryCreate(email.Trim(), out _)) return await DoneAsync("that e-mail address does not look right.", true, ct);
        if (role is AdultRole.Parent) return await DoneAsync("parents join with an invitation letter, not here.", true, ct);
        await using var session = sessions.Current();
        var id = AdultAccount.Normalise(email);
        if (await session.LoadAsync<AdultAccount>(id, ct) is not null) return await DoneAsync("that e-mail address already has an account.", true, ct);
        var personId = Guid.CreateVersion7();
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', 'k').Replace('/', 'm');
        var account = new AdultAccount(id, sessions.CurrentSchoolId(), personId, role, "");
        session.Store(account with { PasswordHash = Hasher.HashPassword(account, password) });
        session.Store(new StaffMember(personId, displayName, [role switch
        {
            AdultRole.SafeguardingLead => StaffRole.SafeguardingLead,
            AdultRole.DeputySafeguardingLead => StaffRole.DeputySafeguardingLead,
            AdultRole.SchoolAdmin => StaffRole.SchoolAdmin,
            _ => StaffRole.Teacher,
        }]));
        await session.SaveChangesAsync(ct);
        return await DoneAsync($"{displayName} can sign in as {id} with the one-time password {password} (shown only now: give it to them in person).", false, ct);
    }

    async Task<IActionResult> DoneAsync(string message, bool refused, CancellationToken ct)
    {
        (Message, Refused) = (message, refused);
        if (refused) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Staff = (await school.Query<StaffMember>().ToListAsync(ct)).OrderBy(s => s.DisplayName).ToList();
    }
}
