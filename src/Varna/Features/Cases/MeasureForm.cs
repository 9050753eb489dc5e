namespace Varna.Features.Cases;

// What the shared measure fields need to render: the input names' prefix, the values, the officer
// preselected as owner officer and the officers to choose from.
public sealed record MeasureForm(string Prefix, MeasureFields Fields, Guid? OfficerId, IReadOnlyList<PersonResponse> Officers);
