namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapPoliceApi(this RouteGroupBuilder cases) => cases;
}
