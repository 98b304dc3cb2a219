using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Knowledge;

namespace ServiceBot.Llm;

/// <summary>
/// The <c>SuggestReplies</c> prompt writes the agent's suggestions from the transcript (personal numbers masked) and the
/// clauses retrieved for the user's latest message. Each reply may cite only those clauses: its <c>[n]</c> markers are
/// checked and renumbered per reply, and its citations follow them. A reply that is not the expected JSON, or has no
/// usable suggestion, throws; <see cref="FallbackReplySuggester"/> then serves the offline ones.
/// </summary>
public sealed class ModelReplySuggester(
    Func<CancellationToken, Task<KnowledgeBase>> knowledge,
    ExtractiveAnswerComposer composer,
    IChatClient chat,
    PromptLibrary prompts,
    IOptions<LlmOptions> options) : IReplySuggester
{
    private const int MaxReplies = 3;
    private static readonly ChatOptions JsonOutput = new() { ResponseFormat = ChatResponseFormat.Json, Temperature = 0.3f };

    public ModelReplySuggester(KnowledgeBaseProvider knowledge, ExtractiveAnswerComposer composer, IChatClient chat, PromptLibrary prompts,
        IOptions<LlmOptions> options)
        : this(knowledge.GetAsync, composer, chat, prompts, options)
    {
    }

    public async Task<IReadOnlyList<SuggestedReply>> SuggestAsync(IReadOnlyList<TranscriptLine> transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (TranscriptText.LatestUserLine(transcript) is not { } latest) return [];
        var kb = await knowledge(cancellationToken);
        var clauses = composer.Candidates(kb, PersonalData.Remove(latest.Text)).Take(options.Value.MaxClauses).Select(c => c.Retrieved.Chunk).ToList();
        var prompt = await prompts.RenderAsync(PromptNames.SuggestReplies, new KernelArguments
        {
            ["transcript"] = TranscriptText.Render(transcript),
            ["clauses"] = clauses.Count == 0 ? "（没有检索到相关条款）" : GroundedKnowledgeAnswerer.Numbered(clauses),
        }, cancellationToken);
        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, await prompts.RenderAsync(PromptNames.Persona, cancellationToken: cancellationToken)),
                new ChatMessage(ChatRole.User, prompt),
            ], JsonOutput.Clone(), cancellationToken);

        var replies = new List<SuggestedReply>();
        foreach (var text in ParseReplies(response.Text))
        {
            var markers = new CitationMarkerFilter(clauses.Count);
            markers.Push(text);
            markers.Complete();
            var checkedText = PersonalData.Mask(markers.Text.Trim());
            if (checkedText.Length == 0) continue;
            var citations = markers.Cited.Select(n => clauses[n - 1]).Select(c => Citation.Of(c, kb)).ToList();
            replies.Add(new SuggestedReply(checkedText, citations));
        }
        if (replies.Count == 0) throw new JsonException("The model suggested no reply.");
        return [.. replies.Take(MaxReplies)];
    }

    /// <summary>The strings of <c>{"replies": [...]}</c>.</summary>
    /// <exception cref="JsonException">The reply is not such an object.</exception>
    public static IReadOnlyList<string> ParseReplies(string reply)
    {
        using var document = JsonDocument.Parse(ModelUtteranceInterpreter.StripFence(reply));
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("replies", out var replies) || replies.ValueKind != JsonValueKind.Array)
            throw new JsonException("The model's reply has no \"replies\" array.");
        return [.. replies.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)];
    }
}
