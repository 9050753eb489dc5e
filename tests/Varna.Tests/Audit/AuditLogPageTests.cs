using System.Text;
using Varna.Features.Audit;
using Varna.Tests.Reports;

namespace Varna.Tests.Audit;

// /dataskydd/logg: the data protection officer's search of their own organisation's log.
public sealed class AuditLogPageTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private static string Today => Varna.Infrastructure.Swedish.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");

    private async Task<(Guid CaseId, string Reference)> ReadCaseAsync()
    {
        var (caseId, _, _, reference) = await factory.CaseWithEvidenceAsync();
        var officer = await factory.SignedInAsync(Demo.Officer);
        await officer.GetPageAsync($"/arenden/{caseId}");
        return (caseId, reference);
    }

    private static string[] Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.audit-log tbody tr").Select(r => r.TextContent).ToArray();

    [Fact]
    public async Task Dpo_finds_a_case_read_by_case_person_event_and_period()
    {
        var (_, reference) = await ReadCaseAsync();
        var officerId = await factory.UserIdAsync(Demo.Officer);
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var byCase = await dpo.GetPageAsync($"/dataskydd/logg?arende={reference}");
        var byAll = await dpo.GetPageAsync($"/dataskydd/logg?arende={reference.ToLowerInvariant()}&person={officerId}&handelse=case_read&fran={Today}&till={Today}");
        var byEmail = await dpo.GetPageAsync($"/dataskydd/logg?epost={Demo.Officer}&arende={reference}");
        var otherEvent = await dpo.GetPageAsync($"/dataskydd/logg?arende={reference}&handelse=case_changed");
        var longAgo = await dpo.GetPageAsync($"/dataskydd/logg?arende={reference}&fran=2020-01-01&till=2020-01-31");

        var row = Assert.Single(Rows(byCase));
        Assert.Contains(Demo.Officer, row);
        Assert.Contains("Ärende läst", row);
        Assert.Contains(reference, row);
        Assert.Single(Rows(byAll));
        Assert.Single(Rows(byEmail));
        Assert.Empty(Rows(otherEvent));
        Assert.Contains("Inga händelser", longAgo.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("th", byCase.QuerySelector("table.audit-log thead th")!.LocalName);
        Assert.NotNull(byCase.QuerySelector("table.audit-log caption"));
    }

    [Fact]
    public async Task Csv_export_has_bom_semicolons_the_matching_lines_and_is_itself_audited()
    {
        var (caseId, reference) = await ReadCaseAsync();
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var response = await dpo.GetAsync($"/dataskydd/logg.csv?arende={reference}&handelse=case_read");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Tid;Löpnummer;Person;E-postadress;Händelse;Händelsekod;Ärende;Vad;Detaljer;IP-hash", lines[0]);
        var line = Assert.Single(lines[1..]);
        Assert.Contains($";{Demo.Officer};Ärende läst;case_read;{reference};GET /arenden/{{id:guid}};", line);
        var export = Assert.Single(await factory.AuditAsync(e => e.Action == AuditAction.Export && e.CaseId == caseId));
        Assert.Equal(await factory.UserIdAsync(Demo.Dpo), export.ActorUserId);
        Assert.Contains($"arende={reference}", export.Detail);
    }

    [Theory]
    [InlineData(Demo.Officer)]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    public async Task Everyone_but_the_dpo_gets_404(string email)
    {
        var client = await factory.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dataskydd/logg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dataskydd/logg.csv")).StatusCode);
    }

    [Fact]
    public async Task Dpo_of_another_organisation_sees_none_of_its_lines_nor_its_cases()
    {
        var (_, reference) = await ReadCaseAsync();
        var regionDpo = $"dso-{Guid.NewGuid():N}@region.test.se";
        await factory.CreateAccountAsync(regionDpo, Roles.DataProtectionOfficer, await factory.OrganisationIdAsync(ReportsArrange.Exempelregionen), Demo.Password);
        var dpo = await factory.SignedInAsync(regionDpo);

        var all = await dpo.GetPageAsync("/dataskydd/logg");
        var byCase = await dpo.GetPageAsync($"/dataskydd/logg?arende={reference}");
        var csv = await dpo.GetStringAsync("/dataskydd/logg.csv");

        Assert.DoesNotContain(Rows(all), r => r.Contains(Demo.Officer) || r.Contains(reference));
        Assert.Contains(Rows(all), r => r.Contains(regionDpo)); // their own sign-in
        Assert.Contains(reference, byCase.FieldErrors("arende").Single());
        Assert.DoesNotContain(Demo.Officer, csv);
        Assert.DoesNotContain(all.QuerySelectorAll("#person option"), o => o.TextContent.Contains(Demo.Officer));
    }

    [Fact]
    public async Task Bad_filters_are_named_next_to_their_fields_and_no_list_is_shown()
    {
        var dpo = await factory.SignedInAsync(Demo.Dpo);

        var page = await dpo.GetPageAsync($"/dataskydd/logg?person={Guid.NewGuid()}&epost=ingen@example.se&arende=XX-1&fran=2026-13-45&handelse=stulen");
        var reversed = await dpo.GetPageAsync("/dataskydd/logg?fran=2026-03-10&till=2026-03-01");
        var csv = await dpo.GetAsync("/dataskydd/logg.csv?fran=igar");

        Assert.StartsWith("Person:", page.FieldErrors("person").Single());
        Assert.Contains("ingen@example.se", page.FieldErrors("epost").Single());
        Assert.StartsWith("Ärende:", page.FieldErrors("arende").Single());
        Assert.StartsWith("Från och med:", page.FieldErrors("fran").Single());
        Assert.StartsWith("Händelse:", page.FieldErrors("handelse").Single());
        Assert.Null(page.QuerySelector("table.audit-log"));
        Assert.StartsWith("Till och med:", reversed.FieldErrors("till").Single());
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
        Assert.Equal("/dataskydd/logg?fran=igar", csv.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Navigation_offers_the_log_to_the_dpo_only()
    {
        var dpo = await factory.SignedInAsync(Demo.Dpo);
        var officer = await factory.SignedInAsync(Demo.Officer);

        Assert.NotNull((await dpo.GetPageAsync("/")).QuerySelector("nav a[href='/dataskydd/logg']"));
        Assert.Null((await officer.GetPageAsync("/")).QuerySelector("nav a[href='/dataskydd/logg']"));
    }
}
