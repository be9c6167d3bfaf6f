namespace StopThinkClick.Web.Safeguarding;

/// <summary>
/// Who sees a child's worry, in child words (short sentences that read aloud well). Shared by every
/// page a worry can be raised from, through <c>_WhoWillSee.cshtml</c>, so the promises can't drift.
/// It is honest: the concern goes to the teacher and the safeguarding lead, and may be passed on.
/// </summary>
public static class WhoWillSee
{
    public const string Text = "Your teacher will see this. So will the grown-up at school who keeps children safe. " +
        "They will help you. They may ask other grown-ups to help keep you safe.";
}
