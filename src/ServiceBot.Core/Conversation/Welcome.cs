using ServiceBot.Places;

namespace ServiceBot.Conversation;

/// <summary>The texts a citizen sees on arrival: the greeting, and where they are when they came by a door plate.</summary>
public static class Welcome
{
    /// <summary>The configured greeting, or one composed from the assistant's name.</summary>
    public static string Greeting(AssistantOptions assistant)
        => string.IsNullOrWhiteSpace(assistant.Greeting)
            ? $"您好！我是{assistant.Name}，可以为您解答新就业群体权益保障、社保、公积金等政策问题（附政策原文出处），也可以边聊边帮您办事。请问有什么可以帮您？"
            : assistant.Greeting.Trim();

    /// <summary>The greeting, led by the place when the user came by its door plate.</summary>
    public static string For(AssistantOptions assistant, Place? place)
        => place is null ? Greeting(assistant) : $"{PlaceLine(place)}\n\n{Greeting(assistant)}";

    /// <summary>您好，您现在位于「…」: what the place means for the user's requests.</summary>
    public static string PlaceLine(Place place)
        => $"您好，您现在位于「{place.Name}」（{place.Address}）。查询附近驿站、登记12345诉求时，我会按这里的位置为您办理。"
           + (place.NearestStation is { } station ? $"离这里最近的驿站是**{station}**。" : "");

    /// <summary>The note under a form whose location was taken from the door plate; the user may still change it.</summary>
    public static string LocationPrefilled(Place place)
        => $"诉求地点已按您所在的「{place.Name}」填写；如果不对，请说“地点改成……”。";
}
