namespace ServiceBot.Understanding.Intents;

/// <summary>
/// Example utterances per intent, one file per intent: "{intent}.txt" trains the router and
/// "{intent}.test" is held out to measure it. One utterance a line; '#' starts a comment.
/// </summary>
public sealed class IntentExampleSet
{
    public const string TrainingExtension = ".txt";
    public const string HeldOutExtension = ".test";

    public IntentExampleSet(IReadOnlyDictionary<string, IReadOnlyList<string>> examplesByIntent)
    {
        if (examplesByIntent.Count < 2) throw new ArgumentException("at least two intents are needed", nameof(examplesByIntent));
        var empty = examplesByIntent.FirstOrDefault(p => p.Value.Count == 0);
        if (empty.Key is not null) throw new ArgumentException($"intent {empty.Key} has no examples", nameof(examplesByIntent));
        ExamplesByIntent = examplesByIntent;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExamplesByIntent { get; }

    public IEnumerable<(string Intent, string Text)> All
        => ExamplesByIntent.SelectMany(p => p.Value.Select(text => (p.Key, text)));

    /// <summary>The training examples embedded in the assembly (knowledge/intents/*.txt).</summary>
    public static IntentExampleSet LoadDefault() => FromFiles(UnderstandingData.ReadIntentFiles(), TrainingExtension);

    /// <summary>The files with <paramref name="extension"/> in <paramref name="folder"/>.</summary>
    public static IntentExampleSet Load(string folder, string extension = TrainingExtension)
        => FromFiles(Directory.EnumerateFiles(folder, "*" + extension)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal), extension);

    private static IntentExampleSet FromFiles(IReadOnlyDictionary<string, string> files, string extension)
    {
        var examples = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            if (!name.EndsWith(extension, StringComparison.Ordinal)) continue;
            examples[name[..^extension.Length]] = UnderstandingData.ContentLines(text).Select(l => l.Line).ToList();
        }
        return new IntentExampleSet(examples);
    }
}
