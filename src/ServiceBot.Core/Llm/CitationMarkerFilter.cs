using System.Text;

namespace ServiceBot.Llm;

/// <summary>
/// Checks a generated answer's <c>[n]</c> markers as the text streams by. A marker that points to one of the
/// <c>clauseCount</c> numbered clauses is renumbered in order of first use (so markers match the citation list); any other
/// number (a fabricated <c>[7]</c>) is dropped. Text that only looks like a marker start (<c>[</c>) is held back until
/// it is decided, so the streamed text and <see cref="Text"/> never differ.
/// </summary>
public sealed class CitationMarkerFilter(int clauseCount)
{
    /// <summary>Longest marker body held back (<c>[12]</c>); anything longer is ordinary text.</summary>
    private const int MaxMarkerLength = 4;

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _pending = new();
    private readonly List<int> _cited = [];

    /// <summary>The 1-based clause numbers cited, in the order the answer first cites them; marker k refers to Cited[k-1].</summary>
    public IReadOnlyList<int> Cited => _cited;

    /// <summary>The checked answer so far.</summary>
    public string Text => _text.ToString();

    /// <summary>Takes the next piece of model text and returns what can be shown now.</summary>
    public string Push(string? delta)
    {
        var output = new StringBuilder();
        foreach (var c in delta ?? "")
        {
            if (_pending.Length == 0)
            {
                if (c is '[' or '［') _pending.Append('[');
                else output.Append(c);
                continue;
            }
            if (c is ']' or '］')
            {
                output.Append(Resolve(_pending.ToString(1, _pending.Length - 1)));
                _pending.Clear();
            }
            else if (char.IsAsciiDigit(c) && _pending.Length <= MaxMarkerLength)
            {
                _pending.Append(c);
            }
            else
            {
                // Not a marker after all ("[注]"): release what was held and look at this character afresh.
                output.Append(_pending);
                _pending.Clear();
                if (c is '[' or '［') _pending.Append('[');
                else output.Append(c);
            }
        }
        _text.Append(output);
        return output.ToString();
    }

    /// <summary>Ends the stream and returns text still held back.</summary>
    public string Complete()
    {
        var rest = _pending.ToString();
        _pending.Clear();
        _text.Append(rest);
        return rest;
    }

    private string Resolve(string digits)
    {
        if (digits.Length == 0) return "[]";
        if (!int.TryParse(digits, out var n) || n < 1 || n > clauseCount) return "";
        var index = _cited.IndexOf(n);
        if (index < 0)
        {
            _cited.Add(n);
            index = _cited.Count - 1;
        }
        return $"[{index + 1}]";
    }
}
