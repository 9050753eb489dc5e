namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder cases) => cases;
}
