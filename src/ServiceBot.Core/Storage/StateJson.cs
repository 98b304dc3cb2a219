using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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

    // The state's row without its history, which lives one exchange a row (ConversationHistoryRows): a turn then writes
    // the state's few hundred bytes and its own exchange instead of every exchange again.
    private static readonly JsonSerializerOptions WithoutHistoryOptions = new(Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitHistory } },
    };

    /// <summary>The value as UTF-8 JSON, before it is protected.</summary>
    public static byte[] Utf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>The state as UTF-8 JSON without <see cref="ConversationState.History"/>; <see cref="ParseState"/> reads it with an empty history.</summary>
    public static byte[] Utf8WithoutHistory(ConversationState state) => JsonSerializer.SerializeToUtf8Bytes(state, WithoutHistoryOptions);

    /// <summary>One stored exchange of a conversation's history.</summary>
    public static TurnRecord ParseTurn(ReadOnlySpan<byte> json)
        => JsonSerializer.Deserialize<TurnRecord>(json, Options) ?? throw new InvalidDataException("A stored exchange is empty.");

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

    private static void OmitHistory(JsonTypeInfo type)
    {
        if (type.Type != typeof(ConversationState)) return;
        var history = type.Properties.Single(p => p.Name == JsonNamingPolicy.CamelCase.ConvertName(nameof(ConversationState.History)));
        type.Properties.Remove(history);
    }

    /// <summary>A stored reply of either shape (<see cref="Unprotect"/>) decrypted and parsed.</summary>
    public static Reply? ReadReply(object stored, IStateProtector protector) => JsonSerializer.Deserialize<Reply>(Unprotect(stored, protector), Options);
}
