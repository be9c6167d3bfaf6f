namespace StopThinkClick.Curriculum.Model;

/// <summary>
/// A piece of content text, rendered once at start-up: safe HTML for the page and plain words
/// for the read-aloud button and the sentence-length check.
/// </summary>
public sealed record RichText(string Html, string Plain)
{
    public static RichText Empty { get; } = new("", "");
    public bool IsEmpty => Plain.Length == 0;
}

/// <summary>A picture from <c>content/pictures/</c>, with the words a screen reader says.</summary>
public sealed record Picture(string Name, string Alt)
{
    public string Url => $"/pictures/{Name}.svg";
}
