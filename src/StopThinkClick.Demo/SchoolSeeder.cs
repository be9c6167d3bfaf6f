using Marten;
using Microsoft.AspNetCore.Identity;

namespace StopThinkClick.Demo;

/// <summary>Writes a planned (made-up) school: its documents (owned by the school) and its sign-in directory entries. It is marked <see cref="School.Demo"/>.</summary>
public static class SchoolSeeder
{
    static readonly PasswordHasher<AdultAccount> Hasher = new();

    public static async Task WriteAsync(IDocumentStore store, SchoolPlan plan, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession(plan.Id);
        session.Store(new School(plan.Id, plan.Name, plan.Adult(AdultRole.SafeguardingLead).DisplayName) { Demo = true });
        foreach (var c in plan.Classes)
        {
            session.Store(new SchoolClass(c.Id, c.Name, c.Band, c.Code, [c.Teacher.Id]));
            session.Store(new ClassCodeEntry(c.Code, plan.Id, c.Id));
            var classmates = new List<Pupil>();
            foreach (var p in c.Pupils)
            {
                var pupil = new Pupil(p.Id, c.Id, p.FirstName, p.LastInitial)
                {
                    Avatar = Avatars.ForNewPupil(p.Id, classmates),
                    SignIn = new PupilSignIn { PinHash = PicturePin.Hash(p.Id, p.Pin), PinLength = p.Pin.Count, CardVersion = 1, Stamp = StopThinkClick.Web.SignIn.Sessions.SessionStamps.New() },
                };
                classmates.Add(pupil);
                session.Store(pupil);
                session.Store(new LoginCardEntry(LoginCards.EntryId(p.CardSecret), plan.Id, p.Id, 1));
            }
        }
        foreach (var a in plan.Adults)
        {
            if (a.Role == AdultRole.Parent) session.Store(new Parent(a.Id, a.DisplayName, a.ChildIds));
            else session.Store(new StaffMember(a.Id, a.DisplayName, [StaffRoleOf(a.Role)]));
            var account = new AdultAccount(AdultAccount.Normalise(a.Email), plan.Id, a.Id, a.Role, "")
            {
                SecurityStamp = StopThinkClick.Web.SignIn.Sessions.SessionStamps.New(), TotpSecret = a.TotpSecret,
            };
            session.Store(account with { PasswordHash = Hasher.HashPassword(account, a.Password) });
        }
        await session.SaveChangesAsync(ct);
    }

    static StaffRole StaffRoleOf(AdultRole role) => role switch
    {
        AdultRole.SafeguardingLead => StaffRole.SafeguardingLead,
        AdultRole.DeputySafeguardingLead => StaffRole.DeputySafeguardingLead,
        AdultRole.SchoolAdmin => StaffRole.SchoolAdmin,
        _ => StaffRole.Teacher,
    };
}
