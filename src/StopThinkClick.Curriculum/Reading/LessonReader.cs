using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Rendering;

namespace StopThinkClick.Curriculum.Reading;

public static class LessonReader
{
    static readonly string[] TrustedAdultWords =
    [
        "grown-up", "grown-ups", "grownup", "adult", "adults", "teacher", "teachers", "parent", "parents", "carer", "carers",
        "mum", "dad", "gran", "granny", "grandma", "grandpa", "grandad", "nan", "nana", "aunt", "auntie", "uncle",
        "family", "childline", "ceop", "safeguarding", "trusted",
    ];

    public static Lesson Read(FileContext file)
    {
        var p = file.Problems;
        file.ReadCommon();
        var strands = file.ReadStrands();
        var risks = file.ReadRisks();
        var apps = file.ReadApps();
        var picture = file.ReadPicture("picture");
        var quizId = file.Front.Text("quiz") ?? "";
        if (quizId.Length == 0)
            p.Add(2, "the lesson has no quiz", "add a line 'quiz: <id of its quiz file>' to the front matter");

        var objectives = file.Front.List("objectives");
        if (objectives.Count == 0)
            p.Add(file.Front.LineOf("objectives"), "the lesson has no objectives", "add 'objectives:' with one or more '  - I can …' lines");
        foreach (var objective in objectives.Where(o => !o.StartsWith("I can ", StringComparison.Ordinal)))
            p.Add(file.Front.LineOf("objectives"), $"the objective \"{objective}\" does not start with \"I can\"",
                "write objectives as \"I can …\" statements, as Education for a Connected World does");

        var (preamble, sections) = Section.Split(file.Body, p);
        file.RequireNoPreamble(preamble);

        var steps = new List<LessonStep>();
        RichText? teacherNotes = null, homeNote = null;
        foreach (var section in sections)
        {
            if (section.Is("Step"))
            {
                if (teacherNotes is not null || homeNote is not null)
                    p.Add(section.Heading.Number, "a step comes after the notes", "put every '## Step:' before '## Teacher notes' and '## Home note'");
                steps.Add(ReadStep(file, section, steps.Count + 1));
            }
            else if (section.Is("Teacher notes"))
                teacherNotes = ReadNotes(file, section, teacherNotes, "Teacher notes");
            else if (section.Is("Home note"))
                homeNote = ReadNotes(file, section, homeNote, "Home note");
            else
                p.Add(section.Heading.Number, $"'## {section.Label}' is not a part of a lesson",
                    "use '## Step: title', '## Teacher notes' or '## Home note'");
        }

        if (steps.Count is < 3 or > 8)
            p.Add(file.Front.EndLine, $"the lesson has {steps.Count} steps", "a lesson has 3 to 8 short steps ('## Step: title')");
        if (teacherNotes is null)
            p.Add(file.Front.EndLine, "the lesson has no teacher notes", "add '## Teacher notes' with discussion prompts and what to do if a child discloses");
        if (homeNote is null)
            p.Add(file.Front.EndLine, "the lesson has no home note", "add '## Home note' with a few sentences for parents");
        if (steps.Count > 0 && !NamesTrustedAdult(steps[^1].Text.Plain + " " + steps[^1].Title))
            p.Add(StepLine(sections, steps.Count), "the last step does not say who to tell",
                "end the lesson by naming a trusted adult (a grown-up, teacher, parent or carer) and how to tell them");

        file.ReportUnknownSettings();
        return new Lesson(file.Id, file.Title, file.Bands, file.Path, strands, risks, objectives, picture, quizId, steps,
            teacherNotes ?? RichText.Empty, homeNote ?? RichText.Empty) { Apps = apps };
    }

    static LessonStep ReadStep(FileContext file, Section section, int number)
    {
        var p = file.Problems;
        if (section.Value.Length == 0)
            p.Add(section.Heading.Number, "the step has no title", "write it as '## Step: a short title'");
        var body = Body.Parse(section, p, [], itemsStartWith: null);
        var picture = body.Picture(p, file.Pictures);
        var text = SafeMarkdown.Render(body.Text, p);
        if (text.IsEmpty)
            p.Add(section.Heading.Number, "the step has no text", "write a few short sentences under the heading; they are read aloud");
        SentenceLength.Check(text, file.Bands, section.Heading.Number, p);
        SentenceLength.Check(new RichText(section.Value, section.Value), file.Bands, section.Heading.Number, p);
        return new LessonStep(number, section.Value, picture, text);
    }

    static RichText ReadNotes(FileContext file, Section section, RichText? already, string name)
    {
        if (already is not null)
            file.Problems.Add(section.Heading.Number, $"'## {name}' is here twice", "join the two parts into one");
        var text = SafeMarkdown.Render(section.Lines, file.Problems);
        if (text.IsEmpty)
            file.Problems.Add(section.Heading.Number, $"'## {name}' is empty", "write the notes under the heading");
        return text;
    }

    static int StepLine(IReadOnlyList<Section> sections, int stepNumber) =>
        sections.Where(s => s.Is("Step")).Skip(stepNumber - 1).First().Heading.Number;

    public static bool NamesTrustedAdult(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', ';', ':', '\n', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => TrustedAdultWords.Contains(w.TrimEnd('s')) || TrustedAdultWords.Contains(w));
    }
}
