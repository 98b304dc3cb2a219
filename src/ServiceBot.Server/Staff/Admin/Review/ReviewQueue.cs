using System.Text.Json;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Analytics.Review;
using ServiceBot.Assist;
using ServiceBot.Handoff;
using ServiceBot.Storage;

namespace ServiceBot.Server.Staff.Admin.Review;

/// <summary>
/// The review queue: refused questions (turn analytics), thumbs-down answers with their comments and cited clauses
/// (feedback and the stored reply), and handed-off conversations with the user's last question, over the configured
/// number of days, grouped by wording. Decided groups stay out: a wording marked out of scope for good, a wording
/// attached as a 相似问法 or answered by a curated answer up to that moment. Every question leaves masked.
/// </summary>
public sealed class ReviewQueue(
    ITurnAnalyticsStore turns,
    IFeedbackStore feedback,
    IConversationStore conversations,
    IHandoffStore handoffs,
    AdminAudit audit,
    TimeProvider clock,
    IOptions<ReviewOptions> options)
{
    public async Task<IReadOnlyList<ReviewGroup>> ListAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var from = now.AddDays(-settings.Days);
        // A minute's margin: another replica's clock may run slightly ahead of this one.
        var to = now.AddMinutes(1);
        var items = new List<ReviewItem>();
        var questions = (await turns.ListAsync(from, to, [TurnOutcomes.Grounded, TurnOutcomes.Refusal, TurnOutcomes.OutOfScope], cancellationToken))
            .Where(t => !string.IsNullOrWhiteSpace(t.Question)).ToList();
        items.AddRange(questions.Where(t => TurnOutcomes.IsUnanswered(t.Outcome))
            .Select(t => new ReviewItem(ReviewKinds.Refusal, PersonalData.Mask(t.Question!), t.At, t.ConversationId)));
        items.AddRange(await ThumbsDownAsync(from, to, cancellationToken));
        items.AddRange(await HandoffsAsync(from, to, questions, cancellationToken));
        var decisions = await DecisionsAsync(cancellationToken);
        var open = items.Where(item => !decisions.Any(d => d.Covers(item, settings.Similarity)));
        return ReviewGrouping.Group(open, settings.Similarity, settings.Examples);
    }

    private async Task<IEnumerable<ReviewItem>> ThumbsDownAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var items = new List<ReviewItem>();
        foreach (var rating in (await feedback.ListBetweenAsync(from, to, cancellationToken)).Where(f => f.Rating == "down"))
        {
            if (await conversations.FindAsync(rating.ConversationId, cancellationToken) is not { } state) continue;
            var reply = await conversations.FindReplyAsync(state.Channel, state.UserId, rating.MessageId, cancellationToken);
            // The rated exchange: the one whose bot text is the stored reply, else the last one before the rating.
            var exchange = (reply is null ? null : state.History.LastOrDefault(h => h.Bot == reply.Markdown))
                ?? state.History.LastOrDefault(h => h.At <= rating.CreatedAt);
            if (exchange is null) continue;
            var cited = reply?.Citations.Select(c => $"《{c.Source}》{c.Section}").Distinct(StringComparer.Ordinal).ToList() ?? [];
            items.Add(new ReviewItem(ReviewKinds.ThumbsDown, PersonalData.Mask(exchange.User), rating.CreatedAt, rating.ConversationId,
                rating.Comment is null ? null : PersonalData.Mask(rating.Comment), cited));
        }
        return items;
    }

    /// <summary>
    /// Each handoff with the user's last question before it (a question turn of the analytics store), or, when the user
    /// asked for a person straight away, their last line of the transcript.
    /// </summary>
    private async Task<IEnumerable<ReviewItem>> HandoffsAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<RecordedTurn> questions,
        CancellationToken cancellationToken)
    {
        var items = new List<ReviewItem>();
        foreach (var handoff in await handoffs.ListAsync(HandoffStates.All, cancellationToken))
        {
            if (handoff.WaitingSince < from || handoff.WaitingSince >= to) continue;
            var question = questions.LastOrDefault(t => t.ConversationId == handoff.ConversationId && t.At <= handoff.WaitingSince)?.Question;
            if (question is null)
            {
                var transcript = await handoffs.TranscriptAsync(handoff.ConversationId, 0, cancellationToken);
                question = (transcript.LastOrDefault(l => l.Speaker == Speakers.User && l.At <= handoff.WaitingSince)
                    ?? transcript.FirstOrDefault(l => l.Speaker == Speakers.User))?.Text;
            }
            if (question is null) continue;
            items.Add(new ReviewItem(ReviewKinds.Handoff, PersonalData.Mask(question), handoff.WaitingSince, handoff.ConversationId,
                Reason: handoff.Reason));
        }
        return items;
    }

    private async Task<IReadOnlyList<ReviewDecision>> DecisionsAsync(CancellationToken cancellationToken)
    {
        var decisions = new List<ReviewDecision>();
        foreach (var entry in await audit.ListAsync(cancellationToken))
        {
            if (entry.Action is not (AdminAuditActions.ReviewOutOfScope or AdminAuditActions.ReviewSimilarQuestion or AdminAuditActions.ReviewCuratedAnswer)
                || entry.Detail is null) continue;
            using var detail = JsonDocument.Parse(entry.Detail);
            if (!detail.RootElement.TryGetProperty("after", out var after) || after.ValueKind != JsonValueKind.Object) continue;
            // A curated answer decides every question it names (keys); the other actions one wording (key).
            var wordings = after.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array
                ? keys.EnumerateArray().Select(k => k.GetString())
                : after.TryGetProperty("key", out var key) ? [key.GetString()] : [];
            foreach (var wording in wordings.OfType<string>().Where(w => w.Length > 0))
                decisions.Add(new ReviewDecision(wording, entry.At, Forever: entry.Action == AdminAuditActions.ReviewOutOfScope));
        }
        return decisions;
    }

    /// <summary>A decided wording; <paramref name="Forever"/> also covers questions asked after the decision.</summary>
    private sealed record ReviewDecision(string Key, DateTimeOffset At, bool Forever)
    {
        public bool Covers(ReviewItem item, double threshold)
            => (Forever || item.At <= At) && ReviewGrouping.Matches(item.Question, Key, threshold);
    }
}
