using System.Diagnostics;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>
/// One self-overwriting status line on stderr (stdout stays clean for the report). A heartbeat keeps the elapsed
/// time moving even while a step reports no counts (Lucene commits its index in one call).
/// </summary>
public sealed class ConsoleProgress : IProgress<int>, IDisposable
{
    private readonly string _label;
    private readonly int? _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _heartbeat;
    private readonly Lock _gate = new();
    private int? _done;

    public ConsoleProgress(string label, int? total = null)
    {
        _label = label;
        _total = total;
        _heartbeat = new Timer(_ => Draw(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    public void Report(int value)
    {
        _done = value;
        Draw();
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        lock (_gate) Console.Error.WriteLine($"\r{Line()}  done");
    }

    private void Draw()
    {
        lock (_gate) Console.Error.Write($"\r{Line()}   ");
    }

    private string Line()
    {
        var count = _done is null ? "" : _total is null ? $" {_done:N0}" : $" {_done:N0}/{_total:N0}";
        return $"{_label}{count} [{_clock.Elapsed.TotalSeconds:F1}s]";
    }
}
