namespace ServiceBot.Understanding.Slots;

/// <summary>
/// A slot value found in a message. <see cref="Value"/> is the normalised form (the validator's when it
/// accepted the value); <see cref="Start"/>/<see cref="Length"/> locate the words it came from.
/// An invalid value is still reported, so the bot can say why it was refused.
/// </summary>
public sealed record ExtractedSlot(string SlotId, string Value, int Start, int Length, SlotValidation Validation)
{
    public bool IsValid => Validation.IsValid;
}

/// <summary>The chosen value per wanted slot, plus every candidate seen (several per sentence).</summary>
public sealed class SlotExtractionResult(IReadOnlyDictionary<string, ExtractedSlot> slots, IReadOnlyList<ExtractedSlot> candidates)
    : IReadOnlyDictionary<string, ExtractedSlot>
{
    public IReadOnlyList<ExtractedSlot> Candidates { get; } = candidates;

    public ExtractedSlot this[string key] => slots[key];
    public IEnumerable<string> Keys => slots.Keys;
    public IEnumerable<ExtractedSlot> Values => slots.Values;
    public int Count => slots.Count;
    public bool ContainsKey(string key) => slots.ContainsKey(key);
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ExtractedSlot value) => slots.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, ExtractedSlot>> GetEnumerator() => slots.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
