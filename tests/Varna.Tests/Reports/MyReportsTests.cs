using System.Net.Http.Json;
using static Varna.Tests.Reports.MyReportsArrange;
using Varna.Tests.Users;

namespace Varna.Tests.Reports;

// "Mina rapporter" through HTTP: what a representative sees of their own reports, and nothing of anyone else's.
public sealed class MyReportsTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task List_shows_my_reports_newest_first_in_plain_language_and_not_another_representatives()
    {
        var first = await factory.ReportAsync(Demo.Representative);
        var second = await (await factory.ApiClientAsync(Demo.Representative)).ReportAsync("Sprejad text på huset.", "record_only", ["vandalism", "hate_speech"]);
        var (otherEmail, other) = await factory.OtherRepresentativeAsync();
        var othersReport = await factory.ReportAsync(otherEmail);
        var client = await factory.SignedInAsync(Demo.Representative);

        var page = await client.GetPageAsync("/mina-rapporter");

        var items = page.QuerySelectorAll("main ol.report-list > li")
            .Select(li => (Href: li.QuerySelector("h2 a")!.GetAttribute("href")!, Text: li.TextContent)).ToList();
        var hrefs = items.Select(i => i.Href).ToList();
        Assert.True(hrefs.IndexOf($"/mina-rapporter/{second.Id}") is var s && s >= 0 && s < hrefs.IndexOf($"/mina-rapporter/{first.Id}"),
            "Newest first: " + string.Join(", ", hrefs));
        Assert.DoesNotContain($"/mina-rapporter/{othersReport.Id}", hrefs);
        var secondText = items.Single(i => i.Href == $"/mina-rapporter/{second.Id}").Text;
        Assert.Contains(second.Reference, secondText);
        Assert.Contains("Mottagen", secondText);
        Assert.Contains("Skadegörelse, Hatiska kommentarer eller hets", secondText);
        Assert.Contains("Bara registrering, ingen kontakt", secondText);
        Assert.Matches(@"Du blir kontaktad senast \d{4}-\d\d-\d\d \d\d:\d\d", items.Single(i => i.Href == $"/mina-rapporter/{first.Id}").Text);

        var othersList = await other.GetPageAsync("/mina-rapporter");
        Assert.Equal([$"/mina-rapporter/{othersReport.Id}"],
            othersList.QuerySelectorAll("main ol.report-list > li h2 a").Select(a => a.GetAttribute("href")!).ToArray());
    }

    [Fact]
    public async Task Representative_without_reports_is_told_how_to_report_and_finds_the_page_in_the_menu()
    {
        var (_, client) = await factory.OtherRepresentativeAsync();

        var page = await client.GetPageAsync("/mina-rapporter");

        Assert.Contains("Du har inte rapporterat något ännu", page.MainText());
        Assert.NotNull(page.QuerySelector("main a[href='/rapportera']"));
        Assert.NotNull(page.QuerySelector("nav a[href='/mina-rapporter']"));
    }

    [Fact]
    public async Task Admin_without_the_representative_role_neither_sees_the_menu_item_nor_the_page()
    {
        var client = await factory.SignedInAsync(Demo.Admin);

        var start = await client.GetPageAsync("/");
        Assert.Null(start.QuerySelector("nav a[href='/mina-rapporter']"));
        var response = await client.GetAsync("/mina-rapporter");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/atkomst-nekad", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Report_page_shows_a_script_in_the_description_as_text_with_the_reports_details()
    {
        var api = await factory.ApiClientAsync(Demo.Representative);
        var report = await api.ReportAsync("<script>alert('x')</script> och <b>fet</b>", extra: new
        {
            location = "Torget",
            agendaItem = "Beslut om skolnedläggning",
            perpetrator = new { category = "citizen", identifiers = new[] { "@arg_medborgare" } },
            roleConnection = "probably",
            reportedToPolice = true,
            policeReference = "5000-K123456-26",
        });
        var client = await factory.SignedInAsync(Demo.Representative);

        var page = await client.GetPageAsync($"/mina-rapporter/{report.Id}");

        Assert.Empty(page.QuerySelectorAll("main script, main b"));
        Assert.Contains("<script>alert('x')</script> och <b>fet</b>", page.MainText());
        Assert.Equal($"Rapport {report.Reference}", page.QuerySelector("h1")!.TextContent);
        var text = page.MainText();
        foreach (var expected in new[] { "Mottagen", "E-post", "Hot", "Jag vill bli kontaktad", "Torget", "Beslut om skolnedläggning",
                     "En invånare", "@arg_medborgare", "Troligen", "5000-K123456-26", "En säkerhetsansvarig kontaktar dig senast" })
            Assert.Contains(expected, text);
    }

    [Fact]
    public async Task Another_representative_of_the_same_organisation_gets_404_for_the_report_and_its_evidence()
    {
        var (report, evidenceId) = await ReportWithFileAsync();
        var (_, other) = await factory.OtherRepresentativeAsync();

        await AssertHiddenAsync(other, report, evidenceId);
    }

    [Fact]
    public async Task Representative_of_another_organisation_gets_404_for_the_report_and_its_evidence()
    {
        var (report, evidenceId) = await ReportWithFileAsync();
        var other = await factory.SignedInAsync(Demo.RegionRepresentative);

        await AssertHiddenAsync(other, report, evidenceId);
    }

    [Fact]
    public async Task Message_is_stored_and_the_officers_get_an_email_with_a_link_but_not_the_message_or_the_description()
    {
        var report = await factory.ReportAsync(Demo.Representative, "Hemlig beskrivning 4711");
        var client = await factory.SignedInAsync(Demo.Representative);
        await factory.DeliverNotificationsAsync();
        var before = (await factory.MailsToAsync(Demo.Officer, _ => true)).Length;

        var sent = await client.SubmitFormAsync($"/mina-rapporter/{report.Id}",
            new Dictionary<string, string> { ["Message.Body"] = "Hemligt meddelande 0815" }, "#message-form");

        var page = await client.FollowAsync(sent);
        Assert.Contains("Ditt meddelande är skickat", page.QuerySelector("[role=status]")!.TextContent);
        var message = page.QuerySelector("ol.thread > li")!.TextContent;
        Assert.Contains("Hemligt meddelande 0815", message);
        Assert.Contains("Du", message);
        var api = await factory.ApiClientAsync(Demo.Officer);
        Assert.Contains("Hemligt meddelande 0815", await api.GetStringAsync($"/api/v1/reports/{report.Id}/messages"));

        await factory.DeliverNotificationsAsync();
        var mails = (await factory.MailsToAsync(Demo.Officer, m => m.Skip(before).Any(IsMessageMail))).Skip(before).ToList();
        var mail = Assert.Single(mails, IsMessageMail);
        Assert.Contains("http://localhost/", mail);
        Assert.DoesNotContain("0815", mail);
        Assert.DoesNotContain("4711", mail);
    }

    [Fact]
    public async Task Officers_reply_appears_in_the_thread_and_emails_the_representative_a_link_to_the_report()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        await factory.DeliverNotificationsAsync();
        var before = (await factory.MailsToAsync(Demo.Representative, _ => true)).Length;
        var officer = await factory.ApiClientAsync(Demo.Officer);

        var reply = await officer.PostAsJsonAsync($"/api/v1/reports/{report.Id}/messages", new { body = "Jag ringer dig i eftermiddag." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        await factory.DeliverNotificationsAsync();
        var mail = Assert.Single((await factory.MailsToAsync(Demo.Representative, m => m.Length > before)).Skip(before));
        Assert.Contains($"http://localhost/mina-rapporter/{report.Id}", mail);
        Assert.DoesNotContain("eftermiddag", mail);
        // The link in the e-mail lands on the report, where the reply is waiting.
        var client = await factory.SignedInAsync(Demo.Representative);
        var page = await client.GetPageAsync($"/mina-rapporter/{report.Id}");
        var message = page.QuerySelector("ol.thread > li.from-officer")!.TextContent;
        Assert.Contains("Jag ringer dig i eftermiddag.", message);
        Assert.Contains("Säkerhetsansvarig", message);
        Assert.Contains("Helena Säker", message);
    }

    [Fact]
    public async Task Empty_message_is_refused_with_an_error_next_to_the_field()
    {
        var report = await factory.ReportAsync(Demo.Representative);
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.SubmitFormAsync($"/mina-rapporter/{report.Id}",
            new Dictionary<string, string> { ["Message.Body"] = "   " }, "#message-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Meddelande: Fältet måste fyllas i.", page.FieldErrors("Message.Body"));
        Assert.Empty(page.FieldErrors("Supplement.Text"));
        Assert.Null(page.QuerySelector("ol.thread"));
    }

    [Fact]
    public async Task Added_information_is_shown_with_its_time_and_the_original_description_is_unchanged()
    {
        var report = await factory.ReportAsync(Demo.Representative, "Första beskrivningen.");
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.SubmitFormAsync($"/mina-rapporter/{report.Id}",
            new Dictionary<string, string> { ["Supplement.Text"] = "Det hände igen i går kväll." }, "#supplement-form");

        var page = await client.FollowAsync(response);
        Assert.Contains("Informationen är tillagd", page.QuerySelector("[role=status]")!.TextContent);
        var added = page.QuerySelector("section[aria-labelledby=supplements-heading] ol.entries > li")!;
        Assert.Contains("Det hände igen i går kväll.", added.TextContent);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d", added.QuerySelector("time")!.TextContent);
        Assert.Contains("Första beskrivningen.", page.MainText());
    }

    [Fact]
    public async Task Report_an_officer_registered_on_my_behalf_is_listed_as_such()
    {
        var representativeId = await factory.WithDbAsync(null, db =>
            db.Users.Where(u => u.Email == Demo.Representative).Select(u => u.RepresentativeId!.Value).SingleAsync());
        var officer = await factory.ApiClientAsync(Demo.Officer);
        var report = await officer.ReportAsync("Ringde in om ett hotfullt brev.", extra: new
        {
            onBehalfOfRepresentativeId = representativeId,
            receivedVia = "phone",
        });
        var client = await factory.SignedInAsync(Demo.Representative);

        var list = await client.GetPageAsync("/mina-rapporter");
        var item = list.QuerySelectorAll("ol.report-list > li").Single(li => li.QuerySelector($"a[href='/mina-rapporter/{report.Id}']") is not null);
        Assert.Contains("En säkerhetsansvarig, för din räkning", item.TextContent);
        var page = await client.GetPageAsync($"/mina-rapporter/{report.Id}");
        Assert.Contains("Rapporten kom in via: Telefon", page.MainText());
    }

    private static bool IsMessageMail(string mail) => mail.Contains("har skrivit till er");

    private async Task<(MyReportsArrange.Created Report, Guid EvidenceId)> ReportWithFileAsync()
    {
        var report = await factory.ReportAsync(Demo.Representative, "Bara för mig 9393");
        var owner = await factory.SignedInAsync(Demo.Representative);
        await owner.FollowAsync(await owner.PostEvidenceAsync(report.Id, [("bild.png", Png)]));
        var evidenceId = await factory.WithDbAsync(null, db => db.Evidence.IgnoreQueryFilters()
            .Where(e => e.ReportId == report.Id).Select(e => e.Id).SingleAsync());
        return (report, evidenceId);
    }

    private static async Task AssertHiddenAsync(HttpClient other, MyReportsArrange.Created report, Guid evidenceId)
    {
        var page = await other.GetPageAsync($"/mina-rapporter/{report.Id}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("9393", page.MainText());
        Assert.DoesNotContain(report.Reference, page.MainText());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/mina-rapporter/{report.Id}/bevis/{evidenceId}")).StatusCode);
        var list = await other.GetPageAsync("/mina-rapporter");
        Assert.DoesNotContain(report.Reference, list.MainText());
        // Posting to the report's forms is refused the same way (the token comes from the attacker's own list page).
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)(await other.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var post = await other.PostAsync($"/mina-rapporter/{report.Id}?handler=Message",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Message.Body", "Hej")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
