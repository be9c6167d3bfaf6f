using System.Threading.Channels;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.SignIn.Account;

/// <summary>
/// The forgotten-password page hands the address over here and answers at once, so a real address
/// and an unknown one cost the page exactly the same work: looking the account up, making the link
/// and e-mailing it happen afterwards, in the background, where nobody can time them.
/// </summary>
public sealed class ForgottenPasswords(IServiceScopeFactory scopes, ILogger<ForgottenPasswords> logger) : BackgroundService
{
    readonly Channel<string> waiting = Channel.CreateBounded<string>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Ask(string? email)
    {
        if (!string.IsNullOrWhiteSpace(email) && email.Length <= 200) waiting.Writer.TryWrite(email);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in waiting.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var account = await scope.ServiceProvider.GetRequiredService<AdultAccounts>().FindAsync(email, stoppingToken);
                if (account is { Deactivated: false })
                    await scope.ServiceProvider.GetRequiredService<PasswordLinks>().IssueAsync(account.Email, PasswordLinkKind.Reset, null, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("A forgotten-password link could not be made: {Error}", e.Message);
            }
        }
    }
}
