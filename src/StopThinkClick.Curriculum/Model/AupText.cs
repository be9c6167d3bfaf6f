namespace StopThinkClick.Curriculum.Model;

public enum AupAudience { Pupils, Parents }

/// <summary>
/// An Acceptable Use Policy text. Its version is a hash of its words, so changing the text makes
/// a new version and earlier signatures become out of date.
/// </summary>
public sealed record AupText(
    string Id, string Title, IReadOnlyList<Band> Bands, string SourceFile,
    AupAudience Audience,
    RichText Intro,
    IReadOnlyList<AupPromise> Promises,
    IReadOnlyList<AupPermission> Permissions,
    string Version) : ContentItem(Id, Title, Bands, SourceFile)
{
    public override ContentKind Kind => ContentKind.Aup;
    public AupPromise? Promise(string promiseId) => Promises.FirstOrDefault(p => p.Id == promiseId);
}

public sealed record AupPromise(string Id, RichText Text, Picture? Picture, RichText Meaning);

public sealed record AupPermission(string Id, RichText Question);
