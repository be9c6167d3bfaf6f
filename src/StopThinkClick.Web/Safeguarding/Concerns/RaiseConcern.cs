using Marten;

namespace StopThinkClick.Web.Safeguarding.Concerns;

/// <summary>
/// Raising a concern: the event, the inline log entry and any words go in one transaction. Only
/// when it has committed does the caller tell the child "a grown-up will talk to you".
/// </summary>
public static class RaiseConcern
{
    public const int MaxWords = 2000;

    public static async Task<Guid> StoreAsync(IDocumentSession session, ConcernRaised raised, string? words, CancellationToken ct)
    {
        var text = words?.Trim();
        if (text is { Length: > MaxWords }) text = text[..MaxWords];
        var concern = raised with { HasWords = !string.IsNullOrEmpty(text) };
        session.Events.StartStream<Concern>(concern.ConcernId, concern);
        if (!string.IsNullOrEmpty(text))
            session.Store(new ConcernText(Guid.CreateVersion7(), concern.ConcernId, concern.PupilId ?? concern.RaisedBy, text, concern.At));
        await session.SaveChangesAsync(ct);
        return concern.ConcernId;
    }
}
