using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ServiceBot.Retrieval;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>How the law title is indexed by <see cref="LuceneRetriever"/>.</summary>
public enum LuceneFieldLayout
{
    /// <summary>Title, article and text in one BM25 field.</summary>
    Combined,

    /// <summary>Article and text in the body field, the law title in its own field; queries search both.</summary>
    SeparateTitle,
}

/// <summary>
/// Reference peer: Lucene.Net BM25 (k1 = 1.2, b = 0.75) over SmartChineseAnalyzer tokens, in memory or, given a
/// folder, on disk (FSDirectory) as a deployment would keep it.
/// </summary>
public sealed class LuceneRetriever : IRetriever, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string BodyField = "body";
    private const string TitleField = "title";

    private readonly Analyzer _analyzer;
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string[] _ids;
    private readonly LuceneFieldLayout _layout;

    static LuceneRetriever()
    {
        // Queries are built from every analyzer token, so long user text must not hit the default 1024-clause limit.
        BooleanQuery.MaxClauseCount = int.MaxValue;
    }

    private LuceneRetriever(Analyzer analyzer, Lucene.Net.Store.Directory directory, LuceneFieldLayout layout)
    {
        _analyzer = analyzer;
        _directory = directory;
        _layout = layout;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        // Resolve external ids once so a search does not pay for stored-field reads.
        _ids = new string[_reader.MaxDoc];
        for (var doc = 0; doc < _reader.MaxDoc; doc++) _ids[doc] = _reader.Document(doc).Get(IdField);
    }

    public int Count => _ids.Length;

    /// <summary>The analyzer both the index and the queries use.</summary>
    public static Analyzer CreateAnalyzer() => new SmartChineseAnalyzer(Version);

    /// <summary>Builds the index in memory, or in <paramref name="folder"/> on disk when one is given.</summary>
    public static LuceneRetriever Build(IEnumerable<IndexDocument> documents, LuceneFieldLayout layout = LuceneFieldLayout.Combined,
        IProgress<int>? progress = null, string? folder = null)
    {
        var analyzer = CreateAnalyzer();
        Lucene.Net.Store.Directory directory = folder is null ? new RAMDirectory() : FSDirectory.Open(folder);
        var config = new IndexWriterConfig(Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 256,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            var added = 0;
            foreach (var source in documents)
            {
                writer.AddDocument(ToLucene(source, layout));
                if (++added % 1000 == 0) progress?.Report(added);
            }
            progress?.Report(added);
            writer.Commit();
        }
        return new LuceneRetriever(analyzer, directory, layout);
    }

    /// <summary>Opens an index that <see cref="Build"/> wrote to <paramref name="folder"/>.</summary>
    public static LuceneRetriever Open(string folder, LuceneFieldLayout layout = LuceneFieldLayout.Combined)
        => new(CreateAnalyzer(), FSDirectory.Open(folder), layout);

    /// <summary>Every token the analyzer makes of <paramref name="text"/>, as queries see them.</summary>
    public static List<string> Analyze(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(BodyField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    public IReadOnlyList<SearchHit> Search(string query, int top)
    {
        if (top <= 0 || string.IsNullOrWhiteSpace(query)) return [];
        var terms = Analyze(_analyzer, query);
        if (terms.Count == 0) return [];

        // Built from tokens rather than QueryParser so no user text can be a syntax error.
        // Repeated tokens stay repeated, as QueryParser would do, so they weigh more.
        var boolean = new BooleanQuery();
        foreach (var term in terms)
        {
            boolean.Add(new TermQuery(new Term(BodyField, term)), Occur.SHOULD);
            if (_layout == LuceneFieldLayout.SeparateTitle) boolean.Add(new TermQuery(new Term(TitleField, term)), Occur.SHOULD);
        }
        var topDocs = _searcher.Search(boolean, top);
        var hits = new SearchHit[topDocs.ScoreDocs.Length];
        for (var i = 0; i < hits.Length; i++) hits[i] = new SearchHit(_ids[topDocs.ScoreDocs[i].Doc], topDocs.ScoreDocs[i].Score);
        return hits;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private static LuceneDocument ToLucene(IndexDocument source, LuceneFieldLayout layout)
    {
        var doc = new LuceneDocument { new StringField(IdField, source.Id, Field.Store.YES) };
        if (layout == LuceneFieldLayout.Combined)
        {
            doc.Add(new TextField(BodyField, $"{source.Title}\n{source.Section}\n{source.Text}", Field.Store.NO));
        }
        else
        {
            doc.Add(new TextField(TitleField, source.Title, Field.Store.NO));
            doc.Add(new TextField(BodyField, $"{source.Section}\n{source.Text}", Field.Store.NO));
        }
        return doc;
    }
}
