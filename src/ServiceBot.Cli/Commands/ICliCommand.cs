namespace ServiceBot.Cli.Commands;

/// <summary>One CLI command; <see cref="Name"/> may be two words ("index build").</summary>
public interface ICliCommand
{
    string Name { get; }
    string Usage { get; }
    string Description { get; }

    bool Matches(string[] args)
    {
        var words = Name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => args[i] == w).All(match => match);
    }

    Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken);
}
