namespace Varna.Tests.Data;

// The query filter is the safety net under every feature: these tests use the DbContext with no
// Where at all, as a forgetful handler would.
public sealed class TenantFilterTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    private async Task<(Guid Municipality, Guid Region)> OrganisationsAsync() =>
        await factory.WithDbAsync(null, async db =>
        {
            var orgs = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id);
            return (orgs["Demo kommun"], orgs["Exempelregionen"]);
        });

    [Fact]
    public async Task A_query_without_where_sees_only_the_current_organisations_representatives_and_mandates()
    {
        var (municipality, region) = await OrganisationsAsync();
        var seen = await factory.WithDbAsync(municipality, async db =>
            (Reps: await db.Representatives.Select(r => r.OrganisationId).Distinct().ToListAsync(),
             Mandates: await db.Mandates.Select(m => m.OrganisationId).Distinct().ToListAsync()));
        Assert.Equal([municipality], seen.Reps);
        Assert.Equal([municipality], seen.Mandates);

        var regional = await factory.WithDbAsync(region, db => db.Representatives.CountAsync());
        Assert.Equal(30, regional);
    }

    [Fact]
    public async Task Without_an_organisation_no_organisation_owned_row_is_visible()
    {
        var counts = await factory.WithDbAsync(null, async db => (await db.Representatives.CountAsync(), await db.Mandates.CountAsync()));
        Assert.Equal((0, 0), counts);
    }

    [Fact]
    public async Task Looking_up_another_organisations_row_by_id_finds_nothing()
    {
        var (municipality, region) = await OrganisationsAsync();
        var regionalId = await factory.WithDbAsync(region, db => db.Representatives.Select(r => r.Id).FirstAsync());
        var found = await factory.WithDbAsync(municipality, db => db.Representatives.AnyAsync(r => r.Id == regionalId));
        Assert.False(found);
    }
}
