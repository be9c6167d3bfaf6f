namespace StopThinkClick.Web.Schools;

/// <summary>
/// A picture for each child, so a Reception child who cannot read their name yet finds "the
/// penguin" on the name screen. Drawn animals and things from content/pictures, never a photo of
/// the child, and none of the picture-PIN pictures, so an avatar is never mistaken for a PIN.
/// </summary>
public static class Avatars
{
    static readonly string[] All =
    [
        "bear", "butterfly", "dinosaur", "dragon", "fish", "lion", "monkey", "octopus", "panda", "penguin", "snail", "turtle",
        "unicorn", "teddy", "kite", "balloon", "guitar", "drum", "bicycle", "boat", "train", "plane", "tree", "flower",
        "sun", "rainbow", "umbrella", "strawberry", "ice-cream", "cake", "crown", "mushroom", "snowflake", "trophy", "moon", "bell",
    ];

    public static IReadOnlyList<string> Pictures => All;

    public static bool IsAvatar(string? name) => name is not null && Pictures.Contains(name);

    /// <summary>The stored avatar, or for a pupil made before avatars a stable one derived from their id (no migration needed).</summary>
    public static string Of(Pupil pupil) => IsAvatar(pupil.Avatar) ? pupil.Avatar! : Derived(pupil.Id);

    public static string Derived(Guid id) => Pictures[(int)(BitConverter.ToUInt32(id.ToByteArray(), 0) % (uint)Pictures.Count)];

    /// <summary>For a new pupil: one nobody in the class has yet, while there are some left, so two children rarely share.</summary>
    public static string ForNewPupil(Guid id, IEnumerable<Pupil> classmates)
    {
        var taken = classmates.Select(Of).ToHashSet();
        var start = Array.IndexOf(All, Derived(id));
        return Enumerable.Range(0, Pictures.Count).Select(i => Pictures[(start + i) % Pictures.Count]).FirstOrDefault(p => !taken.Contains(p)) ?? Derived(id);
    }
}
