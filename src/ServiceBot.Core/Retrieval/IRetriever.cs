namespace ServiceBot.Retrieval;

/// <summary>Ranks indexed documents for a free-text query.</summary>
public interface IRetriever
{
    /// <summary>Returns at most <paramref name="top"/> hits, best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int top);
}
