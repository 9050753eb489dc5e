namespace Varna.Features.Privacy;

// The README in every subject-access export. Written for the person who receives it, in Swedish
// first and English second, and kept here rather than in resources because the file is one text
// in both languages whatever the officer's chosen language.
public static class SubjectAccessReadme
{
    public static string Text(string organisation, DateTimeOffset generatedAt) => $"""
        REGISTERUTDRAG (artikel 15 i dataskyddsförordningen)
        ====================================================
        Organisation: {organisation}
        Framtaget: {Swedish.Format(generatedAt)} (svensk tid)

        Innehåll
        - data.json: det som Värna har om dig: din post som förtroendevald med uppdrag, ditt användarkonto
          (utan lösenord eller andra inloggningshemligheter), din aktivitet i Värna enligt loggen, de rapporter
          du har lämnat eller som gäller dig, med beskrivningar, kompletteringar och meddelanden, och för varje
          ärende det du har rätt att få veta: status, datum och utfall.
        - files/: de filer som har lämnats som bevis i dina rapporter, med sina ursprungliga namn (tecken som
          inte fungerar i filnamn är utbytta). SHA-256 i data.json visar att filen är oförändrad.

        Det som inte finns med, och varför
        Säkerhetsavdelningens interna anteckningar, hotbedömningar och beskrivningar av åtgärder ingår i
        ärendeakten men finns inte med i det här utdraget. De kan omfattas av sekretess enligt
        offentlighets- och sekretesslagen (till exempel 18 kap. 8 § om säkerhets- och bevakningsåtgärder och
        21 kap. 3 §), och de innehåller ofta uppgifter om andra personer, som artikel 15.4 skyddar.
        Dataskyddsombudet prövar dem för sig: i data.json anges under "withheldInternalMaterial" för varje
        ärende hur mycket sådant material som finns. Du kan begära ut det, och du får ett beslut om det som
        inte lämnas ut, med besked om hur du överklagar.

        ----------------------------------------------------

        SUBJECT ACCESS EXPORT (Article 15 GDPR)
        =======================================
        Organisation: {organisation}
        Produced: {Swedish.Format(generatedAt)} (Swedish time)

        Contents
        - data.json: what Värna holds about you: your record as an elected representative with your mandates,
          your user account (without password or other sign-in secrets), your activity in Värna as logged,
          the reports you submitted or that concern you, with descriptions, additions and messages, and for
          each case what you are entitled to know: status, dates and outcome.
        - files/: the files submitted as evidence in your reports, under their original names (characters
          that do not work in file names are replaced). The SHA-256 in data.json shows a file is unchanged.

        What is not included, and why
        The security officers' internal notes, threat assessments and descriptions of measures are part of
        the case file but not of this export. They may be secret under the Swedish Public Access to
        Information and Secrecy Act (for example chapter 18 section 8 on security measures, and chapter 21
        section 3), and they often contain data about other people, which Article 15(4) protects. The data
        protection officer examines them separately: "withheldInternalMaterial" in data.json shows for each
        case how much such material exists. You may ask for it, and you will receive a decision on anything
        not released, with information on how to appeal.
        """;
}
