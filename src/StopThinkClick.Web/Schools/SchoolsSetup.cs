using Marten;

namespace StopThinkClick.Web.Schools;

public static class SchoolsSetup
{
    public static WebApplicationBuilder AddSchools(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ClassCodeChange>();
        builder.Services.AddScoped<Admin.StaffSignInHelp>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<Settings.SchoolContexts>();
        builder.Services.AddScoped<SetUp.SchoolSetUp>();
        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<School>();
            opts.Schema.For<Settings.SchoolSettings>();
            // Trusts group schools and are looked up before a school is known: one table for all.
            opts.Schema.For<SetUp.Trust>().SingleTenanted();
            opts.Schema.For<SchoolClass>();
            // A pupil's record (card, PIN, stamp, settings, erasure) and a parent's children are changed
            // by different people at once: each write is checked against the version it read.
            opts.Schema.For<Pupil>().Index(p => p.ClassId).UseOptimisticConcurrency(true);
            opts.Schema.For<StaffMember>();
            opts.Schema.For<Parent>().UseOptimisticConcurrency(true);
            // The sign-in directory is looked up before the school is known: one table for all schools.
            opts.Schema.For<AdultAccount>().SingleTenanted().UseNumericRevisions(true);
            opts.Schema.For<ClassCodeEntry>().SingleTenanted();
            opts.Schema.For<LoginCardEntry>().SingleTenanted();
            opts.Schema.For<ParentInvitation>().SingleTenanted().UseNumericRevisions(true).Index(i => i.PupilId);
        });
        return builder;
    }
}
