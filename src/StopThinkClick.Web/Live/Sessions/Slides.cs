using StopThinkClick.Curriculum.Model;


namespace StopThinkClick.Web.Live.Sessions;

public enum SlideKind { Welcome, Step, Question, Scene, Promise, Sign, Finish }

/// <summary>One screen of a live session, the same for the board and every pupil.</summary>
public sealed record Slide(int Index, SlideKind Kind, int? StepNumber = null, string? QuestionId = null, string? PromiseId = null);

/// <summary>
/// The running order of a live session, worked out from its content: a lesson's steps then its
/// quiz, a quiz's questions, a story's scenes (which follow the branch chosen), or an AUP's
/// promises then the signing. Always a welcome slide first (join code, QR) and a finish slide last.
/// </summary>
public sealed class Script
{
    public IReadOnlyList<Slide> Slides { get; }
    public ContentItem Content { get; }
    public Quiz? Quiz { get; }
    public Scenario? Scenario => Content as Scenario;
    public AupText? Aup => Content as AupText;

    Script(ContentItem content, Quiz? quiz, IReadOnlyList<Slide> slides) => (Content, Quiz, Slides) = (content, quiz, slides);

    public Slide this[int index] => Slides[Math.Clamp(index, 0, Slides.Count - 1)];
    public int Last => Slides.Count - 1;

    public Question? QuestionOf(Slide slide) => slide.QuestionId is null ? null : Quiz?.Question(slide.QuestionId);

    public static Script? For(LiveKind kind, string itemId, Catalogue catalogue)
    {
        var slides = new List<Slide> { new(0, SlideKind.Welcome) };
        void Add(SlideKind k, int? step = null, string? question = null, string? promise = null) => slides.Add(new Slide(slides.Count, k, step, question, promise));

        switch (kind)
        {
            case LiveKind.Lesson when catalogue.Lesson(itemId) is { } lesson:
                foreach (var step in lesson.Steps) Add(SlideKind.Step, step: step.Number);
                var quiz = catalogue.Quiz(lesson.QuizId);
                foreach (var q in quiz?.Questions ?? []) Add(SlideKind.Question, question: q.Id);
                Add(SlideKind.Finish);
                return new Script(lesson, quiz, slides);
            case LiveKind.Quiz when catalogue.Quiz(itemId) is { } quizOnly:
                foreach (var q in quizOnly.Questions) Add(SlideKind.Question, question: q.Id);
                Add(SlideKind.Finish);
                return new Script(quizOnly, quizOnly, slides);
            case LiveKind.Scenario when catalogue.Scenario(itemId) is { } scenario:
                // A story has one "scene" slide whose scene changes with each branch.
                Add(SlideKind.Scene);
                Add(SlideKind.Finish);
                return new Script(scenario, null, slides);
            case LiveKind.Ceremony when catalogue.Aup(itemId) is { Audience: AupAudience.Pupils } aup:
                foreach (var p in aup.Promises) Add(SlideKind.Promise, promise: p.Id);
                Add(SlideKind.Sign);
                Add(SlideKind.Finish);
                return new Script(aup, null, slides);
            default:
                return null;
        }
    }
}
