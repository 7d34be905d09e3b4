using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChairTermBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Basis",
                table: "ChairTerms",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Stated");

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "ChairTerms",
                type: "text",
                nullable: true);

            // Databases seeded before the basis existed: the terms the registry's chair history infers, with their source.
            migrationBuilder.Sql("""
                UPDATE "ChairTerms" SET "Basis" = 'InferredFromIncoming' WHERE "Note" IN ('Vanuatu incoming chair 2023', 'Incoming France (2017)', 'Annual rotating chair: Egypt (incoming 2024)');
                UPDATE "ChairTerms" SET "Basis" = 'InferredFromHost' WHERE "Note" IN ('Presidency Pro-Tempore held by the host country: Peru hosted the XXI CSM (Lima, Dec 2023)', 'Presidency Pro-Tempore held by the host country: Colombia to host the XXII CSM (2024)');
                UPDATE "ChairTerms" SET "SourceUrl" = (SELECT s."Url" FROM "ProcessSources" s WHERE s."ProcessId" = "ChairTerms"."ProcessId" AND s."IsPrimary" LIMIT 1) WHERE "Basis" <> 'Stated';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Basis",
                table: "ChairTerms");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "ChairTerms");
        }
    }
}
