using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Schools;

/// <summary>A school: the tenant. Its id is the tenant id of every document and stream it owns.</summary>
public sealed record School(string Id, string Name, string SafeguardingContact)
{
    /// <summary>The school's DfE unique reference number (six digits); null for the demo's made-up schools.</summary>
    public string? Urn { get; init; }

    /// <summary>The trust (or local authority) the school belongs to, if any.</summary>
    public string? TrustId { get; init; }

    /// <summary>
    /// Made up by the demo (src/StopThinkClick.Demo), with logins printed on a console: never to hold real
    /// children's data. Production refuses to start while one is present; the demo refuses to seed beside a school that is not one.
    /// </summary>
    public bool Demo { get; init; }
}

/// <summary>A class of pupils in one band, with its teachers and the short code pupils type to sign in.</summary>
public sealed record SchoolClass(Guid Id, string Name, Band Band, string ClassCode, IReadOnlyList<Guid> TeacherIds)
{
    public string Label => $"{Name} ({Band.ShortName()})";

    /// <summary>A Year 6 class that has left (after "move up a year"); kept until its pupils' data is erased.</summary>
    public bool Left { get; init; }
}

/// <summary>
/// A child, known by first name and initial only (no e-mail, no surname, no date of birth): the
/// minimum the class needs to tell two Aishas apart. Events carry only <see cref="Id"/>, so
/// deleting this document erases the child's identity from everything that remains.
/// </summary>
public sealed record Pupil(Guid Id, Guid ClassId, string FirstName, string LastInitial)
{
    public string DisplayName => $"{FirstName} {LastInitial}.";

    /// <summary>The picture the school gave the child (never a photo of them); null on pupils made before avatars, who get one derived from their id.</summary>
    public string? Avatar { get; init; }
    public string AvatarPicture => Avatars.Of(this);
    public PupilSignIn SignIn { get; init; } = new();
    public PupilPreferences Preferences { get; init; } = new();
    public bool Erased { get; init; }
}

/// <summary>
/// The pupil's picture PIN and login card, stored as hashes. Wrong tries are counted apart, in
/// <c>SignIn/Throttle</c>. The stamp is in every sign-in cookie of this pupil: a new one (new
/// cards, signing out) ends every session that carries the old.
/// </summary>
public sealed record PupilSignIn
{
    public string PinHash { get; init; } = "";
    public int PinLength { get; init; }
    public int CardVersion { get; init; }
    public string Stamp { get; init; } = "";
}

/// <summary>Remembered per pupil, so the dyslexia-friendly font or larger text follows them to any tablet.</summary>
public sealed record PupilPreferences
{
    public bool DyslexiaFont { get; init; }
    public bool LargerText { get; init; }

    /// <summary>Read each page aloud when it opens; null means the band's default (on for Reception and Year 1).</summary>
    public bool? ReadOnArrival { get; init; }
}

public enum StaffRole { Teacher, SafeguardingLead, DeputySafeguardingLead, SchoolAdmin }

public sealed record StaffMember(Guid Id, string DisplayName, IReadOnlyList<StaffRole> Roles);

/// <summary>A parent or carer, attached to their own children through invitations.</summary>
public sealed record Parent(Guid Id, string DisplayName, IReadOnlyList<Guid> ChildIds);
