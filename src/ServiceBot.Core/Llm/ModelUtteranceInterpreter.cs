using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ServiceBot.Tasks;
using ServiceBot.Understanding;

namespace ServiceBot.Llm;

/// <summary>
/// Asks the model for intent and slots as a JSON object <c>{"task": name|null, "slots": {slot_id: value}}</c> over the
/// catalog's own task names and slot ids. Names and ids outside the given tasks are discarded; a reply that is not such an
/// object throws <see cref="JsonException"/>, which <see cref="FallbackUtteranceInterpreter"/> turns into "no proposal".
/// </summary>
public sealed class ModelUtteranceInterpreter(IChatClient chat, PromptLibrary prompts, TimeProvider clock) : IUtteranceInterpreter
{
    private static readonly ChatOptions JsonOutput = new() { ResponseFormat = ChatResponseFormat.Json, Temperature = 0f };

    public async Task<Interpretation?> InterpretAsync(string text, IReadOnlyList<TaskDefinition> tasks, string? expectedSlot,
        CancellationToken cancellationToken)
    {
        var prompt = await prompts.RenderAsync(PromptNames.Understand, new KernelArguments
        {
            ["text"] = text,
            ["tasks"] = Describe(tasks),
            ["expected_slot"] = expectedSlot ?? "（无）",
            ["today"] = clock.GetLocalNow().ToString("yyyy-MM-dd dddd", CultureInfo.GetCultureInfo("zh-CN")),
        }, cancellationToken);
        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, await prompts.RenderAsync(PromptNames.Persona, cancellationToken: cancellationToken)),
                new ChatMessage(ChatRole.User, prompt),
            ], JsonOutput.Clone(), cancellationToken);
        return Parse(response.Text, tasks);
    }

    /// <summary>The reply as an interpretation limited to <paramref name="tasks"/>.</summary>
    /// <exception cref="JsonException">The reply is not a JSON object of the expected shape.</exception>
    public static Interpretation Parse(string reply, IReadOnlyList<TaskDefinition> tasks)
    {
        using var document = JsonDocument.Parse(StripFence(reply));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("The model's reply is not a JSON object.");

        string? task = null;
        if (root.TryGetProperty("task", out var taskElement) && taskElement.ValueKind == JsonValueKind.String)
            task = tasks.FirstOrDefault(t => t.Name == taskElement.GetString())?.Name;

        var known = (task is null ? tasks : tasks.Where(t => t.Name == task)).SelectMany(t => t.SlotIds).ToHashSet(StringComparer.Ordinal);
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("slots", out var slotsElement))
        {
            if (slotsElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                throw new JsonException("The model's \"slots\" is not a JSON object.");
            if (slotsElement.ValueKind == JsonValueKind.Object)
                foreach (var slot in slotsElement.EnumerateObject())
                {
                    var value = slot.Value.ValueKind switch
                    {
                        JsonValueKind.String => slot.Value.GetString(),
                        JsonValueKind.Number => slot.Value.GetRawText(),
                        _ => null,
                    };
                    if (known.Contains(slot.Name) && !string.IsNullOrWhiteSpace(value)) slots[slot.Name] = value.Trim();
                }
        }
        return new Interpretation(task, slots);
    }

    /// <summary>The tasks as the prompt lists them: name（display name）: slot_id（label；codes）.</summary>
    public static string Describe(IReadOnlyList<TaskDefinition> tasks)
    {
        var text = new StringBuilder();
        foreach (var task in tasks)
        {
            text.Append("- ").Append(task.Name).Append('（').Append(task.DisplayName).Append("）：");
            text.AppendJoin("，", task.Slots.Select(s => s.Choices.Count == 0
                ? $"{s.Id}（{s.Label}）"
                : $"{s.Id}（{s.Label}，可选：{string.Join("/", s.Choices.Values)}）"));
            text.Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    // Some models wrap JSON in a Markdown fence even when asked for JSON output.
    internal static string StripFence(string reply)
    {
        var text = reply.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal)) return text;
        var firstLine = text.IndexOf('\n');
        var end = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine < 0 || end <= firstLine ? text : text[(firstLine + 1)..end].Trim();
    }
}
