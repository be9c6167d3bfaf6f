using Marten;
using Marten.Services;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn.Sessions;

/// <summary>
/// Whoever writes a pupil or an adult account on this node (erasure, new cards, deactivation…),
/// the cached stamp is dropped once the write commits, so the change counts here at once without
/// every feature having to remember to say so.
/// </summary>
public sealed class StampListener(Func<SessionStamps> stamps) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var document in commit.Updated.Concat(commit.Inserted))
        {
            if (document is Pupil pupil) stamps().Forget(pupil.Id);
            else if (document is AdultAccount account) stamps().Forget(account.PersonId);
        }
        return Task.CompletedTask;
    }
}
