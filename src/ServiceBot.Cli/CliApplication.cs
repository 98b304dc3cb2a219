using ServiceBot.Cli.Commands;

namespace ServiceBot.Cli;

/// <summary>Dispatches a command line to its command and turns every failure into a message and an exit code.</summary>
public static class CliApplication
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private static readonly ICliCommand[] Commands =
    [
        new IngestCommand(),
        new AskCommand(),
        new IndexBuildCommand(),
        new SearchCommand(),
        new ChatCommand(),
        new MigrateCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        => await RunAsync(args, output, error, input: null, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader? input, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(output, error, input);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            console.Out.WriteLine(Usage());
            return args.Length == 0 ? UsageError : Success;
        }

        var command = Commands.FirstOrDefault(c => c.Matches(args));
        if (command is null)
        {
            console.Error.WriteLine($"错误：未知命令 \"{string.Join(' ', args.Take(2))}\"。");
            console.Error.WriteLine(Usage());
            return UsageError;
        }

        try
        {
            var arguments = CommandLineArguments.Parse(args.Skip(command.Name.Split(' ').Length));
            return await command.RunAsync(arguments, console, cancellationToken);
        }
        catch (CliUsageException exception)
        {
            console.Error.WriteLine($"错误：{exception.Message}");
            console.Error.WriteLine($"用法：servicebot {command.Usage}");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("已取消。");
            return Failure;
        }
        catch (Exception exception) when (CliErrors.IsUserFacing(exception))
        {
            console.Error.WriteLine($"错误：{exception.Message}");
            return Failure;
        }
        catch (Exception exception)
        {
            // Never a stack trace for the user; the type still helps a maintainer.
            console.Error.WriteLine($"内部错误（{exception.GetType().Name}）：{exception.Message}");
            return Failure;
        }
    }

    private static string Usage() =>
        "用法：servicebot <命令> [参数]\n命令：\n" +
        string.Join('\n', Commands.Select(c => $"  {c.Usage}\n      {c.Description}"));
}
