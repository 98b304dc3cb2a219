namespace ServiceBot.Assist;

/// <summary>One line of a conversation or call as a human agent sees it.</summary>
/// <param name="Speaker">Who said it: one of <see cref="Speakers"/>.</param>
public sealed record TranscriptLine(string Speaker, string Text, DateTimeOffset At);

/// <summary>The speakers of a transcript.</summary>
public static class Speakers
{
    /// <summary>The citizen (on a channel) or the caller (on the hotline).</summary>
    public const string User = "user";
    public const string Bot = "bot";
    public const string Agent = "agent";
}
