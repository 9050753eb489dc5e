namespace Varna.Cli;

public sealed class CliUsageException(string message) : Exception(message);

public sealed class CliArguments
{
    // Options that stand alone, without a value (e.g. `backup --to x.db --force`).
    private static readonly string[] Flags = ["force"];

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public IReadOnlyList<string> Positional => _positional;

    public static CliArguments Parse(IEnumerable<string> args)
    {
        var result = new CliArguments();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                if (name.Length == 0) throw new CliUsageException("An option name is missing after '--'.");
                if (Flags.Contains(name))
                {
                    result._options[name] = "true";
                    continue;
                }
                if (!e.MoveNext() || e.Current.StartsWith("--", StringComparison.Ordinal))
                    throw new CliUsageException($"--{name} needs a value.");
                result._options[name] = e.Current;
            }
            else result._positional.Add(arg);
        }
        return result;
    }

    public string Required(string name) =>
        _options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new CliUsageException($"--{name} is required.");

    public string? Optional(string name) => _options.GetValueOrDefault(name)?.Trim();

    public bool Flag(string name) => _options.ContainsKey(name);

    public void AllowOnly(params string[] names)
    {
        var unknown = _options.Keys.Except(names).ToList();
        if (unknown.Count > 0) throw new CliUsageException($"Unknown option --{unknown[0]}.");
    }

    public void ExpectSubcommand(string expected)
    {
        if (_positional.Count != 1 || _positional[0] != expected)
            throw new CliUsageException($"Expected '{expected}'.");
    }
}
