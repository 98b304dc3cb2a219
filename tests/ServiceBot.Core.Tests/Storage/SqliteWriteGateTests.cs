using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Storage;

public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void For_OneFileSpelledTwoWays_SameGate()
    {
        var file = Path.Combine(_folder.Path, "state.db");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);

        var absolute = SqliteWriteGate.For($"Data Source={file}");
        var spelledOtherwise = SqliteWriteGate.For($"Data Source={relative};Default Timeout=30;Pooling=True");

        Assert.Same(absolute, spelledOtherwise);
    }

    [Fact]
    public void For_TwoFiles_TwoGates()
    {
        var state = SqliteWriteGate.For($"Data Source={Path.Combine(_folder.Path, "state.db")}");
        var sandbox = SqliteWriteGate.For($"Data Source={Path.Combine(_folder.Path, "sandbox.db")}");

        Assert.NotSame(state, sandbox);
    }

    [Fact]
    public async Task EnterAsync_SlotHeld_NextWriterWaitsUntilReleased()
    {
        var gate = SqliteWriteGate.For($"Data Source={Path.Combine(_folder.Path, "state.db")}");
        var first = await gate.EnterAsync(CancellationToken.None);

        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task RunAsync_ManyConcurrentWriters_NeverTwoInside()
    {
        var gate = SqliteWriteGate.For($"Data Source={Path.Combine(_folder.Path, "state.db")}");
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => gate.RunAsync(async () =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
            return now;
        }, CancellationToken.None))));

        Assert.Equal(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    public void Dispose() => _folder.Dispose();
}
