using JiebaNet.Segmenter;

namespace ServiceBot.Text;

/// <summary>
/// jieba keeps one process-wide dictionary; this class points it at the bundled resources once
/// and serialises the additions of domain words, which mutate that shared dictionary.
/// </summary>
internal static class SegmenterResources
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> AddedWords = new(StringComparer.Ordinal);
    private static bool _configured;
    private static int _version;

    /// <summary>Changes whenever words are added: a segmentation remembered under another version may be out of date.</summary>
    public static int Version => Volatile.Read(ref _version);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Resources");

    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (_configured) return;
            if (!File.Exists(Path.Combine(Directory, "dict.txt")))
                throw new FileNotFoundException($"jieba dictionary not found under {Directory}");
            ConfigManager.ConfigFileBaseDir = Directory;
            _configured = true;
        }
    }

    /// <summary>The dictionary frequency of <paramref name="word"/> (low for words it does not hold).</summary>
    public static int Frequency(string word)
    {
        EnsureConfigured();
        return WordDictionary.Instance.GetFreqOrDefault(word);
    }

    /// <summary>The dictionary's part-of-speech tag for <paramref name="word"/> (n for a noun, v for a verb …), as jieba tags it.</summary>
    public static string PartOfSpeech(string word)
    {
        EnsureConfigured();
        lock (PosGate)
        {
            _posSegmenter ??= new JiebaNet.Segmenter.PosSeg.PosSegmenter();
            return _posSegmenter.Cut(word).FirstOrDefault()?.Flag ?? "x";
        }
    }

    private static readonly Lock PosGate = new();
    private static JiebaNet.Segmenter.PosSeg.PosSegmenter? _posSegmenter;

    public static void AddWords(IEnumerable<string> words)
    {
        EnsureConfigured();
        lock (Gate)
        {
            var segmenter = new JiebaSegmenter();
            var added = false;
            foreach (var word in words)
            {
                if (word.Length <= 1 || !AddedWords.Add(word)) continue;
                segmenter.AddWord(word);
                added = true;
            }
            if (added) Interlocked.Increment(ref _version);
        }
    }
}
