namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapLinksApi(this RouteGroupBuilder cases) => cases;
}
