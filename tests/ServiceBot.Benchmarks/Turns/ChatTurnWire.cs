using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ServiceBot.Benchmarks.Turns;

/// <summary>
/// The load generator's side of one open-loop lane's chat turns, kept lean because it shares the server's two cores:
/// a lane has one turn in flight, so its request body is written as UTF-8 JSON into a buffer kept for the lane
/// (dialogue texts and property names encoded once), and each reply is read whole into another kept buffer and checked
/// in one pass of a UTF-8 reader, which keeps only the two fields the dialogue goes on with. A field's string is
/// allocated only when its value changes, once a dialogue or a user.
/// </summary>
internal sealed class ChatTurnWire
{
    private static readonly JsonEncodedText UserIdName = JsonEncodedText.Encode("userId");
    private static readonly JsonEncodedText ConversationIdName = JsonEncodedText.Encode("conversationId");
    private static readonly JsonEncodedText MessageIdName = JsonEncodedText.Encode("messageId");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText UserTokenName = JsonEncodedText.Encode("userToken");
    private static readonly JsonEncodedText ReplyName = JsonEncodedText.Encode("reply");

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly ArrayBufferWriter<byte> _request = new(1024);
    private readonly Utf8JsonWriter _writer;
    private byte[] _reply = new byte[16 * 1024];

    public ChatTurnWire() => _writer = new Utf8JsonWriter(_request);

    /// <summary>Every dialogue turn's text, JSON-encoded once for all lanes.</summary>
    public static JsonEncodedText[][] EncodedTexts { get; } =
        TurnBenchmark.Dialogues.Select(dialogue => dialogue.Select(text => JsonEncodedText.Encode(text)).ToArray()).ToArray();

    /// <summary>The conversation the last reply named; null before the first reply of a dialogue.</summary>
    public string? ConversationId { get; private set; }

    /// <summary>The user token the last reply carried; null before the user's first reply.</summary>
    public string? UserToken { get; private set; }

    /// <summary>A new dialogue of the same user: the next turn opens a conversation, and keeps the user's token.</summary>
    public void StartDialogue() => ConversationId = null;

    /// <summary>A new user: no conversation and no token yet.</summary>
    public void StartUser()
    {
        ConversationId = null;
        UserToken = null;
    }

    /// <summary>
    /// The turn's body, valid until the next call: a Content-Length body, as the widget's <c>fetch</c> sends, over the
    /// lane's buffer.
    /// </summary>
    public HttpContent Body(string user, int dialogue, int turn)
    {
        _request.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteString(UserIdName, user);
        if (ConversationId is null) _writer.WriteNull(ConversationIdName);
        else _writer.WriteString(ConversationIdName, ConversationId);
        WriteMessageId(user, dialogue, turn);
        _writer.WriteString(TextName, EncodedTexts[dialogue][turn]);
        if (UserToken is null) _writer.WriteNull(UserTokenName);
        else _writer.WriteString(UserTokenName, UserToken);
        _writer.WriteEndObject();
        _writer.Flush();
        var content = new ReadOnlyMemoryContent(_request.WrittenMemory);
        content.Headers.ContentType = Json;
        return content;
    }

    private void WriteMessageId(string user, int dialogue, int turn)
    {
        Span<char> id = stackalloc char[user.Length + 24];
        if (!id.TryWrite($"{user}-{dialogue}-{turn}", out var length)) throw new InvalidOperationException("message id too long");
        _writer.WriteString(MessageIdName, id[..length]);
    }

    /// <summary>
    /// Reads the whole reply and checks it: complete JSON, an object whose <c>conversationId</c> and <c>reply</c> are
    /// strings. False when it is not a valid reply (the turn is an error); otherwise the conversation and the user token
    /// are those the reply carries.
    /// </summary>
    public async ValueTask<bool> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var length = 0;
        while (true)
        {
            if (length == _reply.Length) Array.Resize(ref _reply, _reply.Length * 2);
            var read = await stream.ReadAsync(_reply.AsMemory(length), cancellationToken);
            if (read == 0) break;
            length += read;
        }
        return Check(_reply.AsSpan(0, length));
    }

    private bool Check(ReadOnlySpan<byte> reply)
    {
        var reader = new Utf8JsonReader(reply, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        bool hasConversation = false, hasReply = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0) break;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                if (reader.ValueTextEquals(ConversationIdName.EncodedUtf8Bytes))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String) return false;
                    if (ConversationId is null || !reader.ValueTextEquals(ConversationId)) ConversationId = reader.GetString();
                    hasConversation = true;
                }
                else if (reader.ValueTextEquals(UserTokenName.EncodedUtf8Bytes))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null) UserToken = null;
                    else if (reader.TokenType != JsonTokenType.String) return false;
                    else if (UserToken is null || !reader.ValueTextEquals(UserToken)) UserToken = reader.GetString();
                }
                else if (reader.ValueTextEquals(ReplyName.EncodedUtf8Bytes))
                {
                    reader.Read();
                    hasReply = reader.TokenType == JsonTokenType.String;
                }
            }
            // Nothing may follow the object, and the object must be whole: the reader throws on a truncated body.
            if (reader.Read()) return false;
        }
        catch (JsonException)
        {
            return false;
        }
        return hasConversation && hasReply;
    }
}
