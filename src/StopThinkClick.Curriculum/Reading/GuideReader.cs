using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

public static class GuideReader
{
    public static Guide Read(FileContext file)
    {
        file.ReadCommon();
        var reviewed = file.ReadDate("reviewed", required: false);
        var sections = FixedParts.Read(file, Guide.Headings, "the guide");
        file.ReportUnknownSettings();
        return new Guide(file.Id, file.Title, file.Bands, file.Path, sections) { Reviewed = reviewed, ReviewedLine = file.Front.LineOf("reviewed") };
    }
}
