namespace Varna.Features.Cases;

// The police package as a printable page; PolicePackageDownload serves the same as a Word file.
public sealed class PolicePackageModel(PolicePackageQueries packages) : PageModel
{
    public PolicePackage Package { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await packages.BuildAsync(id, cancellationToken) is not { } package) return NotFound();
        Package = package;
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
