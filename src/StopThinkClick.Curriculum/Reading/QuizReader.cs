using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Rendering;

namespace StopThinkClick.Curriculum.Reading;

public static class QuizReader
{
    static readonly Dictionary<string, QuestionType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["choose-one"] = QuestionType.ChooseOne,
        ["true-false"] = QuestionType.TrueFalse,
        ["sort"] = QuestionType.Sort,
        ["who-to-tell"] = QuestionType.WhoToTell,
    };

    public static Quiz Read(FileContext file)
    {
        var p = file.Problems;
        file.ReadCommon();
        var lessonId = file.Front.Text("lesson");
        var (preamble, sections) = Section.Split(file.Body, p);
        file.RequireNoPreamble(preamble);

        var questions = new List<Question>();
        foreach (var section in sections)
        {
            if (section.Is("Question")) questions.Add(ReadQuestion(file, section, $"q{questions.Count + 1}"));
            else p.Add(section.Heading.Number, $"'## {section.Label}' is not a part of a quiz", "write each question as '## Question: the question'");
        }
        if (questions.Count is < 3 or > 6)
            p.Add(file.Front.EndLine, $"the quiz has {questions.Count} questions", "a quiz has 3 to 6 questions");

        file.ReportUnknownSettings();
        return new Quiz(file.Id, file.Title, file.Bands, file.Path, lessonId, questions);
    }

    static Question ReadQuestion(FileContext file, Section section, string id)
    {
        var p = file.Problems;
        var heading = section.Heading.Number;
        if (section.Value.Length == 0)
            p.Add(heading, "the question has no words", "write it as '## Question: the question'");
        var body = Body.Parse(section, p, ["type", "labels"], itemsStartWith: "- ");
        var picture = body.Picture(p, file.Pictures);
        var prompt = SafeMarkdown.RenderInline(section.Value, heading, p);
        SentenceLength.Check(prompt, file.Bands, heading, p);
        var more = SafeMarkdown.Render(body.Text, p);
        if (!more.IsEmpty)
            prompt = new RichText(prompt.Html + more.Html, prompt.Plain + "\n" + more.Plain);
        SentenceLength.Check(more, file.Bands, heading, p);

        var type = QuestionType.ChooseOne;
        if (!body.Settings.TryGetValue("type", out var typeSetting))
            p.Add(heading, "the question has no type", "add a line 'type: choose-one' (or true-false, sort, who-to-tell) under the heading");
        else if (!Types.TryGetValue(typeSetting.Value, out type))
            p.Add(typeSetting.Line, $"'{typeSetting.Value}' is not a question type", "use choose-one, true-false, sort or who-to-tell");

        var (safeLabel, notSafeLabel) = ("Safe", "Not safe");
        if (body.Settings.TryGetValue("labels", out var labels))
        {
            var parts = labels.Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (type != QuestionType.Sort || parts.Length != 2)
                p.Add(labels.Line, "'labels:' names the two boxes of a sort question", "write 'labels: OK to share | Keep private' (safe box first), only on a sort question");
            else (safeLabel, notSafeLabel) = (parts[0], parts[1]);
        }

        var options = new List<QuestionOption>();
        foreach (var item in body.Items)
            options.Add(ReadOption(file, item, type, ((char)('a' + options.Count)).ToString()));
        CheckMarks(file, type, body.Items, options, heading);
        OptionPictures.Check(file, options, heading);
        return new Question(id, type, prompt, picture, options, safeLabel, notSafeLabel);
    }

    static QuestionOption ReadOption(FileContext file, Body.Item item, QuestionType type, string id)
    {
        var p = file.Problems;
        var line = item.Line.Number;
        bool right;
        if (type == QuestionType.Sort)
        {
            right = item.Mark == "safe";
            if (item.Mark is not ("safe" or "not safe"))
                p.Add(line, "each card of a sort question is marked [safe] or [not safe]", "start the line with '- [safe] ' or '- [not safe] '");
        }
        else
        {
            right = item.Mark == "x";
            if (item.Mark is not ("x" or ""))
                p.Add(line, $"'[{item.Mark}]' is not a mark for this question", "start the line with '- [x] ' for a right answer or '- [ ] ' for the others");
            else if (!item.Line.Text.StartsWith("- [", StringComparison.Ordinal))
                p.Add(line, "the option has no mark", "start the line with '- [x] ' for a right answer or '- [ ] ' for the others");
        }
        if (item.Text.Length == 0)
            p.Add(line, "the option has no words", "write the answer after the mark");
        var text = SafeMarkdown.RenderInline(item.Text, line, p);
        SentenceLength.Check(text, file.Bands, line, p);

        var feedback = RichText.Empty;
        if (!item.Fields.TryGetValue("Feedback", out var f) || f.Value.Length == 0)
            p.Add(line, "the option has no feedback", "add a line under it, indented by two spaces: '  Feedback: kind words that explain'");
        else
        {
            feedback = SafeMarkdown.RenderInline(f.Value, f.Line, p);
            SentenceLength.Check(feedback, file.Bands, f.Line, p);
        }
        foreach (var other in item.Fields.Where(x => !x.Key.Equals("Feedback", StringComparison.OrdinalIgnoreCase)))
            p.Add(other.Value.Line, $"'{other.Key}:' belongs to scenario choices, not quiz options", "remove it, or put its words in the feedback");
        return new QuestionOption(id, text, right, feedback) { Picture = OptionPictures.Read(file, item, type) };
    }

    static void CheckMarks(FileContext file, QuestionType type, List<Body.Item> items, List<QuestionOption> options, int heading)
    {
        var p = file.Problems;
        var rights = options.Count(o => o.Right);
        switch (type)
        {
            case QuestionType.ChooseOne:
                if (options.Count is < 2 or > 5) p.Add(heading, $"the question has {options.Count} options", "a choose-one question has 2 to 5 options");
                if (rights != 1) p.Add(heading, $"the question has {rights} right answers", "mark exactly one option '- [x]' and the others '- [ ]'");
                break;
            case QuestionType.TrueFalse:
                var words = items.Select(i => i.Text.Trim().ToLowerInvariant()).ToList();
                if (words.Count != 2 || !words.Contains("true") || !words.Contains("false"))
                    p.Add(heading, "a true-false question needs exactly two options, True and False", "write '- [x] True' and '- [ ] False' (or the other way round)");
                else if (rights != 1) p.Add(heading, "mark the right one of True and False", "put [x] on the right one and [ ] on the other");
                break;
            case QuestionType.Sort:
                if (options.Count is < 2 or > 8) p.Add(heading, $"the question has {options.Count} cards", "a sort question has 2 to 8 cards");
                if (rights == 0 || rights == options.Count)
                    p.Add(heading, "every card is in the same box", "have at least one '[safe]' and one '[not safe]' card");
                break;
            case QuestionType.WhoToTell:
                if (options.Count is < 2 or > 8) p.Add(heading, $"the question has {options.Count} options", "a who-to-tell question has 2 to 8 people");
                if (rights == 0 || rights == options.Count)
                    p.Add(heading, "a who-to-tell question needs people who could help and at least one who could not",
                        "mark the people who could help '- [x]' and at least one other '- [ ]'");
                break;
        }
    }
}
