namespace StopThinkClick.Web.Platform.Events;

/// <summary>What a decider decided: the events to append, or a refusal a child can understand (and nothing stored).</summary>
public sealed record Decision(IReadOnlyList<object> Events, string? Refusal = null)
{
    public static Decision Nothing { get; } = new([]);
    public static Decision Of(params object[] events) => new(events);
    public static Decision Refuse(string why) => new([], why);
    public bool Refused => Refusal is not null;
}
