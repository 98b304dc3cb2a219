using ServiceBot.Backend;
using ServiceBot.Server.Sandbox;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSandbox(builder.Configuration);
builder.Services.AddServiceBotBackend(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapSandbox();
app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
