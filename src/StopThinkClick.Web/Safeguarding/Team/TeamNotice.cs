namespace StopThinkClick.Web.Safeguarding.Team;

/// <summary>The line on the concern log that tells every lead and deputy a change to the team is waiting for them.</summary>
public sealed record TeamNotice(int Waiting)
{
    public static async Task<TeamNotice> ReadAsync(TeamChanges changes, CancellationToken ct) => new((await changes.WaitingAsync(ct)).Count);
}
