using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Parents.Children;

/// <summary>
/// What a parent's co-signature, agreement and photo/video choices decide, on the child's AUP
/// position as it is now (read with an optimistic check, so two presses of one button store one
/// signature). Pure: unit-tested without a database.
/// </summary>
public static class ParentAupDecider
{
    public sealed record CoSign(Guid PupilId, Guid ParentId, string? Version, bool TalkedTogether, bool OnChildsBehalf, Band Band, DateTimeOffset At);
    public sealed record Agree(Guid PupilId, Guid ParentId, string? Version, DateTimeOffset At);
    public sealed record ChoosePermissions(Guid PupilId, Guid ParentId, IReadOnlyDictionary<string, bool> Answers, DateTimeOffset At);

    public static Decision Handle(AupStatus status, CoSign command)
    {
        var aup = status.PupilAup;
        if (aup is null || command.Version != aup.Version)
            return Decision.Refuse("these promises have changed since you opened the page. Please read them again, then co-sign.");
        if (!command.TalkedTogether) return Decision.Refuse("please talk about the promises with your child first, then tick the box.");
        if (status.CoSigned.Current) return Decision.Nothing;
        // At key stage 2 children sign for themselves; a parent signs on their behalf only when they are younger.
        var onBehalf = command.OnChildsBehalf && command.Band.KeyStage() != KeyStage.KS2;
        return Decision.Of(new AupCoSigned(command.PupilId, command.ParentId, aup.Id, aup.Version, onBehalf, command.At));
    }

    public static Decision Handle(AupStatus status, Agree command)
    {
        var aup = status.ParentAup;
        if (aup is null || command.Version != aup.Version)
            return Decision.Refuse("the agreement has changed since you opened the page. Please read it again, then sign.");
        if (status.Agreement.Current) return Decision.Nothing;
        return Decision.Of(new ParentAgreementSigned(command.PupilId, command.ParentId, aup.Id, aup.Version, command.At));
    }

    /// <summary>Only a change is recorded: "yes" to a permission already given adds nothing to its history.</summary>
    public static Decision Handle(AupStatus status, ChoosePermissions command)
    {
        var events = new List<object>();
        foreach (var permission in status.ParentAup?.Permissions ?? [])
        {
            if (!command.Answers.TryGetValue(permission.Id, out var given) || status.Permission(permission.Id) == given) continue;
            events.Add(given
                ? new ConsentGiven(command.PupilId, command.ParentId, permission.Id, command.At)
                : new ConsentWithdrawn(command.PupilId, command.ParentId, permission.Id, command.At));
        }
        return new Decision(events);
    }
}
