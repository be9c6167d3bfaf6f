namespace StopThinkClick.Curriculum.Model;

public sealed record Quiz(
    string Id, string Title, IReadOnlyList<Band> Bands, string SourceFile,
    string? LessonId,
    IReadOnlyList<Question> Questions) : ContentItem(Id, Title, Bands, SourceFile)
{
    public override ContentKind Kind => ContentKind.Quiz;
    public Question? Question(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}

public enum QuestionType { ChooseOne, TrueFalse, Sort, WhoToTell }

/// <summary>
/// A question with its options. Ids are by position (q1, q2 …; a, b …), so events stay small
/// and free of content text.
/// </summary>
public sealed record Question(
    string Id, QuestionType Type, RichText Prompt, Picture? Picture,
    IReadOnlyList<QuestionOption> Options,
    string SafeLabel, string NotSafeLabel)
{
    public QuestionOption? Option(string optionId) => Options.FirstOrDefault(o => o.Id == optionId);

    /// <summary>The options a fully right answer picks (choose-one, true/false, who-to-tell).</summary>
    public IEnumerable<QuestionOption> RightOptions => Options.Where(o => o.Right);
}

/// <summary>
/// One option. For a sort question, <see cref="Right"/> means "belongs in the safe box";
/// for the others it means "a right answer".
/// </summary>
public sealed record QuestionOption(string Id, RichText Text, bool Right, RichText Feedback);
