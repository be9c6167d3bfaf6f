namespace StopThinkClick.Web.Safeguarding;

/// <summary>
/// The one place the length of every free-text safeguarding field is set. The forms' maxlength,
/// their visible hints, the deciders' refusals and the write path's guard all read these numbers,
/// so a field can never be longer in one place than another — and nothing is ever cut: text over
/// the limit is refused with a kind message and handed back to the writer.
/// </summary>
public static class TextLimits
{
    /// <summary>A child's own words with "I'm worried".</summary>
    public const int WorryWords = 2000;

    /// <summary>A member of staff's account when recording a concern.</summary>
    public const int ConcernDetails = 4000;

    /// <summary>A note on a concern, and the details given with an action.</summary>
    public const int Note = 4000;

    /// <summary>
    /// Browsers count a line break as one character for maxlength but send it as two (CR LF);
    /// measuring after this keeps the server's count equal to the form's.
    /// </summary>
    public static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    public static bool TooLong(string? text, int limit) => Normalise(text).Length > limit;

    public static string TooLongMessage(string? text, int limit) =>
        $"this is {Normalise(text).Length:N0} characters and the limit is {limit:N0}. Nothing was saved and your words are still here: shorten them, or split them into two notes.";

    /// <summary>The write path's guard: a caller that skipped the check above fails loudly instead of storing a cut record.</summary>
    public static string Guard(string? text, int limit) =>
        Normalise(text) is { } t && t.Length <= limit ? t
        : throw new ArgumentOutOfRangeException(nameof(text), $"Text of {Normalise(text).Length} characters is over the limit of {limit}.");
}
