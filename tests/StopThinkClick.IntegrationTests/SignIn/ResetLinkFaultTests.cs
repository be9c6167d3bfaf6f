using System.Net;
using Npgsql;
using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// Using a reset link is one transaction: marking it used and setting the password commit together
/// or not at all. In the mail app's own database, since the fault it makes is logged as an error.
/// </summary>
[Collection(nameof(MailCollection))]
public sealed class ResetLinkFaultTests(MailApp app)
{
    [Fact]
    public async Task A_database_failure_while_setting_the_password_leaves_the_link_usable_and_the_old_password_working()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        (await FormClient.For(app).PostFormAsync("/signin/forgot", new Dictionary<string, string> { ["email"] = teacher.Email })).Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(() => app.Mail.To(teacher.Email).Count > 0, "the link is e-mailed (in the background)");
        var link = new Uri(ForgedHost.LinkInMail().Match(app.Mail.To(teacher.Email).Single().Body).Value).AbsolutePath;

        // The database refuses any write of this teacher's account, as a failing disk or a dropped
        // connection would, after the link has been checked.
        var trigger = "stc_test_refuse_" + Guid.NewGuid().ToString("N")[..8];
        await SqlAsync($"create function {trigger}() returns trigger language plpgsql as $$ begin raise exception 'test: the account write fails'; end $$;" +
                       $"create trigger {trigger} before update on stc.mt_doc_adultaccount for each row when (new.id = '{teacher.Email.ToLowerInvariant()}') execute function {trigger}();");
        var failed = await FormClient.For(app).PostFormAsync(link, new Dictionary<string, string> { ["password"] = "a brand new password", ["again"] = "a brand new password" });
        await SqlAsync($"drop trigger {trigger} on stc.mt_doc_adultaccount; drop function {trigger}();");

        failed.Body.ShouldNotContain("your password is set");
        (await SignInAsync(teacher.Email, teacher.Password)).ShouldBe("/teacher", "the old password still works");
        (await FormClient.For(app).GetAsync(link)).Body.ShouldNotContain("already been used", Case.Sensitive, "the failed attempt did not burn the link");
        var again = await FormClient.For(app).PostFormAsync(link, new Dictionary<string, string> { ["password"] = "a brand new password", ["again"] = "a brand new password" });
        again.Body.ShouldContain("your password is set", Case.Sensitive, "the link was not burnt by the failed attempt");
        (await SignInAsync(teacher.Email, "a brand new password")).ShouldBe("/teacher");
    }

    async Task<string?> SignInAsync(string email, string password) =>
        (await FormClient.For(app).PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = password })).Location;

    async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
