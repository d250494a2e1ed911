// Character classes of the IMAP grammar (RFC 3501 section 9), shared by the command parser,
// the FETCH section parser and the response writer so that all three agree on what an atom is.
#pragma once

namespace maild::imap {

// ATOM-CHAR: any CHAR except atom-specials — "(" ")" "{" SP CTL "%" "*" DQUOTE "\" "]".
constexpr bool isAtomChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    switch (c) {
    case '(': case ')': case '{': case '%': case '*': case '"': case '\\': case ']':
        return false;
    default:
        return true;
    }
}

// A tag is astring-chars without "+" (RFC 3501 section 9, tag).
constexpr bool isTagChar(char c)
{
    return isAtomChar(c) && c != '+';
}

} // namespace maild::imap
