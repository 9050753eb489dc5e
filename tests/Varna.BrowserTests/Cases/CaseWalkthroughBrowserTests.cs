using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Varna.BrowserTests.Infrastructure;
using Varna.Tests.Infrastructure;

namespace Varna.BrowserTests.Cases;

// The security officer's whole desk in Swedish: a new report is found in the inbox, taken,
// contacted, assessed, acted on, reported to the police, followed up and closed; the representative
// then sees the answer and the closed status, never the internal note. Every page and every page
// after a form post is scanned by axe.
[Collection(BrowserCollection.Name)]
public sealed class CaseWalkthroughBrowserTests(BrowserFixture browser)
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Fact]
    public async Task Officer_walks_a_case_from_new_report_to_closure_and_the_representative_sees_the_outcome()
    {
        const string description = "Någon lämnade ett hotfullt brev i min brevlåda i går kväll.";
        const string internalNote = "Intern: gärningspersonen kan vara känd sedan tidigare ärende.";
        const string message = "Vi har polisanmält och följer upp med dig om två veckor.";
        var reference = await CaseArrange.NewCaseAsync(browser, description, withEvidence: true);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Sweden).DateTime);

        await using (var officer = await browser.OpenAsync())
        {
            var page = officer.Page;
            await officer.SignInAsync(Demo.Officer);

            // The inbox: the new case with its first-contact deadline.
            await officer.VisitAsync("/arenden");
            Assert.Equal("Ärenden", await page.HeadingAsync());
            var inbox = page.GetByRole(AriaRole.Table);
            await Assertions.Expect(inbox.GetByRole(AriaRole.Columnheader, new() { Name = "Första kontakt" })).ToBeVisibleAsync();
            var row = inbox.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }) });
            await Assertions.Expect(row).ToContainTextAsync(new Regex("(kvar|Försenad)"));
            await Assertions.Expect(row).ToContainTextAsync("Ingen ännu");
            await officer.FollowAsync(row.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }));
            Assert.Equal($"Ärende {reference}", await page.HeadingAsync());
            var caseId = CaseArrange.CaseId(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(description);
            await Assertions.Expect(page.Locator(".evidence .hash")).ToHaveTextAsync(CaseArrange.PngSha256);

            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ta ärendet", Exact = true }));
            await ExpectDoneAsync(page, "Ärendet har fått ny handläggare.");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ta ärendet", Exact = true })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Group, new() { Name = "Hur tog du kontakt?" }).GetByLabel("Telefon").CheckAsync();
            await page.GetByLabel("Anteckning (frivillig)").FillAsync("Ringde upp, personen är trygg just nu.");
            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Logga första kontakten", Exact = true }));
            await ExpectDoneAsync(page, "Kontakten är loggad.");

            await page.GetByLabel("Ny orosnivå").SelectOptionAsync(new SelectOptionValue { Label = "Hög" });
            await page.GetByLabel("Motivering", new() { Exact = true }).FillAsync("Brevet visar att personen vet var hon bor.");
            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ändra orosnivån", Exact = true }));
            await ExpectDoneAsync(page, "Orosnivån är ändrad.");

            // The structured assessment: answers, the suggestion (only shown), then the decision.
            await officer.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Gör en ny bedömning" }));
            Assert.Equal($"Ny hotbedömning, ärende {reference}", await page.HeadingAsync());
            await page.GetByRole(AriaRole.Group, new() { Name = "Direkt hot" }).GetByLabel("Ja", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Kunskap om privatlivet" }).GetByLabel("Ja", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Anteckning om Kunskap om privatlivet").FillAsync("Brevet kom till hemadressen.");
            await page.GetByRole(AriaRole.Group, new() { Name = "Vapen" }).GetByLabel("Nej", new() { Exact = true }).CheckAsync();
            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Visa förslag", Exact = true }));
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("^Förslag utifrån faktorerna: .+\\. Du avgör\\.$"));
            await Assertions.Expect(page.GetByLabel("Anteckning om Kunskap om privatlivet")).ToHaveValueAsync("Brevet kom till hemadressen.");
            await page.GetByLabel("Beslutad orosnivå").SelectOptionAsync(new SelectOptionValue { Label = "Hög" });
            await page.GetByLabel("Motivering", new() { Exact = true }).FillAsync("Direkt hot och kunskap om hemadressen.");
            await page.GetByLabel("Ny bedömning senast").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd"));
            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara bedömningen", Exact = true }));
            Assert.Equal($"Ärende {reference}", await page.HeadingAsync());
            await ExpectDoneAsync(page, "Bedömningen är sparad som version 1.");

            var measure = page.GetByRole(AriaRole.Form, new() { Name = "Lägg till en åtgärd" });
            await measure.GetByLabel("Åtgärd", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Stödsamtal" });
            await measure.GetByLabel("Ansvarig (person eller organisation)").FillAsync("Företagshälsovården");
            await measure.GetByLabel("Startdatum").FillAsync(today.ToString("yyyy-MM-dd"));
            await officer.FollowAsync(measure.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärden", Exact = true }));
            await ExpectDoneAsync(page, "Åtgärden är tillagd.");
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Åtgärder i ärendet" })).ToContainTextAsync("Företagshälsovården");

            var police = page.GetByRole(AriaRole.Form, new() { Name = "Registrera polisanmälan" });
            await police.GetByRole(AriaRole.Group, new() { Name = "Är händelsen polisanmäld?" }).GetByLabel("Ja", new() { Exact = true }).CheckAsync();
            await police.GetByRole(AriaRole.Group, new() { Name = "Vem gjorde anmälan?" }).GetByLabel("Säkerhetsansvarig").CheckAsync();
            await police.GetByLabel("Polisens ärendenummer").FillAsync("5000-K123456-26");
            await police.GetByLabel("Datum för anmälan").FillAsync(today.ToString("yyyy-MM-dd"));
            await officer.FollowAsync(police.GetByRole(AriaRole.Button, new() { Name = "Spara polisanmälan", Exact = true }));
            await ExpectDoneAsync(page, "Uppgifterna om polisanmälan är sparade.");

            // The police package: the reference and the evidence with the hash the server computed.
            await officer.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Underlag för polisanmälan" }));
            Assert.Equal($"Underlag för polisanmälan – {reference}", await page.HeadingAsync());
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("5000-K123456-26");
            var evidence = page.GetByRole(AriaRole.Table, new() { Name = "Bevis med kontrollsumma och serverns mottagningstid" });
            await Assertions.Expect(evidence.GetByRole(AriaRole.Row).Filter(new() { HasText = "skarmbild.png" })).ToContainTextAsync(CaseArrange.PngSha256);
            await officer.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Tillbaka till ärendet" }));

            await page.GetByLabel("Anteckning", new() { Exact = true }).FillAsync(internalNote);
            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Spara anteckningen", Exact = true }));
            await ExpectDoneAsync(page, "Anteckningen är sparad.");

            await page.GetByLabel("Skriv till den som rapporterade").FillAsync(message);
            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Skicka meddelandet", Exact = true }));
            await ExpectDoneAsync(page, "Meddelandet är skickat.");

            await page.GetByLabel("Påminn mig den").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd"));
            await page.GetByLabel("Vad ska följas upp? (frivilligt)").FillAsync("Ring och hör hur det går.");
            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Lägg till påminnelse", Exact = true }));
            await ExpectDoneAsync(page, "Påminnelsen om uppföljning är sparad.");
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Påminnelser om uppföljning, tidigast först" })).ToContainTextAsync("Ring och hör hur det går.");

            // The assessment started the handling (Bedöms); from there forward only.
            await Assertions.Expect(page.GetByText("Nu: Bedöms. Ett ärende går bara framåt.")).ToBeVisibleAsync();
            foreach (var next in new[] { "Åtgärder", "Uppföljning" })
            {
                await page.GetByLabel("Flytta ärendet till").SelectOptionAsync(new SelectOptionValue { Label = next });
                await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Flytta ärendet", Exact = true }));
                await ExpectDoneAsync(page, "Ärendets status är ändrad.");
                await Assertions.Expect(page.Locator("dl.details").First.Locator("dd").First).ToHaveTextAsync(next);
            }

            await page.GetByLabel("Utfall", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hanterat, inget mer behövs" });
            await page.GetByLabel("Den förtroendevalda har fått besked").CheckAsync();
            await officer.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Avsluta ärendet", Exact = true }));
            await ExpectDoneAsync(page, "Ärendet är avslutat.");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Öppna ärendet igen", Exact = true })).ToBeVisibleAsync();

            var timeline = await page.Locator("ol.timeline > li").AllInnerTextsAsync();
            AssertInOrder(timeline,
                "Ärendet öppnades när rapporten kom in",
                "Ärendet tilldelades",
                "Kontakt med den förtroendevalda loggades",
                "Orosnivån ändrades från",
                "En hotbedömning registrerades med orosnivån ”Hög”.",
                "Åtgärden ”Stödsamtal” lades till.",
                "Uppgifterna om polisanmälan uppdaterades: ”Polisanmäld, inget besked ännu”.",
                internalNote,
                "Ett meddelande skickades till den som rapporterade.",
                "En uppföljning planerades",
                "Status ändrades från ”Bedöms” till ”Åtgärder”.",
                "Status ändrades från ”Åtgärder” till ”Uppföljning”.",
                "Ärendet avslutades med utfallet ”Hanterat, inget mer behövs”, och den förtroendevalda har fått besked.");
        }

        await using var representative = await browser.OpenAsync();
        var mine = representative.Page;
        await representative.SignInAsync(Demo.Representative);
        await representative.VisitAsync("/mina-rapporter");
        var item = mine.GetByRole(AriaRole.Listitem).Filter(new() { Has = mine.GetByRole(AriaRole.Link, new() { Name = $"Rapport {reference}", Exact = true }) });
        await Assertions.Expect(item.Locator(".badge")).ToHaveTextAsync("Avslutad");
        await representative.FollowAsync(item.GetByRole(AriaRole.Link, new() { Name = $"Rapport {reference}", Exact = true }));
        await Assertions.Expect(mine.Locator("ol.thread")).ToContainTextAsync(message);
        await Assertions.Expect(mine.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(internalNote);
    }

    private static Task ExpectDoneAsync(IPage page, string text) =>
        Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text);

    private static void AssertInOrder(IReadOnlyList<string> entries, params string[] expected)
    {
        var at = -1;
        foreach (var text in expected)
        {
            var found = entries.Select((entry, index) => (entry, index)).FirstOrDefault(e => e.index > at && e.entry.Contains(text));
            Assert.True(found.entry is not null, $"The timeline has no \"{text}\" after entry {at}:\n{string.Join("\n---\n", entries)}");
            at = found.index;
        }
    }
}
