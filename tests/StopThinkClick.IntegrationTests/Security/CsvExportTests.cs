using System.Globalization;
using CsvHelper;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Security;

/// <summary>
/// A class or pupil name that looks like a spreadsheet formula ("=HYPERLINK(…)", "@SUM(…)") is
/// written to every CSV export as plain text, so opening the file in a spreadsheet runs nothing.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class CsvExportTests(AppOnKestrel app)
{
    static readonly string[] FormulaStarts = ["=", "+", "-", "@", "\t", "\r"];

    [Fact]
    public async Task Formula_looking_class_and_pupil_names_are_escaped_in_every_csv_export()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 5));
        var cls = school.Classes[0];
        const string className = "=HYPERLINK(\"http://evil.example/\",\"Oak\")";
        string[] pupilNames = ["@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "\t=1+1", "\r=1+1"];
        await using (var write = app.Store.LightweightSession(school.Id))
        {
            var stored = (await write.LoadAsync<SchoolClass>(cls.Id))!;
            write.Store(stored with { Name = className });
            foreach (var (pupil, name) in cls.Pupils.Zip(pupilNames))
                write.Store((await write.LoadAsync<Pupil>(pupil.Id))! with { FirstName = name });
            await write.SaveChangesAsync();
        }
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);

        var coverage = Cells(await DownloadAsync(teacher, "/coverage?handler=Csv&band=Y4"));
        var permissions = Cells(await DownloadAsync(teacher, $"/teacher/classes/{cls.Id}/aup?handler=Csv"));

        coverage.ShouldContain("'" + className, "the class name is kept, as text");
        permissions.ShouldContain(c => c.Contains("SUM(1+1)"), "the pupil's name is kept, as text");
        permissions.Count(c => c.Contains("=1+1", StringComparison.Ordinal)).ShouldBe(2, "the tab and carriage-return names are there too");
        foreach (var cell in coverage.Concat(permissions))
            FormulaStarts.ShouldNotContain(s => cell.StartsWith(s, StringComparison.Ordinal), $"cell {cell} would run as a formula");
    }

    static async Task<string> DownloadAsync(FormClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        return await response.Content.ReadAsStringAsync();
    }

    static List<string> Cells(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var cells = new List<string>();
        while (reader.Read())
            for (var i = 0; reader.TryGetField<string>(i, out var cell); i++) cells.Add(cell!);
        cells.Count.ShouldBeGreaterThan(8);
        return cells;
    }
}
