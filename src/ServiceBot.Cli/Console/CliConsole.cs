namespace ServiceBot.Cli;

/// <summary>The two output streams, and whether progress can be drawn in place on the error stream.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, TextReader? input = null)
{
    public TextReader In { get; } = input ?? System.Console.In;

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>True only for the real terminal: redirected or captured streams get plain lines.</summary>
    public bool IsInteractive => ReferenceEquals(Error, System.Console.Error) && !System.Console.IsErrorRedirected;

    /// <summary>True when the output goes to a real terminal, so replies may be styled.</summary>
    public bool IsOutputTerminal => ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected;

    public ProgressBar Progress(string label, int total) => new(this, label, total);
}
