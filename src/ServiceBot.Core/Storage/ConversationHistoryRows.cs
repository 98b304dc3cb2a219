using ServiceBot.Conversation;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage;

/// <summary>
/// A conversation's history as stored: one sealed row per exchange, numbered from 0 within the conversation, while the
/// conversation row names the numbers [<see cref="From"/>, <see cref="To"/>) its <see cref="ConversationState.History"/>
/// holds. A turn then writes its own exchange rather than every exchange again (they were most of the state's bytes).
/// Rows below <see cref="From"/> left the window and are read by no one; retention deletes them.
/// </summary>
internal sealed record StoredHistory(long From, long To, TurnRecord[] Turns);

/// <summary>One exchange's row, sealed before the write is queued.</summary>
internal sealed record HistoryRow(long Sequence, DateTimeOffset At, byte[] SealedTurn);

/// <summary>What a save writes of the history: new exchanges only, or, when what is stored is not known, the whole window again.</summary>
/// <param name="ReplacesAll">The conversation's rows are deleted first and the window written from 0.</param>
internal sealed record HistoryWrite(long From, long To, bool ReplacesAll, IReadOnlyList<HistoryRow> Rows, TurnRecord[] Window)
{
    /// <param name="stored">
    /// The history this process last read or wrote for the conversation, when it knows it. The engine appends exchanges
    /// and drops the oldest, so the state's history is a tail of it followed by new exchanges; anything else (a state
    /// built elsewhere, a row another process wrote meanwhile, an older row holding its history inline) rewrites the window.
    /// </param>
    public static HistoryWrite For(List<TurnRecord> history, StoredHistory? stored, IStateProtector protector)
    {
        var kept = stored is null ? -1 : KeptFrom(history, stored.Turns);
        if (kept < 0) return new HistoryWrite(0, history.Count, ReplacesAll: true, Seal(history, 0, 0, protector), [.. history]);
        var to = stored!.To + history.Count - kept;
        return new HistoryWrite(to - history.Count, to, ReplacesAll: false, Seal(history, kept, stored.To, protector), [.. history]);
    }

    public StoredHistory Stored => new(From, To, Window);

    /// <summary>How many leading exchanges of <paramref name="history"/> are the last ones of <paramref name="stored"/>, or -1 when they are not.</summary>
    private static int KeptFrom(List<TurnRecord> history, TurnRecord[] stored)
    {
        // The same instances: the cache hands out its records, so an exchange read back is the object stored, never a look-alike.
        var kept = stored.Length == 0 ? 0 : history.FindLastIndex(turn => ReferenceEquals(turn, stored[^1])) + 1;
        if (stored.Length > 0 && kept == 0) return -1;
        if (kept > stored.Length) return -1;
        for (var i = 0; i < kept; i++)
            if (!ReferenceEquals(history[i], stored[stored.Length - kept + i])) return -1;
        return kept;
    }

    private static List<HistoryRow> Seal(List<TurnRecord> history, int first, long firstSequence, IStateProtector protector)
    {
        var rows = new List<HistoryRow>(history.Count - first);
        for (var i = first; i < history.Count; i++)
            rows.Add(new HistoryRow(firstSequence + i - first, history[i].At, protector.ProtectBytes(StateJson.Utf8(history[i]))));
        return rows;
    }
}
