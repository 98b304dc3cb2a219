using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

/// <summary>Builds the backend kernel plugins and tells read-only functions from those with side effects.</summary>
public static class BackendFunctions
{
    /// <summary>Every backend plugin class with the plugin name it is published under.</summary>
    public static readonly IReadOnlyList<(Type Type, string Name)> PluginTypes =
    [
        (typeof(HousingFundPlugin), "HousingFund"),
        (typeof(InjuryPlugin), "Injury"),
        (typeof(LabourInspectionPlugin), "LabourInspection"),
        (typeof(SocialInsurancePlugin), "SocialInsurance"),
        (typeof(HotlinePlugin), "Hotline"),
        (typeof(StationsPlugin), "Stations"),
        (typeof(TicketsPlugin), "Tickets"),
        (typeof(MarketRegulationPlugin), "MarketRegulation"),
    ];

    /// <summary>
    /// True only for a function built from a method that carries no <see cref="SideEffectAttribute"/>.
    /// Anything else, including prompt functions and functions of unknown origin, counts as having side effects.
    /// </summary>
    public static bool IsReadOnly(KernelFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function.UnderlyingMethod is { } method
            && method.GetCustomAttribute<KernelFunctionAttribute>() is not null
            && method.GetCustomAttribute<SideEffectAttribute>() is null;
    }

    /// <summary>All backend plugins, side effects included: for the task engine, which calls them only after confirmation.</summary>
    public static IReadOnlyList<KernelPlugin> CreatePlugins(IServiceProvider services) =>
        [.. PluginTypes.Select(p => KernelPluginFactory.CreateFromObject(services.GetRequiredService(p.Type), p.Name))];

    /// <summary>The read-only functions of every backend plugin: the only ones that may be offered to a model.</summary>
    public static IReadOnlyList<KernelPlugin> CreateReadOnlyPlugins(IServiceProvider services) =>
        [.. CreatePlugins(services)
            .Select(p => KernelPluginFactory.CreateFromFunctions(p.Name, p.Description, p.Where(IsReadOnly)))
            .Where(p => p.FunctionCount > 0)];
}
