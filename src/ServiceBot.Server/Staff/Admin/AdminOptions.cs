using Microsoft.Extensions.Options;
using ServiceBot.Hosting;

namespace ServiceBot.Server.Staff.Admin;

/// <summary>The <c>Admin</c> section: where uploaded documents go and how large an upload may be.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public const string DefaultKnowledgePath = AdminKnowledgeFolder.DefaultPath;

    /// <summary>The writable knowledge folder uploads are converted into; indexed after the configured folders.</summary>
    public string KnowledgePath { get; set; } = DefaultKnowledgePath;

    /// <summary>The largest accepted upload, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    public string KnowledgeFullPath => Path.GetFullPath(KnowledgePath);

    /// <summary>Creates the upload folder at start; the validator reports it when that was not possible.</summary>
    public static void CreateKnowledgeFolder(AdminOptions options)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(options.KnowledgePath)) Directory.CreateDirectory(options.KnowledgeFullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Left to AdminOptionsValidator, which names the key.
        }
    }
}

public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    /// <summary>The largest request body the limits allow; a text document is far smaller.</summary>
    public const long UploadCeilingBytes = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KnowledgePath))
            failures.Add("Admin:KnowledgePath is required.");
        else if (options.KnowledgePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || !Directory.Exists(options.KnowledgeFullPath))
            failures.Add($"Admin:KnowledgePath: the folder '{options.KnowledgePath}' does not exist and cannot be created.");
        if (options.MaxUploadBytes is < 1024 or > UploadCeilingBytes)
            failures.Add($"Admin:MaxUploadBytes must be between 1024 and {UploadCeilingBytes}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
