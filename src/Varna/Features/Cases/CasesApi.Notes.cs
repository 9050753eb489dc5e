namespace Varna.Features.Cases;

public static partial class CasesApi
{
    internal static RouteGroupBuilder MapNotesApi(this RouteGroupBuilder cases) => cases;
}
