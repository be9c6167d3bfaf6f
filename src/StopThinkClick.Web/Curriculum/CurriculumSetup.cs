using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;
using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.Web.Curriculum;

public sealed class CurriculumOptions
{
    public const string Section = "Curriculum";
    public string ContentPath { get; set; } = RepoPaths.Content;
}

public static class CurriculumSetup
{
    /// <summary>
    /// Reads and checks content/ once, at start-up: a broken file stops the app with the same list
    /// that <c>./stc check-content</c> prints, so no child ever sees a half-broken lesson.
    /// </summary>
    public static WebApplicationBuilder AddCurriculum(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CurriculumOptions.Section).Get<CurriculumOptions>() ?? new CurriculumOptions();
        var result = CatalogueLoader.Load(options.ContentPath);
        if (!result.Ok)
            throw new StartupProblem($"The content in {options.ContentPath} has {result.Problems.Count} problem(s):\n  " +
                string.Join("\n  ", result.Problems) + "\nFix them (./stc check-content lists them) and start again.");
        builder.Services.AddSingleton(result.Catalogue);
        builder.Services.AddSingleton(new ContentPictures(Path.Combine(options.ContentPath, "pictures")));
        builder.Services.ConfigureMarten(opts => opts.Schema.For<Public.CurriculumSharing>());
        return builder;
    }
}

/// <summary>Where the pictures live; served at /pictures/.</summary>
public sealed record ContentPictures(string Directory);
