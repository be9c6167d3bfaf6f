using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Privacy.Retention;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Privacy;

/// <summary>
/// The school's own retention periods. Lower bounds keep what the school still needs (a signature
/// for at least a school year); nothing here can touch safeguarding concerns.
/// </summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class RetentionPageModel(SchoolSessions sessions, IOptions<RetentionOptions> server) : PageModel
{
    public static readonly (int Min, int Max) Learning = (1, 84), Signatures = (12, 120), Parents = (1, 36), Staff = (1, 84);

    public RetentionSettings Settings { get; private set; } = RetentionSettings.Defaults;
    public RetentionOptions Server => server.Value;
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Settings = await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int learningRecordsMonths, int signatureMonths, int parentMonths, int staffMonths, CancellationToken ct)
    {
        Settings = await LoadAsync(ct);
        var problem = Outside("Learning records of leavers", learningRecordsMonths, Learning)
            ?? Outside("Pupils' signatures", signatureMonths, Signatures)
            ?? Outside("Parents' accounts", parentMonths, Parents)
            ?? Outside("Closed staff sign-ins", staffMonths, Staff);
        if (problem is not null)
        {
            (Message, Refused) = (problem + " Nothing was changed.", true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Settings = Settings with { LearningRecordsMonthsAfterLeaving = learningRecordsMonths, AupSignatureMonths = signatureMonths, ParentAccountMonthsWithoutChildren = parentMonths, StaffAccountMonthsAfterClosing = staffMonths };
        await using var session = sessions.Current();
        session.Store(Settings);
        await session.SaveChangesAsync(ct);
        Message = "the new periods apply from tonight's run.";
        return Page();
    }

    static string? Outside(string what, int months, (int Min, int Max) range) =>
        months < range.Min || months > range.Max ? $"{what}: choose between {range.Min} and {range.Max} months." : null;

    async Task<RetentionSettings> LoadAsync(CancellationToken ct)
    {
        await using var session = sessions.QueryCurrent();
        return await session.LoadAsync<RetentionSettings>(RetentionSettings.DocumentId, ct) ?? RetentionSettings.Defaults;
    }
}
