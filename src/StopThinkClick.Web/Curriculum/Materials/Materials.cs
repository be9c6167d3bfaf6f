using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Curriculum.Materials;

/// <summary>
/// A year's teaching materials as families may see them (RSHE 2025: parents "must be allowed to
/// see the materials used"): every lesson with its quiz, every story, and the app guides for that
/// age. Read-only, in the order the child meets them, shown the way the child sees them.
/// </summary>
public sealed record YearMaterials(Band Band, IReadOnlyList<Lesson> Lessons, IReadOnlyList<Quiz> OtherQuizzes, IReadOnlyList<Scenario> Stories,
    IReadOnlyList<AppGuide> Apps, string LinkBase)
{
    public static YearMaterials For(Catalogue catalogue, Band band, string linkBase)
    {
        var lessons = catalogue.LessonsFor(band).ToList();
        var quizzesOfLessons = lessons.Select(l => l.QuizId).ToHashSet(StringComparer.Ordinal);
        var others = catalogue.Quizzes.Where(q => q.IsFor(band) && !quizzesOfLessons.Contains(q.Id)).ToList();
        return new YearMaterials(band, lessons, others, catalogue.ScenariosFor(band).ToList(), catalogue.AppGuidesFor(band).ToList(), linkBase);
    }

    public string LinkTo(ContentItem item) => $"{LinkBase}/{item.Id}";
}

/// <summary>One lesson (with its quiz), quiz or story laid out whole, with the app guides it names.</summary>
public sealed record MaterialView(ContentItem Item, Quiz? Quiz, IReadOnlyList<AppGuide> Apps, string BackLink, string BackText)
{
    /// <summary>The item if it is a lesson, quiz or story of this year group; null for anything else (another year's, an AUP, a guide).</summary>
    public static MaterialView? Of(Catalogue catalogue, string itemId, Band band, string backLink, string backText)
    {
        var item = catalogue.Item(itemId);
        if (item is not (Lesson or StopThinkClick.Curriculum.Model.Quiz or Scenario) || !item.IsFor(band)) return null;
        var quiz = item switch { Lesson l => catalogue.Quiz(l.QuizId), StopThinkClick.Curriculum.Model.Quiz q => q, _ => null };
        var apps = catalogue.AppGuidesOf(item);
        return new MaterialView(item, quiz, apps, backLink, backText);
    }

    /// <summary>A story's scenes in reading order (the start first, then each scene the first time a choice leads there), numbered as parts.</summary>
    public static IReadOnlyList<Scene> ReadingOrder(Scenario story)
    {
        var order = new List<Scene>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([story.StartSceneId]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id) || story.Scene(id) is not { } scene) continue;
            order.Add(scene);
            foreach (var choice in scene.Choices) queue.Enqueue(choice.TargetSceneId);
        }
        return order;
    }
}
