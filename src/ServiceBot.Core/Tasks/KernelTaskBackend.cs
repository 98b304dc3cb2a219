using Microsoft.SemanticKernel;
using ServiceBot.Backend;

namespace ServiceBot.Tasks;

/// <summary>Runs task calls through the backend kernel plugins (side effects included: the form engine calls only after a yes).</summary>
public sealed class KernelTaskBackend : ITaskBackend
{
    private readonly Kernel _kernel;

    public KernelTaskBackend(IServiceProvider services) : this(BackendFunctions.CreatePlugins(services))
    {
    }

    public KernelTaskBackend(IEnumerable<KernelPlugin> plugins) => _kernel = new Kernel(plugins: new KernelPluginCollection(plugins));

    public async Task<object?> InvokeAsync(string plugin, string function, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var kernelFunction = _kernel.Plugins.GetFunction(plugin, function);
        var result = await _kernel.InvokeAsync(kernelFunction, new KernelArguments(arguments.ToDictionary()), cancellationToken);
        return result.GetValue<object>();
    }
}
