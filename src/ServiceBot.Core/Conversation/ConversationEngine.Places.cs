using ServiceBot.Places;
using ServiceBot.Tasks;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Conversation;

/// <summary>
/// Place entry (数字政务门牌): a door-plate code puts the conversation at a place; station look-ups then use its city and
/// appeals take it as their location, unless the user names another.
/// </summary>
public sealed partial class ConversationEngine
{
    /// <summary>A known code moves the conversation there (a later door plate replaces an earlier one); an unknown code changes nothing.</summary>
    private void EnterPlace(ConversationState conversation, string? code)
    {
        if (places?.Find(code) is { } place) conversation.Place = place.Code;
    }

    /// <summary>The welcome for a user who arrived without saying anything; the place is saved with the conversation.</summary>
    private async Task<Reply> ArriveAsync(ConversationState conversation, string? messageId, CancellationToken cancellationToken)
    {
        var open = conversation.Task is { IsOpen: true } task ? task : null;
        var reply = new Reply(conversation.ConversationId, Welcome.For(_assistant, places?.Find(conversation.Place)), [],
            open is null ? Catalog.Menu : [], open is null ? null : forms.Snapshot(open), Handoff: false);
        conversation.UpdatedAt = clock.GetUtcNow();
        await store.SaveTurnAsync(conversation, messageId, reply, cancellationToken);
        return reply;
    }

    /// <summary>Slot values the conversation's place gives <paramref name="definition"/>, for those the sentence leaves open.</summary>
    private Dictionary<string, string> PlaceValues(ConversationState conversation, TaskDefinition definition, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (places?.Find(conversation.Place) is not { } place) return values;
        // A city named in the sentence wins (邯郸有什么驿站, asked while standing in Kunshan), and its district must not be mixed with another city's.
        if (definition.Slot(SlotIds.City) is not null && !understanding.Slots.ExtractSlots(text, [SlotIds.City], clock.GetUtcNow()).ContainsKey(SlotIds.City))
            values[SlotIds.City] = place.City;
        if (definition.Slot(SlotIds.Location) is not null) values[SlotIds.Location] = place.Location;
        return values;
    }

    /// <summary>Says so when a form just took its location from the door plate, so the user knows they can change it.</summary>
    private TurnResult WithPlaceNote(ConversationState conversation, TurnResult started)
    {
        if (places?.Find(conversation.Place) is not { } place
            || conversation.Task?.Slots.GetValueOrDefault(SlotIds.Location) != place.Location) return started;
        return started with { Markdown = started.Markdown + "\n\n" + Welcome.LocationPrefilled(place) };
    }
}
