using ServiceBot.Localization;
using ServiceBot.Tasks;
using ServiceBot.Tasks.Definitions;

namespace ServiceBot.Core.Tests.Tasks;

public sealed class CorrectionExampleTests
{
    [Fact]
    public void For_InjuryReport_NamesThePhoneNotAnAmount()
    {
        var example = CorrectionExample.For(InjuryReportTask.Definition);

        Assert.Equal("手机号改成13900002222", example);
    }

    [Fact]
    public void For_FundWithdrawal_NamesTheAmount()
        => Assert.Equal("提取金额改成2000", CorrectionExample.For(FundWithdrawalTask.Definition));

    [Fact]
    public void For_InsuranceTransfer_NamesACityOfTheTask()
        => Assert.Equal("转出城市改成石家庄", CorrectionExample.For(InsuranceTransferTask.Definition));

    [Fact]
    public async Task For_InAnEnglishTurn_IsEnglish()
    {
        var example = await Task.Run(() =>
        {
            BotLanguages.UseForTurn(BotLanguages.English);
            return CorrectionExample.For(WageComplaintTask.Definition);
        });

        Assert.Equal("change the phone number to 13900002222", example);
    }
}
