using Microsoft.AspNetCore.Http.Features;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// A response held in memory until the pipeline is done, as response buffering would: it has not started while
/// handlers run (so an error can still replace it), and its OnStarting and OnCompleted callbacks run at the end, last first.
/// </summary>
internal sealed class BufferedResponse : HttpResponseFeature
{
    private List<(Func<object, Task> Callback, object State)>? _starting;
    private List<(Func<object, Task> Callback, object State)>? _completed;
    private bool _started;

    public override bool HasStarted => _started;

    public override void OnStarting(Func<object, Task> callback, object state)
    {
        if (_started) throw new InvalidOperationException("The response has already started.");
        (_starting ??= []).Add((callback, state));
    }

    public override void OnCompleted(Func<object, Task> callback, object state) => (_completed ??= []).Add((callback, state));

    public void Reset(int statusCode)
    {
        StatusCode = statusCode;
        ReasonPhrase = null;
        Headers.Clear();
    }

    public async Task StartAsync()
    {
        _started = true;
        await RunAsync(_starting);
    }

    public Task CompleteAsync() => RunAsync(_completed);

    private static async Task RunAsync(List<(Func<object, Task> Callback, object State)>? callbacks)
    {
        if (callbacks is null) return;
        for (var i = callbacks.Count - 1; i >= 0; i--) await callbacks[i].Callback(callbacks[i].State);
    }
}
