using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Localization;

namespace ServiceBot.Knowledge;

/// <summary>
/// The language of a knowledge chunk (its document's <see cref="MetadataKeys.Language"/>, Chinese when absent) and of a
/// question. A question is answered only from chunks of its own language, so English guides never surface for Chinese
/// questions, nor Chinese clauses as the text of an English answer.
/// </summary>
public static class KnowledgeLanguage
{
    public static string Of(KnowledgeChunk chunk)
        => chunk.Metadata.GetValueOrDefault(MetadataKeys.Language) == BotLanguages.English ? BotLanguages.English : BotLanguages.Chinese;

    /// <summary>The question's own language; a question without one (digits, "ok") is Chinese, the service's language.</summary>
    public static string OfQuestion(string question) => LanguageDetector.Detect(question, BotLanguages.Chinese);
}
