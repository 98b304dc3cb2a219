using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ServiceBot.Conversation;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage;

/// <summary>How conversation state and replies are written as JSON in a state store, the same in every provider.</summary>
internal static class StateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Chinese stays as it is (3 UTF-8 bytes) rather than \uXXXX (6): every turn writes, encrypts and reads the whole
        // state, history included. Rows written with escapes read the same.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The value as JSON, protected: serialised straight to UTF-8 and encrypted, never held as a string in between.</summary>
    public static string Protected<T>(T value, IStateProtector protector) => protector.ProtectUtf8(JsonSerializer.SerializeToUtf8Bytes(value, Options));

    /// <summary>A stored state decrypted and parsed from its UTF-8 bytes.</summary>
    public static ConversationState? ReadState(string stored, IStateProtector protector)
        => JsonSerializer.Deserialize<ConversationState>(protector.UnprotectUtf8(stored), Options);

    /// <summary>A stored reply decrypted and parsed from its UTF-8 bytes.</summary>
    public static Reply? ReadReply(string stored, IStateProtector protector) => JsonSerializer.Deserialize<Reply>(protector.UnprotectUtf8(stored), Options);
}
