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
            var (id, decision) = await StageWorryAsync(session, press, ct);
            if (decision.Refused || decision.Events.Count == 0) return (id, decision);
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
        var (id, decision) = await StageWorryAsync(session, press, ct);
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

    static async Task<(Guid, Decision)> StageWorryAsync(IDocumentSession session, WorryPress press, CancellationToken ct)
    {
        var window = await session.LoadAsync<WorryWindow>(press.PupilId, ct);
        var recent = window is null ? null : await session.Events.FetchForWriting<Concern>(window.ConcernId, ct);
        var decision = ConcernDecider.Worry(recent?.Aggregate, press, Guid.CreateVersion7());
        if (decision.Refused || decision.Events.Count == 0) return (recent?.Id ?? Guid.Empty, decision);

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
        var words = TextLimits.Normalise(press.Words);
        if (words.Length > 0) session.Store(ConcernText.ByPupil(Guid.CreateVersion7(), concernId, press.PupilId, words, press.At));
        return (concernId, decision);
    }

}
