using ServiceBot.Localization;
using ServiceBot.Places;

namespace ServiceBot.Conversation;

/// <summary>The texts a citizen sees on arrival: the greeting, and where they are when they came by a door plate.</summary>
public static class Welcome
{
    /// <summary>
    /// The configured greeting, or one composed from the assistant's name, in the turn's language. The configured name and
    /// greeting are Chinese; an English turn names the assistant from the English resources.
    /// </summary>
    public static string Greeting(AssistantOptions assistant)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        if (BotLanguages.IsEnglish)
            return BotText.Format(nameof(BotTexts.Conversation_Greeting), BotText.Get(nameof(BotTexts.Conversation_AssistantName)));
        return string.IsNullOrWhiteSpace(assistant.Greeting)
            ? BotText.Format(nameof(BotTexts.Conversation_Greeting), assistant.Name)
            : assistant.Greeting.Trim();
    }

    /// <summary>The greeting, led by the place when the user came by its door plate.</summary>
    public static string For(AssistantOptions assistant, Place? place)
        => place is null ? Greeting(assistant) : $"{PlaceLine(place)}\n\n{Greeting(assistant)}";

    /// <summary>您好，您现在位于「…」: what the place means for the user's requests.</summary>
    public static string PlaceLine(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return BotText.Format(nameof(BotTexts.Welcome_PlaceLine), place.Name, place.Address)
               + (place.NearestStation is { } station ? BotText.Format(nameof(BotTexts.Welcome_NearestStation), station) : "");
    }

    /// <summary>The note under a form whose location was taken from the door plate; the user may still change it.</summary>
    public static string LocationPrefilled(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return BotText.Format(nameof(BotTexts.Welcome_LocationPrefilled), place.Name);
    }
}
