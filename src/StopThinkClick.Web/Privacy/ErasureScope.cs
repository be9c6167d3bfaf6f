namespace StopThinkClick.Web.Privacy;

/// <summary>
/// The pupil being erased, for the event masking rules: Marten's rules are registered once, at
/// start-up, so they ask this which pupil id to blank while one erasure runs.
/// </summary>
public static class ErasureScope
{
    static readonly AsyncLocal<Guid?> current = new();

    public static Guid? Current => current.Value;

    public static IDisposable Begin(Guid pupilId)
    {
        current.Value = pupilId;
        return new End();
    }

    public static Guid Blank(Guid id) => current.Value == id ? Guid.Empty : id;

    public static IReadOnlyList<Guid> Without(IReadOnlyList<Guid> ids) => current.Value is { } erased ? ids.Where(i => i != erased).ToList() : ids;

    sealed class End : IDisposable
    {
        public void Dispose() => current.Value = null;
    }
}
