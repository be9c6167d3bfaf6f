using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Teachers.Coverage;

namespace StopThinkClick.IntegrationTests.Teachers;

/// <summary>
/// The class dashboard and the coverage report read projected coverage rows; these show the rows
/// stay right as pupils work, move class or are erased, and that every number still matches a fold
/// of each pupil's whole progress (what the pages computed before).
/// </summary>
[Collection(nameof(AppCollection))]
public sealed partial class ClassDashboardTests(AppOnKestrel app)
{
    Catalogue Catalogue => app.Services.GetRequiredService<Catalogue>();

    [Fact]
    public async Task A_lesson_a_pupil_finishes_shows_on_the_dashboard_and_the_report_at_once()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 3));
        var cls = school.Classes[0];
        var plan = cls.Pupils[0];
        var teacher = await TeacherAsync(cls);
        var lesson = Catalogue.LessonsFor(Band.Y4).First();
        var strand = lesson.Strands[0];
        var column = Strands.All.ToList().IndexOf(strand);
        var available = Catalogue.LessonsFor(Band.Y4).Count(l => l.Strands.Contains(strand));
        (await DashboardAsync(teacher, cls.Id)).Rows[plan.DisplayName][column].ShouldBe("Not yet");

        var pupil = FormClient.For(app);
        await pupil.SignInPupilAsync(plan.CardSecret);
        await FinishLessonAsync(pupil, lesson);

        var after = await DashboardAsync(teacher, cls.Id);
        after.Rows[plan.DisplayName][column].ShouldBe($"1 of {available}");
        after.WholeClass[column].ShouldBe("33% (1 of 3)");
        await using var query = app.Store.QuerySession(school.Id);
        (await query.LoadAsync<PupilCoverage>(plan.Id))!.Lessons.ShouldBe([lesson.Id]);
        var csv = await teacher.GetAsync("/coverage?band=Y4&handler=Csv");
        csv.Body.ShouldContain($",3,{strand.Slug()},1,33,0");
    }

    [Fact]
    public async Task Every_number_on_the_dashboard_matches_a_fold_of_each_pupils_whole_progress()
    {
        var school = await app.NewSchoolAsync((Band.Y5, 8));
        var cls = school.Classes[0];
        var lessons = Catalogue.LessonsFor(Band.Y5).ToList();
        var aup = Catalogue.PupilAupFor(Band.Y5)!;
        var random = new Random(14);
        var now = DateTimeOffset.UtcNow;
        await using (var session = app.Store.LightweightSession(school.Id))
        {
            foreach (var p in cls.Pupils)
                session.Events.Append(p.Id, SomeTerm(p.Id, lessons, aup, random, now).ToArray());
            await session.SaveChangesAsync();
        }

        await using var query = app.Store.QuerySession(school.Id);
        var progress = (await query.LoadManyAsync<PupilProgress>(cls.Pupils.Select(p => p.Id))).ToDictionary(p => p.Id);
        PupilProgress Of(PupilPlan p) => progress.GetValueOrDefault(p.Id) ?? new PupilProgress();
        var records = (await query.LoadManyAsync<AupRecord>(cls.Pupils.Select(p => p.Id))).ToDictionary(r => r.Id);
        var shown = await DashboardAsync(await TeacherAsync(cls), cls.Id);

        // Rows are read by name: two pupils the random plan gave the same name and initial cannot be told apart there.
        foreach (var p in cls.Pupils.GroupBy(p => p.DisplayName).Where(g => g.Count() == 1).SelectMany(g => g))
            shown.Rows[p.DisplayName].ShouldBe(Strands.All.Select(s => FoldedCell(Of(p), s, lessons).Words).ToList(), p.DisplayName);
        shown.WholeClass.ShouldBe(Strands.All.Select(s =>
        {
            var covered = cls.Pupils.Count(p => lessons.Any(l => l.Strands.Contains(s) && Of(p).Lessons.GetValueOrDefault(l.Id)?.Completed == true));
            return $"{StrandCoverage.Percent(covered, cls.Pupils.Count)}% ({covered} of {cls.Pupils.Count})";
        }).ToList());
        var unsigned = cls.Pupils.Where(p => !AupStatus.For(records.GetValueOrDefault(p.Id) ?? new AupRecord(), Band.Y5, Catalogue, now, StopThinkClick.Web.Schools.Settings.SchoolCalendar.England).Pupil.Current).Select(p => p.DisplayName).ToHashSet();
        unsigned.Count.ShouldBeInRange(1, cls.Pupils.Count - 1, "the spread must hold signed and unsigned pupils, or the test proves little");
        shown.Unsigned.Distinct().ShouldBe(unsigned, ignoreOrder: true);
    }

    [Fact]
    public async Task A_pupil_who_moves_class_takes_their_row_with_them()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2), (Band.Y3, 2));
        var (from, to) = (school.Classes[0], school.Classes[1]);
        var plan = from.Pupils[0];
        var lesson = Catalogue.LessonsFor(Band.Y3).First();
        var column = Strands.All.ToList().IndexOf(lesson.Strands[0]);
        await AppendAsync(school.Id, plan.Id, new LessonStarted(plan.Id, lesson.Id, DateTimeOffset.UtcNow), new LessonCompleted(plan.Id, lesson.Id, DateTimeOffset.UtcNow));

        await using (var move = app.Store.LightweightSession(school.Id))
        {
            move.Store((await move.LoadAsync<Pupil>(plan.Id))! with { ClassId = to.Id });
            await move.SaveChangesAsync();
        }

        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        var left = await DashboardAsync(admin, from.Id);
        left.Rows.ShouldNotContainKey(plan.DisplayName);
        left.WholeClass[column].ShouldBe("0% (0 of 1)");
        var joined = await DashboardAsync(admin, to.Id);
        joined.Rows[plan.DisplayName][column].ShouldStartWith("1 of ");
        joined.WholeClass[column].ShouldBe("33% (1 of 3)");
    }

    [Fact]
    public async Task An_erased_pupil_leaves_no_coverage_row_and_drops_out_of_the_counts()
    {
        var school = await app.NewSchoolAsync((Band.Y6, 2));
        var cls = school.Classes[0];
        var plan = cls.Pupils[0];
        var lesson = Catalogue.LessonsFor(Band.Y6).First();
        var column = Strands.All.ToList().IndexOf(lesson.Strands[0]);
        await AppendAsync(school.Id, plan.Id, new LessonStarted(plan.Id, lesson.Id, DateTimeOffset.UtcNow), new LessonCompleted(plan.Id, lesson.Id, DateTimeOffset.UtcNow));
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        (await DashboardAsync(admin, cls.Id)).WholeClass[column].ShouldBe("50% (1 of 2)");

        var erased = await admin.PostFormAsync($"/admin/pupils/{plan.Id}", new Dictionary<string, string> { ["confirm"] = plan.FirstName }, $"/admin/pupils/{plan.Id}?handler=Erase");
        erased.Status.ShouldBe(HttpStatusCode.OK, erased.Body);

        await using var query = app.Store.QuerySession(school.Id);
        (await query.LoadAsync<PupilCoverage>(plan.Id)).ShouldBeNull();
        var after = await DashboardAsync(admin, cls.Id);
        after.Rows.Keys.ShouldBe([cls.Pupils[1].DisplayName]);
        after.WholeClass[column].ShouldBe("0% (0 of 1)");
    }

    [Fact]
    public async Task Rows_are_built_from_the_events_already_stored_when_the_database_predates_them()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 2));
        var plan = school.Classes[0].Pupils[0];
        var lesson = Catalogue.LessonsFor(Band.Y2).First();
        await AppendAsync(school.Id, plan.Id, new LessonStarted(plan.Id, lesson.Id, DateTimeOffset.UtcNow), new LessonCompleted(plan.Id, lesson.Id, DateTimeOffset.UtcNow));
        // As a database from before the rows: none of them, and no mark that they were built.
        await app.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(PupilCoverage));
        await using (var forget = app.Store.LightweightSession())
        {
            forget.Delete<ReadModelBuilt>("pupil-coverage-v1");
            await forget.SaveChangesAsync();
        }
        await using (var query = app.Store.QuerySession(school.Id))
            (await query.LoadAsync<PupilCoverage>(plan.Id)).ShouldBeNull();

        await app.Services.GetServices<IHostedService>().OfType<ReadModelBackfill<PupilCoverageProjection>>().Single().StartAsync(CancellationToken.None);

        await using var after = app.Store.QuerySession(school.Id);
        (await after.LoadAsync<PupilCoverage>(plan.Id))!.Lessons.ShouldBe([lesson.Id]);
    }

    [Fact]
    public async Task A_change_written_past_this_node_shows_on_the_next_view_of_a_dashboard_it_has_already_built()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var plan = cls.Pupils[0];
        var teacher = await TeacherAsync(cls);
        var lesson = Catalogue.LessonsFor(Band.Y4).First();
        var column = Strands.All.ToList().IndexOf(lesson.Strands[0]);
        (await DashboardAsync(teacher, cls.Id)).WholeClass[column].ShouldBe("0% (0 of 2)");
        (await DashboardAsync(teacher, cls.Id)).WholeClass[column].ShouldBe("0% (0 of 2)");

        // Straight to the database, as the other node would write it: nothing tells this node.
        await AppendAsync(school.Id, plan.Id, new LessonStarted(plan.Id, lesson.Id, DateTimeOffset.UtcNow), new LessonCompleted(plan.Id, lesson.Id, DateTimeOffset.UtcNow));
        (await DashboardAsync(teacher, cls.Id)).WholeClass[column].ShouldBe("50% (1 of 2)");

        await using (var rename = app.Store.LightweightSession(school.Id))
        {
            rename.Store((await rename.LoadAsync<SchoolClass>(cls.Id))! with { Name = "Year 4 Rowan" });
            await rename.SaveChangesAsync();
        }
        (await teacher.GetAsync($"/teacher/classes/{cls.Id}")).Body.ShouldContain("<h1>Year 4 Rowan</h1>");
    }

    [Fact]
    public async Task A_teacher_taken_off_a_class_is_refused_its_dashboard_straight_after_viewing_it()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var cls = school.Classes[0];
        var teacher = await TeacherAsync(cls);
        (await teacher.GetAsync($"/teacher/classes/{cls.Id}")).Status.ShouldBe(HttpStatusCode.OK);

        await using (var move = app.Store.LightweightSession(school.Id))
        {
            move.Store((await move.LoadAsync<SchoolClass>(cls.Id))! with { TeacherIds = [] });
            await move.SaveChangesAsync();
        }
        (await teacher.GetAsync($"/teacher/classes/{cls.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A term's worth of mixed activity: lessons alone and live, some started again, quizzes, promises old and new.</summary>
    static IEnumerable<object> SomeTerm(Guid pupil, IReadOnlyList<Lesson> lessons, AupText aup, Random random, DateTimeOffset now)
    {
        foreach (var lesson in lessons.Where(_ => random.Next(3) > 0))
        {
            switch (random.Next(4))
            {
                case 0: yield return new LiveSessionAttended(pupil, Guid.NewGuid(), "Lesson", lesson.Id, 0, 0, now); break;
                case 1: yield return new LessonStarted(pupil, lesson.Id, now); break;
                default:
                    yield return new LessonStarted(pupil, lesson.Id, now);
                    yield return new LessonCompleted(pupil, lesson.Id, now);
                    if (random.Next(4) == 0) yield return new LessonStarted(pupil, lesson.Id, now);
                    break;
            }
            for (var go = random.Next(3); go > 0; go--)
                yield return new QuizCompleted(pupil, lesson.QuizId, Guid.NewGuid(), random.Next(6), 5, now);
        }
        switch (random.Next(3))
        {
            case 0: yield return new AupSigned(pupil, aup.Id, aup.Version, [], Guid.NewGuid(), Guid.NewGuid(), null, now); break;
            case 1: yield return new AupSigned(pupil, aup.Id, "an-older-text", [], Guid.NewGuid(), Guid.NewGuid(), null, now); break;
        }
    }

    /// <summary>The cell as the page worked it out before the rows: from the pupil's whole progress.</summary>
    static StrandCell FoldedCell(PupilProgress progress, Strand strand, IReadOnlyList<Lesson> lessons)
    {
        var done = lessons.Where(l => l.Strands.Contains(strand) && progress.Lessons.GetValueOrDefault(l.Id)?.Completed == true).ToList();
        var scores = done.Select(l => progress.Quizzes.GetValueOrDefault(l.QuizId)).Where(q => q is { Completions: > 0, Questions: > 0 })
            .Select(q => 100 * q!.BestRightFirstTime / q.Questions).ToList();
        return new StrandCell(done.Count, lessons.Count(l => l.Strands.Contains(strand)), scores.Count > 0 ? (int)scores.Average() : null);
    }

    async Task AppendAsync(string schoolId, Guid pupil, params object[] events)
    {
        await using var session = app.Store.LightweightSession(schoolId);
        session.Events.Append(pupil, events);
        await session.SaveChangesAsync();
    }

    async Task<FormClient> TeacherAsync(ClassPlan cls)
    {
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        return teacher;
    }

    static async Task FinishLessonAsync(FormClient pupil, Lesson lesson)
    {
        (await pupil.PostFormAsync($"/pupil/lessons/{lesson.Id}", new Dictionary<string, string>())).Status.ShouldBe(HttpStatusCode.Redirect);
        for (var step = 1; step < lesson.Steps.Count; step++)
            (await pupil.PostFormAsync($"/pupil/lessons/{lesson.Id}/{step}", new Dictionary<string, string>(), $"/pupil/lessons/{lesson.Id}/{step}?handler=Next"))
                .Status.ShouldBe(HttpStatusCode.Redirect);
        var last = lesson.Steps.Count;
        (await pupil.PostFormAsync($"/pupil/lessons/{lesson.Id}/{last}", new Dictionary<string, string>(), $"/pupil/lessons/{lesson.Id}/{last}?handler=Finish"))
            .Location.ShouldNotBeNull().ShouldStartWith($"/pupil/lessons/{lesson.Id}/done");
    }

    sealed record Dashboard(Dictionary<string, List<string>> Rows, List<string> WholeClass, IReadOnlyList<string> Unsigned);

    async Task<Dashboard> DashboardAsync(FormClient teacher, Guid classId)
    {
        var page = await teacher.GetAsync($"/teacher/classes/{classId}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        var body = WebUtility.HtmlDecode(page.Body);
        var rows = new Dictionary<string, List<string>>();
        List<string> whole = [];
        foreach (Match row in RowPattern().Matches(body))
        {
            var cells = CellPattern().Matches(row.Groups["cells"].Value).Select(c => Regex.Replace(c.Groups[1].Value, "<[^>]+>[^<]*</span>", "").Trim()).ToList();
            if (row.Groups["name"].Value == "Whole class") whole = cells;
            else rows[row.Groups["name"].Value] = cells;
        }
        var unsigned = UnsignedPattern().Match(body) is { Success: true } m ? m.Groups[1].Value.Split(", ") : [];
        return new Dashboard(rows, whole, unsigned);
    }

    [GeneratedRegex("""<tr[^>]*>\s*<th scope="row">(?<name>[^<]+)</th>(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("""<td[^>]*>(.*?)</td>""", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("""id="aup-title">[^<]*</h2>\s*<p>([^<]+)</p>""")]
    private static partial Regex UnsignedPattern();
}
