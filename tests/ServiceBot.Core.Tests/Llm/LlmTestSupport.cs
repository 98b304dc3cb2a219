using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Llm;

namespace ServiceBot.Core.Tests.Llm;

internal static class LlmTestSupport
{
    public static readonly PromptLibrary Prompts = new(Path.Combine(AppContext.BaseDirectory, "prompts"));

    public static GroundedKnowledgeAnswerer Grounded(EngineFixture fixture, TestChatClient chat, ReadOnlyTools? tools = null)
        => new(_ => Task.FromResult(fixture.KnowledgeBase), new ExtractiveAnswerComposer(), chat, Prompts, tools ?? new ReadOnlyTools([]),
            Options.Create(new LlmOptions()));

    public static IKnowledgeAnswerer Extractive(EngineFixture fixture)
    {
        var composer = new ExtractiveAnswerComposer();
        return new DelegateKnowledgeAnswerer(q => composer.Compose(fixture.KnowledgeBase, q));
    }

    /// <summary>The user message the model was sent last.</summary>
    public static string LastPrompt(TestChatClient chat) => chat.Requests[^1].Messages.Last(m => m.Role == Microsoft.Extensions.AI.ChatRole.User).Text;
}
