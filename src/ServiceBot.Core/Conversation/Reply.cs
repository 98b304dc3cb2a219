using System.Text.Json.Serialization;
using ServiceBot.Analytics;
using ServiceBot.Answers;

namespace ServiceBot.Conversation;

/// <summary>What the engine says back; channels render it in their own format.</summary>
public sealed record Reply(
    string ConversationId,
    string Markdown,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Suggestions,
    TaskSnapshot? Task,
    bool Handoff)
{
    /// <summary>The language the bot spoke in this turn (<see cref="Localization.BotLanguages"/>), for the channel's own words around it.</summary>
    public string Language { get; init; } = Localization.BotLanguages.Chinese;

    /// <summary>The bot could not answer the question (no grounded answer, or out of scope): an answer the user may still rate.</summary>
    public bool Refused { get; init; }

    /// <summary>What the engine learned running this turn; null on a reply read back for a repeated message id.</summary>
    [JsonIgnore]
    public TurnFacts? Facts { get; init; }
}

/// <summary>The active task as the user and the channel see it (CONTRACT §2).</summary>
/// <param name="State">collecting | confirming | submitted | cancelled | failed.</param>
/// <param name="Missing">Required slots not yet filled, in the order the bot will ask for them.</param>
public sealed record TaskSnapshot(
    string Name,
    string State,
    IReadOnlyDictionary<string, string> Slots,
    IReadOnlyList<string> Missing,
    string? Ticket);
