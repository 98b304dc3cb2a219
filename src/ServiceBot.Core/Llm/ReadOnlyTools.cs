using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ServiceBot.Backend;

namespace ServiceBot.Llm;

/// <summary>
/// The kernel functions a model may call: the read-only ones of the task plugins (station finder, ticket status, account
/// look-up), each bound to a kernel so it runs as a plain <see cref="AIFunction"/>. Functions marked
/// <see cref="SideEffectAttribute"/> are filtered out here as well as by <see cref="BackendFunctions.CreateReadOnlyPlugins"/>.
/// </summary>
public sealed class ReadOnlyTools
{
    public ReadOnlyTools(IEnumerable<KernelPlugin> plugins)
    {
        var kernel = new Kernel(plugins: new KernelPluginCollection(plugins));
        Tools = [.. kernel.Plugins.SelectMany(p => p).Where(BackendFunctions.IsReadOnly).Select(f => (AITool)f.WithKernel(kernel))];
    }

    /// <summary>The read-only functions of every backend plugin registered in <paramref name="services"/>.</summary>
    public static ReadOnlyTools Create(IServiceProvider services) => new(BackendFunctions.CreateReadOnlyPlugins(services));

    public IReadOnlyList<AITool> Tools { get; }

    public IEnumerable<string> Names => Tools.Select(t => t.Name);
}
