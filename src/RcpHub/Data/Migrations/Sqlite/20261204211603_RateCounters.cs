using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RateCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowEndsAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateCounters", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RateCounters_WindowEndsAt",
                table: "RateCounters",
                column: "WindowEndsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateCounters");
        }
    }
}
