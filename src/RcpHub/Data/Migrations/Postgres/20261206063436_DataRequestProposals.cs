using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RcpHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataRequestProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeclineReason",
                table: "DataRequests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeclinedAt",
                table: "DataRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProposedAt",
                table: "DataRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByStateCode",
                table: "DataRequests",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByUserId",
                table: "DataRequests",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataRequests_ProposedByStateCode",
                table: "DataRequests",
                column: "ProposedByStateCode");

            migrationBuilder.CreateIndex(
                name: "IX_DataRequests_ProposedByUserId",
                table: "DataRequests",
                column: "ProposedByUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_DataRequests_AspNetUsers_ProposedByUserId",
                table: "DataRequests",
                column: "ProposedByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DataRequests_States_ProposedByStateCode",
                table: "DataRequests",
                column: "ProposedByStateCode",
                principalTable: "States",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DataRequests_AspNetUsers_ProposedByUserId",
                table: "DataRequests");

            migrationBuilder.DropForeignKey(
                name: "FK_DataRequests_States_ProposedByStateCode",
                table: "DataRequests");

            migrationBuilder.DropIndex(
                name: "IX_DataRequests_ProposedByStateCode",
                table: "DataRequests");

            migrationBuilder.DropIndex(
                name: "IX_DataRequests_ProposedByUserId",
                table: "DataRequests");

            migrationBuilder.DropColumn(
                name: "DeclineReason",
                table: "DataRequests");

            migrationBuilder.DropColumn(
                name: "DeclinedAt",
                table: "DataRequests");

            migrationBuilder.DropColumn(
                name: "ProposedAt",
                table: "DataRequests");

            migrationBuilder.DropColumn(
                name: "ProposedByStateCode",
                table: "DataRequests");

            migrationBuilder.DropColumn(
                name: "ProposedByUserId",
                table: "DataRequests");
        }
    }
}
