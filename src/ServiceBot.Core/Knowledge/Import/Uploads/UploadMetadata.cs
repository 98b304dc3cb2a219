namespace ServiceBot.Knowledge.Import.Uploads;

/// <summary>What the person uploading says about a document; it wins over what the file itself says.</summary>
/// <param name="Title">The title citations will name; when empty, the file's own title or first line.</param>
/// <param name="Type">policy, law, news or guide.</param>
/// <param name="SupersededBy">The title of the document that replaces this one.</param>
public sealed record UploadMetadata(string? Title, string Type, DateOnly? Effective = null, DateOnly? Expires = null, string? SupersededBy = null);
