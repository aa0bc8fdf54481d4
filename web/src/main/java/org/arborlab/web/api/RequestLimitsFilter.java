package org.arborlab.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Refuses bodies over 1 MiB (413) and bodies that are forms rather than JSON (415) before anything reads them.
 * Like oTree, a body labelled {@code text/plain} or unlabelled that holds JSON is accepted.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class RequestLimitsFilter implements ContainerRequestFilter {
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            drain(request.getEntityStream(), request.getLength());
            throw new ApiException(413, "Request body is " + request.getLength() + " bytes; the limit is "
                    + MAX_BODY_BYTES + " bytes (1 MiB)");
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
        MediaType type = request.getMediaType();
        if (request.hasEntity()) {
            refuseInvalidUtf8(request, type);
        }
        if (type != null && request.hasEntity() && isForm(type)) {
            refuseFormsThatAreNotJson(request, type);
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259): a body with bytes that are not UTF-8 is refused (400) instead of being stored
     * with U+FFFD in place of what the client meant. A body that names another charset is left to it.
     */
    private static void refuseInvalidUtf8(ContainerRequestContext request, MediaType type) {
        String charset = type == null ? null : type.getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("utf8")) {
            return;
        }
        byte[] body;
        try {
            body = request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the request body");
        }
        int bad = firstInvalidUtf8(body);
        if (bad >= 0) {
            throw ApiException.badRequest("Request body is not valid UTF-8 (byte " + bad + " of " + body.length
                    + "); send JSON encoded as UTF-8");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /** The offset of the first byte that is not part of well-formed UTF-8, or -1. */
    static int firstInvalidUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                result = decoder.flush(out);
                return result.isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /**
     * oTree ignores the Content-Type, so {@code curl -d '{"a":1}'} (which labels JSON as a form) works there and
     * must work here; a real form body is refused with 415.
     */
    private static void refuseFormsThatAreNotJson(ContainerRequestContext request, MediaType type) {
        byte[] body;
        try {
            body = request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the request body");
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            throw new ApiException(415, "Request body must be JSON (Content-Type: application/json), got a form ("
                    + type.getType() + "/" + type.getSubtype() + ")");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /**
     * Clients such as Java's HttpClient read no answer until they have sent their whole body, so a moderately
     * large body is read and dropped before the 413 goes out; a huge one is not worth it.
     */
    private static void drain(InputStream body, long length) {
        if (length <= 16L * MAX_BODY_BYTES) {
            try {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the client gave up; the 413 is still the answer
            }
        }
    }

    private static boolean isForm(MediaType type) {
        return type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    /** Enforces the limit on chunked bodies, which announce no length. */
    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new ApiException(413, "Request body is over the limit of " + MAX_BODY_BYTES + " bytes (1 MiB)");
            }
        }
    }
}
