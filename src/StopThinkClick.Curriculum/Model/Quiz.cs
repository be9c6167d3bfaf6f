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

    /// <summary>The options a fully right answer picks (choose-one, true/false, who-to-tell) or puts in the safe box (sort).</summary>
    public IEnumerable<QuestionOption> RightOptions => Options.Where(o => o.Right);

    /// <summary>
    /// Whether an answer has the shape this question asks for: options that exist, no repeats, one
    /// option for choose-one and true/false, at least one person for who-to-tell. (A sort answer
    /// lists the cards put in the safe box, so any subset fits.)
    /// </summary>
    public bool Fits(IReadOnlyCollection<string> optionIds) =>
        optionIds.All(id => Option(id) is not null) && optionIds.Distinct().Count() == optionIds.Count && Type switch
        {
            QuestionType.ChooseOne or QuestionType.TrueFalse => optionIds.Count == 1,
            QuestionType.WhoToTell => optionIds.Count >= 1,
            _ => true,
        };

    /// <summary>Right when the chosen set is exactly the right set (for sort: the safe box holds exactly the safe cards).</summary>
    public bool IsRight(IReadOnlyCollection<string> optionIds) =>
        Fits(optionIds) && RightOptions.Select(o => o.Id).ToHashSet().SetEquals(optionIds);
}

/// <summary>
/// One option. For a sort question, <see cref="Right"/> means "belongs in the safe box";
/// for the others it means "a right answer". <see cref="Picture"/> lets a child who cannot read
/// yet answer by the picture alone (every Reception option has one).
/// </summary>
public sealed record QuestionOption(string Id, RichText Text, bool Right, RichText Feedback)
{
    public Picture? Picture { get; init; }
}
