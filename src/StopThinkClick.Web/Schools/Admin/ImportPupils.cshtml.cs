using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Schools.Admin;

/// <summary>
/// Pupils from the school's MIS export. Every row is checked and reported: by default all of it is
/// imported or none of it; the admin may choose to import the good rows and fix the rest.
/// </summary>
[Authorize(Policy = Policies.SchoolAdmin)]
[RequestSizeLimit(1_000_000)]
public sealed class ImportPupilsModel(SchoolSessions sessions) : PageModel
{
    public sealed record RowResult(int Row, string Pupil, string? Problem);

    public IReadOnlyList<RowResult> Report { get; private set; } = [];
    public int Imported { get; private set; }
    public string Summary { get; private set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool importGoodRows, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Refuse("choose a CSV file first.");
        await using var session = sessions.Current();
        var classes = (await session.Query<SchoolClass>().ToListAsync(ct)).Where(c => !c.Left).ToList();
        var rows = new List<(RowResult Result, string First, string Initial, SchoolClass? Class)>();
        try
        {
            using var reader = new StreamReader(file.OpenReadStream());
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, BadDataFound = null, DetectDelimiter = true,
            });
            await csv.ReadAsync();
            csv.ReadHeader();
            foreach (var needed in new[] { "first_name", "last_initial", "class" })
                if (!csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).Contains(needed))
                    return Refuse($"the file has no '{needed}' column. The first row must be: first_name,last_initial,class");
            while (await csv.ReadAsync() && rows.Count < 2000)
            {
                var row = csv.Parser.Row;
                var first = csv.GetField("first_name") ?? "";
                var initial = csv.GetField("last_initial") ?? "";
                var className = (csv.GetField("class") ?? "").Trim();
                var match = classes.FirstOrDefault(c => string.Equals(c.Name, className, StringComparison.OrdinalIgnoreCase) || string.Equals(c.ClassCode, ClassCodes.Normalise(className), StringComparison.Ordinal));
                var problem = PupilNames.Problem(first, initial) ?? (match is null ? $"there is no class called '{Shorten(className)}'" : null);
                rows.Add((new RowResult(row, Shorten($"{first.Trim()} {initial.Trim()}"), problem), first, initial, match));
            }
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException)
        {
            return Refuse("the file could not be read as CSV. Save it from your spreadsheet as 'CSV (comma delimited)' and try again.");
        }

        Report = rows.Select(r => r.Result).ToList();
        var good = rows.Where(r => r.Result.Problem is null).ToList();
        var bad = rows.Count - good.Count;
        if (bad > 0 && !importGoodRows)
        {
            Summary = $"{bad} of {rows.Count} rows have a problem, so none were imported. Fix the rows marked below and import the file again.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var classIds = good.Select(r => r.Class!.Id).Distinct().ToList();
        var inClasses = (await session.Query<Pupil>().Where(p => classIds.Contains(p.ClassId) && !p.Erased).ToListAsync(ct)).ToList();
        foreach (var r in good)
        {
            var (first, initial) = PupilNames.Clean(r.First, r.Initial);
            var id = Guid.CreateVersion7();
            var pin = PicturePin.Random(r.Class!.Band);
            var pupil = new Pupil(id, r.Class.Id, first, initial)
            {
                Avatar = Avatars.ForNewPupil(id, inClasses.Where(p => p.ClassId == r.Class.Id)),
                SignIn = new PupilSignIn { PinHash = PicturePin.Hash(id, pin), PinLength = pin.Count },
            };
            inClasses.Add(pupil);
            session.Store(pupil);
        }
        await session.SaveChangesAsync(ct);
        Imported = good.Count;
        Summary = bad == 0 ? $"all {good.Count} pupils were imported." : $"{good.Count} pupils were imported; {bad} rows with problems were not. Fix them and import just those rows.";
        return Page();
    }

    static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    IActionResult Refuse(string message)
    {
        Summary = message;
        Report = [new RowResult(0, "", message)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
