using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests;

/// <summary>One app and one fresh database for the whole collection; tests make their own schools.</summary>
[CollectionDefinition(nameof(AppCollection))]
public sealed class AppCollection : ICollectionFixture<AppOnKestrel>;
