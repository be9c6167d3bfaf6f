namespace StopThinkClick.Web.SignIn.Account;

/// <summary>One rule for every password an adult chooses, and one kind message when it is not met.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    public static string? Problem(string? password, string? again) =>
        password is not { Length: >= MinLength } ? $"the password needs at least {MinLength} characters. Three random words work well."
        : password.Length > MaxLength ? $"the password can have up to {MaxLength} characters."
        : password != again ? "the two passwords are not the same."
        : null;
}
