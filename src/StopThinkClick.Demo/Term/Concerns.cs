using Marten;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Safeguarding;
using StopThinkClick.Web.Safeguarding.Concerns;

namespace StopThinkClick.Demo.Term;

/// <summary>
/// The safeguarding log of a term, at every stage: a worry from September dealt with and closed, a
/// teacher's record with action taken, a worry acknowledged with a note, and one pressed twice last
/// week still waiting to be acknowledged. Raised through <see cref="RaiseConcern"/> (as the worry
/// button and the record form do) and moved on with <see cref="ConcernDecider"/>, each step written
/// the way the concern page writes it: a view by whoever acts, then the events, on the concern's stream
/// with an optimistic check; notes as staff-written texts.
/// </summary>
public static class Concerns
{
    public static async Task WriteAsync(IDocumentStore store, SchoolPlan plan, TermClock term, CancellationToken ct)
    {
        var lead = plan.Adult(AdultRole.SafeguardingLead).Id;
        var deputy = plan.Adult(AdultRole.DeputySafeguardingLead).Id;
        ClassPlan Class(int i) => plan.Classes[Math.Min(i, plan.Classes.Count - 1)];

        // 1. September: a child's worry about a stranger in a game. Talked through, parents told, closed.
        var first = await WorryAsync(store, plan, Class(2), 3, ConcernTopics.SomeoneOnline,
            "someone in my game keeps asking what school i go to", term.At(0.12, 200), ct);
        await ActAsync(store, plan, first, lead, "lead", term.At(0.12, 230), (c, _, at) => ConcernDecider.Acknowledge(c, lead, at), ct);
        const string spoke = "Spoke with the child at morning break. They had not told the player anything. Showed them how to block and report in the game.";
        await ActAsync(store, plan, first, lead, "lead", term.At(0.13, 60), (c, note, at) => ConcernDecider.RecordAction(c, "spoke-with-child", lead, at, note, spoke), ct, spoke);
        await ActAsync(store, plan, first, lead, "lead", term.At(0.13, 420), (c, _, at) => ConcernDecider.RecordAction(c, "parents-informed", lead, at), ct);
        await ActAsync(store, plan, first, lead, "lead", term.At(0.2, 100), (c, _, at) => ConcernDecider.Close(c, "resolved-in-school", lead, at), ct);

        // 2. October: a teacher's record of unkind messages in a class group chat. Evidence kept, still open.
        Guid second;
        await using (var session = store.LightweightSession(plan.Id))
        {
            var (id, recorded) = await RaiseConcern.RecordAsync(session, new StaffRecord(Class(3).Pupils[5].Id, Class(3).Id, Class(3).Teacher.Id, "bullying",
                "During circle time the child said some children in a group chat have been sending unkind messages about them in the evenings. They were upset but calm. I said I would pass it on.",
                term.At(0.45, 330)), ct);
            if (recorded.Refused) throw new InvalidOperationException(recorded.Refusal);
            second = id;
        }
        const string kept = "Parent brought in screenshots; saved with date and time. Meeting with the class teacher booked for Thursday.";
        await ActAsync(store, plan, second, deputy, "deputy", term.At(0.46, 60), (c, note, at) => ConcernDecider.RecordAction(c, "evidence-preserved", deputy, at, note, kept), ct, kept);

        // 3. November: a worry about something seen, acknowledged, with a note.
        var third = await WorryAsync(store, plan, Class(1), 7, ConcernTopics.SomethingISaw, null, term.At(0.78, 120), ct);
        await ActAsync(store, plan, third, lead, "lead", term.At(0.78, 160), (c, _, at) => ConcernDecider.Acknowledge(c, lead, at), ct);
        const string plan3 = "Will speak with the child tomorrow with their class teacher.";
        await ActAsync(store, plan, third, lead, "lead", term.At(0.78, 170), (c, note, at) => ConcernDecider.AddNote(c, note, lead, plan3, at), ct, plan3);

        // 4. Last week: pressed twice in a few minutes (one concern, pressed two times), not yet acknowledged.
        var press = term.At(0.97, 75);
        var fourth = await WorryAsync(store, plan, Class(0), 2, ConcernTopics.SomeoneUnkind, null, press, ct);
        var again = await WorryAsync(store, plan, Class(0), 2, ConcernTopics.SomeoneUnkind, "they said mean things about my picture", press.AddMinutes(3), ct);
        if (again != fourth) throw new InvalidOperationException("A second press should have joined the first concern.");
    }

    static async Task<Guid> WorryAsync(IDocumentStore store, SchoolPlan plan, ClassPlan c, int pupil, string topic, string? words, DateTimeOffset at, CancellationToken ct)
    {
        var child = c.Pupils[Math.Min(pupil, c.Pupils.Count - 1)];
        var (id, decision) = await RaiseConcern.WorryAsync(store, plan.Id, new WorryPress(Guid.CreateVersion7(), child.Id, c.Id, null, ConcernSource.PupilDevice, topic, words, at), ct);
        if (decision.Refused) throw new InvalidOperationException(decision.Refusal);
        return id;
    }

    /// <summary>What the concern page's forms do: a view by whoever acts, then the decision, with the note's words beside it.</summary>
    static async Task ActAsync(IDocumentStore store, SchoolPlan plan, Guid concernId, Guid by, string role, DateTimeOffset at,
        Func<Concern, Guid, DateTimeOffset, Decision> decide, CancellationToken ct, string? note = null)
    {
        await using var session = store.LightweightSession(plan.Id);
        var stream = await session.Events.FetchForWriting<Concern>(concernId, ct);
        var noteId = Guid.CreateVersion7();
        var decision = decide(stream.Aggregate!, noteId, at);
        if (decision.Refused) throw new InvalidOperationException($"The demo's concern step was refused: {decision.Refusal}");
        stream.AppendMany([new ConcernViewed(concernId, by, role, at), .. decision.Events]);
        if (note is not null && decision.Events.OfType<ConcernNoteAdded>().Any())
            session.Store(ConcernText.ByStaff(noteId, concernId, by, note, TextLimits.Note, at));
        await session.SaveChangesAsync(ct);
    }
}
