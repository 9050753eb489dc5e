using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varna.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseClocksFromDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Cases received before case handling existed: their clock runs from the deadline they were
            // given, and the inbox ranks them by their concern level.
            migrationBuilder.Sql("UPDATE cases SET awaiting_contact_until = first_contact_due_at, updated_at = opened_at, concern_rank = CASE concern_level WHEN 'acute' THEN 3 WHEN 'high' THEN 2 WHEN 'moderate' THEN 1 ELSE 0 END;");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
