namespace ServiceBot.Knowledge.Import;

/// <summary>A plain-text document converted to knowledge Markdown.</summary>
public sealed record ConvertedText(string Title, DateOnly Date, string Markdown);
