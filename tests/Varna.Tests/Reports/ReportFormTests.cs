using AngleSharp.Dom;
using System.Text.RegularExpressions;
using Varna.Features.Cases;
using Varna.Features.Reports;
using Varna.Infrastructure;

namespace Varna.Tests.Reports;

public sealed class ReportFormTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Representative_submits_the_form_and_sees_the_receipt_with_reference_and_contact_time()
    {
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostReportAsync("/rapportera", ReportFormKit.Required());

        var (id, receipt) = await client.ReceiptAsync(response);
        var (report, @case, _) = await factory.StoredAsync(id);
        Assert.Matches(new Regex(@"^DEMO-\d{4}-\d{4}$"), receipt.Text(".reference"));
        Assert.Equal(@case.Reference, receipt.Text(".reference"));
        Assert.Equal($"En säkerhetsansvarig kontaktar dig senast {Swedish.Format(@case.FirstContactDueAt!.Value)}.", receipt.Text(".next"));
        Assert.Contains("114 14", receipt.Text(".guidance"));
        Assert.Null(receipt.QuerySelector(".call-112"));
        Assert.Equal("/mina-rapporter", receipt.QuerySelector("a[href='/mina-rapporter']")?.GetAttribute("href"));

        var representativeId = await factory.WithDbAsync(null, db => db.Users.Where(u => u.Email == Demo.Representative).Select(u => u.RepresentativeId).SingleAsync());
        Assert.Equal(representativeId, report.RepresentativeId);
        Assert.Equal(IntakeMethod.SelfService, report.IntakeMethod);
        Assert.Equal([IncidentType.Threat], report.Types);
        Assert.False(report.OccurredTimeKnown);
        Assert.Equal(ReportFormKit.Today(), Swedish.Format(report.OccurredAt)[..10]);
    }

    [Fact]
    public async Task A_threat_is_moderate_with_the_organisations_deadline_and_violence_at_a_given_time_is_high()
    {
        var client = await factory.SignedInAsync(Demo.Representative);
        var settings = await factory.SettingsAsync();

        var (threatId, _) = await client.ReceiptAsync(await client.PostReportAsync("/rapportera", ReportFormKit.Required()));
        var (violenceId, _) = await client.ReceiptAsync(await client.PostReportAsync("/rapportera",
            ReportFormKit.Required(channel: "in_person_public", types: ["violence", "vandalism"]).With("Input.OccurredTime", "00:00")));

        var (_, threat, _) = await factory.StoredAsync(threatId);
        Assert.Equal((CaseStatus.New, ConcernLevel.Moderate), (threat.Status, threat.ConcernLevel));
        Assert.Equal(threat.OpenedAt.AddHours(settings.FirstContactHoursModerate), threat.FirstContactDueAt);
        var (violence, violenceCase, _) = await factory.StoredAsync(violenceId);
        Assert.Equal(ConcernLevel.High, violenceCase.ConcernLevel);
        Assert.Equal(violenceCase.OpenedAt.AddHours(settings.FirstContactHoursHigh), violenceCase.FirstContactDueAt);
        Assert.True(violence.OccurredTimeKnown);
        Assert.Equal(ReportFormKit.Today() + " 00:00", Swedish.Format(violence.OccurredAt));
    }

    [Fact]
    public async Task Record_only_report_has_no_deadline_and_the_receipt_says_no_one_will_call()
    {
        var client = await factory.SignedInAsync(Demo.Representative);

        var (id, receipt) = await client.ReceiptAsync(await client.PostReportAsync("/rapportera",
            ReportFormKit.Required(wish: "record_only", types: "hate_speech")));

        var (_, @case, _) = await factory.StoredAsync(id);
        Assert.Equal(ConcernLevel.Low, @case.ConcernLevel);
        Assert.Null(@case.FirstContactDueAt);
        Assert.StartsWith("Rapporten är registrerad och ingen kommer att kontakta dig.", receipt.Text(".next"));
    }

    [Fact]
    public async Task Missing_description_and_future_date_are_named_at_their_fields_and_everything_typed_is_kept()
    {
        var client = await factory.SignedInAsync(Demo.Representative);
        var before = await factory.ReportCountAsync();
        var tomorrow = DateOnly.Parse(ReportFormKit.Today()).AddDays(1).ToString("yyyy-MM-dd");

        var response = await client.PostReportAsync("/rapportera", ReportFormKit.Required(description: "  ")
            .With("Input.OccurredDate", tomorrow).With("Input.OccurredTime", "14:30")
            .With("Input.Location", "Stadshusets entré").With("Input.Perpetrator.Identifiers", "@troll_123\nanonym@example.com")
            .With("Input.Target", "relative").With("Input.Perpetrator.Category", "fixated_person"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(["Berätta vad som hände: Fältet måste fyllas i."], page.FieldErrors("Input.Description"));
        Assert.Equal(["Tidpunkten kan inte ligga i framtiden."], page.FieldErrors("Input.OccurredAt"));
        Assert.Contains("Berätta vad som hände: Fältet måste fyllas i.", page.Text(".error-summary"));
        Assert.Equal(tomorrow, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_OccurredDate")!.Value);
        Assert.Equal("14:30", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_OccurredTime")!.Value);
        Assert.Equal("Stadshusets entré", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Location")!.Value);
        Assert.Equal("@troll_123\nanonym@example.com", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Perpetrator_Identifiers")!.Value);
        Assert.Equal("fixated_person", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_Perpetrator_Category")!.Value);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Target_relative")!.IsChecked);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Channel_social_media_private")!.IsChecked);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Types_threat")!.IsChecked);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Wish_request_contact")!.IsChecked);
        Assert.NotNull(page.QuerySelector("details[open]"));
        Assert.Contains("Välj filerna igen", page.Text("details"));
        Assert.Equal(before, await factory.ReportCountAsync());
    }

    [Fact]
    public async Task No_type_chosen_is_named_and_the_description_is_kept()
    {
        var client = await factory.SignedInAsync(Demo.Representative);
        var before = await factory.ReportCountAsync();
        const string description = "Ett mejl med hot mot min familj.\nAvsändaren skrev under med fullt namn.";

        var response = await client.PostReportAsync("/rapportera", ReportFormKit.Required(description: description, channel: "email").Without("Input.Types"));

        var page = await response.ReadPageAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Välj minst ett alternativ som beskriver vad som hände."], page.FieldErrors("Input.Types"));
        Assert.Empty(page.FieldErrors("Input.Description"));
        Assert.Equal(description, page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Description")!.Value);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Channel_email")!.IsChecked);
        Assert.Equal(before, await factory.ReportCountAsync());
    }

    [Fact]
    public async Task Script_in_the_description_is_shown_as_text_on_the_receipt()
    {
        var client = await factory.SignedInAsync(Demo.Representative);
        const string description = "<script>alert('hej')</script> skrev någon under min bild.";

        var response = await client.PostReportAsync("/rapportera", ReportFormKit.Required(description: description));

        var location = response.Headers.Location!.ToString();
        var html = await client.GetStringAsync(location);
        Assert.Contains("&lt;script&gt;alert(", html);
        var (_, receipt) = await client.ReceiptAsync(response);
        Assert.Equal(description, receipt.Text(".description"));
        Assert.Empty(receipt.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Danger_now_shows_112_first_on_the_receipt_and_the_case_is_acute()
    {
        var client = await factory.SignedInAsync(Demo.Representative);
        var settings = await factory.SettingsAsync();

        var (id, receipt) = await client.ReceiptAsync(await client.PostReportAsync("/rapportera",
            ReportFormKit.Required(types: "harassment").With("Input.DangerNow", "true")));

        var first = receipt.QuerySelector("main")!.FirstElementChild!;
        Assert.Contains("call-112", first.ClassName);
        Assert.Equal("tel:112", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("114 14", receipt.Text(".guidance"));
        var (report, @case, _) = await factory.StoredAsync(id);
        Assert.True(report.DangerNow);
        Assert.Equal(ConcernLevel.Acute, @case.ConcernLevel);
        Assert.Equal(@case.OpenedAt.AddHours(settings.FirstContactHoursAcute), @case.FirstContactDueAt);
    }

    [Fact]
    public async Task Form_asks_about_danger_first_and_shows_112_first_when_shown_again_with_danger_yes()
    {
        var client = await factory.SignedInAsync(Demo.Representative);

        var form = await client.GetPageAsync("/rapportera");
        var firstQuestion = form.QuerySelector("main form fieldset")!;
        Assert.Equal("Är du i fara just nu?", firstQuestion.QuerySelector("legend")!.TextContent);
        Assert.Equal("tel:112", firstQuestion.QuerySelector(".call-112.inline a")!.GetAttribute("href"));
        Assert.Equal(ReportFormKit.Today(), form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_OccurredDate")!.Value);
        Assert.Equal("multipart/form-data", form.QuerySelector("main form")!.GetAttribute("enctype"));

        var response = await client.PostReportAsync("/rapportera", ReportFormKit.Required(description: "").With("Input.DangerNow", "true"));

        var page = await response.ReadPageAsync();
        var first = page.QuerySelector("main")!.FirstElementChild!;
        Assert.Equal("call-112", first.ClassName);
        Assert.Null(page.QuerySelector(".call-112.inline"));
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#danger-yes")!.IsChecked);
    }

    [Fact]
    public async Task Form_is_in_English_for_someone_who_chose_English()
    {
        var client = await factory.SignedInAsync(Demo.Representative);
        await client.SubmitFormAsync("/rapportera", new Dictionary<string, string>(), "form.language-switch");

        var page = await client.GetPageAsync("/rapportera");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Report an incident", page.Text("h1"));
        Assert.Equal("Are you in danger right now?", page.Text("main form legend"));
        Assert.Equal("I want to be contacted", page.Text("label[for=Input_Wish_request_contact]"));
        Assert.Equal("Threats and harassment", page.Text("fieldset.group legend"));
    }

    [Fact]
    public async Task Report_page_with_its_stylesheet_weighs_under_60_KB()
    {
        var client = await factory.SignedInAsync(Demo.Representative);

        var html = await (await client.GetAsync("/rapportera")).Content.ReadAsByteArrayAsync();
        var page = await client.GetPageAsync("/rapportera");
        var loaded = page.QuerySelectorAll("link[href], script[src], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")).ToList();
        long total = html.Length;
        foreach (var url in loaded)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.Single(loaded); // the stylesheet, nothing else
        Assert.True(total < 60 * 1024, $"The report page weighs {total} bytes with what it loads.");
    }

    [Fact]
    public async Task Representative_start_page_links_to_the_report_form_and_the_menu_has_it_too()
    {
        var client = await factory.SignedInAsync(Demo.Representative);

        var start = await client.GetPageAsync("/");

        Assert.Equal("Rapportera en händelse", start.Text("main a.button[href='/rapportera']"));
        Assert.Equal("Rapportera", start.Text("nav a[href='/rapportera']"));
        Assert.Contains("114 14", start.Text("main"));
        Assert.Null(start.QuerySelector("nav a[href='/rapportera/registrera']"));
    }
}
