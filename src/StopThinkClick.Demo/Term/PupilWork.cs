using Bogus;
using Marten;
using StopThinkClick.Web.Schools.Settings;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Parents.Children;
using StopThinkClick.Web.Pupils.Lessons;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Pupils.Quizzes;
using StopThinkClick.Web.Pupils.Scenarios;

namespace StopThinkClick.Demo.Term;

/// <summary>
/// Lessons, quizzes and stories done alone over the term, with the spread a real class has: a few
/// far ahead, a few who have hardly started, wrong answers tried again, risky choices (and some
/// stopped to think), and a lesson left half-way to carry on with.
/// </summary>
public static class PupilWork
{
    public static async Task WriteAsync(IDocumentStore store, SchoolPlan plan, Catalogue catalogue, TermClock term, Faker faker, CancellationToken ct)
    {
        await using var session = store.LightweightSession(plan.Id);
        var demoParentsChildren = plan.Adults.SelectMany(a => a.ChildIds).ToHashSet(); // theirs sign on the parent's own pages
        foreach (var c in plan.Classes)
        {
            var lessons = catalogue.LessonsFor(c.Band).ToList();
            var stories = catalogue.ScenariosFor(c.Band).ToList();
            foreach (var p in c.Pupils)
            {
                var pupil = Term(new DemoPupil(p.Id, catalogue), lessons, stories, catalogue, term, faker);
                if (faker.Random.Bool(0.35f) && !demoParentsChildren.Contains(p.Id)) session.Store(Family(pupil, c.Band, catalogue, term, faker));
                if (pupil.Events.Count > 0) session.Events.StartStream<PupilProgress>(p.Id, pupil.Events);
            }
        }
        await session.SaveChangesAsync(ct);
    }

    static DemoPupil Term(DemoPupil pupil, List<Lesson> lessons, List<Scenario> stories, Catalogue catalogue, TermClock term, Faker faker)
    {
        // Pace: one in twelve has done nothing yet, one in six has done every lesson, the rest between.
        var pace = faker.Random.Double();
        var done = pace < 0.08 ? 0 : pace > 0.84 ? lessons.Count : (int)Math.Round(lessons.Count * faker.Random.Double(0.2, 0.8));
        var skill = faker.Random.Double(0.55, 0.95);
        var storiesDone = done == 0 ? 0 : Math.Min(stories.Count, faker.Random.Int(0, 2) + (done == lessons.Count ? 1 : 0));
        var times = Enumerable.Range(0, done + storiesDone + 1).Select(_ => faker.Random.Double(0.02, 0.98)).Order().ToList();
        var slot = 0;
        DateTimeOffset Next() => term.At(times[slot++], faker.Random.Int(0, 330));

        for (var i = 0; i < done; i++)
        {
            var at = Next();
            at = Lesson(pupil, lessons[i], at, finish: true);
            if (catalogue.Quiz(lessons[i].QuizId) is { } quiz && faker.Random.Bool(0.8f)) Quiz(pupil, quiz, at, skill, faker);
        }
        foreach (var story in stories.Take(storiesDone)) Story(pupil, story, Next(), skill, faker);
        // Some stopped part-way through their next lesson: "carry on where I was" has somewhere to go.
        if (done > 0 && done < lessons.Count && faker.Random.Bool(0.4f)) Lesson(pupil, lessons[done], Next(), finish: false);
        return pupil;
    }

    /// <summary>
    /// About a third of families joined from the invitation letter and went through the promises at home
    /// (the parent page's decisions; their accounts are not part of the demo's printed logins).
    /// </summary>
    static Parent Family(DemoPupil pupil, Band band, Catalogue catalogue, TermClock term, Faker faker)
    {
        var parent = new Parent(faker.Random.Uuid(), faker.Name.FullName(), [pupil.Id]);
        var at = term.At(faker.Random.Double(0.05, 0.4), faker.Random.Int(480, 700));
        AupStatus Status(AupRecord r) => AupStatus.For(r, band, catalogue, at, SchoolCalendar.England);
        pupil.Do((AupRecord r) => ParentAupDecider.Handle(Status(r), new ParentAupDecider.CoSign(pupil.Id, parent.Id, Status(r).PupilAup?.Version, true, faker.Random.Bool(), band, at)));
        if (faker.Random.Bool(0.8f)) pupil.Do((AupRecord r) => ParentAupDecider.Handle(Status(r), new ParentAupDecider.Agree(pupil.Id, parent.Id, Status(r).ParentAup?.Version, at)));
        var answers = (catalogue.ParentAup?.Permissions ?? []).ToDictionary(p => p.Id, _ => faker.Random.Bool(0.85f));
        pupil.Do((AupRecord r) => ParentAupDecider.Handle(Status(r), new ParentAupDecider.ChoosePermissions(pupil.Id, parent.Id, answers, at)));
        return parent;
    }

