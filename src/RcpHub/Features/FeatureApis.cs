using RcpHub.Features.Meetings;

namespace RcpHub.Features;

/// <summary>The JSON API under /api/v1: each feature maps its own endpoints here.</summary>
internal static class FeatureApis
{
    public static RouteGroupBuilder MapFeatureApis(this RouteGroupBuilder api)
    {
        Invitations.InvitationsApi.MapInvitationsApi(api);
        Manage.ManageApi.MapManageApi(api);
        Audit.AuditApi.MapAuditApi(api);
        Processes.ProcessesApi.MapProcessesApi(api);
        States.StatesApi.MapStatesApi(api);
        Organizations.OrganizationsApi.MapOrganizationsApi(api);
        GlobalMeetings.GlobalMeetingsApi.MapGlobalMeetingsApi(api);
        api.MapMeetingsApi();
        Reports.ReportsApi.MapReportsApi(api);
        Documents.DocumentsApi.MapDocumentsApi(api);
        Search.SearchApi.MapSearchApi(api);
        PolicyImpact.PolicyImpactApi.MapPolicyImpactApi(api);
        Accountability.AccountabilityApi.MapAccountabilityApi(api);
        Evaluation.EvaluationApi.MapEvaluationApi(api);
        Outputs.OutputsApi.MapOutputsApi(api);
        Caucus.CaucusApi.MapCaucusApi(api);
        Recommendations.RecommendationsApi.MapRecommendationsApi(api);
        FollowUp.FollowUpApi.MapFollowUpApi(api);
        ParticipationMetrics.ParticipationMetricsApi.MapParticipationMetricsApi(api);
        Calls.CallsApi.MapCallsApi(api);
        DataRequests.DataRequestsApi.MapDataRequestsApi(api);
        Practices.PracticesApi.MapPracticesApi(api);
        Officials.DirectoryApi.MapDirectoryApi(api);
        SavedSearches.SavedSearchesApi.MapSavedSearchesApi(api);
        return api;
    }
}
