namespace ServiceBot.Llm;

/// <summary>The prompt templates under <c>prompts/</c>, one folder each (Semantic Kernel's prompt directory layout).</summary>
public static class PromptNames
{
    /// <summary>The system persona; no variables.</summary>
    public const string Persona = "Persona";

    /// <summary>Answer only from numbered clauses with [n] markers: <c>question</c>, <c>clauses</c>.</summary>
    public const string GroundedAnswer = "GroundedAnswer";

    /// <summary>Intent and slots as JSON: <c>text</c>, <c>tasks</c>, <c>expected_slot</c>, <c>today</c>.</summary>
    public const string Understand = "Understand";

    /// <summary>A handoff summary for an agent: <c>transcript</c>.</summary>
    public const string Summarize = "Summarize";

    /// <summary>Replies an agent may send: <c>transcript</c>, <c>clauses</c>.</summary>
    public const string SuggestReplies = "SuggestReplies";

    public static readonly IReadOnlyList<string> All = [Persona, GroundedAnswer, Understand, Summarize, SuggestReplies];
}
