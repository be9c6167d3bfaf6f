namespace StopThinkClick.Web.Schools;

/// <summary>
/// One button on the "tap your name" screen: the child's picture and the words beside it. A
/// child whose name another child shares also has their picture named for screen readers
/// (<see cref="PictureWords"/>), since they cannot see which button has the penguin.
/// </summary>
public sealed record NameButton(Pupil Pupil, string Avatar, string Label, string? PictureWords);

public static class NameButtons
{
    /// <summary>
    /// Two children called "Grace W." must not get two identical buttons: the picture tells them
    /// apart, and when the picture is the same too, a number does ("Grace W. (2)"), in a fixed
    /// order (by id) so each child keeps the same number every day.
    /// </summary>
    public static IReadOnlyList<NameButton> For(IEnumerable<Pupil> pupils)
    {
        var list = pupils.ToList();
        var twins = list.GroupBy(p => (p.DisplayName.ToUpperInvariant(), p.AvatarPicture))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.OrderBy(p => p.Id).Select((p, i) => (p.Id, Number: i + 1)))
            .ToDictionary(x => x.Id, x => x.Number);
        var sameName = list.GroupBy(p => p.DisplayName.ToUpperInvariant()).Where(g => g.Count() > 1).SelectMany(g => g).Select(p => p.Id).ToHashSet();
        return list.Select(p => new NameButton(p, p.AvatarPicture,
            twins.TryGetValue(p.Id, out var n) ? $"{p.DisplayName} ({n})" : p.DisplayName,
            sameName.Contains(p.Id) ? "the " + p.AvatarPicture.Replace('-', ' ') : null))
            .OrderBy(b => b.Label, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
