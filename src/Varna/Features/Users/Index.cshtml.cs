namespace Varna.Features.Users;

[Authorize(Roles = Roles.OrgAdmin)]
public sealed class IndexModel(AccountQueries queries) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => Accounts = await queries.ListAsync();
}
