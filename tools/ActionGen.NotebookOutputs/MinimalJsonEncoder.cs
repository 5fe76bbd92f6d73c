using System.Text;
using System.Text.Encodings.Web;

namespace ActionGen.NotebookOutputs;

/// <summary>
/// Escapes only what JSON requires (quote, backslash, control characters), as Python's json module does with
/// ensure_ascii off — the way Jupyter and VS Code write notebooks. The built-in encoders also escape emoji and other
/// characters, which would change bytes of cells nobody edited.
/// </summary>
internal sealed class MinimalJsonEncoder : JavaScriptEncoder
{
    /// <summary>The one instance.</summary>
    public static readonly MinimalJsonEncoder Instance = new();

    private MinimalJsonEncoder()
    {
    }

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => 12; // a surrogate pair as two \uXXXX escapes

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) => unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\';

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (int i = 0; i < textLength; i++)
        {
            if (WillEncode(text[i])) return i;
        }
        return -1;
    }

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        string escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            < 0x20 => $"\\u{unicodeScalar:x4}",
            _ => new Rune(unicodeScalar).ToString(),
        };
        if (escaped.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (int i = 0; i < escaped.Length; i++) buffer[i] = escaped[i];
        numberOfCharactersWritten = escaped.Length;
        return true;
    }
}
