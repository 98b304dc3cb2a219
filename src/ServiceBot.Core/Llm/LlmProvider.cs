namespace ServiceBot.Llm;

/// <summary>Which model service backs the LLM brain; <see cref="None"/> keeps the offline engine alone.</summary>
public enum LlmProvider
{
    None,

    /// <summary>Any endpoint speaking OpenAI Chat Completions: OpenAI, Qwen/DashScope compatible mode, DeepSeek, vLLM, Xinference.</summary>
    OpenAI,

    Ollama,

    /// <summary>Azure OpenAI through its OpenAI-compatible v1 API (<c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>).</summary>
    Azure,
}
