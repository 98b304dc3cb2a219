using System.Globalization;

namespace ServiceBot.Cli;

/// <summary>
/// Positional values and <c>--name value</c> options (an option may repeat; a bare <c>--flag</c>
/// takes no value when the next token is another option or absent).
/// </summary>
public sealed class CommandLineArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CommandLineArguments Parse(IEnumerable<string> tokens)
    {
        var arguments = new CommandLineArguments();
        var list = tokens.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var token = list[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                arguments.Positional.Add(token);
                continue;
            }
            var name = token[2..];
            if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                if (!arguments._options.TryGetValue(name, out var values)) arguments._options[name] = values = [];
                values.Add(list[++i]);
            }
            else
            {
                arguments._flags.Add(name);
            }
        }
        return arguments;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        if (_options.ContainsKey(name)) throw new CliUsageException($"--{name} 不接受参数值。");
        return _flags.Contains(name);
    }

    public IReadOnlyList<string> Values(string name)
    {
        _read.Add(name);
        if (_flags.Contains(name)) throw new CliUsageException($"--{name} 缺少参数值。");
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    public string? Optional(string name)
    {
        var values = Values(name);
        if (values.Count > 1) throw new CliUsageException($"--{name} 只能出现一次。");
        return values.Count == 1 ? values[0] : null;
    }

    public string Required(string name)
        => Optional(name) ?? throw new CliUsageException($"缺少必需参数 --{name}。");

    public int PositiveInt(string name, int defaultValue)
    {
        var text = Optional(name);
        if (text is null) return defaultValue;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new CliUsageException($"--{name} 必须是正整数，收到 \"{text}\"。");
        return value;
    }

    /// <summary>Call after reading every option: an unknown option is a usage error, not silently ignored.</summary>
    public void RejectUnknown(int maxPositional = 0)
    {
        var unknown = _options.Keys.Concat(_flags).Where(n => !_read.Contains(n)).ToList();
        if (unknown.Count > 0) throw new CliUsageException($"未知参数 --{unknown[0]}。");
        if (Positional.Count > maxPositional)
            throw new CliUsageException($"多余的参数 \"{Positional[maxPositional]}\"。");
    }
}
