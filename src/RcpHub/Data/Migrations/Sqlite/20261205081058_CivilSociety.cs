using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CivilSociety : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CivilSocietyType",
                table: "Organizations",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CountryCodes",
                table: "Organizations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Organizations",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "Organizations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "MigrantLed",
                table: "Organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RegisteredAt",
                table: "Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "Organizations",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "VerificationNote",
                table: "Organizations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VerifiedAt",
                table: "Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedByUserId",
                table: "Organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "Organizations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaucusPositions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaucusPositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaucusPositions_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaucusPositions_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedByUserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationEvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationEvidenceFiles_AspNetUsers_AddedByUserId",
                        column: x => x.AddedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrganizationEvidenceFiles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationThemes",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationThemes", x => new { x.OrganizationId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_OrganizationThemes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganizationThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    TravelFunded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LotteryThreshold = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    AppealDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Proposal = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SeedCommitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportPublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationCalls_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParticipationCalls_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ParticipationCalls_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaucusStances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PositionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DissentText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaucusStances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaucusStances_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaucusStances_CaucusPositions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "CaucusPositions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaucusStances_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaucusVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PositionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SavedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaucusVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaucusVersions_AspNetUsers_SavedByUserId",
                        column: x => x.SavedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaucusVersions_CaucusPositions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "CaucusPositions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Statements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CaucusPositionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Statements_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Statements_CaucusPositions_CaucusPositionId",
                        column: x => x.CaucusPositionId,
                        principalTable: "CaucusPositions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Statements_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Statements_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Statements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Pseudonym = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RepresentativeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RepresentativeEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RepresentativeGender = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FirstTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConflictOfInterest = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    OrganizationType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MigrantLed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DepartureReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplications_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallApplications_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallChange_AspNetUsers_ChangedByUserId",
                        column: x => x.ChangedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallChange_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallCriterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallCriterion_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallPanelMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallPanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallPanelMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallPanelMembers_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallRegion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallRegion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallRegion_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallTarget",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Trait = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Min = table.Column<int>(type: "INTEGER", nullable: true),
                    Max = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallTarget_ParticipationCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "ParticipationCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaucusComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Paragraph = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaucusComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaucusComments_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaucusComments_CaucusVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "CaucusVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaucusComments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallConflicts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallConflicts_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallScores_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallScores_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallScores_CallCriterion_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "CallCriterion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_OrganizationId",
                table: "CallApplications",
                columns: new[] { "CallId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_Pseudonym",
                table: "CallApplications",
                columns: new[] { "CallId", "Pseudonym" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_OrganizationId",
                table: "CallApplications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_SubmittedByUserId",
                table: "CallApplications",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallChange_CallId",
                table: "CallChange",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CallChange_ChangedByUserId",
                table: "CallChange",
                column: "ChangedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallConflicts_ApplicationId_UserId",
                table: "CallConflicts",
                columns: new[] { "ApplicationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallConflicts_UserId",
                table: "CallConflicts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallCriterion_CallId",
                table: "CallCriterion",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CallPanelMembers_CallId_UserId",
                table: "CallPanelMembers",
                columns: new[] { "CallId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallPanelMembers_UserId",
                table: "CallPanelMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallRegion_CallId",
                table: "CallRegion",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CallScores_ApplicationId_UserId_CriterionId",
                table: "CallScores",
                columns: new[] { "ApplicationId", "UserId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallScores_CriterionId",
                table: "CallScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_CallScores_UserId",
                table: "CallScores",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallTarget_CallId",
                table: "CallTarget",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CaucusComments_AuthorUserId",
                table: "CaucusComments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaucusComments_OrganizationId",
                table: "CaucusComments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CaucusComments_VersionId_Paragraph",
                table: "CaucusComments",
                columns: new[] { "VersionId", "Paragraph" });

            migrationBuilder.CreateIndex(
                name: "IX_CaucusPositions_CreatedByUserId",
                table: "CaucusPositions",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaucusPositions_ProcessId",
                table: "CaucusPositions",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_CaucusStances_OrganizationId",
                table: "CaucusStances",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CaucusStances_PositionId_OrganizationId",
                table: "CaucusStances",
                columns: new[] { "PositionId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaucusStances_RecordedByUserId",
                table: "CaucusStances",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaucusVersions_PositionId_Number",
                table: "CaucusVersions",
                columns: new[] { "PositionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaucusVersions_SavedByUserId",
                table: "CaucusVersions",
                column: "SavedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationEvidenceFiles_AddedByUserId",
                table: "OrganizationEvidenceFiles",
                column: "AddedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationEvidenceFiles_OrganizationId",
                table: "OrganizationEvidenceFiles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationThemes_ThemeId",
                table: "OrganizationThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCalls_CreatedByUserId",
                table: "ParticipationCalls",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCalls_MeetingId",
                table: "ParticipationCalls",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCalls_ProcessId_Deadline",
                table: "ParticipationCalls",
                columns: new[] { "ProcessId", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_CaucusPositionId",
                table: "Statements",
                column: "CaucusPositionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statements_DocumentId",
                table: "Statements",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_MeetingId",
                table: "Statements",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_OrganizationId",
                table: "Statements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SubmittedByUserId",
                table: "Statements",
                column: "SubmittedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallChange");

            migrationBuilder.DropTable(
                name: "CallConflicts");

            migrationBuilder.DropTable(
                name: "CallPanelMembers");

            migrationBuilder.DropTable(
                name: "CallRegion");

            migrationBuilder.DropTable(
                name: "CallScores");

            migrationBuilder.DropTable(
                name: "CallTarget");

            migrationBuilder.DropTable(
                name: "CaucusComments");

            migrationBuilder.DropTable(
                name: "CaucusStances");

            migrationBuilder.DropTable(
                name: "OrganizationEvidenceFiles");

            migrationBuilder.DropTable(
                name: "OrganizationThemes");

            migrationBuilder.DropTable(
                name: "Statements");

            migrationBuilder.DropTable(
                name: "CallApplications");

            migrationBuilder.DropTable(
                name: "CallCriterion");

            migrationBuilder.DropTable(
                name: "CaucusVersions");

            migrationBuilder.DropTable(
                name: "ParticipationCalls");

            migrationBuilder.DropTable(
                name: "CaucusPositions");

            migrationBuilder.DropColumn(
                name: "CivilSocietyType",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "CountryCodes",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "MigrantLed",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "VerificationNote",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "VerifiedByUserId",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "Organizations");
        }
    }
}
