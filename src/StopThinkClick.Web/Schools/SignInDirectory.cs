using JasperFx;

namespace StopThinkClick.Web.Schools;

/// <summary>
/// The few lookups that must work before anyone is signed in, and so before the school is known:
/// an adult's e-mail, a class code, a login card. They are the only documents not owned by one
/// school, and they hold ids and hashes, never names.
/// </summary>
public sealed record AdultAccount(string Id, string SchoolId, Guid PersonId, AdultRole Role, string PasswordHash) : IRevisioned
{
    /// <summary>The e-mail, lower case: the document id.</summary>
    public string Email => Id;

    /// <summary>In every cookie of this person; a new one ends their other sessions (see SignIn/Sessions).</summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>A leaver: cannot sign in, and every session ended. The staff record (and so history's names) stays.</summary>
    public bool Deactivated { get; init; }

    /// <summary>The authenticator app's shared key (base32), once two-step sign-in is set up.</summary>
    public string? TotpSecret { get; init; }

    /// <summary>The last 30-second step whose code was accepted, so one code cannot be used twice.</summary>
    public long LastTotpStep { get; init; }

    /// <summary>SHA-256 hashes of the unused recovery codes.</summary>
    public IReadOnlyList<string> RecoveryCodeHashes { get; init; } = [];

    /// <summary>Marten's revision: every change is written "if nobody changed it since I read it".</summary>
    public int Version { get; set; }

    public bool HasPassword => PasswordHash.Length > 0;

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

public enum AdultRole { Teacher, Parent, SafeguardingLead, DeputySafeguardingLead, SchoolAdmin }

/// <summary>
/// Class code → school and class. Codes are unique across every school on the server. A code the
/// teacher replaced stays, retired, so a tablet that remembered it is told kindly and signed out
/// (and is not counted as guessing).
/// </summary>
public sealed record ClassCodeEntry(string Id, string SchoolId, Guid ClassId)
{
    public DateTimeOffset? RetiredAt { get; init; }
}

/// <summary>Login card secret (its SHA-256) → pupil. Printing a new card removes the old entry.</summary>
public sealed record LoginCardEntry(string Id, string SchoolId, Guid PupilId, int CardVersion);

/// <summary>
/// An invitation letter's code (its SHA-256) → the child it attaches a parent to. Single use, and
/// it expires: a lost letter stops working after a month, or as soon as it is used.
/// </summary>
public sealed record ParentInvitation(string Id, string SchoolId, Guid PupilId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt) : IRevisioned
{
    /// <summary>Marten's revision: redeeming writes "if still unused", so two parents cannot both use one letter.</summary>
    public int Version { get; set; }

    public DateTimeOffset? UsedAt { get; init; }
    public Guid? UsedBy { get; init; }
}
