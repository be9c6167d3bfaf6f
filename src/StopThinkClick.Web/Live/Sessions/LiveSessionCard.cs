namespace StopThinkClick.Web.Live.Sessions;

/// <summary>
/// The index card of a live session (owned by its school): which class and teacher, what is being
/// taught, whether it is still running. Pupil homes look here for "your class is live now".
/// </summary>
public sealed record LiveSessionCard(Guid Id, Guid ClassId, Guid TeacherId, LiveKind Kind, string ItemId, string Title, string JoinCode, DateTimeOffset StartedAt)
{
    public DateTimeOffset? EndedAt { get; init; }
    public bool Active => EndedAt is null;
}

/// <summary>Join code → live session, for a tablet that scanned the board's QR code before anyone signed in. Deleted when the session ends.</summary>
public sealed record JoinCodeEntry(string Id, string SchoolId, Guid SessionId, Guid ClassId);
