namespace StopThinkClick.Curriculum.Model;

public sealed record Lesson(
    string Id, string Title, IReadOnlyList<Band> Bands, string SourceFile,
    IReadOnlyList<Strand> Strands,
    IReadOnlyList<Risk> Risks,
    IReadOnlyList<string> Objectives,
    Picture? Picture,
    string QuizId,
    IReadOnlyList<LessonStep> Steps,
    RichText TeacherNotes,
    RichText HomeNote) : ContentItem(Id, Title, Bands, SourceFile)
{
    public override ContentKind Kind => ContentKind.Lesson;
}

/// <summary>One screen of a lesson: a title, a picture and a few sentences read aloud.</summary>
public sealed record LessonStep(int Number, string Title, Picture? Picture, RichText Text);
