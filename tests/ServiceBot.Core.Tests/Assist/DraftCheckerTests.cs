using ServiceBot.Answers;
using ServiceBot.Assist;

namespace ServiceBot.Core.Tests.Assist;

public class DraftCheckerTests
{
    private static readonly Citation InjuryDeadline = new("工伤保险条例", "第十七条",
        "职工发生事故伤害，所在单位应当自事故伤害发生之日起30日内，向统筹地区社会保险行政部门提出工伤认定申请。" +
        "用人单位未按前款规定提出工伤认定申请的，工伤职工或者其近亲属可以在事故伤害发生之日起1年内直接提出工伤认定申请。");

    private static readonly Citation RentWithdrawal = new("住房公积金提取管理办法", "一、提取条件",
        "职工连续足额缴存住房公积金满3个月，本人及配偶在缴存城市无自有住房且租赁住房的，可以申请提取住房公积金支付房租。" +
        "每月提取额不超过3000元。");

    private static readonly Citation Processing = new("办事指南", "办理时限", "受理后15个工作日内办结。");

    private static Task<IReadOnlyList<DraftFlag>> Check(string draft, params Citation[] citations)
        => new DraftChecker().CheckAsync(draft, citations, CancellationToken.None);

    [Theory]
    [InlineData("您的身份证号130402198806121005已登记", "1304**********1005")]
    [InlineData("收款卡6217 0000 1234 5670已记录", "6217 **** **** 5670")]
    [InlineData("我们会打您的电话13800001111", "138****1111")]
    [InlineData("您的电话一三八零零零零一一一一", "138****1111")]
    [InlineData("护照号E12345678已核对", "E*****678")]
    public async Task CheckAsync_FullPersonalNumber_FlaggedWithMaskedExcerpt(string draft, string excerpt)
    {
        var flag = Assert.Single(await Check(draft));

        Assert.Equal(DraftFlagKinds.PersonalData, flag.Kind);
        Assert.Equal(excerpt, flag.Excerpt);
    }

    [Theory]
    [InlineData("您的身份证号1304**********1005已登记")]
    [InlineData("您的电话138****1111")]
    [InlineData("身份证号130402198806121006请核对")]
    [InlineData("办件编号GJJ-20250601-000001")]
    [InlineData("请拨打12345政务服务便民热线")]
    public async Task CheckAsync_MaskedOrInvalidNumbers_NotFlagged(string draft)
    {
        Assert.Empty(await Check(draft));
    }

    [Theory]
    [InlineData("您可以在事故发生之日起30天内直接提出工伤认定申请", "30天")]
    [InlineData("工伤职工本人可以在事故伤害发生之日起三个月内直接提出工伤认定申请", "三个月")]
    public async Task CheckAsync_DeadlineDifferentFromClause_Flagged(string draft, string surface)
    {
        var flag = Assert.Single(await Check(draft, InjuryDeadline));

        Assert.Equal(DraftFlagKinds.Contradiction, flag.Kind);
        Assert.Equal(surface, flag.Excerpt);
        Assert.Contains("工伤保险条例", flag.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("您本人可以在事故伤害发生之日起一年内直接提出工伤认定申请")]
    [InlineData("单位应当在事故伤害发生之日起三十日内提出工伤认定申请")]
    [InlineData("请您在2026年12月1日前把材料带来")]
    [InlineData("我们3个工作日内给您回电话")]
    public async Task CheckAsync_SameDeadlineInOtherWordsOrUnrelatedNumber_NotFlagged(string draft)
    {
        Assert.Empty(await Check(draft, InjuryDeadline));
    }

    [Fact]
    public async Task CheckAsync_ProcessingTimeDifferentFromGuide_Flagged()
    {
        var flag = Assert.Single(await Check("受理后三个月内办结", Processing));

        Assert.Equal("三个月", flag.Excerpt);
    }

    [Fact]
    public async Task CheckAsync_AmountDifferentFromClause_Flagged()
    {
        var flag = Assert.Single(await Check("租房的话每月提取额最多5000元", RentWithdrawal));

        Assert.Contains("金额", flag.Message, StringComparison.Ordinal);
        Assert.Equal("5000元", flag.Excerpt);
    }

    [Fact]
    public async Task CheckAsync_SameAmountAndDeadline_NotFlagged()
    {
        Assert.Empty(await Check("缴存满3个月就可以申请租房提取，每月提取额不超过三千元", RentWithdrawal));
    }

    [Fact]
    public async Task CheckAsync_DraftDeniesWhatClauseAllows_Flagged()
    {
        var flag = Assert.Single(await Check("租房是不可以提取住房公积金的", RentWithdrawal));

        Assert.Equal(DraftFlagKinds.Contradiction, flag.Kind);
        Assert.Contains("可以申请提取", flag.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("租房可以提取住房公积金支付房租")]
    [InlineData("您不能重复申请，请耐心等待")]
    [InlineData("需要您提供身份证")]
    public async Task CheckAsync_ConditionAgreeingOrUnrelated_NotFlagged(string draft)
    {
        Assert.Empty(await Check(draft, RentWithdrawal));
    }

    [Fact]
    public async Task CheckAsync_ClauseAllowsAndForbidsTheSameAction_NotFlagged()
    {
        var mixed = new Citation("办法", "第五条", "职工购买住房的，可以提取住房公积金。账户被封存的，不得提取住房公积金用于支付房租。");

        Assert.Empty(await Check("您这种情况不能提取住房公积金", mixed));
    }

    [Fact]
    public async Task CheckAsync_NoCitations_OnlyPersonalDataChecked()
    {
        Assert.Empty(await Check("三个月内办结，不可以提取", []));
    }
}
