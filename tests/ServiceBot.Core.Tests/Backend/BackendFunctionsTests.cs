using Microsoft.SemanticKernel;
using ServiceBot.Backend;

namespace ServiceBot.Core.Tests.Backend;

public sealed class BackendFunctionsTests
{
    private static readonly HttpClient Unused = new() { BaseAddress = new Uri("http://backend.invalid/") };

    private static KernelPlugin Plugin(object instance) => KernelPluginFactory.CreateFromObject(instance);

    [Fact]
    public void IsReadOnly_LookupFunctions_True()
    {
        Assert.True(BackendFunctions.IsReadOnly(Plugin(new HousingFundPlugin(new HousingFundClient(Unused)))["GetAccount"]));
        Assert.True(BackendFunctions.IsReadOnly(Plugin(new StationsPlugin(new StationsClient(Unused)))["FindStations"]));
        Assert.True(BackendFunctions.IsReadOnly(Plugin(new TicketsPlugin(new TicketsClient(Unused)))["ListTickets"]));
    }

    [Fact]
    public void IsReadOnly_SubmitFunctions_False()
    {
        Assert.False(BackendFunctions.IsReadOnly(Plugin(new HousingFundPlugin(new HousingFundClient(Unused)))["SubmitWithdrawal"]));
        Assert.False(BackendFunctions.IsReadOnly(Plugin(new InjuryPlugin(new InjuryClient(Unused)))["SubmitReport"]));
        Assert.False(BackendFunctions.IsReadOnly(Plugin(new LabourInspectionPlugin(new LabourInspectionClient(Unused)))["SubmitWageComplaint"]));
        Assert.False(BackendFunctions.IsReadOnly(Plugin(new SocialInsurancePlugin(new SocialInsuranceClient(Unused)))["SubmitTransfer"]));
        Assert.False(BackendFunctions.IsReadOnly(Plugin(new HotlinePlugin(new HotlineClient(Unused)))["SubmitAppeal"]));
    }

    [Fact]
    public void IsReadOnly_FunctionOfUnknownOrigin_FalseSoItIsNeverOffered()
    {
        var lambda = KernelFunctionFactory.CreateFromMethod(() => "x", "Anything");
        Assert.False(BackendFunctions.IsReadOnly(lambda));
    }

    [Fact]
    public void PluginTypes_EverySubmitMethod_IsMarkedAsSideEffect()
    {
        var unmarked = BackendFunctions.PluginTypes
            .SelectMany(p => p.Type.GetMethods())
            .Where(m => m.Name.StartsWith("Submit", StringComparison.Ordinal))
            .Where(m => !m.IsDefined(typeof(SideEffectAttribute), inherit: false))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(unmarked);
    }
}
