namespace StopThinkClick.Web.Platform.Commands;

/// <summary>
/// <c>--name value</c> options after a command's words, checked against the options it knows, so a
/// misspelt option is refused in one line instead of being quietly ignored.
/// </summary>
public sealed class CommandOptions
{
    readonly Dictionary<string, string> values;

    CommandOptions(Dictionary<string, string> values) => this.values = values;

    /// <summary>The options from <paramref name="args"/> (from index <paramref name="from"/>), or the one line that says what is wrong.</summary>
    public static (CommandOptions? Options, string? Problem) Parse(string[] args, int from, params string[] known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = from; i < args.Length; i++)
        {
            var name = args[i];
            if (!known.Contains(name))
                return (null, $"{name} is not an option here: the options are {string.Join(", ", known)}.");
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                return (null, $"{name} needs a value after it (quote it if it has spaces).");
            values[name] = args[++i];
        }
        return (new CommandOptions(values), null);
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    public string Or(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;
}
