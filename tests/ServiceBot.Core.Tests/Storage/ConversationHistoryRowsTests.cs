using System.Text;
using Microsoft.AspNetCore.DataProtection;
using ServiceBot.Conversation;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Core.Tests.Storage;

public sealed class ConversationHistoryRowsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    private readonly DataProtectionStateProtector _protector = new(new EphemeralDataProtectionProvider());

    private static TurnRecord Exchange(int turn) => new($"问题{turn}", $"回答{turn}", T0.AddMinutes(turn));

    private static List<TurnRecord> Exchanges(int first, int count) => [.. Enumerable.Range(first, count).Select(Exchange)];

    private string Opened(HistoryRow row) => Encoding.UTF8.GetString(_protector.UnprotectBytes(row.SealedTurn));

    [Fact]
    public void For_NothingStoredKnown_WritesTheWholeWindowFromZero()
    {
        var history = Exchanges(0, 3);

        var write = HistoryWrite.For(history, stored: null, _protector);

        Assert.True(write.ReplacesAll);
        Assert.Equal((0L, 3L), (write.From, write.To));
        Assert.Equal([0L, 1L, 2L], write.Rows.Select(row => row.Sequence));
        Assert.Equal(history, StateJsonTurns(write));
    }

    [Fact]
    public void For_StoredHistoryAndOneNewExchange_WritesOnlyTheNewOneNumberedAfterIt()
    {
        var stored = new StoredHistory(4, 7, [.. Exchanges(4, 3)]);
        List<TurnRecord> history = [.. stored.Turns, Exchange(7)];

        var write = HistoryWrite.For(history, stored, _protector);

        Assert.False(write.ReplacesAll);
        Assert.Equal((4L, 8L), (write.From, write.To));
        var row = Assert.Single(write.Rows);
        Assert.Equal(7L, row.Sequence);
        Assert.Equal(T0.AddMinutes(7), row.At);
        Assert.Contains("回答7", Opened(row));
        Assert.Equal(history, write.Stored.Turns);
    }

    [Fact]
    public void For_WindowFullAndOldestDropped_WindowMovesOn()
    {
        var stored = new StoredHistory(10, 10 + ConversationState.HistoryLimit, [.. Exchanges(10, ConversationState.HistoryLimit)]);
        var state = new ConversationState { ConversationId = "c-1", UserId = "u1", Channel = "api" };
        state.History.AddRange(stored.Turns);
        state.Remember("新问题", "新回答", T0);

        var write = HistoryWrite.For(state.History, stored, _protector);

        Assert.Equal((11L, 11L + ConversationState.HistoryLimit), (write.From, write.To));
        Assert.Equal(10L + ConversationState.HistoryLimit, Assert.Single(write.Rows).Sequence);
    }

    [Fact]
    public void For_EqualExchangesThatAreNotTheStoredOnes_RewritesTheWindow()
    {
        // Equal by value but read elsewhere: nothing says these are the rows stored under those numbers.
        var stored = new StoredHistory(0, 2, [.. Exchanges(0, 2)]);

        var write = HistoryWrite.For(Exchanges(0, 3), stored, _protector);

        Assert.True(write.ReplacesAll);
        Assert.Equal([0L, 1L, 2L], write.Rows.Select(row => row.Sequence));
    }

    [Fact]
    public void For_StoredExchangesOutOfOrder_RewritesTheWindow()
    {
        var stored = new StoredHistory(0, 3, [.. Exchanges(0, 3)]);

        var write = HistoryWrite.For([stored.Turns[1], stored.Turns[0], stored.Turns[2]], stored, _protector);

        Assert.True(write.ReplacesAll);
    }

    private List<TurnRecord> StateJsonTurns(HistoryWrite write)
        => [.. write.Rows.Select(row => StateJson.ParseTurn(_protector.UnprotectBytes(row.SealedTurn)))];
}
