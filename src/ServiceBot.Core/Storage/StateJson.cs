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

    /// <summary>The value as UTF-8 JSON, before it is protected.</summary>
    public static byte[] Utf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>A state parsed from the UTF-8 JSON <see cref="Utf8{T}"/> wrote.</summary>
    public static ConversationState? ParseState(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<ConversationState>(json, Options);

    /// <summary>
    /// A stored value decrypted to its UTF-8 JSON, whichever shape the row has: bytes from
    /// <see cref="IStateProtector.ProtectBytes"/>, or text (protected text, or plain JSON from before protection existed).
    /// </summary>
    public static byte[] Unprotect(object stored, IStateProtector protector) => stored switch
    {
        byte[] bytes => protector.UnprotectBytes(bytes),
        string text => protector.UnprotectUtf8(text),
        _ => throw new InvalidDataException($"A stored value of type {stored.GetType().Name} is neither bytes nor text."),
    };

    /// <summary>A stored reply of either shape (<see cref="Unprotect"/>) decrypted and parsed.</summary>
    public static Reply? ReadReply(object stored, IStateProtector protector) => JsonSerializer.Deserialize<Reply>(Unprotect(stored, protector), Options);
}
