using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Varna.Features.Reports;
using Varna.Infrastructure;

namespace Varna.Tests.Reports;

public sealed class ReportFormOnBehalfTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Officer_registers_a_phoned_in_report_for_a_representative_and_it_records_both()
    {
        var client = await factory.SignedInAsync(Demo.Officer);
        var form = await client.GetPageAsync("/rapportera/registrera");
        var options = form.QuerySelectorAll<IHtmlOptionElement>("#Input_OnBehalfOfRepresentativeId option").Skip(1).ToList();
        var names = options.Select(o => o.Text).ToList();
        Assert.Equal(names.Order(Swedish.NameOrder), names);
        var chosen = options[3];

        var response = await client.PostReportAsync("/rapportera/registrera", ReportFormKit.Required(channel: "phone_sms")
            .With("Input.OnBehalfOfRepresentativeId", chosen.Value).With("Input.ReceivedVia", "phone"));

        var (id, receipt) = await client.ReceiptAsync(response);
        var (report, @case, _) = await factory.StoredAsync(id);
        var officerId = await factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == Demo.Officer).Select(u => u.Id).SingleAsync());
        Assert.Equal(Guid.Parse(chosen.Value), report.RepresentativeId);
        Assert.Equal(Guid.Parse(chosen.Value), @case.RepresentativeId);
        Assert.Equal((IntakeMethod.Phone, officerId), (report.IntakeMethod, report.SubmittedByUserId));
        var (last, first) = (chosen.Text.Split(", ")[0], chosen.Text.Split(", ")[1]);
        Assert.Contains($"Registrerad åt {first} {last}. Kom in via: Telefon.", receipt.Text("main"));
        Assert.Equal(@case.Reference, receipt.Text(".reference"));
        Assert.NotNull(receipt.QuerySelector("main a[href='/rapportera/registrera']"));
    }

    [Fact]
    public async Task Officer_must_say_for_whom_and_how_the_report_came_in()
    {
        var client = await factory.SignedInAsync(Demo.Officer);
        var before = await factory.ReportCountAsync();

        var response = await client.PostReportAsync("/rapportera/registrera", ReportFormKit.Required(description: ""));

        var page = await response.ReadPageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Förtroendevald: Fältet måste fyllas i."], page.FieldErrors("Input.OnBehalfOfRepresentativeId"));
        Assert.Equal(["Hur kom rapporten in?: Fältet måste fyllas i."], page.FieldErrors("Input.ReceivedVia"));
        Assert.Equal(["Berätta vad som hände: Fältet måste fyllas i."], page.FieldErrors("Input.Description"));
        Assert.Equal(before, await factory.ReportCountAsync());
    }

    [Fact]
    public async Task Representative_of_another_organisation_is_refused_and_nothing_is_stored()
    {
        var client = await factory.SignedInAsync(Demo.Officer);
        var regionId = await factory.OrganisationIdAsync(ReportFormKit.Exempelregionen);
        var stranger = await factory.WithDbAsync(regionId, db => db.Representatives.Select(r => r.Id).FirstAsync());
        var (before, regionBefore) = (await factory.ReportCountAsync(), await factory.ReportCountAsync(ReportFormKit.Exempelregionen));

        var response = await client.PostReportAsync("/rapportera/registrera", ReportFormKit.Required()
            .With("Input.OnBehalfOfRepresentativeId", stranger.ToString()).With("Input.ReceivedVia", "letter"));

        var page = await response.ReadPageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Den förtroendevalda finns inte i er organisation."], page.FieldErrors("Input.OnBehalfOfRepresentativeId"));
        Assert.Equal(before, await factory.ReportCountAsync());
        Assert.Equal(regionBefore, await factory.ReportCountAsync(ReportFormKit.Exempelregionen));
    }

    [Fact]
    public async Task Representative_of_another_organisation_gets_404_for_the_receipt()
    {
        var client = await factory.SignedInAsync(Demo.Representative);
        var (id, _) = await client.ReceiptAsync(await client.PostReportAsync("/rapportera", ReportFormKit.Required()));
        var stranger = await factory.SignedInAsync(Demo.RegionRepresentative);
        var strangerOfficer = await factory.SignedInAsync(Demo.RegionOfficer);

        var page = await stranger.GetPageAsync($"/rapportera/kvitto/{id}", HttpStatusCode.NotFound);
        await strangerOfficer.GetPageAsync($"/rapportera/kvitto/{id}", HttpStatusCode.NotFound);

        Assert.DoesNotContain("DEMO-", page.Text("main"));
    }

    [Fact]
    public async Task Officer_menu_offers_registering_and_representatives_cannot_open_it()
    {
        var officer = await factory.SignedInAsync(Demo.Officer);
        var representative = await factory.SignedInAsync(Demo.Representative);

        var start = await officer.GetPageAsync("/");
        var refused = await representative.GetAsync("/rapportera/registrera");

        Assert.Equal("Registrera rapport", start.Text("nav a[href='/rapportera/registrera']"));
        Assert.Null(start.QuerySelector("nav a[href='/rapportera']"));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("Registrera en rapport", await refused.Content.ReadAsStringAsync());
    }
}
