namespace StopThinkClick.Web.Privacy.Retention;

/// <summary>
/// How long one school keeps each kind of record (a document per school, id <see cref="DocumentId"/>;
/// these defaults when the school has not chosen). docs/privacy.md states the same defaults and why.
/// Safeguarding concerns are deliberately absent: they are child-protection records kept under the
/// school's own procedure and follow the child, so no schedule ever deletes them.
/// </summary>
public sealed record RetentionSettings
{
    public const string DocumentId = "retention";

    public string Id { get; init; } = DocumentId;

    /// <summary>Learning records (progress, answers, stories, live-session doings, AUP record) of a pupil whose class has left.</summary>
    public int LearningRecordsMonthsAfterLeaving { get; init; } = 6;

    /// <summary>A pupil's AUP signature (drawing or typed name), from signing; the fact of signing stays until the pupil is erased.</summary>
    public int AupSignatureMonths { get; init; } = 24;

    /// <summary>A parent's account and name once no child of theirs is at the school.</summary>
    public int ParentAccountMonthsWithoutChildren { get; init; } = 3;

    /// <summary>A staff sign-in (e-mail, password hash, two-step secret) once the admin closed it as a leaver; the staff name stays.</summary>
    public int StaffAccountMonthsAfterClosing { get; init; } = 12;

    public static readonly RetentionSettings Defaults = new();
}

/// <summary>Server-wide: when the daily run happens and how long encrypted backups are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Time of the daily run, in <see cref="TimeZone"/> (quiet hours, before the backup at 02:15 in docs/operations.md).</summary>
    public TimeOnly RunAt { get; set; } = new(1, 30);

    /// <summary>The zone <see cref="RunAt"/> is in (IANA id): the schools', not the server's, which is often UTC.</summary>
    public string TimeZone { get; set; } = Schools.Settings.SchoolSettings.DefaultTimeZone;

    /// <summary>Off turns the schedule off (tests run it by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The folder <c>./stc backup</c> writes to; empty = the app does not prune backups.</summary>
    public string BackupFolder { get; set; } = "";

    /// <summary>One backup holds every school on the server, so this is the server's setting: the shortest any school asks.</summary>
    public int BackupDays { get; set; } = 35;
}
