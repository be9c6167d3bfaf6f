using System.Text.Json;
using StopThinkClick.Web.Live.ScaleOut;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.UnitTests.Live;

/// <summary>What one node tells the others about a commit: the events, typed, and the stream version they start at.</summary>
public sealed class BusMessageTests
{
    static readonly Guid S = Guid.Parse("5e550000-0000-0000-0000-000000000003");
    static readonly DateTimeOffset Now = World.Now;

    static string Message(string node, long fromVersion, params (string Type, object Data)[] events) =>
        JsonSerializer.Serialize(new CommittedEvents(node, "school-a", S, fromVersion,
            events.Select(e => new TypedEvent(e.Type, JsonSerializer.SerializeToElement(e.Data, e.Data.GetType()))).ToList()));

    [Fact]
    public void Another_nodes_commit_arrives_typed_and_numbered()
    {
        var answer = new LiveAnswerReceived(S, World.Pupil, Guid.NewGuid(), "q1", ["b"], true, Now);
        var read = RedisLiveEventBus.Read(Message("other-node", 7, (nameof(PupilJoined), new PupilJoined(S, World.Pupil, Now)), (nameof(LiveAnswerReceived), answer)))!.Value;
        (read.School, read.Session, read.FromVersion).ShouldBe(("school-a", S, 7L));
        read.Events[0].ShouldBe(new PupilJoined(S, World.Pupil, Now));
        read.Events[1].ShouldBeOfType<LiveAnswerReceived>().AnswerId.ShouldBe(answer.AnswerId);
    }

    [Fact]
    public void A_node_ignores_its_own_commits()
    {
        RedisLiveEventBus.Read(Message(RedisLiveEventBus.Node, 1, (nameof(LiveSessionEnded), new LiveSessionEnded(S, Now)))).ShouldBeNull();
    }

    [Fact]
    public void An_event_this_node_does_not_know_makes_it_read_the_stream_instead()
    {
        var read = RedisLiveEventBus.Read(Message("newer-node", 3, (nameof(PupilJoined), new PupilJoined(S, World.Pupil, Now)), ("SomethingNew", new { X = 1 })))!.Value;
        read.Events.ShouldBeEmpty();
        read.FromVersion.ShouldBe(long.MaxValue, "a gap: the session catches up from its stream");
    }
}
