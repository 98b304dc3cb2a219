using System.Text;

namespace ServiceBot.Assist;

/// <summary>Transcripts as prompts and summaries quote them: one "用户：…" line per turn, personal numbers masked.</summary>
public static class TranscriptText
{
    public static string Render(IEnumerable<TranscriptLine> transcript)
    {
        var text = new StringBuilder();
        foreach (var line in transcript)
        {
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            text.Append(SpeakerLabel(line.Speaker)).Append('：').Append(PersonalData.Mask(line.Text.Trim())).Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    public static string SpeakerLabel(string speaker) => speaker switch
    {
        Speakers.User => "用户",
        Speakers.Agent => "坐席",
        Speakers.Bot => "助手",
        _ => speaker,
    };

    /// <summary>The user's latest non-empty line, or null.</summary>
    public static TranscriptLine? LatestUserLine(IReadOnlyList<TranscriptLine> transcript)
        => transcript.LastOrDefault(l => l.Speaker == Speakers.User && !string.IsNullOrWhiteSpace(l.Text));

    /// <summary>At most <paramref name="max"/> characters, with "……" when cut.</summary>
    public static string Clip(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..max] + "……";
    }
}
