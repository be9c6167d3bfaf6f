using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Parents;

/// <summary>
/// RSHE 2025: parents "must be allowed to see the materials used". A parent reads every lesson,
/// quiz and story of their child's year, as the child sees it, and nothing of another year; a
/// school can publish the whole curriculum for anyone, and it is off until the admin turns it on.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class ParentMaterialsTests(AppOnKestrel app)
{
    Catalogue Catalogue => app.Services.GetRequiredService<Catalogue>();

    static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The lessons, quizzes without a lesson and stories of a band: what its list must link, and only that.</summary>
    IReadOnlyList<ContentItem> MaterialsOf(Band band) =>
        [.. Catalogue.LessonsFor(band), .. Catalogue.Quizzes.Where(q => q.IsFor(band) && q.LessonId is null), .. Catalogue.ScenariosFor(band)];

    [Fact]
    public async Task A_parent_sees_every_lesson_quiz_and_story_of_their_childs_year_and_nothing_of_another_year()
    {
        // The plan's parent has a child in the first class (Year 2) and the last (Year 4); the Year 5 class is not theirs.
        var school = await app.NewSchoolAsync((Band.Y2, 2), (Band.Y5, 2), (Band.Y4, 2));
        var (y2Child, y5Pupil, y4Child) = (school.Classes[0].Pupils[0], school.Classes[1].Pupils[0], school.Classes[2].Pupils[0]);
        var plan = school.Adult(AdultRole.Parent);
        var parent = FormClient.For(app);
        await parent.SignInAdultAsync(plan.Email, plan.Password);

        var list = await parent.GetAsync($"/parent/children/{y2Child.Id}/materials");
        list.Status.ShouldBe(HttpStatusCode.OK);
        var y2 = MaterialsOf(Band.Y2);
        y2.Count.ShouldBeGreaterThan(12);
        foreach (var item in y2) list.Body.ShouldContain($"/parent/children/{y2Child.Id}/materials/{item.Id}\"", Case.Sensitive, $"{item.Id} is not listed");
        foreach (var other in Catalogue.Lessons.Cast<ContentItem>().Concat(Catalogue.Scenarios).Where(i => !i.IsFor(Band.Y2)))
            list.Body.ShouldNotContain($"/materials/{other.Id}\"", Case.Sensitive, $"{other.Id} is not Year 2's");

        // Each lesson whole, as the child sees it: every page, its quiz with each option and its feedback, and the home note.
        var lesson = Catalogue.LessonsFor(Band.Y2).First();
        var quiz = Catalogue.Quiz(lesson.QuizId)!;
        var page = await parent.GetAsync($"/parent/children/{y2Child.Id}/materials/{lesson.Id}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        var words = Text(page.Body);
        foreach (var step in lesson.Steps) { words.ShouldContain(step.Title); words.ShouldContain(Text(step.Text.Html)); }
        foreach (var question in quiz.Questions)
        {
            words.ShouldContain(Text(question.Prompt.Html));
            foreach (var option in question.Options) { words.ShouldContain(Text(option.Text.Html)); words.ShouldContain(Text(option.Feedback.Html)); }
        }
        words.ShouldContain(Text(lesson.HomeNote.Html));
        words.Contains(Text(lesson.TeacherNotes.Html)).ShouldBeFalse("the teacher's notes are not what the child sees");

        // A story: every scene, every choice with what the child is told.
        var story = Catalogue.ScenariosFor(Band.Y2).First();
        var storyPage = Text((await parent.GetAsync($"/parent/children/{y2Child.Id}/materials/{story.Id}")).Body);
        foreach (var scene in story.Scenes.Values)
        {
            foreach (var line in scene.Lines) storyPage.ShouldContain(Text(line.Text.Html));
            foreach (var choice in scene.Choices) storyPage.ShouldContain(Text(choice.Feedback.Html));
        }

        // Not another year's, through either child; the other child's year through that child.
        var y5Lesson = Catalogue.LessonsFor(Band.Y5).First(l => !l.IsFor(Band.Y2) && !l.IsFor(Band.Y4));
        var y4Lesson = Catalogue.LessonsFor(Band.Y4).First(l => !l.IsFor(Band.Y2));
        (await parent.GetAsync($"/parent/children/{y2Child.Id}/materials/{y5Lesson.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await parent.GetAsync($"/parent/children/{y2Child.Id}/materials/{y4Lesson.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await parent.GetAsync($"/parent/children/{y4Child.Id}/materials/{y4Lesson.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        // Nor an AUP or a guide by its id, nor anything through a child who is not theirs.
        (await parent.GetAsync($"/parent/children/{y2Child.Id}/materials/{Catalogue.PupilAupFor(Band.Y2)!.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await parent.GetAsync($"/parent/children/{y5Pupil.Id}/materials")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var notMine = await parent.GetAsync($"/parent/children/{y5Pupil.Id}/materials/{y5Lesson.Id}");
        notMine.Status.ShouldBe(HttpStatusCode.Forbidden);
        notMine.Body.ShouldNotContain(y5Lesson.Steps[0].Title);

        // The child's page leads there.
        (await parent.GetAsync($"/parent/children/{y2Child.Id}")).Body.ShouldContain($"/parent/children/{y2Child.Id}/materials\"");
    }

    [Fact]
    public async Task The_public_curriculum_page_is_off_until_the_admin_publishes_it_and_shows_no_child()
    {
        var school = await app.NewSchoolAsync((Band.Y1, 3));
        var anyone = FormClient.For(app);
        var home = $"/schools/{school.Id}/curriculum";
        var y6Story = Catalogue.ScenariosFor(Band.Y6).First();
        (await anyone.GetAsync(home)).Status.ShouldBe(HttpStatusCode.NotFound, "off by default");
        (await anyone.GetAsync($"{home}/{y6Story.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await anyone.GetAsync($"/schools/no-such-school/curriculum")).Status.ShouldBe(HttpStatusCode.NotFound);

        var adminPlan = school.Adult(AdultRole.SchoolAdmin);
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(adminPlan.Email, adminPlan.Password);
        (await admin.PostFormAsync("/admin/curriculum-sharing", new Dictionary<string, string> { ["publish"] = "true" })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync("/admin/curriculum-sharing")).Body.ShouldContain(home);

        var open = await anyone.GetAsync(home);
        open.Status.ShouldBe(HttpStatusCode.OK);
        Text(open.Body).ShouldContain(school.Name);
        foreach (var band in Bands.All)
        {
            var year = (await anyone.GetAsync($"{home}?year={band.Slug()}")).Body;
            foreach (var item in MaterialsOf(band)) year.ShouldContain($"{home}/{item.Id}\"", Case.Sensitive, $"{band}: {item.Id}");
        }
        var story = Text((await anyone.GetAsync($"{home}/{y6Story.Id}")).Body);
        story.ShouldContain(Text(y6Story.Start.Lines[0].Text.Html));
        foreach (var pupil in school.Classes.SelectMany(c => c.Pupils)) story.ShouldNotContain($"{pupil.FirstName} {pupil.LastInitial}.");

        (await admin.PostFormAsync("/admin/curriculum-sharing", new Dictionary<string, string> { ["publish"] = "false" })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await anyone.GetAsync(home)).Status.ShouldBe(HttpStatusCode.NotFound, "withdrawn again");
    }
}
