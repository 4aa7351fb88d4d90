using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;
using GardenerMetal.KubeEmulator.Http;
using GardenerMetal.KubeEmulator.Protobuf;

namespace GardenerMetal.KubeEmulator.Tests;

/// <summary>The protobuf request-body decoder: kubectl's own bodies, hand-built vectors of upstream messages, bad input.</summary>
public sealed class ProtobufBodyDecoderTests
{
    public static TheoryData<string> KubectlCases => [.. ProtobufVectors.Cases];

    [Theory]
    [MemberData(nameof(KubectlCases))]
    public void Decode_KubectlBody_EqualsTheJsonKubectlPrintsForTheSameObject(string name)
    {
        // Arrange: the body kubectl sent (--dry-run=server) and the JSON it prints for the same arguments (--dry-run=client -o json).
        var expected = ProtobufVectors.Json(name);
        var type = TypeOf(expected);
        var unknown = new List<string>();

        // Act
        var decoded = ProtobufBodyDecoder.Decode(type, ProtobufVectors.Body(name), unknown);

        // Assert
        Assert.True(JsonNode.DeepEquals(expected, decoded), $"expected {expected.ToJsonString()}\nactual   {decoded.ToJsonString()}");
        Assert.Empty(unknown);
    }

    [Fact]
    public void Decode_ObjectMetaWithEveryClientField_MapsAllOfThem()
    {
        var ownerRef = new ProtoWriter().String(5, "v1").String(1, "ConfigMap").String(3, "owner").String(4, "uid-1").Varint(6, 1).Varint(7, 0);
        var managed = new ProtoWriter().String(1, "tool").String(2, "Update").String(3, "v1").Time(4, 1_700_000_000)
            .String(6, "FieldsV1").Message(7, new ProtoWriter().Bytes(1, """{"f:data":{}}"""u8.ToArray()));
        var meta = new ProtoWriter()
            .String(1, string.Empty).String(2, "gen-").String(3, "ns1").String(4, string.Empty).String(5, "uid-self").String(6, "42")
            .Varint(7, 3).Time(8, 1_700_000_000).Varint(10, 0)
            .Entry(11, "app", "web").Entry(11, "tier", "front").Entry(12, "note", "hello")
            .Message(13, ownerRef).String(14, "example.com/a").String(14, "example.com/b").Message(17, managed);
        var body = ProtoWriter.Envelope("v1", "ConfigMap", new ProtoWriter().Message(1, meta).Entry(2, "k", "v").Varint(4, 0));

        var decoded = ProtobufBodyDecoder.Decode(BuiltinResources.ConfigMaps, body, []);

        var expected = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"generateName":"gen-","namespace":"ns1","uid":"uid-self","resourceVersion":"42","generation":3,
               "creationTimestamp":"2023-11-14T22:13:20Z","deletionGracePeriodSeconds":0,
               "labels":{"app":"web","tier":"front"},"annotations":{"note":"hello"},
               "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"uid-1","controller":true,"blockOwnerDeletion":false}],
               "finalizers":["example.com/a","example.com/b"],
               "managedFields":[{"manager":"tool","operation":"Update","apiVersion":"v1","time":"2023-11-14T22:13:20Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{}}}]},
             "data":{"k":"v"},"immutable":false}
            """);
        Assert.True(JsonNode.DeepEquals(expected, decoded), decoded.ToJsonString());
    }

    [Fact]
    public void Decode_SecretAndServiceAccount_KeepPointerFalseValuesAndBinaryData()
    {
        var secret = ProtoWriter.Envelope("v1", "Secret", new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, "s"))
            .Message(2, new ProtoWriter().String(1, "bin").Bytes(2, [0, 0xff, 0x10]))
            .String(3, "Opaque").Entry(4, "plain", "text").Varint(5, 1));
        var account = ProtoWriter.Envelope("v1", "ServiceAccount", new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, "robot"))
            .Message(2, new ProtoWriter().String(3, "token-secret"))
            .Message(3, new ProtoWriter().String(1, "pull-secret"))
            .Varint(4, 0));

        var decodedSecret = ProtobufBodyDecoder.Decode(BuiltinResources.Secrets, secret, []);
        var decodedAccount = ProtobufBodyDecoder.Decode(BuiltinResources.ServiceAccounts, account, []);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"bin":"AP8Q"},"type":"Opaque","stringData":{"plain":"text"},"immutable":true}
            """), decodedSecret), decodedSecret.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"robot"},"secrets":[{"name":"token-secret"}],
             "imagePullSecrets":[{"name":"pull-secret"}],"automountServiceAccountToken":false}
            """), decodedAccount), decodedAccount.ToJsonString());
    }

    [Fact]
    public void Decode_Lease_MapsSpecWithMicroTimes()
    {
        var spec = new ProtoWriter().String(1, "node-1").Varint(2, 15).Time(3, 1_700_000_000, 123_456_789).Time(4, 1_700_000_060).Varint(5, 0);
        var body = ProtoWriter.Envelope("coordination.k8s.io/v1", "Lease", new ProtoWriter().Message(1, new ProtoWriter().String(1, "leader")).Message(2, spec));

        var decoded = ProtobufBodyDecoder.Decode(BuiltinResources.Leases, body, []);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"leader"},
             "spec":{"holderIdentity":"node-1","leaseDurationSeconds":15,"acquireTime":"2023-11-14T22:13:20.123456Z",
                     "renewTime":"2023-11-14T22:14:20.000000Z","leaseTransitions":0}}
            """), decoded), decoded.ToJsonString());
    }

    [Fact]
    public void Decode_Events_MapCoreAndEventsV1Fields()
    {
        var reference = new ProtoWriter().String(1, "Pod").String(2, "ns1").String(3, "p").String(5, "v1");
        var core = ProtoWriter.Envelope("v1", "Event", new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, "e1").String(3, "ns1"))
            .Message(2, reference).String(3, "Started").String(4, "started container")
            .Message(5, new ProtoWriter().String(1, "kubelet").String(2, "node-1"))
            .Time(6, 1_700_000_000).Time(7, 1_700_000_001).Varint(8, 2).String(9, "Normal")
            .String(14, "kubelet").String(15, "node-1"));
        var v1 = ProtoWriter.Envelope("events.k8s.io/v1", "Event", new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, "e2").String(3, "ns1"))
            .Time(2, 1_700_000_000, 5_000)
            .Message(3, new ProtoWriter().Varint(1, 4).Time(2, 1_700_000_002))
            .String(4, "example.com/ctrl").String(5, "ctrl-0").String(6, "Reconcile").String(7, "Synced")
            .Message(8, reference).String(10, "all good").String(11, "Normal"));

        var decodedCore = ProtobufBodyDecoder.Decode(BuiltinResources.Events, core, []);
        var decodedV1 = ProtobufBodyDecoder.Decode(BuiltinResources.EventsV1, v1, []);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"e1","namespace":"ns1"},
             "involvedObject":{"kind":"Pod","namespace":"ns1","name":"p","apiVersion":"v1"},"reason":"Started","message":"started container",
             "source":{"component":"kubelet","host":"node-1"},"firstTimestamp":"2023-11-14T22:13:20Z","lastTimestamp":"2023-11-14T22:13:21Z",
             "count":2,"type":"Normal","reportingComponent":"kubelet","reportingInstance":"node-1"}
            """), decodedCore), decodedCore.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"e2","namespace":"ns1"},
             "eventTime":"2023-11-14T22:13:20.000005Z","series":{"count":4,"lastObservedTime":"2023-11-14T22:13:22.000000Z"},
             "reportingController":"example.com/ctrl","reportingInstance":"ctrl-0","action":"Reconcile","reason":"Synced",
             "regarding":{"kind":"Pod","namespace":"ns1","name":"p","apiVersion":"v1"},"note":"all good","type":"Normal"}
            """), decodedV1), decodedV1.ToJsonString());
    }

    [Fact]
    public void Decode_ServiceStatus_MapsIngressAndConditions()
    {
        var ingress = new ProtoWriter().String(1, "192.0.2.10").String(3, "VIP")
            .Message(4, new ProtoWriter().Varint(1, 80).String(2, "TCP").String(3, "Pending"));
        var condition = new ProtoWriter().String(1, "Ready").String(2, "True").Varint(3, 2).Time(4, 1_700_000_000).String(5, "Up").String(6, "ok");
        var body = ProtoWriter.Envelope("v1", "Service", new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, "lb"))
            .Message(2, new ProtoWriter().String(4, "LoadBalancer").String(21, "example.com/lb").Varint(20, 0)
                .Message(14, new ProtoWriter().Message(1, new ProtoWriter().Varint(1, 600))))
            .Message(3, new ProtoWriter().Message(1, new ProtoWriter().Message(1, ingress)).Message(2, condition)));

        var decoded = ProtobufBodyDecoder.Decode(BuiltinResources.Services, body, []);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"lb"},
             "spec":{"type":"LoadBalancer","loadBalancerClass":"example.com/lb","allocateLoadBalancerNodePorts":false,
                     "sessionAffinityConfig":{"clientIP":{"timeoutSeconds":600}}},
             "status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.10","ipMode":"VIP","ports":[{"port":80,"protocol":"TCP","error":"Pending"}]}]},
                       "conditions":[{"type":"Ready","status":"True","observedGeneration":2,"lastTransitionTime":"2023-11-14T22:13:20Z","reason":"Up","message":"ok"}]}}
            """), decoded), decoded.ToJsonString());
    }

    [Fact]
    public void Decode_UnknownField_IsReportedAndDropped()
    {
        var body = ProtoWriter.Envelope("v1", "ConfigMap", new ProtoWriter().Message(1, new ProtoWriter().String(1, "c").Varint(99, 7)).Entry(2, "k", "v"));
        var unknown = new List<string>();

        var decoded = ProtobufBodyDecoder.Decode(BuiltinResources.ConfigMaps, body, unknown);

        Assert.Equal("v", (string?)decoded["data"]!["k"]);
        var report = Assert.Single(unknown);
        Assert.Contains("field 99", report, StringComparison.Ordinal);
        Assert.Contains("metadata (ObjectMeta)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EmptyTypeMeta_TakesTheKindFromTheUrl()
    {
        var unknown = new ProtoWriter().Message(1, new ProtoWriter()).Message(2, new ProtoWriter().Message(1, new ProtoWriter().String(1, "n"))).ToArray();

        var decoded = ProtobufBodyDecoder.Decode(BuiltinResources.Namespaces, [.. "k8s\0"u8, .. unknown], []);

        Assert.Equal("Namespace", (string?)decoded["kind"]);
        Assert.Equal("n", (string?)decoded["metadata"]!["name"]);
    }

    [Fact]
    public void Decode_BadMagic_Is400NamingTheMagic()
    {
        var body = ProtobufVectors.Body("namespace");
        body[1] = (byte)'9';

        var ex = Assert.Throws<ApiException>(() => ProtobufBodyDecoder.Decode(BuiltinResources.Namespaces, body, []));

        Assert.Equal(400, ex.Code);
        Assert.Contains("magic", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "empty")]
    [InlineData(4, "empty after the magic")]
    [InlineData(20, "truncated")]
    public void Decode_TruncatedBody_Is400NamingTheProblem(int length, string expected)
    {
        var body = ProtobufVectors.Body("configmap-literal")[..length];

        var ex = Assert.Throws<ApiException>(() => ProtobufBodyDecoder.Decode(BuiltinResources.ConfigMaps, body, []));

        Assert.Equal(400, ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_KindOtherThanTheUrls_Is400NamingBoth()
    {
        var ex = Assert.Throws<ApiException>(() => ProtobufBodyDecoder.Decode(BuiltinResources.Secrets, ProtobufVectors.Body("configmap-literal"), []));

        Assert.Equal(400, ex.Code);
        Assert.Contains("holds a ConfigMap of v1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected kind Secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_KindWithoutMapping_Is415NamingTheKindAndJson()
    {
        var body = ProtoWriter.Envelope("apiextensions.k8s.io/v1", "CustomResourceDefinition", new ProtoWriter());

        var ex = Assert.Throws<ApiException>(() => ProtobufBodyDecoder.Decode(BuiltinResources.Crds, body, []));

        Assert.Equal(415, ex.Code);
        Assert.Equal("UnsupportedMediaType", ex.Reason);
        Assert.Contains("CustomResourceDefinition", ex.Message, StringComparison.Ordinal);
        Assert.Contains("JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WrongWireType_Is400NamingTheField()
    {
        var body = ProtoWriter.Envelope("v1", "ConfigMap", new ProtoWriter().Message(1, new ProtoWriter().Varint(1, 5)));

        var ex = Assert.Throws<ApiException>(() => ProtobufBodyDecoder.Decode(BuiltinResources.ConfigMaps, body, []));

        Assert.Equal(400, ex.Code);
        Assert.Contains("metadata.name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidUtf8_Is400NamingTheField()
    {
        var body = ProtoWriter.Envelope("v1", "ConfigMap", new ProtoWriter().Message(1, new ProtoWriter().Bytes(1, [0x61, 0xff])));

        var ex = Assert.Throws<ApiException>(() => ProtobufBodyDecoder.Decode(BuiltinResources.ConfigMaps, body, []));

        Assert.Equal(400, ex.Code);
        Assert.Contains("metadata.name is not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(long.MaxValue, 0, "seconds")]
    [InlineData(253_402_300_800, 0, "seconds")]
    [InlineData(1_700_000_000, -1, "nanos")]
    public void Decode_TimestampOutOfRange_Is400NamingTheField(long seconds, int nanos, string expected)
    {
        var spec = new ProtoWriter().Time(3, seconds, nanos);
        var body = ProtoWriter.Envelope("coordination.k8s.io/v1", "Lease", new ProtoWriter().Message(1, new ProtoWriter().String(1, "l")).Message(2, spec));

        var ex = Assert.Throws<ApiException>(() => ProtobufBodyDecoder.Decode(BuiltinResources.Leases, body, []));

        Assert.Equal(400, ex.Code);
        Assert.Contains("spec.acquireTime", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ContentEncoding_Is400()
    {
        var unknown = new ProtoWriter().Message(1, new ProtoWriter().String(1, "v1").String(2, "Namespace")).Message(2, new ProtoWriter()).String(3, "gzip").ToArray();

        var ex = Assert.Throws<ApiException>(() => ProtobufBodyDecoder.Decode(BuiltinResources.Namespaces, [.. "k8s\0"u8, .. unknown], []));

        Assert.Equal(400, ex.Code);
        Assert.Contains("contentEncoding \"gzip\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EveryCorruptionOfKubectlBodies_SucceedsOrIs400()
    {
        // Every prefix and every single-byte corruption of every kubectl body: the decoder answers or rejects with a 400,
        // never another exception (which the server would turn into a 500).
        var random = new Random(20240601);
        foreach (var name in ProtobufVectors.Cases)
        {
            var original = ProtobufVectors.Body(name);
            var type = TypeOf(ProtobufVectors.Json(name));
            for (var i = 0; i < original.Length; i++)
            {
                AssertDecodesOr400(type, original[..i]);
                foreach (var value in new[] { (byte)(original[i] ^ 0xff), (byte)0x80, (byte)0x07, (byte)random.Next(256) })
                {
                    var corrupted = (byte[])original.Clone();
                    corrupted[i] = value;
                    AssertDecodesOr400(type, corrupted);
                }
            }
        }
    }

    private static void AssertDecodesOr400(ResourceType type, byte[] body)
    {
        try
        {
            ProtobufBodyDecoder.Decode(type, body, []);
        }
        catch (ApiException ex)
        {
            Assert.True(ex.Code == 400, $"{ex.Code}: {ex.Message}");
        }
    }

    private static ResourceType TypeOf(JsonObject obj) =>
        BuiltinResources.All.Single(t => t.ApiVersion == (string?)obj["apiVersion"] && t.Kind == (string?)obj["kind"]);
}
