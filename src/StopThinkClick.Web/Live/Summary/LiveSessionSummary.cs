using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.Web.Live.Summary;

/// <summary>
/// What happened in a live session, written when it ends: who took part, answers per question,
/// common wrong answers, the story's path with its votes, worries raised. Ids only; the page
/// looks the names up, so erasing a pupil erases them here too.
/// </summary>
public sealed record LiveSessionSummary(
    Guid Id, Guid ClassId, Guid TeacherId, LiveKind Kind, string ItemId, string Title,
    DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    IReadOnlyList<Guid> Participants, IReadOnlyList<Guid> Absent,
    IReadOnlyList<QuestionResult> Questions, IReadOnlyList<BranchResult> Path,
    IReadOnlyList<Guid> WorriedPupils);

public sealed record QuestionResult(string QuestionId, int Answered, int Right, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> CommonWrong, IReadOnlyList<PupilAnswer> ByPupil);

public sealed record PupilAnswer(Guid PupilId, IReadOnlyList<string> OptionIds, bool Correct);

public sealed record BranchResult(string SceneId, string ChoiceId, bool FollowedVote, IReadOnlyDictionary<string, int> Votes);

public static class Summaries
{
    public static LiveSessionSummary Of(LiveSessionState s, Script script, DateTimeOffset endedAt)
    {
        var questions = script.Quiz?.Questions.Select(q =>
        {
            var answers = s.AnswersTo(q.Id).ToList();
            var counts = q.Options.ToDictionary(o => o.Id, o => answers.Count(a => a.OptionIds.Contains(o.Id)));
            var wrong = answers.Where(a => !a.Correct).SelectMany(a => Mistakes(q, a.OptionIds))
                .GroupBy(id => id).OrderByDescending(g => g.Count()).Take(2).Select(g => g.Key).ToList();
            return new QuestionResult(q.Id, answers.Count, answers.Count(a => a.Correct), counts, wrong,
                answers.Select(a => new PupilAnswer(a.PupilId, a.OptionIds, a.Correct)).ToList());
        }).ToList() ?? [];
        var path = s.Branches.Select(b => new BranchResult(b.SceneId, b.ChoiceId, b.FollowedVote,
            (s.Votes.GetValueOrDefault(b.SceneId) ?? []).Values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()))).ToList();
        return new LiveSessionSummary(s.Id, s.ClassId, s.TeacherId, s.Kind, s.ItemId, script.Content.Title, s.StartedAt, endedAt,
            s.Joined.ToList(), s.ClassPupils.Where(p => !s.Joined.Contains(p)).ToList(), questions, path,
            s.Worries.Select(w => w.PupilId).Distinct().ToList());
    }

    /// <summary>
    /// The options an answer got wrong. A sort answer lists the cards put in the safe box, so a
    /// card is wrong when it is in the safe box and should not be, or is left out and should be in —
    /// a safe card rightly put in the safe box is never "wrong", even in an answer with a mistake.
    /// </summary>
    public static IEnumerable<string> Mistakes(Question q, IReadOnlyList<string> optionIds) => q.Type == QuestionType.Sort
        ? q.Options.Where(o => optionIds.Contains(o.Id) != o.Right).Select(o => o.Id)
        : optionIds.Where(id => q.Option(id) is { Right: false });
}