    static DateTimeOffset Lesson(DemoPupil pupil, Lesson lesson, DateTimeOffset at, bool finish)
    {
        var last = finish ? lesson.Steps.Count : Math.Max(1, lesson.Steps.Count / 2);
        for (var step = 1; step <= last; step++, at = at.AddMinutes(1))
            pupil.Do(s => LessonDecider.ViewStep(s, lesson, step, pupil.Id, at), at);
        if (finish) pupil.Do(s => LessonDecider.Complete(s, lesson, pupil.Id, at), at);
        return at.AddMinutes(1);
    }

    static void Quiz(DemoPupil pupil, Quiz quiz, DateTimeOffset at, double skill, Faker faker)
    {
        var attempt = faker.Random.Uuid();
        pupil.Do(s => QuizDecider.Start(s, quiz, attempt, pupil.Id, at).Decision, at);
        foreach (var question in quiz.Questions)
        {
            // A wrong answer gets kind feedback and another go, as on the quiz page.
            var right = faker.Random.Bool((float)skill);
            for (var tries = 0; tries < 2; tries++, right = true)
            {
                at = at.AddSeconds(faker.Random.Int(15, 50));
                var answer = DemoAnswers.For(question, right);
                var answerId = faker.Random.Uuid();
                pupil.Do(s => QuizDecider.Answer(s, quiz, attempt, answerId, question.Id, answer, pupil.Id, at), at);
                if (right) break;
            }
        }
        pupil.Do(s => QuizDecider.Finish(s, quiz, attempt, pupil.Id, at), at);
    }

    static void Story(DemoPupil pupil, Scenario story, DateTimeOffset at, double skill, Faker faker)
    {
        var run = faker.Random.Uuid();
        pupil.Do(s => ScenarioDecider.Start(s, story, run, pupil.Id, at).Decision, at);
        var scene = story.Start;
        for (var guard = 0; !scene.IsEnding && scene.Choices.Count > 0 && guard < 20; guard++)
        {
            at = at.AddSeconds(faker.Random.Int(20, 70));
            var safe = scene.Choices.Where(c => !c.Risky).ToList();
            var risky = scene.Choices.Where(c => c.Risky).ToList();
            var choice = risky.Count > 0 && (safe.Count == 0 || faker.Random.Bool((float)(1 - skill))) ? faker.PickRandom(risky) : faker.PickRandom(safe);
            if (choice.Risky && safe.Count > 0 && faker.Random.Bool(0.6f))
            {
                // The stop-and-think page: they went back and chose again.
                var sceneId = scene.Id;
                var first = choice;
                pupil.Do(s => ScenarioDecider.StopToThink(s, story, run, sceneId, first.Id, pupil.Id, at), at);
                choice = faker.PickRandom(safe);
            }
            var (from, chosen) = (scene.Id, choice.Id);
            pupil.Do(s => ScenarioDecider.Choose(s, story, run, from, chosen, pupil.Id, at), at);
            scene = story.Scene(choice.TargetSceneId)!;
        }
    }
}

/// <summary>Answers in the shape the pages send: option ids, or for a sort question the cards put in the safe box.</summary>
public static class DemoAnswers
{
    public static IReadOnlyList<string> For(Question question, bool right) => question.Type switch
    {
        QuestionType.Sort => right ? question.RightOptions.Select(o => o.Id).ToList() : question.Options.Where(o => !o.Right).Select(o => o.Id).ToList(),
        _ => !right && question.Options.FirstOrDefault(o => !o.Right) is { } wrong ? [wrong.Id] : question.RightOptions.Select(o => o.Id).ToList(),
    };
}
