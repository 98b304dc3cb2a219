using System.Text;
using Microsoft.Extensions.Options;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge.Import.Uploads;

namespace ServiceBot.Server.Staff.Admin.Knowledge;

/// <summary>A document written to the admin knowledge folder.</summary>
/// <param name="Id">Its document id: the path below the folder without <c>.md</c>, as ingestion names it.</param>
/// <param name="Previous">The file's former content when it replaced one.</param>
public sealed record SavedDocument(string Id, string Path, string? Previous);

/// <summary>The conflict a save ran into, for the person uploading.</summary>
public sealed class DocumentConflictException(string message, bool notFound) : Exception(message)
{
    public bool NotFound { get; } = notFound;
}

/// <summary>
/// The writable knowledge folder (<c>Admin:KnowledgePath</c>): uploads are converted Markdown files named after their
/// title. Only files in this folder can be replaced; the configured folders are never written.
/// </summary>
public sealed class UploadedDocuments(IOptions<AdminOptions> options)
{
    private static readonly char[] Unsafe = [.. Path.GetInvalidFileNameChars(), '/', '\\', '#', '%', '?', '*', ':', '"', '<', '>', '|'];
    private readonly Lock _writes = new();

    public string Folder => options.Value.KnowledgeFullPath;

    /// <param name="replaces">The id of the uploaded document this one replaces; null for a new document.</param>
    /// <exception cref="DocumentConflictException">A new document's title is taken, or the one to replace is not an uploaded document.</exception>
    public SavedDocument Save(ConvertedUpload upload, string? replaces)
    {
        lock (_writes)
        {
            string path;
            string? previous = null;
            if (replaces is not null)
            {
                path = Path.GetFullPath(Path.Combine(Folder, replaces + ".md"));
                if (!path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
                    throw new DocumentConflictException($"没有可替换的上传文档“{replaces}”：只有通过管理后台上传的文档可以替换。", notFound: true);
                previous = File.ReadAllText(path, Encoding.UTF8);
            }
            else
            {
                path = Path.Combine(Folder, FileNameFor(upload.Title));
                if (File.Exists(path))
                    throw new DocumentConflictException($"已有同名文档《{upload.Title}》。如需更新，请选择“替换”该文档。", notFound: false);
            }
            IndexFiles.WriteAtomically(path, stream => stream.Write(Encoding.UTF8.GetBytes(upload.Markdown)));
            var id = Path.GetRelativePath(Folder, path)[..^".md".Length].Replace('\\', '/');
            return new SavedDocument(id, path, previous);
        }
    }

    /// <summary>Whether the document id names a file of this folder (so the console may offer to replace it).</summary>
    public bool Holds(string id)
    {
        var path = Path.GetFullPath(Path.Combine(Folder, id + ".md"));
        return path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path);
    }

    private static string FileNameFor(string title)
    {
        var name = new string(title.Select(c => Unsafe.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().Trim('.');
        if (name.Length > 80) name = name[..80];
        return (name.Length == 0 ? "document" : name) + ".md";
    }
}
