using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using ServiceBot.Backend;
using ServiceBot.Localization;
using ServiceBot.Tasks;

namespace ServiceBot.Core.Tests.Tasks;

public sealed class TaskCatalogTests
{
    public static TheoryData<string, string[]> ContractTasks => new()
    {
        { "fund_withdrawal", ["id_number", "reason", "amount", "bank_card"] },
        { "injury_report", ["id_number", "platform", "accident_time", "accident_place", "injury", "phone"] },
        { "wage_complaint", ["id_number", "employer", "amount", "period", "phone"] },
        { "insurance_transfer", ["id_number", "from_city", "to_city", "insurance_type"] },
        { "hotline_appeal", ["description", "location", "phone"] },
        { "station_finder", ["city"] },
        { "ticket_status", ["ticket"] },
        { "foreign_enterprise_registration", ["passport", "company_name", "business_scope", "registered_capital", "appointment_date", "phone"] },
    };

    [Theory]
    [MemberData(nameof(ContractTasks))]
    public void Default_ContractTask_RequiresExactlyTheContractSlotsInOrder(string name, string[] required)
    {
        var definition = TaskCatalog.Default.Find(name);

        Assert.NotNull(definition);
        Assert.Equal(required, definition.Slots.Where(s => s.Required).Select(s => s.Id));
    }

    [Fact]
    public void Default_EightTasks_OnlyLookupsWithoutSideEffects()
    {
        Assert.Equal(8, TaskCatalog.Default.All.Count);
        Assert.Equal(["station_finder", "ticket_status"], TaskCatalog.Default.All.Where(d => !d.HasSideEffect).Select(d => d.Name));
    }

    [Fact]
    public void Default_EveryCall_MatchesABackendKernelFunctionAndItsSideEffectMarking()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Backend:BaseUrl"] = "http://backend.invalid/" })
            .Build();
        using var services = new ServiceCollection().AddServiceBotBackend(configuration).BuildServiceProvider();
        var plugins = new KernelPluginCollection(BackendFunctions.CreatePlugins(services));

        foreach (var definition in TaskCatalog.Default.All)
        {
            var function = plugins.GetFunction(definition.Call.Plugin, definition.Call.Function);
            var passed = definition.Call.Parameters.Keys.ToHashSet();
            if (definition.HasSideEffect) passed.Add("idempotencyKey");
            var parameters = function.Metadata.Parameters.Where(p => p.ParameterType != typeof(CancellationToken)).ToList();

            Assert.Equal(definition.HasSideEffect, !BackendFunctions.IsReadOnly(function));
            Assert.Subset(parameters.Select(p => p.Name).ToHashSet(), passed);
            Assert.All(parameters.Where(p => p.IsRequired), p => Assert.Contains(p.Name, passed));
            Assert.All(definition.Call.Parameters.Values, slot => Assert.NotNull(definition.Slot(slot)));
        }
    }

    [Theory]
    [InlineData("我要提取公积金", "fund_withdrawal")]
    [InlineData("开始办理住房公积金提取", "fund_withdrawal")]
    [InlineData("好的，办理欠薪投诉", "wage_complaint")]
    public void FindNamedIn_MenuPromptOrDisplayNameWithBanli_FindsTask(string text, string expected)
        => Assert.Equal(expected, TaskCatalog.Default.FindNamedIn(text)?.Name);

    [Fact]
    public void FindNamedIn_DisplayNameWithoutAskingToDoIt_None()
        => Assert.Null(TaskCatalog.Default.FindNamedIn("欠薪投诉是什么"));

    [Fact]
    public void FindNamedIn_EveryTasksPromptAndStartChoiceInEitherLanguageAnyCase_FindsThatTask()
    {
        var english = BotLanguages.Culture(BotLanguages.English);
        foreach (var task in TaskCatalog.Default.All)
        {
            var startChoice = string.Format(english, new BotText(nameof(BotTexts.Conversation_StartTaskChoice)).In(english), task.DisplayName.In(english));

            Assert.Equal(task.Name, TaskCatalog.Default.FindNamedIn("  " + task.MenuPrompt.In(english).ToUpperInvariant() + " ")?.Name);
            Assert.Equal(task.Name, TaskCatalog.Default.FindNamedIn(startChoice.ToLowerInvariant())?.Name);
            Assert.Equal(task.Name, TaskCatalog.Default.FindNamedIn(task.MenuPrompt.In(BotLanguages.Culture(BotLanguages.Chinese)))?.Name);
        }
    }
}
