namespace ServiceBot.Conversation;

/// <summary>Everything the engine remembers about one conversation between turns.</summary>
public sealed class ConversationState
{
    public required string ConversationId { get; init; }
    public required string UserId { get; init; }
    public required string Channel { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The form in progress, or the last one finished (kept so its ticket shows once more).</summary>
    public TaskInstance? Task { get; set; }

    /// <summary>
    /// Tickets issued to this channel user, here and in the conversations this one followed: 办件进度查询 shows their
    /// details without further proof. Numbers only, no personal data.
    /// </summary>
    public List<string> Tickets { get; init; } = [];

    /// <summary>Recent turns, newest last, for agent handoff and summaries.</summary>
    public List<TurnRecord> History { get; init; } = [];

    /// <summary>
    /// Set when the conversation was handed to a person, so only such conversations ask the handoff store whether an
    /// agent still has them (the desk releases and closes them outside the user's turns).
    /// </summary>
    public bool HandedOff { get; set; }

    /// <summary>Bot refusals in a row (no grounded answer, out of scope); two hand the conversation to a person.</summary>
    public int ConsecutiveRefusals { get; set; }

    /// <summary>The task the last reply offered to start (after a question about it), so "好的，办理" starts it.</summary>
    public string? OfferedTask { get; set; }

    /// <summary>
    /// The door-plate code (数字政务门牌) of the place the user came from, so station look-ups and appeals use it. Only
    /// codes the gazetteer knows are kept.
    /// </summary>
    public string? Place { get; set; }

    /// <summary>The last reply asked the user to confirm deleting their records; only the next turn can confirm.</summary>
    public bool ErasureRequested { get; set; }

    /// <summary>
    /// The language the bot speaks in this conversation (<see cref="Localization.BotLanguages"/>): set from each message
    /// by <see cref="Localization.LanguageDetector"/>, kept by messages without a language of their own (digits, ok).
    /// </summary>
    public string Language { get; set; } = Localization.BotLanguages.Chinese;

    public const int HistoryLimit = 40;

    public void Remember(string userText, string botReply, DateTimeOffset at)
    {
        History.Add(new TurnRecord(userText, botReply, at));
        if (History.Count > HistoryLimit) History.RemoveRange(0, History.Count - HistoryLimit);
    }
}

/// <summary>One exchange.</summary>
public sealed record TurnRecord(string User, string Bot, DateTimeOffset At);
