global using GardenerMetal.MetalApi.Tests;
