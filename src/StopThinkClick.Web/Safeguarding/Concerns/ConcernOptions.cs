namespace StopThinkClick.Web.Safeguarding.Concerns;

/// <summary>
/// The words of the concern log, following the schools' incident protocols: who is told, how
/// evidence is kept ("record the URL… screen shots… printed out, signed and dated"), and when it
/// goes to children's social care, CEOP or the police (immediate danger: 999).
/// </summary>
public static class ConcernOptions
{
    public static IReadOnlyDictionary<string, string> StaffTopics { get; } = new Dictionary<string, string>
    {
        ["contact"] = "Contact: someone online asking for pictures, secrets or to meet (possible grooming)",
        ["bullying"] = "Online bullying or unkind messages",
        ["images"] = "Sharing or being asked for images",
        ["content"] = "Upsetting or inappropriate content seen",
        ["commerce"] = "Money, scams or in-app spending",
        ["wellbeing"] = "Well-being: sleep, worry, time online",
        [ConcernTopics.SomethingElse] = "Something else",
    };

    public static IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>
    {
        ["spoke-with-child"] = "Spoke with the child",
        ["evidence-preserved"] = "Evidence preserved (screenshots, web address, date and time, signed and dated)",
        ["parents-informed"] = "Parents or carers informed",
        ["online-safety-lead"] = "Online safety lead informed",
        ["platform-report"] = "Reported to the app, game or website",
        ["social-care"] = "Referred to children's social care / MASH",
        ["ceop"] = "Reported to CEOP",
        ["police"] = "Reported to the police (999 if in immediate danger, otherwise 101)",
        ["lado"] = "Allegation about an adult: LADO informed",
        ["other"] = "Other action",
    };

    public static IReadOnlyDictionary<string, string> Outcomes { get; } = new Dictionary<string, string>
    {
        ["resolved-in-school"] = "Resolved in school",
        ["referred-on"] = "Referred on to another agency",
        ["no-further-action"] = "No further action needed",
        ["monitoring"] = "Closed, with monitoring in place",
    };

    public static string TopicName(string topic) =>
        StaffTopics.GetValueOrDefault(topic) ?? ConcernTopics.ForPupils.GetValueOrDefault(topic).Words ?? topic;
}
