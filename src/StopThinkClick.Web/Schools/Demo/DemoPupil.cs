using System.Reflection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Schools.Demo;

/// <summary>
/// One pupil's term on their own tablet, decided tap by tap by the pupil pages' own deciders and
/// badges (<see cref="PupilActions.WithBadges"/>), folded by the projection's own Apply methods —
/// what <see cref="PupilActions"/> does per tap, but kept in memory and appended once per pupil,
/// because a database round trip per tap would make the demo take a minute to start.
/// </summary>
public sealed class DemoPupil(Guid id, Catalogue catalogue)
{
    static readonly PupilProgressProjection Projection = new();
    static readonly Dictionary<Type, MethodInfo> Appliers = typeof(PupilProgressProjection).GetMethods()
        .Where(m => m.Name == "Apply" && m.GetParameters() is [_, { ParameterType: var p }] && p == typeof(PupilProgress))
        .ToDictionary(m => m.GetParameters()[0].ParameterType);

    public Guid Id { get; } = id;
    public PupilProgress State { get; } = new() { Id = id };
    public List<object> Events { get; } = [];

    public void Do(Func<PupilProgress, Decision> decide, DateTimeOffset at)
    {
        var decision = decide(State);
        if (decision.Refused) throw new InvalidOperationException($"The demo term asked for something the app refuses: {decision.Refusal}");
        foreach (var e in PupilActions.WithBadges(State, decision, catalogue, Id, at))
        {
            Appliers[e.GetType()].Invoke(Projection, [e, State]);
            Events.Add(e);
        }
    }
}
