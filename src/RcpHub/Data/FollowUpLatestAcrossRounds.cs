namespace RcpHub.Data;

/// <summary>Marks <see cref="Domain.FollowUpReport.IsLatestAcrossRounds"/> on reports written before the flag existed (the
/// migration that added it), by the rule of <see cref="Domain.FollowUpProgress.LatestAcrossRounds"/>: of a pair's reports in
/// force, the most recent, of two made at the same instant the later round's. The same SQL runs on both providers.</summary>
public static class FollowUpLatestAcrossRounds
{
    public const string MarkSql = """
        UPDATE "FollowUpReports" SET "IsLatestAcrossRounds" = NOT EXISTS (
            SELECT 1 FROM "FollowUpReports" AS o
            WHERE o."IsLatest" AND o."RecommendationId" = "FollowUpReports"."RecommendationId" AND o."StateCode" = "FollowUpReports"."StateCode"
              AND (o."ReportedAt" > "FollowUpReports"."ReportedAt"
                   OR (o."ReportedAt" = "FollowUpReports"."ReportedAt" AND o."RoundKey" > "FollowUpReports"."RoundKey")))
        WHERE "IsLatest"
        """;
}
