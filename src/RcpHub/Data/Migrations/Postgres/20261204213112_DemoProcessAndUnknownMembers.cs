using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DemoProcessAndUnknownMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Processes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MemberStatesKnown",
                table: "Processes",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            // The registry seeded "no source lists the members" as no membership rows; what the demo loaded is marked
            // by its address, the only thing that told it apart until now.
            migrationBuilder.Sql("""
                UPDATE "Processes" SET "MemberStatesKnown" = FALSE
                WHERE NOT EXISTS (SELECT 1 FROM "Memberships" m
                                  WHERE m."ProcessId" = "Processes"."Id" AND m."Role" = 'Member' AND m."StateCode" IS NOT NULL)
                """);
            migrationBuilder.Sql("""UPDATE "Processes" SET "IsDemo" = TRUE WHERE "Slug" = 'demo'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Processes");

            migrationBuilder.DropColumn(
                name: "MemberStatesKnown",
                table: "Processes");
        }
    }
}
