using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Core.Tests.Retrieval.Ranking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>The knowledge ranker in the answer composer, over the real pipeline's index of knowledge/ and the law fixtures.</summary>
public sealed class KnowledgeRankingTests(RealKnowledgeFixture fixture) : IClassFixture<RealKnowledgeFixture>, IDisposable
{
    private const string Question = "工伤认定需要什么材料";

    // Its candidates include articles of the personal-information law no linked question names.
    private const string UntaughtQuestion = "处理敏感个人信息要单独同意吗";

    private readonly TempFolder _folder = new();

    private ExtractiveAnswerComposer Composer(KnowledgeRankingOptions ranking)
        => new(Options.Create(new AnswerOptions()), refusalModel: null, ranking);

    private ExtractiveAnswerComposer ComposerWith(TreeEnsemble model)
    {
        var path = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".json");
        model.Save(path);
        return Composer(new KnowledgeRankingOptions { KnowledgeRankerPath = path });
    }

    private static string KindOf(GroundedCandidate candidate) => candidate.Retrieved.Chunk.Metadata.GetValueOrDefault(MetadataKeys.Type) ?? "";

    [Fact]
    public void Candidates_TreesFavourGuides_MoveAGuideSectionAboveTheLaw()
    {
        var firstStage = Composer(new KnowledgeRankingOptions { UseKnowledgeRanker = false }).Candidates(fixture.Knowledge, Question);
        Assert.Equal(DocumentTypes.Law, KindOf(firstStage[0]));

        var reranked = ComposerWith(KnowledgeRankerTests.Favouring(KnowledgeRankingFeature.ClauseKind, 1.5f)).Candidates(fixture.Knowledge, Question);

        Assert.Equal("guide", KindOf(reranked[0]));
        Assert.Contains(reranked, c => c.Retrieved.Chunk.Id == firstStage[0].Retrieved.Chunk.Id);
    }

    [Fact]
    public void Candidates_TreesFavourLawsAndPolicies_KeepTheLawFirst()
    {
        var reranked = ComposerWith(LawsAndPolicies()).Candidates(fixture.Knowledge, Question);

        Assert.Equal(DocumentTypes.Law, KindOf(reranked[0]));
    }

    [Fact]
    public void Candidates_RankerOff_KeepTheFirstStagePoolByCoverage()
    {
        var candidates = Composer(new KnowledgeRankingOptions { UseKnowledgeRanker = false }).Candidates(fixture.Knowledge, "骑手摔伤了算工伤吗");

        Assert.All(candidates, c => Assert.False(c.Deeper));
        Assert.Equal(candidates.OrderByDescending(c => c.Coverage).ThenBy(c => c.Retrieved.Rank).Select(c => c.Retrieved.Chunk.Id),
            candidates.Select(c => c.Retrieved.Chunk.Id));
    }

    [Fact]
    public void Candidates_RankerOn_OrdersTheDeeperPool()
    {
        var off = Composer(new KnowledgeRankingOptions { UseKnowledgeRanker = false }).Candidates(fixture.Knowledge, Question);

        var on = ComposerWith(LawsAndPolicies()).Candidates(fixture.Knowledge, Question);

        Assert.True(on.Count > off.Count, $"{on.Count} candidates with the ranker, {off.Count} without");
        Assert.Contains(on, c => c.Deeper);
    }

    [Fact]
    public void Compose_RankerReorders_AnswerOrRefuseStaysTheSame()
    {
        var off = Composer(new KnowledgeRankingOptions { UseKnowledgeRanker = false });
        var on = ComposerWith(LawsAndPolicies());
        foreach (var question in new[] { Question, "公司拖欠工资怎么办", "今天天气怎么样", "平台抽成太高了有没有人管" })
            Assert.Equal(off.Compose(fixture.Knowledge, question).Grounded, on.Compose(fixture.Knowledge, question).Grounded);
    }

    [Fact]
    public void Compose_RankerLiftsLowCoverageClauses_CitesTheRankersFirstClausesAfterTheLead()
    {
        // Trees that put the deeper search's clauses first: they cover the question far less than the clause that leads.
        var composer = ComposerWith(KnowledgeRankerTests.Favouring(KnowledgeRankingFeature.RetrievalRank, 10.5f));
        var ranked = composer.Candidates(fixture.Knowledge, Question);

        var answer = composer.Compose(fixture.Knowledge, Question);

        Assert.True(answer.Grounded);
        var lead = ranked.Single(c => c.Retrieved.Chunk.Title == answer.Citations[0].Source && c.Retrieved.Chunk.Section == answer.Citations[0].Section);
        var expected = ranked.Where(c => c != lead).Take(new AnswerOptions().MaxCitations - 1).Prepend(lead).ToList();
        Assert.Equal(expected.Select(c => (c.Retrieved.Chunk.Title, c.Retrieved.Chunk.Section)), answer.Citations.Select(c => (c.Source, c.Section)));
        Assert.Contains(expected.Skip(1), c => c.Coverage < lead.Coverage * new AnswerOptions().CitationCoverageRatio);
    }

    [Fact]
    public void Compose_RankerOff_CitesOnlyClausesCoveringNearlyAsMuchAsTheLead()
    {
        var composer = Composer(new KnowledgeRankingOptions { UseKnowledgeRanker = false });
        var candidates = composer.Candidates(fixture.Knowledge, Question);

        var answer = composer.Compose(fixture.Knowledge, Question);

        var coverage = candidates.ToDictionary(c => (c.Retrieved.Chunk.Title, c.Retrieved.Chunk.Section), c => c.Coverage);
        var leadCoverage = coverage[(answer.Citations[0].Source, answer.Citations[0].Section)];
        Assert.All(answer.Citations.Skip(1), c => Assert.True(coverage[(c.Source, c.Section)] >= leadCoverage * new AnswerOptions().CitationCoverageRatio));
    }

    [Fact]
    public void RankingCandidates_EachRow_HasEveryFeatureAndTheCandidatesCoverage()
    {
        var rows = Composer(new KnowledgeRankingOptions()).RankingCandidates(fixture.Knowledge, Question);

        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Equal(KnowledgeRankingFeatures.Count, r.Features.Length);
            Assert.Equal((float)r.Candidate.Coverage, r.Features[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.Coverage)], 5);
        });
    }

    [Fact]
    public void RankingCandidates_MaterialsOfTheServiceTheGuideNames_IsTheAskedSection()
    {
        var rows = Composer(new KnowledgeRankingOptions()).RankingCandidates(fixture.Knowledge, "职业伤害申报需要什么材料");

        Assert.Contains(rows, r => Asked(r) && r.Candidate.Retrieved.Chunk.Section == TaskGuideSections.Materials
                                   && r.Candidate.Retrieved.Chunk.Title.Contains("职业伤害", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Question)]
    [InlineData("公司拖欠工资怎么办")]
    [InlineData("骑手摔伤了算工伤吗")]
    public void RankingCandidates_FeaturesFromTheSearchItself_EqualASeparateFirstStagePass(string question)
    {
        var composer = Composer(new KnowledgeRankingOptions());
        var separate = fixture.Knowledge.Lexical.RankingCandidates(question, composer.LexicalDepth).ToDictionary(c => c.Id);

        var rows = composer.RankingCandidates(fixture.Knowledge, question);

        var found = rows.Where(r => separate.ContainsKey(r.Candidate.Retrieved.Chunk.Id)).ToList();
        Assert.True(found.Count > 1, $"{found.Count} of {rows.Count} candidates in the lexical pool");
        Assert.All(found, r => Assert.Equal(separate[r.Candidate.Retrieved.Chunk.Id].Features, r.Features.Take(RankingFeatures.Count)));
    }

    [Fact]
    public void RankingCandidates_TimeLimitOfOneService_IsTheAskedSectionOnlyInThatServicesGuide()
    {
        var rows = Composer(new KnowledgeRankingOptions()).RankingCandidates(fixture.Knowledge, "投诉欠薪要多久");

        var timeLimits = rows.Where(r => r.Candidate.Retrieved.Chunk.Section == TaskGuideSections.TimeLimit).ToList();
        Assert.Contains(timeLimits, r => r.Candidate.Retrieved.Chunk.Title.Contains("欠薪", StringComparison.Ordinal) && Asked(r));
        Assert.Contains(timeLimits, r => !r.Candidate.Retrieved.Chunk.Title.Contains("欠薪", StringComparison.Ordinal));
        Assert.All(timeLimits.Where(r => !r.Candidate.Retrieved.Chunk.Title.Contains("欠薪", StringComparison.Ordinal)), r => Assert.False(Asked(r)));
    }

    [Fact]
    public void RankingCandidates_TimeLimitOfWhatNoGuideIsAbout_IsNoGuidesAskedSection()
    {
        var rows = Composer(new KnowledgeRankingOptions()).RankingCandidates(fixture.Knowledge, "劳动仲裁要多久才出结果");

        var timeLimits = rows.Where(r => r.Candidate.Retrieved.Chunk.Section == TaskGuideSections.TimeLimit).ToList();
        Assert.NotEmpty(timeLimits);
        Assert.All(timeLimits, r => Assert.False(Asked(r)));
    }

    [Fact]
    public void RankingCandidates_QuestionWordsInOneSentence_SentenceCoverageEqualsTheClausesCoverage()
    {
        // 三、(五) says 恶劣天气 and 劳动保护 in one sentence, 恶劣天气 and 抽佣 in two.
        var together = SentenceAndText("恶劣天气劳动保护", "三、(五)");
        var apart = SentenceAndText("恶劣天气抽佣", "三、(五)");

        Assert.True(together.Sentence > 0);
        Assert.Equal(together.Text, together.Sentence, 5);
        Assert.True(apart.Sentence < apart.Text, $"sentence {apart.Sentence}, clause {apart.Text}");
    }

    [Fact]
    public void RankingCandidates_QuestionTaughtVerbatim_LinkedQuestionBigramsIsOne()
    {
        // A 相似问法 of 四、(八): every bigram of the question is one of its linked questions'.
        var rows = Composer(new KnowledgeRankingOptions()).RankingCandidates(fixture.Knowledge, "骑手能交住房公积金吗");

        var taught = rows.Single(r => r.Candidate.Retrieved.Chunk.Section == "四、(八)" && r.Candidate.Retrieved.Chunk.Title == "关于加强新就业群体服务管理的意见");
        Assert.Equal(1f, LinkedBigrams(taught), 5);
        Assert.Contains(rows, r => LinkedBigrams(r) < 1f);
    }

    [Fact]
    public void RankingCandidates_ClauseWithoutLinkedQuestions_LinkedQuestionBigramsIsZero()
    {
        var rows = Composer(new KnowledgeRankingOptions()).RankingCandidates(fixture.Knowledge, UntaughtQuestion);

        var untaught = rows.Where(r => r.Candidate.Retrieved.Chunk.SimilarQuestions.Count == 0 && !r.Candidate.Retrieved.Chunk.Section.EndsWith('？')).ToList();
        Assert.NotEmpty(untaught);
        Assert.All(untaught, r => Assert.Equal(0f, LinkedBigrams(r)));
    }

    [Fact]
    public void LinkedQuestionBigrams_ParaphraseSharingCharactersNotWords_ScoresBetweenNothingAndAll()
    {
        var chunk = fixture.Knowledge.Chunks.Single(c => c.Section == "四、(八)" && c.Title == "关于加强新就业群体服务管理的意见");

        // 技术等级 is no word of 四、(八)'s 相似问法 (职业技能等级), yet 等级 and 外卖 are their characters.
        var paraphrase = ExtractiveAnswerComposer.LinkedQuestionBigrams(chunk, ExtractiveAnswerComposer.QuestionBigrams("外卖员能不能弄个技术等级"));
        var unrelated = ExtractiveAnswerComposer.LinkedQuestionBigrams(chunk, ExtractiveAnswerComposer.QuestionBigrams("今天晚饭吃饺子"));

        Assert.InRange(paraphrase, 0.2, 0.99);
        Assert.Equal(0, unrelated);
        Assert.Equal(0, ExtractiveAnswerComposer.LinkedQuestionBigrams(chunk, ExtractiveAnswerComposer.QuestionBigrams("")));
    }

    private const string Opinion = "关于加强新就业群体服务管理的意见";

    private ExtractiveAnswerComposer ComposerAnnotating(string question, string source, string section, TreeEnsemble? model = null)
    {
        var path = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".jsonl");
        AnnotatedQuestions.Save(path, [new AnnotatedQuestionLine(question, [new CitedClause(source, section)])]);
        string? modelPath = null;
        if (model is not null)
        {
            modelPath = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".json");
            model.Save(modelPath);
        }
        return Composer(new KnowledgeRankingOptions { AnnotatedQuestionsPath = path, KnowledgeRankerPath = modelPath, UseKnowledgeRanker = model is not null });
    }

    private static float Neighbour(RankedCandidate row, KnowledgeRankingFeature feature) => row.Features[KnowledgeRankingFeatures.IndexOf(feature)];

    private static RankedCandidate Row(IEnumerable<RankedCandidate> rows, string source, string section)
        => rows.Single(r => r.Candidate.Retrieved.Chunk.Title == source && r.Candidate.Retrieved.Chunk.Section == section);

    [Fact]
    public void RankingCandidates_QuestionAnnotatedVerbatim_NeighbourFeaturesNameItsClause()
    {
        const string question = "外卖小哥能不能交公积金呀";

        var annotated = ComposerAnnotating(question, Opinion, "四、(八)").RankingCandidates(fixture.Knowledge, question);
        var linkedOnly = Composer(new KnowledgeRankingOptions { UseAnnotatedQuestions = false }).RankingCandidates(fixture.Knowledge, question);

        var withLine = Row(annotated, Opinion, "四、(八)");
        Assert.Equal(1f, Neighbour(withLine, KnowledgeRankingFeature.NeighbourSimilarity), 5);
        Assert.Equal(1f, Neighbour(withLine, KnowledgeRankingFeature.NeighbourBest), 5);
        // Its 相似问法 (骑手能交住房公积金吗) is a neighbour too, but not the question itself.
        var withoutLine = Row(linkedOnly, Opinion, "四、(八)");
        Assert.InRange(Neighbour(withoutLine, KnowledgeRankingFeature.NeighbourSimilarity), 0.01f, 0.99f);
        Assert.True(Neighbour(withLine, KnowledgeRankingFeature.NeighbourVote) > Neighbour(withoutLine, KnowledgeRankingFeature.NeighbourVote));
    }

    [Fact]
    public void RankingCandidates_NoNeighbourNamesTheClause_NeighbourFeaturesAreZero()
    {
        var rows = Composer(new KnowledgeRankingOptions { UseAnnotatedQuestions = false }).RankingCandidates(fixture.Knowledge, UntaughtQuestion);

        var untaught = rows.Where(r => r.Candidate.Retrieved.Chunk.SimilarQuestions.Count == 0 && !r.Candidate.Retrieved.Chunk.Section.EndsWith('？')).ToList();
        Assert.NotEmpty(untaught);
        Assert.All(untaught, r => Assert.Equal(0f, Neighbour(r, KnowledgeRankingFeature.NeighbourVote)));
    }

    [Fact]
    public void Compose_QuestionAnsweredBefore_DecisionReadsItsNeighbourSimilarity()
    {
        const string question = "外卖小哥能不能交公积金呀";
        var similarity = ServiceBot.Answers.Refusal.GroundingFeatures.Names.ToList().IndexOf("neighbour_similarity");

        var annotated = ComposerAnnotating(question, Opinion, "四、(八)").Compose(fixture.Knowledge, question).Decision;
        var linkedOnly = Composer(new KnowledgeRankingOptions { UseAnnotatedQuestions = false, UseKnowledgeRanker = false })
            .Compose(fixture.Knowledge, question).Decision;

        Assert.Equal(1, annotated!.Features![similarity], 5);
        Assert.InRange(linkedOnly!.Features![similarity], 0.01, 0.99);
    }

    [Fact]
    public void Candidates_TreesFavourNearNeighbours_PutTheAnnotatedClauseFirst()
    {
        const string guide = "新就业形态就业人员职业伤害保障申报办事指南（示例）";
        var firstStage = Composer(new KnowledgeRankingOptions { UseKnowledgeRanker = false }).Candidates(fixture.Knowledge, Question);
        Assert.NotEqual(guide, firstStage[0].Retrieved.Chunk.Title);

        var reranked = ComposerAnnotating(Question, guide, "所需材料", KnowledgeRankerTests.Favouring(KnowledgeRankingFeature.NeighbourSimilarity, 0.99f))
            .Candidates(fixture.Knowledge, Question);

        Assert.Equal((guide, "所需材料"), (reranked[0].Retrieved.Chunk.Title, reranked[0].Retrieved.Chunk.Section));
    }

    [Fact]
    public void RankingCandidates_ClauseTheSearchMisses_JoinsThePoolWhenANearQuestionNamesIt()
    {
        // The search for a personal-information question never reaches the opinion's rest-station clause.
        var linkedOnly = Composer(new KnowledgeRankingOptions { UseAnnotatedQuestions = false }).RankingCandidates(fixture.Knowledge, UntaughtQuestion);
        Assert.DoesNotContain(linkedOnly, r => r.Candidate.Retrieved.Chunk.Title == Opinion && r.Candidate.Retrieved.Chunk.Section == "四、(九)");

        var annotated = ComposerAnnotating(UntaughtQuestion, Opinion, "四、(九)").RankingCandidates(fixture.Knowledge, UntaughtQuestion);

        var added = Row(annotated, Opinion, "四、(九)");
        Assert.True(added.Candidate.Deeper);
        Assert.InRange(Neighbour(added, KnowledgeRankingFeature.NeighbourSimilarity), 0.99f, 1f);
        Assert.Equal(linkedOnly.Count + 1, annotated.Count);
    }

    [Fact]
    public void Compose_ClauseOnlyANeighbourNames_CitedWithoutChangingTheDecision()
    {
        static bool RestStations(Citation c) => c.Source == Opinion && c.Section == "四、(九)";
        var plain = Composer(new KnowledgeRankingOptions { UseAnnotatedQuestions = false }).Compose(fixture.Knowledge, Question);
        var favoured = ComposerAnnotating(Question, Opinion, "四、(九)", KnowledgeRankerTests.Favouring(KnowledgeRankingFeature.NeighbourSimilarity, 0.99f))
            .Compose(fixture.Knowledge, Question);

        Assert.True(plain.Grounded);
        Assert.Equal(plain.Grounded, favoured.Grounded);
        Assert.DoesNotContain(plain.Citations, RestStations);
        Assert.Contains(favoured.Citations, RestStations);
    }

    [Fact]
    public void AnnotatedQuestions_LineNamingAGuideSection_AlsoNamesItsEnglishVersion()
    {
        var line = new AnnotatedQuestionLine("what papers for the fund", [new CitedClause("住房公积金提取办事指南（示例）", "所需材料")]);

        var ids = AnnotatedQuestions.Of(fixture.Knowledge, [line]).Last().ChunkIds;

        var chunks = ids.Select(id => fixture.Knowledge.Find(id)!).ToList();
        Assert.Contains(chunks, c => c.Title == "住房公积金提取办事指南（示例）" && c.Section == "所需材料");
        Assert.Contains(chunks, c => c.Metadata.GetValueOrDefault(MetadataKeys.TranslationOf) == "住房公积金提取办事指南（示例）" && c.Section == "Required materials");
    }

    private static float LinkedBigrams(RankedCandidate row) => row.Features[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.LinkedQuestionBigrams)];

    private (float Sentence, float Text) SentenceAndText(string question, string section)
    {
        var row = Composer(new KnowledgeRankingOptions()).RankingCandidates(fixture.Knowledge, question)
            .First(r => r.Candidate.Retrieved.Chunk.Section == section && r.Candidate.Retrieved.Chunk.Title == "关于加强新就业群体服务管理的意见");
        return (row.Features[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.SentenceCoverage)],
            row.Features[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.TextCoverage)]);
    }

    private static bool Asked(RankedCandidate row) => row.Features[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.AskedSection)] == 1;

    /// <summary>Laws and policies (kinds 0 and 1) score 1, guides and news 0.</summary>
    private static TreeEnsemble LawsAndPolicies() => new(KnowledgeRankingFeatures.Names, bias: 0,
    [
        new RankingTree(1.0, splitFeatures: [KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.ClauseKind)], thresholds: [1.5f],
            leftChildren: [~0], rightChildren: [~1], leafValues: [1.0, 0.0]),
    ]);

    public void Dispose() => _folder.Dispose();
}
