using System.Text;
using Microsoft.Extensions.Options;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Curated;

namespace ServiceBot.Server.Staff.Admin.Review;

/// <summary>The entry a save wrote, and the one it replaced (null for a new one).</summary>
public sealed record SavedCuratedAnswer(string Id, string Path, CuratedAnswer Entry, CuratedAnswer? Previous);

/// <summary>
/// The curated answers editors write from the review queue: one <see cref="CuratedAnswerFile"/> per entry under
/// <c>answers/</c> of the admin knowledge folder, named after its first question (writing that question again replaces it),
/// indexed like any document on the next re-index.
/// </summary>
public sealed class CuratedAnswers(IOptions<AdminOptions> options)
{
    private readonly Lock _writes = new();

    public string Folder => Path.Combine(options.Value.KnowledgeFullPath, CuratedAnswerFile.FolderName);

    /// <param name="key">The first question's wording key, which names the file.</param>
    public SavedCuratedAnswer Save(string key, CuratedAnswer entry)
    {
        lock (_writes)
        {
            var path = Path.Combine(Folder, CuratedAnswerFile.FileNameFor(key));
            CuratedAnswer? previous = null;
            if (File.Exists(path))
            {
                // An entry edited by hand into something unreadable is replaced all the same; the audit keeps its text.
                var text = File.ReadAllText(path, Encoding.UTF8);
                try { previous = CuratedAnswerFile.Parse(text, path); }
                catch (KnowledgeFormatException) { previous = new CuratedAnswer([], text, []); }
            }
            Directory.CreateDirectory(Folder);
            var markdown = CuratedAnswerFile.Format(entry);
            IndexFiles.WriteAtomically(path, stream => stream.Write(Encoding.UTF8.GetBytes(markdown)));
            var id = CuratedAnswerFile.FolderName + "/" + System.IO.Path.GetFileNameWithoutExtension(path);
            return new SavedCuratedAnswer(id, path, entry, previous);
        }
    }
}
