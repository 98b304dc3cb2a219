using ServiceBot.Localization;

namespace ServiceBot.Tasks;

/// <summary>
/// A backend function by its kernel plugin and function name, with the slot each parameter takes
/// (parameter name → slot id). Side-effecting calls also get <c>idempotencyKey</c>.
/// </summary>
public sealed record BackendCall(string Plugin, string Function, IReadOnlyDictionary<string, string> Parameters);

/// <summary>What a look-up task shows once its call returns; <see cref="RetrySlot"/> is asked again when nothing was found.</summary>
public sealed record LookupOutcome(bool Found, string Markdown, string? RetrySlot = null);

/// <summary>
/// What a look-up's presentation may use besides the result: the catalog, the tickets issued to the asking channel
/// user, and the values the user gave in this form (an ID number that proves a ticket is theirs).
/// </summary>
public sealed record LookupContext(TaskCatalog Catalog, IReadOnlyCollection<string> IssuedTickets, IReadOnlyDictionary<string, string> Given);

/// <summary>One 一件事 of the catalog: its form, its backend call and how its result reads.</summary>
public sealed record TaskDefinition
{
    public required string Name { get; init; }
    public required BotText DisplayName { get; init; }

    /// <summary>The quick reply that starts the task from a menu (我要提取公积金).</summary>
    public required BotText MenuPrompt { get; init; }

    public required IReadOnlyList<SlotDefinition> Slots { get; init; }
    public required BackendCall Call { get; init; }

    /// <summary>What confirming will do, shown under the summary (确认后将提交至住房公积金管理中心).</summary>
    public BotText? ConfirmationNote { get; init; }

    /// <summary>
    /// Turns a look-up's result into the reply. Null means the call has a side effect: it returns a
    /// submission result and runs only after an explicit yes.
    /// </summary>
    public Func<object?, LookupContext, LookupOutcome>? Present { get; init; }

    /// <summary>Backend refusal codes the user can fix by giving one slot again (amount_exceeds_balance → amount).</summary>
    public IReadOnlyDictionary<string, string> RetrySlots { get; init; } = new Dictionary<string, string>();

    public bool HasSideEffect => Present is null;

    /// <summary>Every text of the task and its slots, for checks that each exists in every language.</summary>
    public IEnumerable<BotText> Texts
        => [DisplayName, MenuPrompt, .. ConfirmationNote is { } note ? [note] : Array.Empty<BotText>(), .. Slots.SelectMany(s => s.Texts)];

    public IReadOnlyList<string> SlotIds => [.. Slots.Select(s => s.Id)];

    public SlotDefinition? Slot(string id) => Slots.FirstOrDefault(s => s.Id == id);
}
