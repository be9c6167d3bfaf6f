using System.Security.Claims;
using Marten;
using StopThinkClick.Web.Schools.Settings;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Parents.Children;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.Demo.Term;

/// <summary>
/// The demo parent's autumn: co-signing each child's promises after talking them through, signing
/// the parents' agreement, answering the photo and video questions — and, weeks later, changing
/// their mind about one. Written by the parent page's own path: <see cref="AupActions"/> on the
/// child's stream (read their AUP record, decide with <see cref="ParentAupDecider"/>, append with an
/// optimistic check), in a school session opened for this school as the signed-in parent's cookie would open it.
/// </summary>
public static class ParentSignatures
{
    public static async Task WriteAsync(IDocumentStore store, SchoolPlan plan, Catalogue catalogue, TermClock term, CancellationToken ct)
    {
        var signedIn = new SignedInto(new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SchoolClaims.School, plan.Id)], "demo")) });
        var actions = new AupActions(new SchoolSessions(store, signedIn), term);
        var permissions = catalogue.ParentAup?.Permissions.Select(p => p.Id).ToList() ?? [];
        foreach (var parent in plan.Adults.Where(a => a.Role == AdultRole.Parent))
        {
            foreach (var (childId, i) in parent.ChildIds.Select((id, i) => (id, i)))
            {
                var band = plan.Classes.First(c => c.Pupils.Any(p => p.Id == childId)).Band;
                AupStatus Status(AupRecord record) => AupStatus.For(record, band, catalogue, term.Now, SchoolCalendar.England);

                term.Now = term.At(0.1 + 0.05 * i, 600); // an evening in the second or third week
                await RunAsync(actions, childId, p => ParentAupDecider.Handle(Status(p),
                    new ParentAupDecider.CoSign(childId, parent.Id, Status(p).PupilAup?.Version, TalkedTogether: true, OnChildsBehalf: true, band, term.Now)), ct);
                term.Now = term.Now.AddMinutes(3);
                await RunAsync(actions, childId, p => ParentAupDecider.Handle(Status(p),
                    new ParentAupDecider.Agree(childId, parent.Id, Status(p).ParentAup?.Version, term.Now)), ct);
                term.Now = term.Now.AddMinutes(2);
                await RunAsync(actions, childId, p => ParentAupDecider.Handle(Status(p),
                    new ParentAupDecider.ChoosePermissions(childId, parent.Id, permissions.ToDictionary(id => id, _ => true), term.Now)), ct);
            }
            // Later in the term, one photo permission withdrawn for the first child: the history shows both.
            if (parent.ChildIds.Count > 0 && permissions.Count > 0)
            {
                var child = parent.ChildIds[0];
                var band = plan.Classes.First(c => c.Pupils.Any(p => p.Id == child)).Band;
                term.Now = term.At(0.6, 620);
                await RunAsync(actions, child, p => ParentAupDecider.Handle(AupStatus.For(p, band, catalogue, term.Now, SchoolCalendar.England),
                    new ParentAupDecider.ChoosePermissions(child, parent.Id, new Dictionary<string, bool> { [permissions[^1]] = false }, term.Now)), ct);
            }
        }
    }

    static async Task RunAsync(AupActions actions, Guid child, Func<AupRecord, StopThinkClick.Web.Platform.Events.Decision> decide, CancellationToken ct)
    {
        var decision = await actions.RunAsync(child, decide, ct);
        if (decision.Refused) throw new InvalidOperationException($"The demo parent was refused: {decision.Refusal}");
    }

    /// <summary>A request's view of who is signed in, fixed (the framework's accessor is ambient, and would leak into later work).</summary>
    sealed class SignedInto(HttpContext context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get => context; set { } }
    }
}
