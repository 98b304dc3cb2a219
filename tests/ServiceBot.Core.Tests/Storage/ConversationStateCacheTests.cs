using System.Text;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Storage;

public sealed class ConversationStateCacheTests
{
    private static byte[] Json(string id) => Encoding.UTF8.GetBytes($$"""{"conversationId":"{{id}}","userId":"u1","channel":"api"}""");

    [Fact]
    public void Find_Remembered_ParsesAFreshStateEachTime()
    {
        var cache = new ConversationStateCache();
        cache.Remember("c-1", 7, Json("c-1"), history: null);

        var cached = cache.Find("c-1")!;

        Assert.Equal(7, cached.Version);
        Assert.Equal("c-1", cached.Parse().ConversationId);
        Assert.NotSame(cached.Parse(), cached.Parse());
        Assert.Null(cache.Find("c-2"));
    }

    [Fact]
    public void Remember_GenerationFull_DropsTheOldestButKeepsEntriesStillInUse()
    {
        var cache = new ConversationStateCache(generationSize: 2);
        cache.Remember("c-1", 1, Json("c-1"), history: null);
        cache.Remember("c-2", 2, Json("c-2"), history: null);
        cache.Remember("c-3", 3, Json("c-3"), history: null); // the first generation is full: c-1..c-3 become the older one
        Assert.NotNull(cache.Find("c-1")); // in use: moved up into the newer generation

        cache.Remember("c-4", 4, Json("c-4"), history: null);
        cache.Remember("c-5", 5, Json("c-5"), history: null); // full again: c-2 and c-3, unused, fall out

        Assert.Equal(1, cache.Find("c-1")?.Version);
        Assert.Null(cache.Find("c-2"));
        Assert.Null(cache.Find("c-3"));
        Assert.Equal(5, cache.Find("c-5")?.Version);
    }

    [Fact]
    public void Parse_RememberedWithItsHistory_FreshListOfTheSameExchanges()
    {
        var cache = new ConversationStateCache();
        var exchange = new ServiceBot.Conversation.TurnRecord("问题", "回答", DateTimeOffset.UnixEpoch);
        cache.Remember("c-1", 1, Json("c-1"), new StoredHistory(3, 4, [exchange]));

        var first = cache.Find("c-1")!.Parse();
        first.Remember("另一个问题", "……", DateTimeOffset.UnixEpoch);
        var second = cache.Find("c-1")!.Parse();

        // The same record instance is how a save knows the exchange is already stored.
        Assert.Same(exchange, Assert.Single(second.History));
        Assert.Equal(2, first.History.Count);
    }

    [Fact]
    public void Forget_Remembered_FindsNothing()
    {
        var cache = new ConversationStateCache();
        cache.Remember("c-1", 1, Json("c-1"), history: null);

        cache.Forget("c-1");

        Assert.Null(cache.Find("c-1"));
    }

    [Fact]
    public void NewVersion_ManyStamps_NeverZeroAndDistinct()
    {
        var stamps = Enumerable.Range(0, 10_000).Select(_ => ConversationStateCache.NewVersion()).ToList();

        Assert.DoesNotContain(0, stamps);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }
}
