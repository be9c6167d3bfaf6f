namespace StopThinkClick.Web.Schools.Admin;

/// <summary>The account's role (what signs in) and the staff record's role (what the school sees), kept in step.</summary>
public static class AccountRoles
{
    public static StaffRole StaffRoleOf(AdultRole role) => role switch
    {
        AdultRole.SafeguardingLead => StaffRole.SafeguardingLead,
        AdultRole.DeputySafeguardingLead => StaffRole.DeputySafeguardingLead,
        AdultRole.SchoolAdmin => StaffRole.SchoolAdmin,
        _ => StaffRole.Teacher,
    };

    public static AdultRole Of(StaffRole role) => role switch
    {
        StaffRole.SafeguardingLead => AdultRole.SafeguardingLead,
        StaffRole.DeputySafeguardingLead => AdultRole.DeputySafeguardingLead,
        StaffRole.SchoolAdmin => AdultRole.SchoolAdmin,
        _ => AdultRole.Teacher,
    };
}
