using System.Text.Json;

namespace Varna.Tests.Representatives;

// Demo kommun's representatives must be invisible to everyone outside Demo kommun, on pages and
// in the API, and answer 404 rather than reveal that the id exists.
public sealed class RepresentativesIsolationTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private const string RegionAdmin = "admin@region.demo.varna.se";

    [Fact]
    public async Task Admin_of_another_organisation_gets_404_for_representative_and_mandate_pages()
    {
        var person = await factory.RepresentativeAsync(r => r.Mandates.Count > 0);
        var mandate = person.Mandates[0];
        var client = await factory.SignedInAsync(await factory.CreateOrgAdminAsync(RepresentativesArrange.Exempelregionen, RegionAdmin));

        foreach (var url in new[] { $"/admin/fortroendevalda/{person.Id}", $"/admin/fortroendevalda/{person.Id}/uppdrag/ny",
                     $"/admin/fortroendevalda/{person.Id}/uppdrag/{mandate.Id}" })
        {
            var page = await client.GetPageAsync(url, HttpStatusCode.NotFound);
            Assert.DoesNotContain(person.LastName, page.QuerySelector("main")!.TextContent);
        }
    }

    [Fact]
    public async Task Admin_of_another_organisation_cannot_change_or_end_a_representatives_mandate()
    {
        var person = await factory.RepresentativeAsync(r => r.Mandates.Any(m => m.To != null));
        var mandate = person.Mandates.First(m => m.To != null);
        var client = await factory.SignedInAsync(await factory.CreateOrgAdminAsync(RepresentativesArrange.Exempelregionen, RegionAdmin));
        // A form of the attacker's own organisation supplies a valid antiforgery token.
        var own = await factory.RepresentativeAsync(_ => true, RepresentativesArrange.Exempelregionen);
        var ownMandate = own.Mandates[0];
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync($"/admin/fortroendevalda/{own.Id}/uppdrag/{ownMandate.Id}"))
            .QuerySelector("form[action*='handler=End']")!;

        form.Action = $"/admin/fortroendevalda/{person.Id}/uppdrag/{mandate.Id}?handler=End";
        var foreign = await client.PostFormAsync(form, "", new Dictionary<string, string> { ["End.LastDay"] = "2030-01-01" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(mandate.To, (await factory.ReloadAsync(person)).Mandates.Single(m => m.Id == mandate.Id).To);
    }

    [Fact]
    public async Task List_of_another_organisations_admin_shows_none_of_demo_kommuns_representatives()
    {
        var client = await factory.SignedInAsync(await factory.CreateOrgAdminAsync(RepresentativesArrange.Exempelregionen, RegionAdmin));

        var page = await client.GetPageAsync("/admin/fortroendevalda");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("@exempelregionen.se", text);
        Assert.DoesNotContain("@demokommun.se", text);
        var person = await factory.RepresentativeAsync(_ => true);
        Assert.Null(page.QuerySelector($"a[href='/admin/fortroendevalda/{person.Id}']"));
    }

    [Fact]
    public async Task Api_lists_the_callers_organisation_with_snake_case_codes()
    {
        var client = await factory.ApiClientAsync(Demo.Officer);

        var response = await client.GetAsync("/api/v1/representatives");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var people = json.RootElement.EnumerateArray().ToList();
        Assert.True(people.Count >= 30);
        Assert.All(people, p => Assert.EndsWith("@demokommun.se", p.GetProperty("email").GetString()));
        var codes = people.SelectMany(p => p.GetProperty("mandates").EnumerateArray()).Select(m => m.GetProperty("bodyKind").GetString()).ToHashSet();
        Assert.Contains("municipal_executive_board", codes);
        Assert.DoesNotContain(people, p => p.TryGetProperty("party", out _));
    }

    [Fact]
    public async Task Api_returns_one_representative_and_404_problem_details_for_another_organisations_id()
    {
        var own = await factory.RepresentativeAsync(r => r.Mandates.Any(m => m.FullTimeOrLargePartTime));
        var foreign = await factory.RepresentativeAsync(_ => true, RepresentativesArrange.Exempelregionen);
        var client = await factory.ApiClientAsync(Demo.Admin);

        var ok = await client.GetAsync($"/api/v1/representatives/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal(own.LastName, json.RootElement.GetProperty("lastName").GetString());
        Assert.Contains(json.RootElement.GetProperty("mandates").EnumerateArray(), m => m.GetProperty("fullTimeOrLargePartTime").GetBoolean());

        foreach (var id in new[] { foreign.Id, Guid.NewGuid() })
        {
            var missing = await client.GetAsync($"/api/v1/representatives/{id}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain(foreign.LastName, await missing.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Api_without_a_token_gets_401_and_a_representatives_token_gets_403()
    {
        var anonymous = await factory.CreateClient().GetAsync("/api/v1/representatives");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);

        var representative = await (await factory.ApiClientAsync(Demo.Representative)).GetAsync("/api/v1/representatives");
        Assert.Equal(HttpStatusCode.Forbidden, representative.StatusCode);
    }
}
