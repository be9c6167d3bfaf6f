namespace StopThinkClick.Web.Schools;

/// <summary>
/// The few lookups that must work before anyone is signed in, and so before the school is known:
/// an adult's e-mail, a class code, a login card. They are the only documents not owned by one
/// school, and they hold ids and hashes, never names.
/// </summary>
public sealed record AdultAccount(string Id, string SchoolId, Guid PersonId, AdultRole Role, string PasswordHash)
{
    /// <summary>The e-mail, lower case: the document id.</summary>
    public string Email => Id;
    public int FailedTries { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

public enum AdultRole { Teacher, Parent, SafeguardingLead, DeputySafeguardingLead, SchoolAdmin }

/// <summary>Class code → school and class. Codes are unique across every school on the server.</summary>
public sealed record ClassCodeEntry(string Id, string SchoolId, Guid ClassId);

/// <summary>Login card secret (its SHA-256) → pupil. Printing a new card removes the old entry.</summary>
public sealed record LoginCardEntry(string Id, string SchoolId, Guid PupilId, int CardVersion);

/// <summary>
/// An invitation letter's code (its SHA-256) → the child it attaches a parent to. Single use, and
/// it expires: a lost letter stops working after a month, or as soon as it is used.
/// </summary>
public sealed record ParentInvitation(string Id, string SchoolId, Guid PupilId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public DateTimeOffset? UsedAt { get; init; }
    public Guid? UsedBy { get; init; }
}
