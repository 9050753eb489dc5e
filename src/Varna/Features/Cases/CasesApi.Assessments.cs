namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder cases) => cases;
}
