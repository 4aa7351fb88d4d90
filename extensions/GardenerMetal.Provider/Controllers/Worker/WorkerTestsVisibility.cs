using System.Runtime.CompilerServices;

// The Worker controller's tests live in their own project (tests/GardenerMetal.Worker.Tests); the root props only
// open internals to GardenerMetal.Provider.Tests.
[assembly: InternalsVisibleTo("GardenerMetal.Worker.Tests")]
