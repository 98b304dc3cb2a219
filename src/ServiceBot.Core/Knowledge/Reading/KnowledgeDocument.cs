namespace ServiceBot.Knowledge.Reading;

/// <summary>Well-known metadata keys; any other front matter key is kept as written.</summary>
public static class MetadataKeys
{
    public const string Title = "title";
    public const string Issuer = "issuer";
    public const string Date = "date";
    public const string Type = "type";
    public const string Region = "region";
    public const string DocNumber = "doc_number";
    public const string SupersededBy = "superseded_by";
    public const string Effective = "effective";
    public const string Expires = "expires";
    public const string History = "history";

    /// <summary>"en" for a document written in English (knowledge/guides/en); absent for Chinese, the default.</summary>
    public const string Language = "language";

    /// <summary>On a translation (an English guide, law or policy), the title of the document it translates.</summary>
    public const string TranslationOf = "translation_of";
}

/// <summary>Values of <see cref="MetadataKeys.Type"/> the chunker knows.</summary>
public static class DocumentTypes
{
    public const string Policy = "policy";
    public const string Law = "law";
    public const string News = "news";
    public const string Guide = "guide";

    /// <summary>A curated answer (Q&amp;A entry, <see cref="Curated.CuratedAnswerFile"/>): answers its questions, never cited itself.</summary>
    public const string Qa = "qa";
}

public enum KnowledgeBlockKind
{
    Heading,
    Paragraph,

    /// <summary>A 相似问法 block (<see cref="SimilarQuestionsBlock"/>): not text, but questions linked to the enclosing section.</summary>
    SimilarQuestions,
}

/// <summary>One heading, paragraph or 相似问法 block of a document body, in reading order.</summary>
/// <param name="Text">The heading or paragraph text; for similar questions, one question per line.</param>
/// <param name="Level">Heading level 1–6; 0 otherwise.</param>
public sealed record KnowledgeBlock(KnowledgeBlockKind Kind, string Text, int Level = 0)
{
    public bool IsHeading => Kind == KnowledgeBlockKind.Heading;

    public bool IsParagraph => Kind == KnowledgeBlockKind.Paragraph;

    /// <summary>The linked questions of a <see cref="KnowledgeBlockKind.SimilarQuestions"/> block; empty for other kinds.</summary>
    public IReadOnlyList<string> Questions => Kind == KnowledgeBlockKind.SimilarQuestions ? Text.Split('\n') : [];
}

/// <summary>A knowledge file: identity, title, metadata and body blocks (the title heading included).</summary>
/// <param name="Id">Path relative to the knowledge root without extension, '/'-separated, e.g. "laws/工伤保险条例".</param>
/// <param name="SourcePath">The file that was read.</param>
public sealed record KnowledgeDocument(
    string Id,
    string Title,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<KnowledgeBlock> Blocks,
    string SourcePath)
{
    /// <summary>The document type ("policy", "law", "news", "guide"), or empty when unknown.</summary>
    public string Type => Metadata.TryGetValue(MetadataKeys.Type, out var type) ? type : "";
}
