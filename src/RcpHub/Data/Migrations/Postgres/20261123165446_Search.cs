using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
    }
}
