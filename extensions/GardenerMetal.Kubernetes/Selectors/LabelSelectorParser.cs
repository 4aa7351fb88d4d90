namespace GardenerMetal.Kubernetes.Selectors;

/// <summary>Recursive-descent parser for label selector syntax.</summary>
internal sealed class LabelSelectorParser(string text)
{
    private int _pos;

    public List<LabelRequirement> Parse()
    {
        var result = new List<LabelRequirement>();
        while (true)
        {
            SkipSpaces();
            result.Add(ParseRequirement());
            SkipSpaces();
            if (_pos >= text.Length)
            {
                return result;
            }

            Expect(',');
        }
    }

    private LabelRequirement ParseRequirement()
    {
        if (Peek() == '!')
        {
            _pos++;
            SkipSpaces();
            return Make(ReadToken(), LabelOperator.DoesNotExist, []);
        }

        var key = ReadToken();
        SkipSpaces();
        if (_pos >= text.Length || Peek() == ',')
        {
            return Make(key, LabelOperator.Exists, []);
        }

        if (Peek() == '=')
        {
            _pos++;
            if (Peek() == '=')
            {
                _pos++;
            }

            return Make(key, LabelOperator.Equal, [ReadValue()]);
        }

        if (Peek() == '!' && PeekAt(1) == '=')
        {
            _pos += 2;
            return Make(key, LabelOperator.NotEqual, [ReadValue()]);
        }

        var word = ReadToken();
        var op = word switch
        {
            "in" => LabelOperator.In,
            "notin" => LabelOperator.NotIn,
            _ => throw Error($"expected '=', '!=', 'in' or 'notin' after '{key}', found '{word}'"),
        };
        SkipSpaces();
        Expect('(');
        var values = new List<string>();
        while (true)
        {
            SkipSpaces();
            values.Add(ReadToken(allowEmpty: true));
            SkipSpaces();
            if (Peek() == ')')
            {
                _pos++;
                break;
            }

            Expect(',');
        }

        return Make(key, op, values);
    }

    private LabelRequirement Make(string key, LabelOperator op, List<string> values)
    {
        try
        {
            LabelSyntax.ValidateKey(key, "selector");
            values.ForEach(v => LabelSyntax.ValidateValue(v, "selector"));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Label selector '{text}': {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }

        return new LabelRequirement(key, op, values);
    }

    private string ReadValue()
    {
        SkipSpaces();
        return ReadToken(allowEmpty: true);
    }

    private string ReadToken(bool allowEmpty = false)
    {
        var start = _pos;
        while (_pos < text.Length && !char.IsWhiteSpace(text[_pos]) && text[_pos] is not (',' or '=' or '!' or '(' or ')'))
        {
            _pos++;
        }

        if (_pos == start && !allowEmpty)
        {
            throw Error("expected a label key");
        }

        return text[start.._pos];
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _pos++;
    }

    private char Peek() => _pos < text.Length ? text[_pos] : '\0';

    private char PeekAt(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

    private void SkipSpaces()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
        {
            _pos++;
        }
    }

    private FormatException Error(string what) => new($"Label selector '{text}': {what} at position {_pos}.");
}
