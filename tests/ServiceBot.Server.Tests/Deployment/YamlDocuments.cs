using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ServiceBot.Server.Tests.Deployment;

/// <summary>
/// YAML read into plain maps, lists and strings, with anchors and merge keys (<c>&lt;&lt;: *x</c>) resolved as
/// Docker Compose resolves them, so a check sees each service as Compose would start it.
/// </summary>
internal static class YamlDocuments
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<YamlNode> Parse(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        parser.Consume<StreamStart>();
        var documents = new List<YamlNode>();
        while (parser.Accept<DocumentStart>(out _))
            documents.Add(new YamlNode(Deserializer.Deserialize<object>(parser), "$"));
        return documents;
    }

    public static IReadOnlyList<YamlNode> Load(string path) => Parse(File.ReadAllText(path));
}

/// <summary>A node of a parsed document with the path that reached it, so a failed check names the place.</summary>
internal sealed record YamlNode(object? Value, string Path)
{
    public bool IsMissing => Value is null;

    public YamlNode this[string key] => Value is IDictionary<object, object> map && map.TryGetValue(key, out var child)
        ? new YamlNode(child, $"{Path}.{key}")
        : new YamlNode(null, $"{Path}.{key}");

    public string? Text => Value as string;

    public IReadOnlyList<YamlNode> Items => Value is IList<object> list
        ? list.Select((item, i) => new YamlNode(item, $"{Path}[{i}]")).ToList()
        : [];

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => Value is IDictionary<object, object> map
        ? map.Select(e => KeyValuePair.Create(e.Key.ToString()!, new YamlNode(e.Value, $"{Path}.{e.Key}"))).ToList()
        : [];
}
