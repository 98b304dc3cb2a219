using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Duplicates;

/// <summary>
/// A local rule that copies one article of a national law twice (an old and an amended wording side by side): its
/// copies are each other's neighbours and fill their group's best clauses, so without collapsing they outvote the original.
/// </summary>
public class CopiedLawRankingTests
{
    private static readonly IndexDocument[] Laws =
    [
        new("n29", "中华人民共和国劳动合同法", "第二十九条", "用人单位与劳动者应当按照劳动合同的约定，全面履行各自的义务。"),
        new("n30", "中华人民共和国劳动合同法", "第三十条", "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。用人单位拖欠或者未足额支付劳动报酬的，劳动者可以依法向当地人民法院申请支付令。"),
        new("n31", "中华人民共和国劳动合同法", "第三十一条", "用人单位应当严格执行劳动定额标准，不得强迫或者变相强迫劳动者加班。"),
        new("c12", "某市劳动保障条例", "第十二条", "用人单位拖欠或者未足额支付劳动报酬的，劳动者可以依法向当地人民法院申请支付令。用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。"),
        new("c12b", "某市劳动保障条例", "第十二条", "按照劳动合同约定和国家规定，用人单位应当向劳动者及时足额支付劳动报酬。用人单位拖欠或者未足额支付劳动报酬的，劳动者可以依法向当地人民法院申请支付令。"),
    ];

    private const string Question = "用人单位拖欠劳动报酬，劳动者可以申请支付令吗？";

    private static IReadOnlyList<SearchHit> Search(double threshold)
        => LexicalIndex.Build(Laws, new ChineseAnalyzer(), new LexicalIndexOptions { NearDuplicateThreshold = threshold }).Search(Question, 5);

    [Fact]
    public void Search_CopiedLaw_DoesNotOutrankTheOriginalOnItsQuestion()
    {
        var hits = Search(threshold: 0.85);
        Assert.Equal("n30", hits[0].Id);
        Assert.Equal(["c12", "c12b"], hits[0].Twins);
        Assert.DoesNotContain(hits, h => h.Id.StartsWith('c'));
    }

    [Fact]
    public void Search_CopiedLawWithDetectionOff_OutranksTheOriginal()
    {
        // The failure the collapse prevents: the copies lend each other neighbour and group evidence.
        var hits = Search(threshold: 0);
        Assert.StartsWith("c12", hits[0].Id);
    }
}
