using ServiceBot.Answers.Refusal;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public sealed class AskedProcedureTests
{
    private const string HousingSupport = "对符合条件的新就业群体，按规定纳入住房保障范围，支持其租赁住房。";

    private const string FundOnline = "住房公积金提取可以在手机上申请，也可以到公积金服务网点办理。";

    [Fact]
    public void Unstated_ThingTheClauseNeverNames_IsTrue()
        => Assert.True(AskedProcedure.Unstated("公租房咋申请 外地户口能申请不", QueryTermsFixture.Of(("公租房", 9), ("申请", 2), ("外地户口", 5)),
            TextNormalizer.Normalize(HousingSupport)));

    [Fact]
    public void Unstated_ThingTheClauseNames_IsFalse()
        => Assert.False(AskedProcedure.Unstated("公积金在网上咋申请",
            QueryTermsFixture.Of(("公积金", 6), ("申请", 2)), TextNormalizer.Normalize(FundOnline)));

    [Fact]
    public void Unstated_BareWhatToDo_IsNoProcedure()
        => Assert.False(AskedProcedure.Unstated("还差的几年咋办",
            QueryTermsFixture.Of(("还差", 4), ("几年", 3)), TextNormalizer.Normalize(HousingSupport)));
}
