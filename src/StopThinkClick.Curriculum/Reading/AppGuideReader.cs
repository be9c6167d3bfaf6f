using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>Reads an app guide: the app's name, the minimum age its UK terms set, when the guide was checked, and its five parts.</summary>
public static class AppGuideReader
{
    public static AppGuide Read(FileContext file)
    {
        var p = file.Problems;
        file.ReadCommon();
        var app = file.Front.Text("app") ?? "";
        if (app.Length == 0)
            p.Add(file.Front.LineOf("app"), "the app guide does not name its app", "add a line 'app: Roblox' with the app's name as families say it");

        int? minimumAge = null;
        var ageText = file.Front.Text("minimum-age");
        if (ageText is null)
            p.Add(file.Front.LineOf("minimum-age"), "the app guide has no minimum age",
                "add 'minimum-age: 13' (the youngest age the app's UK terms allow), or 'minimum-age: none' if its terms set none");
        else if (int.TryParse(ageText, out var age) && age is >= 3 and <= 21) minimumAge = age;
        else if (!ageText.Equals("none", StringComparison.OrdinalIgnoreCase))
            p.Add(file.Front.LineOf("minimum-age"), $"'{ageText}' is not a minimum age", "write a number of years ('minimum-age: 13') or 'none'");

        var ageRating = file.Front.Text("age-rating");
        var reviewed = file.ReadDate("reviewed", required: true) ?? DateOnly.MinValue;
        var sections = FixedParts.Read(file, AppGuide.Headings, "an app guide");
        file.ReportUnknownSettings();
        return new AppGuide(file.Id, file.Title, file.Bands, file.Path, app, minimumAge, ageRating, reviewed, sections) { ReviewedLine = file.Front.LineOf("reviewed") };
    }
}
