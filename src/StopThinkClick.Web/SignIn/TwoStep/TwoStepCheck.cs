using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.Web.SignIn.TwoStep;

public enum TwoStepOutcome { Passed, Wrong, LockedOut }

/// <summary>
/// Checks an authenticator or recovery code. Wrong codes are counted like passwords (five, then
/// pauses); a code is accepted once only (its 30-second step is remembered) and a recovery code is
/// crossed off in the same optimistic write, so two parallel uses cannot both pass.
/// </summary>
public sealed class TwoStepCheck(AdultAccounts accounts, TryCounters counters, TimeProvider clock)
{
    public async Task<TwoStepOutcome> CheckAsync(AdultAccount account, string? code, CancellationToken ct)
    {
        var counted = await counters.CountAsync(TryKeys.TwoStep(account.Email), TryPolicy.Adult, ct);
        if (!counted.Allowed) return TwoStepOutcome.LockedOut;
        var passed = await AcceptAsync(account, code, ct);
        if (!passed) return counted.WasLast ? TwoStepOutcome.LockedOut : TwoStepOutcome.Wrong;
        await counters.SucceededAsync(TryKeys.TwoStep(account.Email), ct);
        return TwoStepOutcome.Passed;
    }

    async Task<bool> AcceptAsync(AdultAccount account, string? code, CancellationToken ct)
    {
        if (account.TotpSecret is null || string.IsNullOrWhiteSpace(code) || code.Length > 20) return false;
        if (TwoStepRules.MatchingStep(account.TotpSecret, code, clock.GetUtcNow()) is { } step)
            return await accounts.ChangeAsync(account.Email, a => a.LastTotpStep >= step ? null : a with { LastTotpStep = step }, ct) is not null;
        if (!TwoStepRules.LooksLikeRecoveryCode(code)) return false;
        var hash = TwoStepRules.HashRecoveryCode(code);
        return await accounts.ChangeAsync(account.Email,
            a => a.RecoveryCodeHashes.Contains(hash) ? a with { RecoveryCodeHashes = a.RecoveryCodeHashes.Where(h => h != hash).ToList() } : null, ct) is not null;
    }
}
