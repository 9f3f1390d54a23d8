package io.chainretail.hq.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The text of an uploaded CSV file, in the encoding its request declares ({@code text/csv; charset=GB18030},
 * common for Chinese retail exports), else UTF-8, decoded as it is read: a file of a million products is never
 * held whole, as bytes or as text. Bytes that are not text in that encoding refuse the file with the line they
 * are on, instead of importing mojibake: a GBK export sent as UTF-8 named every product in replacement
 * characters.
 */
final class CsvText extends Reader {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private boolean endOfInput;
    private boolean done;
    /** The line the next decoded character is on. */
    private int line = 1;

    private CsvText(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static Reader of(InputStream body, String contentType) {
        return new CsvText(body, charset(contentType));
    }

    @Override
    public int read() throws IOException {
        return chars.hasRemaining() || decodeMore() ? chars.get() : -1;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes the next characters into the buffer; false at the end of the file. */
    private boolean decodeMore() throws IOException {
        if (done) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0 && !done) {
            if (!endOfInput) {
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
            int from = chars.position();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (endOfInput && !result.isError()) {
                result = decoder.flush(chars);
                done = true;
            }
            countLines(from);
            if (result.isError()) {
                throw refused(line, "is not " + decoder.charset().name() + " text. Save the file as UTF-8, or send it "
                        + "with the encoding it is in, e.g. Content-Type: text/csv; charset=GB18030");
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private void countLines(int from) {
        for (int i = from; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                line++;
            }
        }
    }

    private static Charset charset(String contentType) {
        String name = null;
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                    name = pair[1].trim().replace("\"", "");
                }
            }
        }
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw refused(1, "cannot be read: the request names the encoding '" + name + "', which HQ does not know; "
                    + "use UTF-8 or GB18030");
        }
    }

    private static CsvRefusal refused(int line, String reason) {
        CsvProblems problems = new CsvProblems();
        problems.add(line, null, "Line " + line + " " + reason + ".");
        return new CsvRefusal(problems);
    }
}
