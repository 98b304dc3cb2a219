using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Benchmarks.Calls;

public sealed record HotlineUtterance(string Speaker, string Text);

/// <summary>One line of tests/datasets/hotline-calls/*.jsonl (the format is defined in that folder's README).</summary>
public sealed record HotlineCall(
    string Id,
    DateTimeOffset At,
    string Task,
    IReadOnlyList<HotlineUtterance> Utterances,
    IReadOnlyDictionary<string, string> Expect,
    [property: JsonPropertyName("agent_only")] IReadOnlyDictionary<string, string>? AgentOnly)
{
    public const string Caller = "caller";
    public const string Agent = "agent";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="InvalidDataException">A line is not a call of that format.</exception>
    public static IReadOnlyList<HotlineCall> Load(string path)
    {
        var calls = new List<HotlineCall>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            HotlineCall? call;
            try
            {
                call = JsonSerializer.Deserialize<HotlineCall>(line, Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: {ex.Message}");
            }
            if (call is null || call.At == default || call.Utterances is null || call.Expect is null || string.IsNullOrEmpty(call.Task))
                throw new InvalidDataException($"{path}:{number}: a call needs id, at, task, utterances and expect");
            if (call.Utterances.Any(u => u.Speaker is not (Caller or Agent)))
                throw new InvalidDataException($"{path}:{number}: speaker must be \"caller\" or \"agent\"");
            calls.Add(call);
        }
        return calls;
    }
}
