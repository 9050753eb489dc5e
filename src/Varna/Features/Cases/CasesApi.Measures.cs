namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapMeasuresApi(this RouteGroupBuilder cases) => cases;
}
