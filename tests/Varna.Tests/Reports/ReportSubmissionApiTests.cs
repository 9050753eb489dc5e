using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varna.Infrastructure;

namespace Varna.Tests.Reports;

// POST /api/v1/reports: a report opens a case with the right concern level, deadline and reference.
public sealed class ReportSubmissionApiTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Theory]
    [InlineData(true, "hate_speech", "self", "acute", 1)]
    [InlineData(false, "violence", "self", "high", 4)]
    [InlineData(false, "intimidating_visit", "self", "high", 4)]
    [InlineData(false, "threat", "relative", "high", 4)]
    [InlineData(false, "threat", "both", "high", 4)]
    [InlineData(false, "threat", "self", "moderate", 24)]
    [InlineData(false, "harassment", "relative", "low", 72)]
    [InlineData(false, "hate_speech", "self", "low", 72)]
    public async Task Concern_level_and_first_contact_deadline_follow_the_answers(
        bool dangerNow, string type, string target, string expectedLevel, int expectedHours)
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var body = ReportsArrange.ValidReport();
        body["dangerNow"] = dangerNow;
        body["types"] = new JsonArray(type);
        body["target"] = target;

        var created = await client.SubmitReportAsync(body);
        var stored = await (await client.GetAsync($"/api/v1/reports/{created.Id()}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(expectedLevel, created.GetProperty("concernLevel").GetString());
        Assert.Equal("new", created.GetProperty("status").GetString());
        var due = created.GetProperty("firstContactDueAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(expectedHours).TotalSeconds, (due - stored.GetProperty("receivedAt").GetDateTimeOffset()).TotalSeconds, 0.5);
    }

    [Fact]
    public async Task Record_only_report_gets_a_concern_level_but_no_deadline()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var body = ReportsArrange.ValidReport();
        body["wish"] = "record_only";
        body["types"] = new JsonArray("violence");

        var created = await client.SubmitReportAsync(body);

        Assert.Equal("high", created.GetProperty("concernLevel").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("firstContactDueAt").ValueKind);
        Assert.Contains(created.GetProperty("guidance").EnumerateArray(), g => g.GetProperty("code").GetString() == "record_only");
    }

    [Fact]
    public async Task Deadline_uses_the_organisations_own_first_contact_times()
    {
        var regionId = await factory.OrganisationIdAsync(ReportsArrange.Exempelregionen);
        await factory.WithDbAsync(regionId, async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == regionId);
            Assert.Empty(organisation.ChangeSettings(organisation.Settings with { FirstContactHoursModerate = 8 }));
            return await db.SaveChangesAsync();
        });
        var client = await factory.ApiClientAsync(Demo.RegionRepresentative);
        var body = ReportsArrange.ValidReport();
        body["types"] = new JsonArray("threat");

        var created = await client.SubmitReportAsync(body);
        var stored = await (await client.GetAsync($"/api/v1/reports/{created.Id()}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(TimeSpan.FromHours(8).TotalSeconds,
            (created.GetProperty("firstContactDueAt").GetDateTimeOffset() - stored.GetProperty("receivedAt").GetDateTimeOffset()).TotalSeconds, 0.5);
    }

    [Fact]
    public async Task Reference_numbers_are_unique_and_follow_prefix_year_sequence_even_when_submitted_at_once()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);

        var created = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.SubmitReportAsync()));
        var references = created.Select(r => r.GetProperty("reference").GetString()!).ToList();

        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.All(references, r => Assert.Matches(@"^DEMO-\d{4}-\d{4}$", r));
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Swedish.TimeZone).Year;
        Assert.All(references, r => Assert.StartsWith($"DEMO-{year}-", r));
    }

    [Fact]
    public async Task Reference_sequence_is_per_organisation()
    {
        var demo = await (await factory.ApiClientAsync(Demo.Representative)).SubmitReportAsync();
        var region = await (await factory.ApiClientAsync(Demo.RegionRepresentative)).SubmitReportAsync();

        Assert.StartsWith("DEMO-", demo.GetProperty("reference").GetString());
        Assert.StartsWith("EXEM-", region.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Created_report_has_a_location_and_keeps_every_optional_answer()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var body = ReportsArrange.ValidReport();
        body["occurredAt"] = "2026-11-20T21:15";
        body["target"] = "both";
        body["location"] = "Utanför stadshuset";
        body["perpetrator"] = new JsonObject { ["category"] = "fixated_person", ["identifiers"] = new JsonArray("@hatkonto", "070-123 45 67") };
        body["roleConnection"] = "probably";
        body["agendaItem"] = "KS 2026/114 Skolnedläggning";
        body["policeReference"] = "5000-K123456-26";

        var response = await client.PostReportAsync(body);
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var stored = await (await client.GetAsync(response.Headers.Location)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal($"/api/v1/reports/{created.Id()}", response.Headers.Location!.OriginalString);
        Assert.Equal("both", stored.GetProperty("target").GetString());
        Assert.Equal("Utanför stadshuset", stored.GetProperty("location").GetString());
        Assert.Equal("fixated_person", stored.GetProperty("perpetrator").GetProperty("category").GetString());
        Assert.Equal(["@hatkonto", "070-123 45 67"], stored.GetProperty("perpetrator").GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("probably", stored.GetProperty("roleConnection").GetString());
        Assert.True(stored.GetProperty("reportedToPolice").GetBoolean());
        Assert.Equal("5000-K123456-26", stored.GetProperty("policeReference").GetString());
        // 21:15 Swedish winter time is 20:15 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 20, 15, 0, TimeSpan.Zero), stored.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Contains(created.GetProperty("guidance").EnumerateArray(), g => g.GetProperty("code").GetString() == "police_reference");
    }

    [Fact]
    public async Task Guidance_says_call_112_first_when_in_danger_and_follows_the_request_language()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var body = ReportsArrange.ValidReport();
        body["dangerNow"] = true;

        var swedish = await (await client.PostReportAsync(body)).JsonAsync(HttpStatusCode.Created);
        var english = await (await client.PostReportAsync(body, "en")).JsonAsync(HttpStatusCode.Created);

        var first = swedish.GetProperty("guidance")[0];
        Assert.Equal("call_112", first.GetProperty("code").GetString());
        Assert.Contains("Ring 112", first.GetProperty("text").GetString());
        Assert.Contains("Call 112", english.GetProperty("guidance")[0].GetProperty("text").GetString());
        Assert.Equal("acute", english.GetProperty("concernLevel").GetString());
        Assert.DoesNotContain(swedish.GetProperty("guidance").EnumerateArray(), g => g.GetProperty("code").GetString() == "police_report");
    }

    [Fact]
    public async Task Guidance_without_danger_points_to_114_14_and_asks_for_access_protection()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);

        var created = await client.SubmitReportAsync();
        var guidance = created.GetProperty("guidance").EnumerateArray().ToDictionary(g => g.GetProperty("code").GetString()!, g => g.GetProperty("text").GetString()!);

        Assert.Contains("114 14", guidance["police_report"]);
        Assert.Contains("förtroendevald", guidance["say_elected"]);
        Assert.Contains("åtkomstskyddad", guidance["access_protection"]);
        Assert.Contains("skärmbilder", guidance["preserve_online"]);
        Assert.StartsWith("En säkerhetsansvarig kontaktar dig senast ", guidance["contact_by"]);
    }

    [Fact]
    public async Task Description_is_stored_exactly_as_given()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        const string text = "<script>alert('x')</script> & \"citat\" — åäö";

        var created = await client.SubmitReportAsync(ReportsArrange.ValidReport(text));
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{created.Id()}");

        Assert.Equal(text, stored.GetProperty("description").GetString());
    }

    [Fact]
    public async Task My_reports_lists_own_reports_only()
    {
        var mine = await factory.ApiClientAsync(Demo.Representative);
        var created = await mine.SubmitReportAsync();
        var other = await factory.CreateAccountAsync($"rep-{Guid.NewGuid():N}@demo.varna.se", Roles.Representative,
            await factory.OrganisationIdAsync(ReportsArrange.DemoKommun), Demo.Password);
        var colleague = await factory.ApiClientAsync(other.Email!);

        var myList = await mine.GetFromJsonAsync<JsonElement>("/api/v1/reports/mine");
        var theirList = await colleague.GetFromJsonAsync<JsonElement>("/api/v1/reports/mine");

        Assert.Contains(myList.EnumerateArray(), r => r.Id() == created.Id());
        Assert.Empty(theirList.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/reports/{created.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Roles_without_reporting_cannot_submit()
    {
        var analyst = await factory.ApiClientAsync(Demo.Analyst);

        var response = await analyst.PostReportAsync(ReportsArrange.ValidReport());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Officers_are_emailed_a_link_without_any_detail_of_the_report()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        const string secret = "Hemlig-berättelse-7f3a";
        await factory.DeliverNotificationsAsync();
        var before = factory.SentMessages().Length;

        var created = await client.SubmitReportAsync(ReportsArrange.ValidReport(secret));
        await factory.DeliverNotificationsAsync();

        var mail = factory.SentMessages().Skip(before).ToArray();
        var toOfficer = Assert.Single(mail, m => m.To.Mailboxes.Any(a => a.Address == Demo.Officer));
        var text = toOfficer.Subject + "\n" + toOfficer.TextBody;
        Assert.Contains("Ny rapport", toOfficer.Subject);
        Assert.Contains("http://localhost/", text);
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(created.GetProperty("reference").GetString()!, text);
        Assert.DoesNotContain("hate_speech", text);
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Any(a => a.Address == Demo.RegionOfficer));

        // Delivered once: a second run finds nothing left to send.
        await factory.DeliverNotificationsAsync();
        Assert.Equal(before + mail.Length, factory.SentMessages().Length);
    }
}
