using JasperFx;
using Marten;
using Marten.Exceptions;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Safeguarding.Concerns;

/// <summary>
/// Raising a concern: the event, the inline log entry and any words go in one transaction. Only
/// when it has committed does the caller tell the child "a grown-up will talk to you". Stream ids
/// are made here, on the server: whatever id a device or form proposes is at most a press id.
/// </summary>
public static class RaiseConcern
{
    public const int MaxWords = TextLimits.WorryWords;

    /// <summary>
    /// A child's worry, with merging and retries: opens its own sessions, so a press that lost a
    /// race decides again on the newer state. Returns the concern the press went to, or a refusal.
    /// </summary>
    public static async Task<(Guid ConcernId, Decision Decision)> WorryAsync(IDocumentStore store, string schoolId, WorryPress press, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(schoolId);
            var (id, decision, staged) = await StageWorryAsync(session, press, ct);
            if (decision.Refused || !staged) return (id, decision);
            try
            {
                await session.SaveChangesAsync(ct);
                return (id, decision);
            }
            catch (Exception e) when (LostRace.Is(e) && attempt < 40)
            {
                // Another press of the same child committed first: decide again on what it wrote.
            }
        }
    }

    /// <summary>
    /// The live hub's shape: stages the worry in the caller's session (beside its own live event) and
    /// saves. <paramref name="raised"/>'s ConcernId is only the device's press id; the returned id is
    /// the concern's. A lost race throws, and the hub's caller may retry.
    /// </summary>
    public static async Task<Guid> StoreAsync(IDocumentSession session, ConcernRaised raised, string? words, CancellationToken ct)
    {
        var press = new WorryPress(raised.ConcernId == Guid.Empty ? Guid.CreateVersion7() : raised.ConcernId, raised.PupilId ?? Guid.Empty,
            raised.ClassId, raised.SessionId, raised.Source, raised.Topic, words, raised.At);
        var (id, decision, _) = await StageWorryAsync(session, press, ct);
        if (decision.Refused) throw new ArgumentException(decision.Refusal);
        await session.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>A staff member's record: always a new concern, their account stored as staff-written.</summary>
    public static async Task<(Guid ConcernId, Decision Decision)> RecordAsync(IDocumentSession session, StaffRecord record, CancellationToken ct)
    {
        var decision = ConcernDecider.Record(record, Guid.CreateVersion7());
        if (decision.Refused) return (Guid.Empty, decision);
        var raised = (ConcernRaised)decision.Events[0];
        session.Events.StartStream<Concern>(raised.ConcernId, raised);
        session.Store(ConcernText.ByStaff(Guid.CreateVersion7(), raised.ConcernId, record.StaffId, record.Details!, TextLimits.ConcernDetails, record.At));
        await session.SaveChangesAsync(ct);
        return (raised.ConcernId, decision);
    }

    /// <summary>
    /// Stages a press: its events (none for a resend) and the child's words. Words are stored once
    /// per press and text, under an id made from both, so a resend with the same words adds nothing
    /// and a resend that brings words the first send did not have keeps them. Returns whether
    /// anything was staged.
    /// </summary>
    static async Task<(Guid, Decision, bool)> StageWorryAsync(IDocumentSession session, WorryPress press, CancellationToken ct)
    {
        // A resend goes to the concern its press already joined, even if the child's window has moved on since.
        var earlier = await session.Query<Concern>().FirstOrDefaultAsync(c => c.PupilId == press.PupilId && c.PressIds.Contains(press.PressId), ct);
        if (earlier is not null)
        {
            var resend = ConcernDecider.Worry(earlier, press, Guid.Empty);
            if (resend.Refused) return (earlier.Id, resend, false);
            return (earlier.Id, resend, await StageWordsAsync(session, earlier.Id, press, ct));
        }

        var window = await session.LoadAsync<WorryWindow>(press.PupilId, ct);
        var recent = window is null ? null : await session.Events.FetchForWriting<Concern>(window.ConcernId, ct);
        var decision = ConcernDecider.Worry(recent?.Aggregate, press, Guid.CreateVersion7());
        if (decision.Refused) return (recent?.Id ?? Guid.Empty, decision, false);
        if (decision.Events.Count == 0) return (recent!.Id, decision, await StageWordsAsync(session, recent.Id, press, ct));

        Guid concernId;
        if (decision.Events[0] is WorryRepeated repeated)
        {
            concernId = repeated.ConcernId;
            recent!.AppendOne(repeated);
            session.Store(window!); // its version is checked: a racing press that also moved the window loses
        }
        else
        {
            var raised = (ConcernRaised)decision.Events[0];
            concernId = raised.ConcernId;
            session.Events.StartStream<Concern>(concernId, raised);
            if (window is null) session.Insert(new WorryWindow { Id = press.PupilId, ConcernId = concernId });
            else
            {
                window.ConcernId = concernId;
                session.Store(window);
            }
        }
        await StageWordsAsync(session, concernId, press, ct);
        return (concernId, decision, true);
    }

    /// <summary>Inserts the press's words unless they are already stored; two resends racing to insert them both: one wins, the other finds them.</summary>
    static async Task<bool> StageWordsAsync(IDocumentSession session, Guid concernId, WorryPress press, CancellationToken ct)
    {
        var words = TextLimits.Normalise(press.Words);
        if (words.Length == 0) return false;
        var id = ConcernText.IdOfPress(press.PupilId, press.PressId, words);
        if (await session.LoadAsync<ConcernText>(id, ct) is not null) return false;
        session.Insert(ConcernText.ByPupil(id, concernId, press.PupilId, words, press.At));
        return true;
    }
}
