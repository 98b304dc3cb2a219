namespace ServiceBot.Tasks;

/// <summary>
/// The seam between the form engine and the government backend: one named function call with its
/// arguments. The production implementation forwards to the Semantic Kernel backend plugins.
/// </summary>
public interface ITaskBackend
{
    /// <returns>The function's value: a <see cref="Backend.SubmissionResult"/> or a <see cref="Backend.LookupResult{T}"/>.</returns>
    Task<object?> InvokeAsync(string plugin, string function, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken);
}
