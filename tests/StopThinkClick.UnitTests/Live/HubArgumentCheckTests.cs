using StopThinkClick.Web.Live.Hub;

namespace StopThinkClick.UnitTests.Live;

/// <summary>The hub's argument check reads each method's nullable annotations: null only where the signature allows it.</summary>
public sealed class HubArgumentCheckTests
{
    static readonly System.Reflection.MethodInfo Answer = typeof(LiveHub).GetMethod(nameof(LiveHub.Answer))!;
    static readonly System.Reflection.MethodInfo Sign = typeof(LiveHub).GetMethod(nameof(LiveHub.Sign))!;

    [Fact]
    public void A_missing_question_id_is_named()
    {
        HubArgumentCheck.Problem(Answer, [Guid.NewGuid(), Guid.NewGuid(), null, new[] { "a" }, 0L]).ShouldBe("questionId is missing");
    }

    [Fact]
    public void An_empty_item_in_a_list_of_options_is_refused()
    {
        HubArgumentCheck.Problem(Answer, [Guid.NewGuid(), Guid.NewGuid(), "q1", new[] { "a", null }, 0L]).ShouldBe("optionIds has an empty item");
    }

    [Fact]
    public void Arguments_the_signature_lets_be_null_pass()
    {
        HubArgumentCheck.Problem(Sign, [Guid.NewGuid(), Guid.NewGuid(), null, "M 1 1 L 2 2"]).ShouldBeNull();
        HubArgumentCheck.Problem(Answer, [Guid.NewGuid(), Guid.NewGuid(), "q1", Array.Empty<string>(), 0L]).ShouldBeNull();
    }
}
