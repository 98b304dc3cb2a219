namespace ServiceBot.Knowledge.Import;

/// <summary>A converted document ready to be written below the knowledge folder.</summary>
/// <param name="FileName">Path relative to the knowledge folder, '/'-separated, e.g. "policies/x.md".</param>
/// <param name="Markdown">Full file content: YAML front matter, then the Markdown body, LF line endings.</param>
public sealed record ImportedDocument(string FileName, string Markdown);
