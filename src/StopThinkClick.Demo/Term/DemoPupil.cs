using System.Reflection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Demo.Term;

/// <summary>
/// One pupil's term on their own tablet, decided tap by tap by the pupil pages' own deciders and
/// badges (<see cref="PupilActions.WithBadges"/>), folded by the projections' own Apply methods —
/// what <see cref="PupilActions"/> and <see cref="AupActions"/> do per tap, but kept in memory and
/// appended once per pupil, because a database round trip per tap would make the demo take a
/// minute to start.
/// </summary>
public sealed class DemoPupil(Guid id, Catalogue catalogue)
{
    static readonly Fold<PupilProgressProjection, PupilProgress> ProgressFold = new();
    static readonly Fold<AupRecordProjection, AupRecord> RecordFold = new();

    public Guid Id { get; } = id;
    public PupilProgress State { get; } = new() { Id = id };
    public AupRecord Aup { get; } = new() { Id = id };
    public List<object> Events { get; } = [];

    public void Do(Func<PupilProgress, Decision> decide, DateTimeOffset at) =>
        Keep(decide(State), decision => PupilActions.WithBadges(State, decision, catalogue, Id, at));

    /// <summary>A decision on the child's AUP record (a parent co-signing at home).</summary>
    public void Do(Func<AupRecord, Decision> decide) => Keep(decide(Aup), decision => decision.Events.ToList());

    void Keep(Decision decision, Func<Decision, List<object>> toAppend)
    {
        if (decision.Refused) throw new InvalidOperationException($"The demo term asked for something the app refuses: {decision.Refusal}");
        foreach (var e in toAppend(decision))
        {
            ProgressFold.Apply(e, State);
            RecordFold.Apply(e, Aup);
            Events.Add(e);
        }
    }

    /// <summary>A projection's Apply methods by event type, for folding in memory what Marten folds inline.</summary>
    sealed class Fold<TProjection, TDoc> where TProjection : new()
    {
        readonly TProjection projection = new();
        readonly Dictionary<Type, MethodInfo> appliers = typeof(TProjection).GetMethods()
            .Where(m => m.Name == "Apply" && m.GetParameters() is [_, { ParameterType: var p }] && p == typeof(TDoc))
            .ToDictionary(m => m.GetParameters()[0].ParameterType);

        public void Apply(object e, TDoc doc)
        {
            if (appliers.TryGetValue(e.GetType(), out var apply)) apply.Invoke(projection, [e, doc]);
        }
    }
}
