using Bogus;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Demo;

/// <summary>
/// Everything needed to create a made-up school, worked out before anything is written: ids and
/// names from a seed (the same seed, the same classes and children), and class codes, picture PINs,
/// login-card secrets, two-step keys and the adults' password from <see cref="PlanSecrets"/>. So the
/// demo prints logins that work, and a test knows the PINs and cards of the school it just made.
/// </summary>
public sealed record SchoolPlan(string Id, string Name, IReadOnlyList<ClassPlan> Classes, IReadOnlyList<AdultPlan> Adults)
{
    public IEnumerable<PupilPlan> Pupils => Classes.SelectMany(c => c.Pupils);
    public AdultPlan Adult(AdultRole role) => Adults.First(a => a.Role == role);
    public ClassPlan Class(Band band) => Classes.First(c => c.Band == band);
}

public sealed record ClassPlan(Guid Id, string Name, Band Band, string Code, AdultPlan Teacher, IReadOnlyList<PupilPlan> Pupils);

public sealed record PupilPlan(Guid Id, Guid ClassId, string FirstName, string LastInitial, IReadOnlyList<string> Pin, string CardSecret)
{
    public string DisplayName => $"{FirstName} {LastInitial}.";
}

public sealed record AdultPlan(Guid Id, string Email, string Password, AdultRole Role, string DisplayName, IReadOnlyList<Guid> ChildIds)
{
    /// <summary>
    /// The authenticator key (base32) of those who must use two-step sign-in (lead, deputy, admin),
    /// from the plan's secrets, so the demo can print it and a test can make codes from it.
    /// </summary>
    public string? TotpSecret { get; init; }
}

public sealed record ClassSpec(string Name, Band Band, int Pupils);

public static class SchoolPlanner
{
    // A spread of names heard in UK primary classrooms.
    static readonly string[] FirstNames =
    [
        "Amara", "Oliver", "Aisha", "Jack", "Zara", "Mohammed", "Isla", "Leo", "Priya", "Noah", "Freya", "Kwame", "Maya",
        "Harry", "Fatima", "George", "Sofia", "Arjun", "Ava", "Yusuf", "Olivia", "Dylan", "Chloe", "Ibrahim", "Lily",
        "Tomasz", "Grace", "Kofi", "Emily", "Ravi", "Mia", "Ethan", "Hana", "Samuel", "Ruby", "Adeola", "Finn", "Layla",
        "Oscar", "Niamh", "Hamza", "Poppy", "Jamal", "Evie", "Kai", "Amelia", "Reuben", "Sienna", "Tariq", "Ellie",
        "Bilal", "Rosie", "Callum", "Nadia", "Alfie", "Ines", "Rhys", "Mei", "Zain", "Imogen", "Ola", "Sam",
    ];

    static readonly string[] Surnames =
    [
        "Patel", "Okafor", "Smith", "Khan", "Jones", "Nowak", "Williams", "Ahmed", "Taylor", "Mensah", "Brown", "Chen",
        "Evans", "Begum", "Wilson", "Hussain", "Murphy", "Adeyemi", "Davies", "Kowalski", "Singh", "Roberts", "Ali", "Clarke",
    ];

    /// <summary>A school whose secrets come from a new random key; every adult's password is <paramref name="password"/>.</summary>
    public static SchoolPlan Plan(string id, string name, string emailDomain, IReadOnlyList<ClassSpec> classes, int seed, string password) =>
        Plan(id, name, emailDomain, classes, seed, PlanSecrets.New(password));

    public static SchoolPlan Plan(string id, string name, string emailDomain, IReadOnlyList<ClassSpec> classes, int seed, PlanSecrets secrets)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        var password = secrets.Password;
        var adults = new List<AdultPlan>
        {
            Adult(AdultRole.SchoolAdmin, $"head@{emailDomain}", "Head"),
            Adult(AdultRole.SafeguardingLead, $"dsl@{emailDomain}", "Safeguarding lead"),
            Adult(AdultRole.DeputySafeguardingLead, $"deputy.dsl@{emailDomain}", "Deputy safeguarding lead"),
        };
        var classPlans = new List<ClassPlan>();
        foreach (var spec in classes)
        {
            var classId = faker.Random.Uuid();
            var sameBand = classPlans.Count(c => c.Band == spec.Band);
            var teacher = Adult(AdultRole.Teacher, $"teacher.{spec.Band.Slug()}{(sameBand > 0 ? $"-{sameBand + 1}" : "")}@{emailDomain}", $"{spec.Name} teacher");
            adults.Add(teacher);
            var pupils = Enumerable.Range(0, spec.Pupils).Select(_ => faker.Random.Uuid()).Select(pupilId => new PupilPlan(
                pupilId, classId, faker.PickRandom(FirstNames), faker.Random.String2(1, "ABCDEFGHJKLMNPRSTW"),
                secrets.Pin(pupilId, spec.Band), secrets.CardSecret(pupilId))).ToList();
            classPlans.Add(new ClassPlan(classId, spec.Name, spec.Band, secrets.ClassCode(classId), teacher, pupils));
        }
        // One demo parent with a child in the first and the last class, so "only my own children" shows.
        var children = new[] { classPlans[0].Pupils[0].Id, classPlans[^1].Pupils[0].Id }.Distinct().ToList();
        adults.Add(new AdultPlan(faker.Random.Uuid(), $"parent@{emailDomain}", password, AdultRole.Parent,
            $"{faker.PickRandom(FirstNames)} {faker.PickRandom(Surnames)}", children));
        return new SchoolPlan(id, name, classPlans, adults);

        AdultPlan Adult(AdultRole role, string email, string fallbackName)
        {
            var title = faker.PickRandom("Ms", "Mr", "Mrs", "Mx", "Miss");
            return new AdultPlan(faker.Random.Uuid(), email, password, role, $"{title} {faker.PickRandom(Surnames)}", [])
            {
                TotpSecret = StopThinkClick.Web.SignIn.TwoStep.TwoStepRules.Required(role) ? secrets.TotpKey(email) : null,
            };
        }
    }
}
