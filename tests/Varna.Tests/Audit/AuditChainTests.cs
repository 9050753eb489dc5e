using Microsoft.Extensions.DependencyInjection;
using Varna.Features.Audit;
using Varna.Tests.Account;

namespace Varna.Tests.Audit;

// The hash chain shows an edited or deleted line, names the first one, and passes an intact log.
public sealed class AuditChainTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    // A fresh organisation per test, so each test's chain is its own.
    private async Task<(Guid Org, string Name)> ChainOfFiveAsync()
    {
        var name = "Granskade kommun " + Guid.NewGuid().ToString("N")[..8];
        var org = await factory.CreateOrganisationAsync(name);
        var log = factory.Services.GetRequiredService<AuditLog>();
        for (var i = 1; i <= 5; i++)
            await log.WriteAsync(new AuditRecord(AuditAction.CaseRead, org, Guid.NewGuid(), "someone@example.se", Detail: $"line {i}"));
        return (org, name);
    }

    private Task<AuditVerification> VerifyAsync() => factory.WithDbAsync(null, db => AuditChain.VerifyAsync(db));

    [Fact]
    public async Task An_intact_chain_verifies()
    {
        var (org, name) = await ChainOfFiveAsync();

        var chain = Assert.Single((await VerifyAsync()).Chains, c => c.Chain == org);

        Assert.True(chain.Intact);
        Assert.Equal(5, chain.Entries);
        Assert.Equal(name, chain.OrganisationName);
    }

    [Fact]
    public async Task An_edited_line_is_named_as_the_first_broken_entry()
    {
        var (org, name) = await ChainOfFiveAsync();
        var updated = await factory.WithDbAsync(null, db => db.Database.ExecuteSqlAsync(
            $"UPDATE audit_entries SET detail = 'nothing to see' WHERE chain = {org} AND sequence = 3"));
        Assert.Equal(1, updated);

        var chain = Assert.Single((await VerifyAsync()).Chains, c => c.Chain == org);

        Assert.Equal(3, chain.Break!.Sequence);
        Assert.Equal(AuditBreakKind.Hash, chain.Break.Kind);
        Assert.Equal(name, chain.OrganisationName);
    }

    [Fact]
    public async Task A_deleted_line_is_caught_as_a_gap_at_the_line_after_it()
    {
        var (org, _) = await ChainOfFiveAsync();
        var deleted = await factory.WithDbAsync(null, db => db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE chain = {org} AND sequence = 2"));
        Assert.Equal(1, deleted);

        var chain = Assert.Single((await VerifyAsync()).Chains, c => c.Chain == org);

        Assert.Equal(3, chain.Break!.Sequence);
        Assert.Equal(AuditBreakKind.Gap, chain.Break.Kind);
        Assert.Contains("sequence 2 is missing", chain.Break.Description);
    }

    [Fact]
    public async Task The_cli_verb_exits_1_and_names_the_organisation_and_entry_of_an_edited_line()
    {
        var (org, name) = await ChainOfFiveAsync();
        await factory.WithDbAsync(null, db => db.Database.ExecuteSqlAsync(
            $"UPDATE audit_entries SET detail = 'rewritten' WHERE chain = {org} AND sequence = 4"));

        var result = await CliRunner.RunAsync(factory.Database, "Testing",
            new Dictionary<string, string> { [Varna.Features.Keys.MasterKey.EnvironmentVariable] = factory.MasterKey }, "audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{name}: BROKEN at sequence 4", result.Stdout);
        Assert.Contains("altered", result.Stdout);
    }
}
