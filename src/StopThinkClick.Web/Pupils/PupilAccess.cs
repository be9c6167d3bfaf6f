using System.Security.Claims;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Teachers.SetWork;

namespace StopThinkClick.Web.Pupils;

/// <summary>
/// What a pupil may open on their own device: anything for their band, and anything their
/// teacher set for their class or for them.
/// </summary>
public static class PupilAccess
{
    public static async Task<IReadOnlyList<WorkSet>> SetForAsync(IQuerySession school, ClaimsPrincipal pupil, CancellationToken ct)
    {
        var classId = pupil.ClassId();
        var me = pupil.PersonId();
        return await school.Query<WorkSet>().Where(w => w.ClassId == classId && (w.PupilId == null || w.PupilId == me))
            .OrderByDescending(w => w.At).ToListAsync(ct);
    }

    public static async Task<bool> MayOpenAsync(IQuerySession school, ClaimsPrincipal pupil, ContentItem item, CancellationToken ct) =>
        item.IsFor(pupil.Band()) || (await SetForAsync(school, pupil, ct)).Any(w => w.ItemId == item.Id || LinkedQuiz(item, w.ItemId));

    // A lesson set by the teacher brings its quiz with it.
    static bool LinkedQuiz(ContentItem item, string setItemId) => item is Quiz quiz && quiz.LessonId == setItemId;
}
