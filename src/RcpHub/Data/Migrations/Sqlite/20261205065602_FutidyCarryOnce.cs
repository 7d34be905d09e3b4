using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FutidyCarryOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A point carried into several outputs before it was carried once only keeps its link from the first.
            migrationBuilder.Sql("""
                UPDATE "Recommendations" SET "SourcePointId" = NULL
                WHERE "SourcePointId" IS NOT NULL AND "Id" NOT IN
                    (SELECT MIN("Id") FROM "Recommendations" WHERE "SourcePointId" IS NOT NULL GROUP BY "SourcePointId")
                """);

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_SourcePointId",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_SourcePointId",
                table: "Recommendations",
                column: "SourcePointId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_SourcePointId",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_SourcePointId",
                table: "Recommendations",
                column: "SourcePointId");
        }
    }
}
