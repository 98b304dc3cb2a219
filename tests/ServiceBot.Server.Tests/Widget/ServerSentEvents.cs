using System.Text.Json;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>Reads a <c>text/event-stream</c> body into (event, data) pairs, as a browser's reader would.</summary>
public static class ServerSentEvents
{
    public sealed record Event(string Name, JsonElement Data);

    public static async Task<List<Event>> ReadAllAsync(HttpResponseMessage response)
    {
        var events = new List<Event>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null) events.Add(new Event(name, JsonDocument.Parse(string.Join("\n", data)).RootElement.Clone()));
                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal)) name = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Add(line[5..].TrimStart());
        }
        return events;
    }
}
