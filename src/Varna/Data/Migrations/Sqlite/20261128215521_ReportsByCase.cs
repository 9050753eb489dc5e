using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varna.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsByCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_reports_organisation_id_case_id",
                table: "reports",
                columns: new[] { "organisation_id", "case_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_organisation_id_case_id",
                table: "reports");
        }
    }
}
