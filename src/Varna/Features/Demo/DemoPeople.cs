namespace Varna.Features.Demo;

// Common Swedish names (SCB's name statistics) combined deterministically, so every demo
// database looks the same and a screenshot in a bug report can be reproduced.
internal static class DemoPeople
{
    public static readonly string[] WomenFirstNames =
        ["Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Malin",
         "Linnéa", "Elin", "Sofia", "Johanna", "Birgitta", "Margareta", "Ida", "Helena", "Annika", "Åsa"];

    public static readonly string[] MenFirstNames =
        ["Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Mikael", "Peter", "Jan", "Magnus",
         "Björn", "Fredrik", "Mats", "Henrik", "Ali", "Oskar", "Göran", "Stefan", "Nils", "Mohammed"];

    public static readonly string[] LastNames =
        ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
         "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson",
         "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg",
         "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Mattsson", "Berglund", "Fredriksson",
         "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Danielsson", "Håkansson",
         "Hassan", "Öberg", "Sundberg", "Holm", "Nyström", "Ekström", "Åberg", "Dahlberg"];

    public static readonly string[] MunicipalCommittees =
        ["Barn- och utbildningsnämnden", "Socialnämnden", "Samhällsbyggnadsnämnden", "Kultur- och fritidsnämnden",
         "Vård- och omsorgsnämnden", "Miljö- och byggnadsnämnden"];

    public static readonly string[] RegionalCommittees =
        ["Hälso- och sjukvårdsnämnden", "Kollektivtrafiknämnden", "Regional utvecklingsnämnd", "Patientnämnden",
         "Kulturnämnden"];

    public static readonly string[] Parties =
        ["Socialdemokraterna", "Moderaterna", "Sverigedemokraterna", "Centerpartiet", "Vänsterpartiet",
         "Kristdemokraterna", "Liberalerna", "Miljöpartiet"];
}
