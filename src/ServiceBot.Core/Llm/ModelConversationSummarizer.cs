using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ServiceBot.Assist;
using ServiceBot.Conversation;

namespace ServiceBot.Llm;

/// <summary>
/// The <c>Summarize</c> prompt writes the handoff summary from the transcript, personal numbers masked before it leaves
/// and again in what comes back. An empty answer throws; <see cref="FallbackConversationSummarizer"/> then gives the offline one.
/// </summary>
public sealed class ModelConversationSummarizer(IChatClient chat, PromptLibrary prompts) : IConversationSummarizer
{
    private static readonly ChatOptions Options = new() { Temperature = 0.2f };

    public async Task<string> SummarizeAsync(IReadOnlyList<TranscriptLine> transcript, TaskSnapshot? task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var prompt = await prompts.RenderAsync(PromptNames.Summarize,
            new KernelArguments { ["transcript"] = TranscriptText.Render(transcript) }, cancellationToken);
        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, await prompts.RenderAsync(PromptNames.Persona, cancellationToken: cancellationToken)),
                new ChatMessage(ChatRole.User, prompt),
            ], Options.Clone(), cancellationToken);
        var summary = PersonalData.Mask(response.Text.Trim());
        if (summary.Length == 0) throw new InvalidOperationException("The model returned an empty summary.");
        return summary;
    }
}
