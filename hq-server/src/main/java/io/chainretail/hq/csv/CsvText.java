package io.chainretail.hq.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
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
 * common for Chinese retail exports), else UTF-8. Bytes that are not text in that encoding refuse the file
 * with the line they are on, instead of importing mojibake: a GBK export sent as UTF-8 named every product
 * in replacement characters.
 */
final class CsvText {

    private CsvText() {
    }

    static Reader of(InputStream body, String contentType) throws IOException {
        Charset charset = charset(contentType);
        byte[] bytes = body.readAllBytes();
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw refused(lineAt(bytes, in.position()), "is not " + charset.name() + " text (byte "
                    + (in.position() + 1) + "). Save the file as UTF-8, or send it with the encoding it is in, e.g. "
                    + "Content-Type: text/csv; charset=GB18030");
        }
        out.flip();
        return new StringReader(out.toString());
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

    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static CsvRefusal refused(int line, String reason) {
        CsvProblems problems = new CsvProblems();
        problems.add(line, null, "Line " + line + " " + reason + ".");
        return new CsvRefusal(problems);
    }
}
