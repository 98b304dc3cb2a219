namespace ServiceBot.Analytics.Review;

/// <summary>Why a question is in the review queue.</summary>
public static class ReviewKinds
{
    /// <summary>The bot found no clause to answer it (or judged it outside the service).</summary>
    public const string Refusal = "refusal";

    /// <summary>The user pressed 没帮助 on the answer.</summary>
    public const string ThumbsDown = "thumbs_down";

    /// <summary>The conversation went to a person.</summary>
    public const string Handoff = "handoff";
}

/// <summary>One question that needs an editor's eye; its text is already masked.</summary>
/// <param name="Comment">The user's comment on a thumbs-down.</param>
/// <param name="Cited">The clauses the answer cited (thumbs-down), as 《source》section.</param>
/// <param name="Reason">Why the conversation was handed off (handoff).</param>
public sealed record ReviewItem(
    string Kind,
    string Question,
    DateTimeOffset At,
    string ConversationId,
    string? Comment = null,
    IReadOnlyList<string>? Cited = null,
    string? Reason = null);

/// <summary>Questions worded alike, with the first one seen as the wording the group is known by.</summary>
/// <param name="Key">The normalised wording of <see cref="Question"/>; actions on the group name it.</param>
/// <param name="Kinds">The distinct kinds of its items, most frequent first.</param>
/// <param name="Cited">The distinct clauses thumbs-down answers cited.</param>
public sealed record ReviewGroup(
    string Key,
    string Question,
    int Count,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Cited,
    DateTimeOffset LastAt,
    IReadOnlyList<ReviewItem> Examples);
