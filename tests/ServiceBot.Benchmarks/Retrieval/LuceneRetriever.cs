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

/// <summary>Reference peer: Lucene.Net BM25 (k1 = 1.2, b = 0.75) over SmartChineseAnalyzer tokens, in memory.</summary>
public sealed class LuceneRetriever : IRetriever, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string BodyField = "body";
    private const string TitleField = "title";

    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string[] _ids;
    private readonly LuceneFieldLayout _layout;

    static LuceneRetriever()
    {
        // Queries are built from every analyzer token, so long user text must not hit the default 1024-clause limit.
        BooleanQuery.MaxClauseCount = int.MaxValue;
    }

    private LuceneRetriever(Analyzer analyzer, RAMDirectory directory, LuceneFieldLayout layout)
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

    public static LuceneRetriever Build(
        IEnumerable<IndexDocument> documents, LuceneFieldLayout layout = LuceneFieldLayout.Combined, IProgress<int>? progress = null)
    {
        var analyzer = new SmartChineseAnalyzer(Version);
        var directory = new RAMDirectory();
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

    public IReadOnlyList<SearchHit> Search(string query, int top)
    {
        if (top <= 0 || string.IsNullOrWhiteSpace(query)) return [];
        var terms = Analyze(query);
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

    private List<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(BodyField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
