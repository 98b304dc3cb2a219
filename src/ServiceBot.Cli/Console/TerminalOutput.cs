using Spectre.Console;

namespace ServiceBot.Cli;

/// <summary>Writes markup to the CLI's output stream: styled on a real terminal, plain text when the output is redirected or captured.</summary>
public sealed class TerminalOutput
{
    // Redirected output is read by programs and tests: lines are never wrapped there.
    private const int UnwrappedWidth = 10_000;

    private readonly IAnsiConsole _console;

    public TerminalOutput(CliConsole console)
    {
        var terminal = console.IsOutputTerminal;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console.Out),
        });
        if (!terminal) _console.Profile.Width = UnwrappedWidth;
    }

    public void Markdown(string markdown)
    {
        foreach (var line in TerminalMarkdown.ToMarkupLines(markdown)) _console.MarkupLine(line);
    }

    /// <summary>One line of Spectre markup (callers escape their text with <see cref="Spectre.Console.Markup.Escape"/>).</summary>
    public void MarkupLine(string markup) => _console.MarkupLine(markup);
}
