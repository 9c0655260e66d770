namespace Feed.Server.Commands;

/// <summary>The words of a command line: positional arguments and <c>--name value</c> options.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> args, params string[] flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
            }
            else if (Array.IndexOf(flags, arg[2..]) >= 0)
            {
                _options[arg[2..]] = "true";
            }
            else if (i + 1 < args.Count)
            {
                _options[arg[2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"option {arg} needs a value");
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>Options other than these, to pass on to the host's configuration.</summary>
    public IEnumerable<string> OtherOptions(params string[] known) =>
        _options.Where(o => Array.IndexOf(known, o.Key) < 0).SelectMany(o => new[] { "--" + o.Key, o.Value });
}
