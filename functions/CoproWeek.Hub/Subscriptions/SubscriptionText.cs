namespace CoproWeek.Hub.Subscriptions;

/// <summary>The words of the subscriptions pages in Welsh and English: <c>SubscriptionText.resx</c> and <c>SubscriptionText.cy.resx</c> beside it.</summary>
public sealed class SubscriptionText;
