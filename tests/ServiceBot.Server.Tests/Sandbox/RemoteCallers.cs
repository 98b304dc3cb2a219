using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ServiceBot.Server.Tests.Sandbox;

/// <summary>
/// A test-only startup filter: requests it picks arrive as if from another machine, since every test request
/// really comes from loopback.
/// </summary>
internal sealed class RemoteCallers(Func<HttpContext, bool> isRemote) : IStartupFilter
{
    public static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");

    public const string Header = "X-Test-Remote";

    /// <summary>Requests carrying <see cref="Header"/> look remote.</summary>
    public static RemoteCallers Marked() => new(context => context.Request.Headers.ContainsKey(Header));

    /// <summary>Every request looks remote, the bot's own backend calls included.</summary>
    public static RemoteCallers All() => new(_ => true);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (isRemote(context)) context.Connection.RemoteIpAddress = Address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
