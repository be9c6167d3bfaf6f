namespace StopThinkClick.Web.SignIn;

/// <summary>The role names in the sign-in cookie, and the authorization policies built on them.</summary>
public static class Roles
{
    public const string Pupil = "Pupil";
    public const string Teacher = "Teacher";
    public const string Parent = "Parent";
    public const string SafeguardingLead = "SafeguardingLead";
    public const string DeputySafeguardingLead = "DeputySafeguardingLead";
    public const string SchoolAdmin = "SchoolAdmin";
}

public static class Policies
{
    public const string Pupil = "pupil";
    public const string Parent = "parent";
    /// <summary>Any adult with an account: their own password and two-step sign-in.</summary>
    public const string Adult = "adult";
    /// <summary>Any member of staff: teachers, the safeguarding lead and deputy, the school admin.</summary>
    public const string Staff = "staff";
    /// <summary>Only the designated safeguarding lead and their deputy read the concern log, and only after two-step sign-in.</summary>
    public const string Safeguarding = "safeguarding";
    public const string SchoolAdmin = "school-admin";
}

public static class RateLimits
{
    /// <summary>Pupils' sign-in steps: generous, because a class of 30 signs in at once from one school address.</summary>
    public const string PupilSignIn = "pupil-sign-in";
    public const string AdultSignIn = "adult-sign-in";
}

/// <summary>Requests a minute from one address to the sign-in pages (a whole class shares one address).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public int PupilSignInPerMinute { get; set; } = 120;
    public int AdultSignInPerMinute { get; set; } = 20;

    /// <summary>Wrong class, join or invitation codes (or login cards) from one address in ten minutes before it must wait.</summary>
    public int WrongCodesPerTenMinutes { get; set; } = 10;

    /// <summary>Wrong picture PINs from one address in ten minutes, over every class (a school's tablets share an address).</summary>
    public int WrongPinsPerAddressPerTenMinutes { get; set; } = 60;

    /// <summary>Wrong picture PINs for one class in ten minutes before its PIN sign-in pauses (cards still work).</summary>
    public int WrongPinsPerClassPerTenMinutes { get; set; } = 30;
}
