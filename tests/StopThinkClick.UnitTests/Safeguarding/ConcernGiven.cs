using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Safeguarding.Concerns;

namespace StopThinkClick.UnitTests.Safeguarding;

/// <summary>Given(events).When(decision).Then(events | refusal), folding the givens through the real projection.</summary>
public sealed class ConcernGiven
{
    static readonly ConcernProjection Projection = new();
    readonly Concern? state;
    Decision? decision;

    ConcernGiven(Concern? state) => this.state = state;

    public static ConcernGiven Nothing() => new(null);

    public static ConcernGiven Given(params object[] events) => new(Fold(events));

    public static Concern Fold(IEnumerable<object> events)
    {
        var c = new Concern();
        foreach (var e in events)
        {
            switch (e)
            {
                case ConcernRaised x: c.Id = x.ConcernId; Projection.Apply(x, c); break;
                case WorryRepeated x: Projection.Apply(x, c); break;
                case ConcernViewed x: Projection.Apply(x, c); break;
                case ConcernAcknowledged x: Projection.Apply(x, c); break;
                case ConcernNoteAdded x: Projection.Apply(x, c); break;
                case ConcernActionRecorded x: Projection.Apply(x, c); break;
                case ConcernClosed x: Projection.Apply(x, c); break;
                default: throw new ArgumentException($"No Apply for {e.GetType().Name}");
            }
        }
        return c;
    }

    public ConcernGiven When(Func<Concern?, Decision> decide)
    {
        decision = decide(state);
        return this;
    }

    public void Then(params object[] expected)
    {
        decision!.Refusal.ShouldBeNull();
        decision.Events.ShouldBe(expected);
    }

    public void ThenRefused(string containing)
    {
        decision!.Refused.ShouldBeTrue();
        decision.Events.ShouldBeEmpty();
        decision.Refusal!.ShouldContain(containing, Case.Insensitive);
    }
}
