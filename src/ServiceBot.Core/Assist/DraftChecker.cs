using ServiceBot.Answers;

namespace ServiceBot.Assist;

/// <summary>
/// Flags a draft before an agent sends it: full personal numbers (a valid ID, a Luhn-valid card, a mobile number, a
/// passport number), and deadlines, amounts or permissions that differ from the clause the draft cites. It prefers
/// silence to noise: a number is compared only with the clause's numbers of the same kind said about the same thing
/// (shared words around them), and a permission only with the clause's statement about the same verb, and only when
/// the clause never says the draft's version too.
/// </summary>
public sealed class DraftChecker : IDraftChecker
{
    public Task<IReadOnlyList<DraftFlag>> CheckAsync(string draft, IReadOnlyList<Citation> citations, CancellationToken cancellationToken)
    {
        var flags = new List<DraftFlag>();
        if (string.IsNullOrWhiteSpace(draft)) return Task.FromResult<IReadOnlyList<DraftFlag>>(flags);
        flags.AddRange(PersonalDataFlags(draft));
        foreach (var citation in citations ?? [])
        {
            if (string.IsNullOrWhiteSpace(citation?.Text)) continue;
            flags.AddRange(QuantityFlags(draft, citation));
            flags.AddRange(ConditionFlags(draft, citation));
        }
        return Task.FromResult<IReadOnlyList<DraftFlag>>(flags);
    }

    private static IEnumerable<DraftFlag> PersonalDataFlags(string draft)
    {
        foreach (var number in PersonalData.FindAll(draft).Where(n => n.Complete))
        {
            var what = number.Kind switch
            {
                PersonalDataKind.IdNumber => "完整的身份证号",
                PersonalDataKind.BankCard => "完整的银行卡号",
                PersonalDataKind.Phone => "完整的手机号",
                _ => "完整的护照号",
            };
            yield return new DraftFlag(DraftFlagKinds.PersonalData, $"草稿包含{what}，发送前请打码（只保留后四位）。",
                PersonalData.MaskValue(number.Kind, number.Value));
        }
    }

    private static IEnumerable<DraftFlag> QuantityFlags(string draft, Citation citation)
    {
        var clauseQuantities = PolicyStatements.Quantities(citation.Text);
        if (clauseQuantities.Count == 0) yield break;
        foreach (var said in PolicyStatements.Quantities(draft))
        {
            // The clause's number about the same thing: most words shared with the draft's sentence, then with the words around it.
            var sentence = PolicyStatements.Bigrams(said.Sentence);
            var nearby = PolicyStatements.Bigrams(said.Context);
            var scored = clauseQuantities
                .Where(q => q.Family == said.Family)
                .Select(q => (Quantity: q, Sentence: PolicyStatements.Bigrams(q.Sentence).Count(sentence.Contains),
                    Nearby: PolicyStatements.Bigrams(q.Context).Count(nearby.Contains)))
                .Where(s => s.Nearby >= 1 || s.Sentence >= MinSharedTopicPairs + 1)
                .OrderByDescending(s => s.Sentence).ThenByDescending(s => s.Nearby)
                .ToList();
            if (scored.Count == 0) continue;
            var best = scored.TakeWhile(s => s.Sentence == scored[0].Sentence && s.Nearby == scored[0].Nearby).Select(s => s.Quantity).ToList();
            if (best.Any(q => q.Unit == said.Unit && q.Value == said.Value)) continue;
            var what = said.Family switch
            {
                QuantityFamily.Time => "期限",
                QuantityFamily.Money => "金额",
                _ => "比例",
            };
            yield return new DraftFlag(DraftFlagKinds.Contradiction,
                $"草稿中的{what}“{said.Surface}”与引用条款《{citation.Source}》{citation.Section}中的“{best[0].Surface}”不一致。", said.Surface);
        }
    }

    private static IEnumerable<DraftFlag> ConditionFlags(string draft, Citation citation)
    {
        var clauseConditions = PolicyStatements.Conditions(citation.Text);
        if (clauseConditions.Count == 0) yield break;
        foreach (var said in PolicyStatements.Conditions(draft))
        {
            var verb = PolicyStatements.Verb(said);
            var sameVerb = clauseConditions.Where(c => c.Permission == said.Permission && PolicyStatements.Verb(c) == verb).ToList();
            // A clause that allows it in one case and forbids it in another decides nothing about this draft.
            if (sameVerb.Count == 0 || sameVerb.Any(c => c.Positive == said.Positive)) continue;
            // Besides the modal and the verb, the sentences must share the topic (住房公积金, 租房).
            var statement = PolicyStatements.Bigrams(said.Surface[..(said.Surface.Length - said.Action.Length)] + verb);
            var topic = PolicyStatements.Bigrams(said.Sentence);
            topic.ExceptWith(statement);
            var opposite = sameVerb.FirstOrDefault(c => PolicyStatements.Bigrams(c.Sentence).Count(topic.Contains) >= MinSharedTopicPairs);
            if (opposite is null) continue;
            yield return new DraftFlag(DraftFlagKinds.Contradiction,
                $"草稿说“{said.Surface}”，而引用条款《{citation.Source}》{citation.Section}写的是“{opposite.Surface}”。", said.Surface);
        }
    }

    /// <summary>Word pairs a draft sentence and a clause sentence must share, besides the verb, to be about the same thing.</summary>
    private const int MinSharedTopicPairs = 2;
}
