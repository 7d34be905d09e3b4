using RcpHub.Features.Meetings;

namespace RcpHub.Features;

/// <summary>The JSON API under /api/v1: each feature maps its own endpoints here.</summary>
internal static class FeatureApis
{
    public static RouteGroupBuilder MapFeatureApis(this RouteGroupBuilder api)
    {
        api.MapMeetingsApi();
        return api;
    }
}
