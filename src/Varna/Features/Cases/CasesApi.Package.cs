using Microsoft.AspNetCore.Http.HttpResults;

namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapPackageApi(this RouteGroupBuilder cases)
    {
        cases.MapGet("/{id:guid}/police-package", PolicePackageAsync).WithName("GetPolicePackage")
            .WithSummary("The police package as a Word document (DOCX): the incidents, the timeline without internal notes, the perpetrator identifiers and the evidence with SHA-256.")
            .Produces(StatusCodes.Status200OK, contentType: PolicePackageDocument.ContentType);
        return cases;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PolicePackageAsync(Guid id, PolicePackageQueries packages,
        PolicePackageDocument document, HttpContext http, CancellationToken cancellationToken)
    {
        if (await packages.BuildAsync(id, cancellationToken) is not { } package) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(document.Build(package), PolicePackageDocument.ContentType, PolicePackageDocument.FileName(package));
    }
}
