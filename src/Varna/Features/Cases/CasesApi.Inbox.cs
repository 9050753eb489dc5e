namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder cases) => cases;
}
