using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varna.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    representative_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    concern_level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    first_contact_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_representatives_representative_id",
                        column: x => x.representative_id,
                        principalTable: "representatives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipient_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    leased_until = table.Column<long>(type: "INTEGER", nullable: true),
                    lease_owner = table.Column<Guid>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_counters", x => new { x.organisation_id, x.year });
                    table.ForeignKey(
                        name: "fk_reference_counters_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    representative_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    submitted_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    intake_method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    danger_now = table.Column<bool>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_time_known = table.Column<bool>(type: "INTEGER", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    types = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    wish = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    perpetrator_category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    perpetrator_identifiers = table.Column<string>(type: "TEXT", nullable: false),
                    role_connection = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    agenda_item = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reported_to_police = table.Column<bool>(type: "INTEGER", nullable: false),
                    police_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_reports_asp_net_users_submitted_by_user_id",
                        column: x => x.submitted_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reports_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reports_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reports_representatives_representative_id",
                        column: x => x.representative_id,
                        principalTable: "representatives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    added_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_reporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_messages_asp_net_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_report_messages_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_supplements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_supplements", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_supplements_asp_net_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_report_supplements_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_contents",
                columns: table => new
                {
                    evidence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_contents", x => x.evidence_id);
                    table.ForeignKey(
                        name: "fk_evidence_contents_evidence_evidence_id",
                        column: x => x.evidence_id,
                        principalTable: "evidence",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_reference",
                table: "cases",
                columns: new[] { "organisation_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_status_first_contact_due_at",
                table: "cases",
                columns: new[] { "organisation_id", "status", "first_contact_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_year_sequence",
                table: "cases",
                columns: new[] { "organisation_id", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_representative_id",
                table: "cases",
                column: "representative_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_organisation_id_report_id",
                table: "evidence",
                columns: new[] { "organisation_id", "report_id" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_report_id",
                table: "evidence",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_lease_owner",
                table: "notifications",
                column: "lease_owner");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_organisation_id",
                table: "notifications",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_sent_at_created_at",
                table: "notifications",
                columns: new[] { "sent_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_messages_author_user_id",
                table: "report_messages",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_messages_organisation_id_report_id_sent_at",
                table: "report_messages",
                columns: new[] { "organisation_id", "report_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_messages_report_id",
                table: "report_messages",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_supplements_author_user_id",
                table: "report_supplements",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_supplements_organisation_id_report_id",
                table: "report_supplements",
                columns: new[] { "organisation_id", "report_id" });

            migrationBuilder.CreateIndex(
                name: "ix_report_supplements_report_id",
                table: "report_supplements",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_case_id",
                table: "reports",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_organisation_id_representative_id",
                table: "reports",
                columns: new[] { "organisation_id", "representative_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_organisation_id_submitted_by_user_id",
                table: "reports",
                columns: new[] { "organisation_id", "submitted_by_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_representative_id",
                table: "reports",
                column: "representative_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_submitted_by_user_id",
                table: "reports",
                column: "submitted_by_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_contents");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropTable(
                name: "report_messages");

            migrationBuilder.DropTable(
                name: "report_supplements");

            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
