namespace ServiceBot.Places;

/// <summary>A place with a door-plate code (数字政务门牌): scanning its QR code opens the conversation there.</summary>
/// <param name="Code">The door-plate code, e.g. <c>HD-CT-0001</c>.</param>
/// <param name="Name">What people call the place, e.g. 丛台区政务服务中心.</param>
/// <param name="City">The canonical city, as in <c>knowledge/lexicons/cities.txt</c>.</param>
/// <param name="District">The canonical district of that city.</param>
/// <param name="Address">The full street address.</param>
/// <param name="NearestStation">The nearest 驿站 or service station, when there is one.</param>
public sealed record Place(string Code, string Name, string City, string District, string Address, string? NearestStation)
{
    /// <summary>How the place is written as the location of an appeal: the address, then the place's name.</summary>
    public string Location => $"{Address}（{Name}）";
}
