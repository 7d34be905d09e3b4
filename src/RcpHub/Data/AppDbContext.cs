using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;

namespace RcpHub.Data;

/// <summary>The one database context. Each provider has a subclass only so that each keeps its own
/// migrations (see docs/decisions/0002-one-context-two-providers.md); the model is defined here once.</summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Process> Processes => Set<Process>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<ProcessSource> ProcessSources => Set<ProcessSource>();
    public DbSet<State> States => Set<State>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationRepresentative> OrganizationRepresentatives => Set<OrganizationRepresentative>();
    public DbSet<OrganizationTheme> OrganizationThemes => Set<OrganizationTheme>();
    public DbSet<OrganizationEvidenceFile> OrganizationEvidenceFiles => Set<OrganizationEvidenceFile>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ChairTerm> ChairTerms => Set<ChairTerm>();
    public DbSet<ChairRotationSlot> ChairRotationSlots => Set<ChairRotationSlot>();
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<BodyMember> BodyMembers => Set<BodyMember>();
    public DbSet<GlobalMeeting> GlobalMeetings => Set<GlobalMeeting>();
    public DbSet<ProcessRoleAssignment> ProcessRoleAssignments => Set<ProcessRoleAssignment>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingProcess> MeetingProcesses => Set<MeetingProcess>();
    public DbSet<MeetingInvitee> MeetingInvitees => Set<MeetingInvitee>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionPerson> SessionPeople => Set<SessionPerson>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<DelegationMember> Delegates => Set<DelegationMember>();
    public DbSet<SessionFloor> SessionFloors => Set<SessionFloor>();
    public DbSet<FloorRequest> FloorRequests => Set<FloorRequest>();
    public DbSet<SessionReportVersion> SessionReportVersions => Set<SessionReportVersion>();
    public DbSet<MeetingReportVersion> MeetingReportVersions => Set<MeetingReportVersion>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<SearchTag> SearchTags => Set<SearchTag>();
    public DbSet<Output> Outputs => Set<Output>();
    public DbSet<OutputVersion> OutputVersions => Set<OutputVersion>();
    public DbSet<OutputComment> OutputComments => Set<OutputComment>();
    public DbSet<OutputPosition> OutputPositions => Set<OutputPosition>();

    // Civil society caucus and statements to meetings (issue 11, csocaucus).
    public DbSet<CaucusPosition> CaucusPositions => Set<CaucusPosition>();
    public DbSet<CaucusVersion> CaucusVersions => Set<CaucusVersion>();
    public DbSet<CaucusComment> CaucusComments => Set<CaucusComment>();
    public DbSet<CaucusStance> CaucusStances => Set<CaucusStance>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<RecommendationState> RecommendationStates => Set<RecommendationState>();
    public DbSet<RecommendationTranslation> RecommendationTranslations => Set<RecommendationTranslation>();
    public DbSet<RecommendationTheme> RecommendationThemes => Set<RecommendationTheme>();
    public DbSet<RecommendationGcmObjective> RecommendationGcmObjectives => Set<RecommendationGcmObjective>();
    public DbSet<RecommendationSdgTarget> RecommendationSdgTargets => Set<RecommendationSdgTarget>();
    public DbSet<StatusLabel> StatusLabels => Set<StatusLabel>();
    public DbSet<FollowUpReport> FollowUpReports => Set<FollowUpReport>();
    public DbSet<EvaluationRound> EvaluationRounds => Set<EvaluationRound>();
    public DbSet<PolicyChange> PolicyChanges => Set<PolicyChange>();
    public DbSet<PolicyChangeRecommendation> PolicyChangeRecommendations => Set<PolicyChangeRecommendation>();
    public DbSet<PolicyChangeTheme> PolicyChangeThemes => Set<PolicyChangeTheme>();
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<PracticeTheme> PracticeThemes => Set<PracticeTheme>();
    public DbSet<PracticeObjective> PracticeObjectives => Set<PracticeObjective>();
    public DbSet<PracticeComment> PracticeComments => Set<PracticeComment>();
    public DbSet<PracticeAdaptation> PracticeAdaptations => Set<PracticeAdaptation>();
    public DbSet<DirectoryProfile> DirectoryProfiles => Set<DirectoryProfile>();
    public DbSet<DirectoryProfileTheme> DirectoryProfileThemes => Set<DirectoryProfileTheme>();
    public DbSet<ContactRequest> ContactRequests => Set<ContactRequest>();
    public DbSet<PracticeAttachment> PracticeAttachments => Set<PracticeAttachment>();
    public DbSet<FollowUpEvidenceFile> FollowUpEvidenceFiles => Set<FollowUpEvidenceFile>();
    // Calls for participation (issue 11).
    public DbSet<ParticipationCall> ParticipationCalls => Set<ParticipationCall>();
    public DbSet<CallApplication> CallApplications => Set<CallApplication>();
    public DbSet<CallScore> CallScores => Set<CallScore>();
    public DbSet<CallConflict> CallConflicts => Set<CallConflict>();
    public DbSet<CallApplicationAttachment> CallApplicationAttachments => Set<CallApplicationAttachment>();
    public DbSet<CallPanelMember> CallPanelMembers => Set<CallPanelMember>();
    // Data requests between states (issue 12).
    public DbSet<DataRequest> DataRequests => Set<DataRequest>();
    public DbSet<DataQuestion> DataQuestions => Set<DataQuestion>();
    public DbSet<DataResponse> DataResponses => Set<DataResponse>();
    public DbSet<DataAnswer> DataAnswers => Set<DataAnswer>();
    public DbSet<Infrastructure.Email.OutboxMessage> OutboxMessages => Set<Infrastructure.Email.OutboxMessage>();
    public DbSet<Infrastructure.RateLimiting.RateCounter> RateCounters => Set<Infrastructure.RateLimiting.RateCounter>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Saves, then rewrites the library's index from what was stored (Data/SearchIndex) in a second save of the
    /// same transaction: nothing is stored without its entry, and no entry describes what was not stored.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var indexed = SearchIndex.Changed(this);
        if (indexed.Count == 0 || Database.CurrentTransaction is not null)
        {
            return await SaveAndIndexAsync(indexed, acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAndIndexAsync(indexed, acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private async Task<int> SaveAndIndexAsync(List<SearchIndex.Subject> indexed, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        if (await SearchIndex.RefreshAsync(this, indexed, ct))
        {
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and in the audit log, and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
