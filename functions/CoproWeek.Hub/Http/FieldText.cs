namespace CoproWeek.Hub.Http;

/// <summary>Marker for <c>Http/FieldText.resx</c>: the messages beside a form's fields and the fields' labels, in English and Welsh.</summary>
public sealed class FieldText;
