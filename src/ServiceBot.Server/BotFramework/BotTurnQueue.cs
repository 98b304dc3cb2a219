using System.Threading.Channels;

namespace ServiceBot.Server.BotFramework;

/// <summary>
/// Work accepted by <c>POST /api/messages</c> and run after the 202: channels expect a quick answer, and the reply
/// travels separately to the serviceUrl. A few items run at once; the engine serialises each user's turns itself.
/// </summary>
public sealed class BotTurnQueue(ILogger<BotTurnQueue> logger) : BackgroundService
{
    private const int Parallelism = 4;
    private readonly Channel<Func<CancellationToken, Task>> _work =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full; the caller answers 503 so the channel tries again later.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work) => _work.Writer.TryWrite(work);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(_work.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (work, cancellationToken) =>
            {
                try
                {
                    await work(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "A Bot Framework activity could not be handled.");
                }
            });
}
