using ServiceBot.Backend;
using ServiceBot.Server.Sandbox;
using ServiceBot.Server.Widget;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSandbox(builder.Configuration);
builder.Services.AddServiceBotBackend(builder.Configuration);
builder.Services.AddWidget(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapSandbox();
app.MapWidget();
app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
