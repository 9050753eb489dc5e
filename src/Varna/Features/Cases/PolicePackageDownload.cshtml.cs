namespace Varna.Features.Cases;

// The police package as a Word file: an attachment, never cached, since it holds the whole incident.
public sealed class PolicePackageDownloadModel(PolicePackageQueries packages, PolicePackageDocument document) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await packages.BuildAsync(id, cancellationToken) is not { } package) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(document.Build(package), PolicePackageDocument.ContentType, PolicePackageDocument.FileName(package));
    }
}
