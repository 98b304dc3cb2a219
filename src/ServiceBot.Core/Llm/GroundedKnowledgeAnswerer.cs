using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ServiceBot.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Localization;

namespace ServiceBot.Llm;

/// <summary>
/// Retrieve first, then write: the hybrid search finds the clauses, the offline grounding rule decides whether the knowledge
/// answers at all (out-of-scope questions are refused exactly as without a model), and the model writes the answer from the
/// numbered clauses only, citing them as [n]. Markers are checked against what was retrieved; an answer that cites nothing
/// real is replaced by the extractive one. The model answers in the question's language; an English question is answered from
/// the Chinese clauses its English guide sections rest on (<see cref="ClauseBasis"/>), so the citations are the Chinese originals. Deltas stream to <see cref="AnswerStreaming.Current"/>. Failures propagate:
/// <see cref="FallbackKnowledgeAnswerer"/> turns them into the offline answer.
/// </summary>
public sealed class GroundedKnowledgeAnswerer(
    Func<CancellationToken, Task<KnowledgeBase>> knowledge,
    ExtractiveAnswerComposer composer,
    IChatClient chat,
    PromptLibrary prompts,
    ReadOnlyTools tools,
    IOptions<LlmOptions> options) : IKnowledgeAnswerer
{
    private readonly LlmOptions _options = options.Value;

    public GroundedKnowledgeAnswerer(KnowledgeBaseProvider knowledge, ExtractiveAnswerComposer composer, IChatClient chat, PromptLibrary prompts,
        ReadOnlyTools tools, IOptions<LlmOptions> options)
        : this(knowledge.GetAsync, composer, chat, prompts, tools, options)
    {
    }

    public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        var kb = await knowledge(cancellationToken);
        var extractive = composer.Compose(kb, question);
        return extractive.Grounded && !extractive.Curated
            ? await GenerateAsync(kb, question, extractive, composer.Candidates(kb, question), cancellationToken)
            : extractive;
    }

    /// <summary>The task's guide clause comes first among the numbered clauses, as in the offline answer.</summary>
    public async Task<Answer> AnswerTaskQuestionAsync(string question, string task, CancellationToken cancellationToken)
    {
        var kb = await knowledge(cancellationToken);
        var extractive = composer.ComposeForTask(kb, question, task);
        return extractive.Grounded && !extractive.Curated
            ? await GenerateAsync(kb, question, extractive, composer.CandidatesForTask(kb, question, task), cancellationToken)
            : extractive;
    }

    private async Task<Answer> GenerateAsync(KnowledgeBase kb, string question, Answer extractive, IReadOnlyList<GroundedCandidate> candidates,
        CancellationToken cancellationToken)
    {
        var language = KnowledgeLanguage.OfQuestion(question);
        var retrieved = candidates.Select(c => c.Retrieved.Chunk);
        if (language == BotLanguages.English) retrieved = retrieved.SelectMany(c => ClauseBasis.Resolve(kb, c)).DistinctBy(c => c.Id);
        var clauses = retrieved.Take(_options.MaxClauses).ToList();
        if (clauses.Count == 0) return extractive;
        List<ChatMessage> messages =
        [
            new(ChatRole.System, await prompts.RenderAsync(PromptNames.Persona, cancellationToken: cancellationToken)),
            new(ChatRole.User, await prompts.RenderAsync(PromptNames.GroundedAnswer,
                new KernelArguments { ["question"] = question, ["clauses"] = Numbered(clauses), ["language"] = LanguageName(language) },
                cancellationToken)),
        ];
        var chatOptions = new ChatOptions { Tools = [.. tools.Tools], ToolMode = ChatToolMode.Auto, Temperature = 0.2f };

        var markers = new CitationMarkerFilter(clauses.Count);
        var sink = AnswerStreaming.Current;
        await foreach (var update in chat.GetStreamingResponseAsync(messages, chatOptions, cancellationToken))
        {
            var shown = markers.Push(update.Text);
            if (shown.Length > 0 && sink is not null) await sink(shown, cancellationToken);
        }
        var rest = markers.Complete();
        if (rest.Length > 0 && sink is not null) await sink(rest, cancellationToken);

        if (markers.Cited.Count == 0 || string.IsNullOrWhiteSpace(markers.Text)) return extractive;
        var citations = markers.Cited.Select(n => clauses[n - 1]).Select(c => Citation.Of(c, kb)).ToList();
        return new Answer(markers.Text.Trim(), Grounded: true, citations, Handoff: false);
    }

    /// <summary>The answer language as the prompt names it.</summary>
    public static string LanguageName(string language) => language == BotLanguages.English ? "English" : "简体中文";

    /// <summary>The clauses as the prompt shows them: [n] 《title》section, then the text.</summary>
    public static string Numbered(IReadOnlyList<KnowledgeChunk> clauses)
    {
        var text = new StringBuilder();
        for (var i = 0; i < clauses.Count; i++)
            text.Append('[').Append(i + 1).Append("] 《").Append(clauses[i].Title).Append('》').Append(clauses[i].Section).Append('\n')
                .Append(clauses[i].Text.Trim()).Append("\n\n");
        return text.ToString().TrimEnd();
    }
}
