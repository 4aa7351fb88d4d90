using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;

namespace GardenerMetal.KubeEmulator.Admission;

/// <summary>What one admission review is about (the request part of AdmissionReview v1).</summary>
internal sealed record AdmissionAttributes(
    ResourceType Type,
    string? Subresource,
    string Operation,
    string? Namespace,
    string Name,
    JsonObject? Object,
    JsonObject? OldObject,
    bool DryRun);
