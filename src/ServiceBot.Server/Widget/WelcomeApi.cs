using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Places;

namespace ServiceBot.Server.Widget;

/// <summary>
/// <c>GET /api/chat/welcome?place=CODE</c>: what the widget shows before the first turn — the assistant's name, the
/// greeting (naming the place when the page was opened from a door plate) and quick replies. An unknown code gets the
/// plain welcome, never an error.
/// </summary>
public static class WelcomeApi
{
    /// <summary>Requests that make sense at a door plate: what is near, and reporting a problem there.</summary>
    private static readonly string[] PlaceSuggestions = ["附近驿站", "我要登记12345诉求", "我要提取公积金"];

    public sealed record PlaceView(string Code, string Name, string City, string District, string Address, string? NearestStation);

    /// <param name="Suggestions">Empty without a place: the widget keeps its own starters.</param>
    public sealed record WelcomeResponse(string Assistant, string Welcome, PlaceView? Place, IReadOnlyList<string> Suggestions);

    public static IResult Get(string? place, IOptions<AssistantOptions> assistant, PlaceGazetteer places)
    {
        var found = places.Find(place);
        return TypedResults.Ok(new WelcomeResponse(
            assistant.Value.Name,
            ServiceBot.Conversation.Welcome.For(assistant.Value, found),
            found is null ? null : new PlaceView(found.Code, found.Name, found.City, found.District, found.Address, found.NearestStation),
            found is null ? [] : PlaceSuggestions));
    }
}
