using System.Diagnostics;

namespace ServiceBot.Cli;

/// <summary>
/// A progress bar redrawn in place on a terminal; on a redirected stream it writes a line at each
/// tenth of the work so logs stay readable.
/// </summary>
public sealed class ProgressBar(CliConsole console, string label, int total) : IProgress<int>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private int _lastDecile = -1;
    private long _lastDrawTicks;

    public void Report(int done)
    {
        lock (_gate)
        {
            var fraction = total <= 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
            if (console.IsInteractive)
            {
                // Redraw at most ~20 times a second.
                if (done < total && _clock.ElapsedTicks - _lastDrawTicks < Stopwatch.Frequency / 20) return;
                _lastDrawTicks = _clock.ElapsedTicks;
                var filled = (int)(fraction * Width);
                console.Error.Write($"\r{label} [{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total} {_clock.Elapsed.TotalSeconds:F1}s");
                return;
            }
            var decile = (int)(fraction * 10);
            if (decile == _lastDecile) return;
            _lastDecile = decile;
            console.Error.WriteLine($"{label} {done}/{total} ({fraction:P0})");
        }
    }

    public void Dispose()
    {
        if (console.IsInteractive) console.Error.WriteLine();
    }
}
