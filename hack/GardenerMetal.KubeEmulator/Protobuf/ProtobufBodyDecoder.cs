using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GardenerMetal.KubeEmulator.Api;
using GardenerMetal.KubeEmulator.Http;
using Google.Protobuf;

namespace GardenerMetal.KubeEmulator.Protobuf;

/// <summary>
/// Turns a Kubernetes protobuf request body (<c>k8s\0</c> + runtime.Unknown {1 typeMeta {1 apiVersion, 2 kind}, 2 raw,
/// 3 contentEncoding, 4 contentType}, raw being the object message) into the JSON object the JSON path would have
/// received. Fields of the message the emulator does not map are dropped and reported to the caller.
/// </summary>
internal static class ProtobufBodyDecoder
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>True when the emulator can decode protobuf bodies of this resource's kind.</summary>
    public static bool Supports(ResourceType type) => KubeProtoSchemas.For(type) is not null;

    /// <summary>Decodes a body sent to <paramref name="type"/>'s endpoint.</summary>
    /// <param name="unknownFields">Receives one description per protobuf field that was dropped because it is not mapped.</param>
    /// <exception cref="ApiException">415 for kinds without a mapping, 400 for malformed bodies.</exception>
    public static JsonObject Decode(ResourceType type, byte[] body, List<string> unknownFields)
    {
        var schema = KubeProtoSchemas.For(type) ?? throw Unsupported(type);
        var envelope = ReadEnvelope(body);
        var apiVersion = envelope.ApiVersion.Length > 0 ? envelope.ApiVersion : type.ApiVersion;
        var kind = envelope.Kind.Length > 0 ? envelope.Kind : type.Kind;
        if (apiVersion != type.ApiVersion || kind != type.Kind)
        {
            throw ApiException.BadRequest(
                $"the protobuf body holds a {kind} of {apiVersion}, which does not match the expected kind {type.Kind} of {type.ApiVersion} for {type.GroupResource}");
        }

        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        DecodeInto(obj, schema, envelope.Raw, path: string.Empty, unknownFields);
        return obj;
    }

    /// <summary>
    /// Decodes the DeleteOptions body of a DELETE (client-go's typed clients send it in protobuf). Its apiVersion is
    /// the resource's group version or meta.k8s.io/v1, depending on the client's scheme; any is accepted.
    /// </summary>
    public static JsonObject DecodeDeleteOptions(byte[] body, List<string> unknownFields)
    {
        var envelope = ReadEnvelope(body);
        if (envelope.Kind.Length > 0 && envelope.Kind != "DeleteOptions")
        {
            throw ApiException.BadRequest($"the protobuf body of a DELETE holds a {envelope.Kind}; expected DeleteOptions");
        }

        var obj = new JsonObject { ["kind"] = "DeleteOptions" };
        DecodeInto(obj, KubeProtoSchemas.DeleteOptions, envelope.Raw, path: string.Empty, unknownFields);
        return obj;
    }

    /// <summary>The 415 answered for a protobuf body sent to a kind without a mapping.</summary>
    public static ApiException Unsupported(ResourceType type) => new(
        415,
        "UnsupportedMediaType",
        $"the emulator cannot decode protobuf request bodies for {type.Kind} ({type.ApiVersion}, resource {type.GroupResource}); send it as JSON or YAML instead (e.g. kubectl apply -f / kubectl create -f)");

    private static (string ApiVersion, string Kind, byte[] Raw) ReadEnvelope(byte[] body)
    {
        if (body.Length == 0)
        {
            throw ApiException.BadRequest("the protobuf request body is empty");
        }

        if (body.Length < Magic.Length || !body.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw ApiException.BadRequest("the request body is not a Kubernetes protobuf message: it does not start with the magic bytes \"k8s\\x00\"");
        }

        if (body.Length == Magic.Length)
        {
            throw ApiException.BadRequest("the protobuf request body is empty after the magic bytes \"k8s\\x00\"");
        }

        string apiVersion = string.Empty, kind = string.Empty, encoding = string.Empty, contentType = string.Empty;
        byte[]? raw = null;
        try
        {
            var input = new CodedInputStream(body, Magic.Length, body.Length - Magic.Length);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var number = WireFormat.GetTagFieldNumber(tag);
                var wire = WireFormat.GetTagWireType(tag);
                if (number is >= 1 and <= 4 && wire != WireFormat.WireType.LengthDelimited)
                {
                    throw ApiException.BadRequest($"the protobuf envelope (runtime.Unknown) field {number} has wire type {wire}, expected LengthDelimited");
                }

                switch (number)
                {
                    case 1:
                        var typeMeta = new CodedInputStream(input.ReadBytes().ToByteArray());
                        uint t;
                        while ((t = typeMeta.ReadTag()) != 0)
                        {
                            var n = WireFormat.GetTagFieldNumber(t);
                            if (n is 1 or 2 && WireFormat.GetTagWireType(t) == WireFormat.WireType.LengthDelimited)
                            {
                                if (n == 1)
                                {
                                    apiVersion = Utf8(typeMeta.ReadBytes(), "typeMeta.apiVersion");
                                }
                                else
                                {
                                    kind = Utf8(typeMeta.ReadBytes(), "typeMeta.kind");
                                }
                            }
                            else
                            {
                                typeMeta.SkipLastField();
                            }
                        }

                        break;
                    case 2:
                        raw = input.ReadBytes().ToByteArray();
                        break;
                    case 3:
                        encoding = Utf8(input.ReadBytes(), "contentEncoding");
                        break;
                    case 4:
                        contentType = Utf8(input.ReadBytes(), "contentType");
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw ApiException.BadRequest($"the protobuf envelope (runtime.Unknown) is malformed: {ex.Message}");
        }

        if (encoding.Length > 0)
        {
            throw ApiException.BadRequest($"the protobuf envelope has contentEncoding \"{encoding}\"; only unencoded objects are supported");
        }

        if (contentType.Length > 0 && contentType != MediaType)
        {
            throw ApiException.BadRequest($"the protobuf envelope has contentType \"{contentType}\"; expected \"{MediaType}\" or none");
        }

        return (apiVersion, kind, raw ?? throw ApiException.BadRequest("the protobuf envelope (runtime.Unknown) has no raw object (field 2)"));
    }

    private static void DecodeInto(JsonObject target, ProtoMessage message, byte[] data, string path, List<string> unknownFields)
    {
        var where = path.Length == 0 ? message.Name : $"{path} ({message.Name})";
        try
        {
            var input = new CodedInputStream(data);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var number = WireFormat.GetTagFieldNumber(tag);
                var wire = WireFormat.GetTagWireType(tag);
                if (!message.Fields.TryGetValue(number, out var field))
                {
                    unknownFields.Add($"field {number} ({wire}) of {where}");
                    input.SkipLastField();
                    continue;
                }

                var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                var expected = field.Kind is ProtoKind.Bool or ProtoKind.Int32 or ProtoKind.Int64 ? WireFormat.WireType.Varint : WireFormat.WireType.LengthDelimited;
                if (wire != expected)
                {
                    throw ApiException.BadRequest($"the protobuf field {number} ({fieldPath}) of {message.Name} has wire type {wire}, expected {expected}");
                }

                ReadField(target, field, input, fieldPath, unknownFields);
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw ApiException.BadRequest($"the protobuf message {where} is malformed: {ex.Message}");
        }
    }

    private static void ReadField(JsonObject target, ProtoField field, CodedInputStream input, string path, List<string> unknownFields)
    {
        switch (field.Kind)
        {
            case ProtoKind.StringMap:
            case ProtoKind.BytesMap:
            {
                var map = target[field.Name] as JsonObject ?? [];
                target[field.Name] = map;
                var (key, entryValue) = ReadMapEntry(input.ReadBytes(), field.Kind == ProtoKind.BytesMap, path);
                map[key] = entryValue;
                return;
            }

            case ProtoKind.Message when field.Repeated:
            {
                var list = target[field.Name] as JsonArray ?? [];
                target[field.Name] = list;
                var item = new JsonObject();
                DecodeInto(item, field.Message!, input.ReadBytes().ToByteArray(), $"{path}[{list.Count}]", unknownFields);
                list.Add(item);
                return;
            }

            case ProtoKind.Message:
            {
                // Repeated occurrences of a singular message merge, as in protobuf.
                var item = target[field.Name] as JsonObject ?? [];
                DecodeInto(item, field.Message!, input.ReadBytes().ToByteArray(), path, unknownFields);
                target[field.Name] = item;
                return;
            }

            case ProtoKind.String when field.Repeated:
            {
                var list = target[field.Name] as JsonArray ?? [];
                target[field.Name] = list;
                list.Add(Utf8(input.ReadBytes(), $"{path}[{list.Count}]"));
                return;
            }
        }

        var value = ReadScalar(field, input, path);
        // Last one wins for a repeated singular field, including a later zero value.
        if (value is null)
        {
            target.Remove(field.Name);
        }
        else
        {
            target[field.Name] = value;
        }
    }

    private static JsonNode? ReadScalar(ProtoField field, CodedInputStream input, string path)
    {
        switch (field.Kind)
        {
            case ProtoKind.String:
            {
                var s = Utf8(input.ReadBytes(), path);
                return s.Length > 0 || field.KeepZero ? JsonValue.Create(s) : null;
            }

            case ProtoKind.Bytes:
            {
                var b = input.ReadBytes();
                return b.Length > 0 || field.KeepZero ? JsonValue.Create(b.ToBase64()) : null;
            }

            case ProtoKind.Bool:
            {
                var flag = input.ReadBool();
                return flag || field.KeepZero ? JsonValue.Create(flag) : null;
            }

            case ProtoKind.Int32:
            {
                var i = input.ReadInt32();
                return i != 0 || field.KeepZero ? JsonValue.Create(i) : null;
            }

            case ProtoKind.Int64:
            {
                var l = input.ReadInt64();
                return l != 0 || field.KeepZero ? JsonValue.Create(l) : null;
            }

            case ProtoKind.Time:
                return ReadTime(input.ReadBytes(), micro: false, path);
            case ProtoKind.MicroTime:
                return ReadTime(input.ReadBytes(), micro: true, path);
            case ProtoKind.IntOrString:
                return ReadIntOrString(input.ReadBytes(), path);
            case ProtoKind.FieldsV1:
                return ReadFieldsV1(input.ReadBytes(), path);
            default:
                throw new InvalidOperationException($"unhandled protobuf kind {field.Kind} at {path}");
        }
    }

    /// <summary>A map entry {1 key, 2 value}; a missing value is the empty string / empty bytes, as in Go.</summary>
    private static (string Key, string Value) ReadMapEntry(ByteString entry, bool bytes, string path)
    {
        var input = new CodedInputStream(entry.ToByteArray());
        var key = string.Empty;
        var value = string.Empty;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            if (number is 1 or 2 && WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
            {
                throw ApiException.BadRequest($"the protobuf map entry of {path} has field {number} with wire type {WireFormat.GetTagWireType(tag)}, expected LengthDelimited");
            }

            switch (number)
            {
                case 1:
                    key = Utf8(input.ReadBytes(), $"{path} (a key)");
                    break;
                case 2:
                    var raw = input.ReadBytes();
                    value = bytes ? raw.ToBase64() : Utf8(raw, $"{path}[{key}]");
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (key, value);
    }

    /// <summary>
    /// meta/v1 Time and MicroTime {1 seconds, 2 nanos}. An empty message is the zero time, which Go's JSON writes as
    /// null: the field is left out. Time keeps whole seconds (kube-apiserver drops the nanos of Time too); MicroTime
    /// keeps microseconds.
    /// </summary>
    private static JsonValue? ReadTime(ByteString data, bool micro, string path)
    {
        if (data.Length == 0)
        {
            return null;
        }

        var input = new CodedInputStream(data.ToByteArray());
        long seconds = 0;
        var nanos = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            if (number is 1 or 2 && WireFormat.GetTagWireType(tag) != WireFormat.WireType.Varint)
            {
                throw ApiException.BadRequest($"the protobuf timestamp {path} has field {number} with wire type {WireFormat.GetTagWireType(tag)}, expected Varint");
            }

            switch (number)
            {
                case 1:
                    seconds = input.ReadInt64();
                    break;
                case 2:
                    nanos = input.ReadInt32();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (nanos is < 0 or > 999_999_999)
        {
            throw ApiException.BadRequest($"the protobuf timestamp {path} has nanos {nanos.ToString(CultureInfo.InvariantCulture)}; must be 0 to 999999999");
        }

        DateTimeOffset time;
        try
        {
            time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micro ? nanos / 1000 * 10 : 0);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw ApiException.BadRequest($"the protobuf timestamp {path} has seconds {seconds.ToString(CultureInfo.InvariantCulture)}, outside years 0001 to 9999");
        }

        return micro
            ? JsonValue.Create(time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture))
            : JsonValue.Create(time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>util/intstr IntOrString {1 type (0 int, 1 string), 2 intVal, 3 strVal}; the zero value (int 0 or "") is left out.</summary>
    private static JsonValue? ReadIntOrString(ByteString data, string path)
    {
        var input = new CodedInputStream(data.ToByteArray());
        long type = 0;
        var intVal = 0;
        var strVal = string.Empty;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            var wire = WireFormat.GetTagWireType(tag);
            var expected = number == 3 ? WireFormat.WireType.LengthDelimited : WireFormat.WireType.Varint;
            if (number is 1 or 2 or 3 && wire != expected)
            {
                throw ApiException.BadRequest($"the protobuf IntOrString {path} has field {number} with wire type {wire}, expected {expected}");
            }

            switch (number)
            {
                case 1:
                    type = input.ReadInt64();
                    break;
                case 2:
                    intVal = input.ReadInt32();
                    break;
                case 3:
                    strVal = Utf8(input.ReadBytes(), path);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return type switch
        {
            0 => intVal == 0 ? null : JsonValue.Create(intVal),
            1 => strVal.Length == 0 ? null : JsonValue.Create(strVal),
            _ => throw ApiException.BadRequest($"the protobuf IntOrString {path} has type {type.ToString(CultureInfo.InvariantCulture)}; must be 0 (int) or 1 (string)"),
        };
    }

    /// <summary>meta/v1 FieldsV1 {1 Raw}: Raw is the JSON of the field set.</summary>
    private static JsonNode? ReadFieldsV1(ByteString data, string path)
    {
        var input = new CodedInputStream(data.ToByteArray());
        JsonNode? result = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1)
            {
                input.SkipLastField();
                continue;
            }

            if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
            {
                throw ApiException.BadRequest($"the protobuf FieldsV1 {path} has field 1 with wire type {WireFormat.GetTagWireType(tag)}, expected LengthDelimited");
            }

            var raw = input.ReadBytes();
            try
            {
                result = raw.Length == 0 ? null : JsonNode.Parse(raw.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
            }
            catch (JsonException ex)
            {
                throw ApiException.BadRequest($"the protobuf FieldsV1 {path} does not hold valid JSON: {ex.Message}");
            }
        }

        return result;
    }

    private static string Utf8(ByteString bytes, string path)
    {
        try
        {
            return StrictUtf8.GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            throw ApiException.BadRequest($"the protobuf string {path} is not valid UTF-8");
        }
    }
}
