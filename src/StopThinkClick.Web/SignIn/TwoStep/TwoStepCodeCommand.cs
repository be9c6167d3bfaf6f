namespace StopThinkClick.Web.SignIn.TwoStep;

/// <summary>
/// <c>./stc two-step-code KEY</c>: prints the code an authenticator app would show now for a key,
/// so someone trying the demo can sign in as the safeguarding lead or admin without a phone. It
/// only turns a key you already have into a code; it opens nothing by itself.
/// </summary>
public static class TwoStepCodeCommand
{
    public static int Run(string[] args)
    {
        var key = args.Length > 1 ? args[1].Trim().Replace(" ", "").ToUpperInvariant() : "";
        try
        {
            var now = DateTimeOffset.UtcNow;
            Console.WriteLine($"{TwoStepRules.CodeAt(key, now)}   (changes in {30 - now.ToUnixTimeSeconds() % 30} s)");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or FormatException || key.Length == 0)
        {
            Console.Error.WriteLine("Usage: ./stc two-step-code KEY   (the key printed beside a demo login, or shown when setting up two-step sign-in)");
            return 2;
        }
    }
}
