namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// A test class whose every test gets the built server as a process of its own, in a folder of its own that is removed
/// afterwards, so that nothing another test did (turns, meters, nonces) is in its way.
/// </summary>
public abstract class ServerProcessTest(string name) : IAsyncLifetime
{
    protected string Directory { get; } = Path.Combine(Path.GetTempPath(), $"servicebot-{name}-tests", Guid.NewGuid().ToString("N"));

    private protected ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = ServerProcess.SettingsIn(Directory);
        Configure(settings);
        Server = await ServerProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Settings beyond the defaults <see cref="ServerProcess.SettingsIn"/> gives.</summary>
    protected virtual void Configure(Dictionary<string, string> settings) { }
}
