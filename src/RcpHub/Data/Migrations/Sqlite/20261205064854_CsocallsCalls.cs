using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CsocallsCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                        onDelete: ReferentialAction.Restrict);
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
                name: "CallApplications");

            migrationBuilder.DropTable(
                name: "CallCriterion");

            migrationBuilder.DropTable(
                name: "ParticipationCalls");
        }
    }
}
