using ServiceBot.Localization;

namespace ServiceBot.Tasks;

/// <summary>How a slot value is shown to the user and passed to the backend.</summary>
public enum SlotKind
{
    Text,
    IdNumber,
    BankCard,
    Phone,
    Amount,
    DateTime,
    /// <summary>A code from a closed list (reason: rent …); <see cref="SlotDefinition.Choices"/> labels it.</summary>
    Choice,
    City,
    Period,
    Ticket,
    /// <summary>A passport's document number (PK1234567); masked like other personal numbers when sensitive.</summary>
    Passport,
    /// <summary>An amount with its ISO 4217 currency, stored as "500000 USD".</summary>
    CurrencyAmount,
    /// <summary>A whole day, stored as an ISO date (2026-12-03).</summary>
    Date,
}

/// <summary>
/// One field of a task form. Values are found and validated by the slot extractor, which knows each
/// catalog slot id; the definition says how to ask for the value and how to show it back.
/// </summary>
public sealed record SlotDefinition
{
    public required string Id { get; init; }
    public required BotText Label { get; init; }
    public required BotText Question { get; init; }
    public required SlotKind Kind { get; init; }
    public bool Required { get; init; } = true;

    /// <summary>Masked in confirmations and summaries.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Quick replies offered while this slot is asked for.</summary>
    public IReadOnlyList<BotText> Suggestions { get; init; } = [];

    /// <summary>Display labels of a <see cref="SlotKind.Choice"/> slot's codes, in the order they are offered.</summary>
    public IReadOnlyDictionary<string, BotText> Choices { get; init; } = new Dictionary<string, BotText>();

    /// <summary>Every text of the slot, for checks that each exists in every language.</summary>
    public IEnumerable<BotText> Texts => [Label, Question, .. Suggestions, .. Choices.Values];
}
