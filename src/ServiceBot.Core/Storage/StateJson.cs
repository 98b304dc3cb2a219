using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceBot.Conversation;

namespace ServiceBot.Storage;

/// <summary>How conversation state and replies are written as JSON in a state store, the same in every provider.</summary>
internal static class StateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static ConversationState? ReadState(string json) => JsonSerializer.Deserialize<ConversationState>(json, Options);

    public static Reply? ReadReply(string json) => JsonSerializer.Deserialize<Reply>(json, Options);
}
