using Varna.Features.Organisations;

namespace Varna.Tests.Organisations;

public sealed class SettingsTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private Task<OrganisationSettings> SettingsOfAsync(string organisation) =>
        factory.WithDbAsync(null, db => db.Organisations.AsNoTracking().Where(o => o.Name == organisation).Select(o => o.Settings).SingleAsync());

    [Fact]
    public async Task Admin_changes_the_first_contact_times_and_retention_and_sees_them_kept()
    {
        var admin = await factory.SignedInAsync(Demo.Admin);
        var response = await admin.SubmitFormAsync("/admin/installningar", new Dictionary<string, string>
        {
            ["Input.FirstContactHoursAcute"] = "2",
            ["Input.FirstContactHoursHigh"] = "8",
            ["Input.FirstContactHoursModerate"] = "48",
            ["Input.FirstContactHoursLow"] = "120",
            ["Input.RetentionMonthsAfterClosure"] = "36",
            ["Input.Scope"] = "statutory_only",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await admin.GetPageAsync("/admin/installningar");
        Assert.Equal("Inställningarna är sparade.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("8", page.QuerySelector("#Input_FirstContactHoursHigh")!.GetAttribute("value"));
        var saved = await SettingsOfAsync("Demo kommun");
        Assert.Equal((2, 8, 48, 120, 36, ResponsibilityScope.StatutoryOnly),
            (saved.FirstContactHoursAcute, saved.FirstContactHoursHigh, saved.FirstContactHoursModerate, saved.FirstContactHoursLow,
             saved.RetentionMonthsAfterClosure, saved.Scope));
        Assert.Equal(4, (await SettingsOfAsync("Exempelregionen")).FirstContactHoursHigh);
    }

    [Fact]
    public async Task Acute_longer_than_high_and_a_zero_retention_are_named_and_nothing_is_saved()
    {
        var before = await SettingsOfAsync("Demo kommun");
        var admin = await factory.SignedInAsync(Demo.Admin);
        var response = await admin.SubmitFormAsync("/admin/installningar", new Dictionary<string, string>
        {
            ["Input.FirstContactHoursAcute"] = "10",
            ["Input.FirstContactHoursHigh"] = "4",
            ["Input.RetentionMonthsAfterClosure"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Hög: Får inte vara kortare", page.QuerySelector(".error-summary")!.TextContent);
        Assert.NotEmpty(page.FieldErrors("Input.RetentionMonthsAfterClosure"));
        Assert.Equal("10", page.QuerySelector("#Input_FirstContactHoursAcute")!.GetAttribute("value"));
        Assert.Equal(before, await SettingsOfAsync("Demo kommun"));
    }

    [Fact]
    public async Task Unknown_scope_code_is_a_field_error()
    {
        var admin = await factory.SignedInAsync(Demo.Admin);
        var page = await (await admin.SubmitFormAsync("/admin/installningar", new Dictionary<string, string> { ["Input.Scope"] = "everyone_everywhere" })).ReadPageAsync();
        Assert.NotEmpty(page.FieldErrors("Input.Scope"));
    }

    [Theory]
    [InlineData(Demo.Officer)]
    [InlineData(Demo.Representative)]
    [InlineData(Demo.Analyst)]
    public async Task Other_roles_cannot_open_the_settings(string email)
    {
        var response = await (await factory.SignedInAsync(email)).GetAsync("/admin/installningar");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/atkomst-nekad", response.Headers.Location!.PathAndQuery);
    }
}
