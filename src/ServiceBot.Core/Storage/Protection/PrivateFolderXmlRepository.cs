using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ServiceBot.Storage.Protection;

/// <summary>
/// The Data Protection key ring as one XML file per key in a folder, each written 0600 under a temporary name and
/// then renamed, so no other account can read a key and no reader sees half a file.
/// </summary>
internal sealed class PrivateFolderXmlRepository(string folder) : IXmlRepository
{
    private const string Extension = ".xml";

    public IReadOnlyCollection<XElement> GetAllElements()
        => Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*" + Extension).Order(StringComparer.Ordinal).Select(XElement.Load)] : [];

    public void StoreElement(XElement element, string friendlyName)
    {
        PrivateFiles.CreateFolder(folder);
        var name = string.Concat(friendlyName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var target = Path.Combine(folder, (name.Length > 0 ? name : Guid.NewGuid().ToString("N")) + Extension);
        var temporary = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = PrivateFiles.CreateNew(temporary))
            element.Save(stream);
        File.Move(temporary, target, overwrite: true);
    }
}
