package org.tandem.engine.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * JAIN-SIP's parser with the grammar checks it skips, run on the raw bytes first. JAIN-SIP is
 * liberal where RFC 3261 is not, and each of its silent repairs is a guess about what the sender
 * meant; a PBX that routes on From and To and frames TCP by Content-Length should not guess. Refused
 * here (the stack answers 400 Bad Request to a request it can still read the Via of, else drops it):
 * <ul>
 * <li>more than one Content-Length (RFC 4475 3.3.9, mcl01): the message's length is unknowable;</li>
 * <li>a Request-Line ending in whitespace (3.1.2.10, trws): the grammar has exactly one SP between
 * its three parts and none after;</li>
 * <li>whitespace just inside the angle brackets of a From or To (3.1.2.14, badaspec);</li>
 * <li>an unquoted From or To display name holding anything but tokens and whitespace, such as a
 * comma (3.1.2.15, baddn).</li>
 * </ul>
 */
public final class StrictMessageParser extends StringMsgParser {

    /** What the stack creates a parser from, for each message (UDP) or connection (TCP). */
    public static final MessageParserFactory FACTORY = stack -> new StrictMessageParser();

    /** A line break and the whitespace that continues the header on the next line (RFC 3261 7.3.1). */
    private static final Pattern FOLDED_LINE = Pattern.compile("\r?\n[ \t]+");

    /** RFC 3261 25.1 token characters other than letters and digits. */
    private static final String TOKEN_MARKS = "-.!%*_+`'~";

    @Override
    public SIPMessage parseSIPMessage(byte[] message, boolean readBody, boolean strict,
                                      ParseExceptionListener listener) throws ParseException {
        checkHead(message);
        return super.parseSIPMessage(message, readBody, strict, listener);
    }

    /** The start line and headers, unfolded, checked one by one. */
    static void checkHead(byte[] message) throws ParseException {
        String head = headOf(message);
        if (head.indexOf("\n ") >= 0 || head.indexOf("\n\t") >= 0) {
            head = FOLDED_LINE.matcher(head).replaceAll(" "); // rare: only then is a regular expression worth it
        }
        int contentLengths = 0;
        // by offsets into the head: only a From or To value becomes a string of its own
        for (int start = 0, lineNumber = 0; start < head.length(); lineNumber++) {
            int next = head.indexOf('\n', start);
            if (next < 0) {
                next = head.length();
            }
            int end = next > start && head.charAt(next - 1) == '\r' ? next - 1 : next;
            if (lineNumber == 0) {
                checkStartLine(head, start, end);
            } else {
                int colon = head.indexOf(':', start);
                if (colon >= 0 && colon < end) { // else the stack's own parser refuses it
                    int nameEnd = colon;
                    while (nameEnd > start && isWhitespace(head.charAt(nameEnd - 1))) {
                        nameEnd--;
                    }
                    if (isName(head, start, nameEnd, "content-length", "l") && ++contentLengths > 1) {
                        throw new ParseException("more than one Content-Length", 0);
                    }
                    if (isName(head, start, nameEnd, "from", "f") || isName(head, start, nameEnd, "to", "t")) {
                        checkNameAddress(head.substring(start, nameEnd).toLowerCase(Locale.ROOT),
                                head.substring(colon + 1, end).strip());
                    }
                }
            }
            start = next + 1;
        }
    }

    /** Whether {@code head[start, end)} is the header name {@code full} or its compact form, in any case. */
    private static boolean isName(String head, int start, int end, String full, String compact) {
        int length = end - start;
        return (length == full.length() && head.regionMatches(true, start, full, 0, length))
                || (length == compact.length() && head.regionMatches(true, start, compact, 0, length));
    }

    /** Up to the blank line, without the last line's CRLF. */
    private static String headOf(byte[] message) {
        int end = indexOfBlankLine(message);
        if (end < 0) {
            end = message.length;
        }
        if (end > 0 && message[end - 1] == '\r') {
            end--;
        }
        // ISO-8859-1 maps every byte to one char, so offsets stay byte offsets and nothing fails to decode
        return new String(message, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static int indexOfBlankLine(byte[] message) {
        for (int i = 0; i + 1 < message.length; i++) {
            if (message[i] == '\n' && (message[i + 1] == '\n'
                    || (message[i + 1] == '\r' && i + 2 < message.length && message[i + 2] == '\n'))) {
                return i;
            }
        }
        return -1;
    }

    /** The start line is {@code head[start, end)}. */
    private static void checkStartLine(String head, int start, int end) throws ParseException {
        boolean response = head.startsWith("SIP/", start);
        if (!response && end > start && isWhitespace(head.charAt(end - 1))) {
            throw new ParseException("whitespace at the end of the Request-Line", end - 1 - start);
        }
    }

    /** From and To: {@code [display-name] <uri>} with nothing loose around the URI, or a bare URI. */
    private static void checkNameAddress(String header, String value) throws ParseException {
        int open = openingBracket(value);
        if (open < 0) {
            return; // addr-spec: no display name, no brackets
        }
        int close = value.indexOf('>', open);
        if (close < 0) {
            return; // the stack's own parser refuses it
        }
        if (close == open + 1 || isWhitespace(value.charAt(open + 1)) || isWhitespace(value.charAt(close - 1))) {
            throw new ParseException(header + ": whitespace inside <>", open);
        }
        String displayName = value.substring(0, open).strip();
        if (!displayName.isEmpty() && displayName.charAt(0) != '"') {
            for (int i = 0; i < displayName.length(); i++) {
                char c = displayName.charAt(i);
                // bytes past ASCII pass: phones send UTF-8 names unquoted, and no separator hides there
                if (c < 0x80 && !isWhitespace(c) && !isAsciiLetterOrDigit(c) && TOKEN_MARKS.indexOf(c) < 0) {
                    throw new ParseException(header + ": '" + c + "' in an unquoted display name", i);
                }
            }
        }
    }

    /** The first {@code <} outside a quoted display name, or -1. */
    private static int openingBracket(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
