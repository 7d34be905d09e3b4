using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchoneDropOldColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentWords");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Processes");

            migrationBuilder.DropColumn(
                name: "SearchSummary",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SearchTitle",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "DocumentVersions");

            migrationBuilder.DropColumn(
                name: "SearchTitle",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "AgendaItems");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Processes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchSummary",
                table: "Meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchTitle",
                table: "Meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "DocumentVersions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchTitle",
                table: "Documents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "AgendaItems",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentWords",
                columns: table => new
                {
                    Word = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    VersionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentWords", x => new { x.Word, x.VersionId });
                    table.ForeignKey(
                        name: "FK_DocumentWords_DocumentVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DocumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentWords_VersionId",
                table: "DocumentWords",
                column: "VersionId");
        }
    }
}
