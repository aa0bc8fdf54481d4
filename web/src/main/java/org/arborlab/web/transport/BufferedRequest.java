package org.arborlab.web.transport;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request whose body was read already ({@link BodyFirstFilter}): its stream and reader give that body, and a
 * form's fields are parsed from it (after the query string's, as the container orders them).
 */
final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private Map<String, String[]> parameters;
    private boolean streamUsed;

    BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        streamUsed = true;
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (IOException e) {
                    listener.onError(e);
                }
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() throws UnsupportedEncodingException {
        streamUsed = true;
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters());
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    private Charset charset() throws UnsupportedEncodingException {
        String name = getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEncodingException(name);
        }
    }

    private synchronized Map<String, String[]> parameters() {
        if (parameters == null) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            Charset charset;
            try {
                charset = charset();
            } catch (UnsupportedEncodingException e) {
                charset = StandardCharsets.UTF_8;
            }
            parse(getQueryString(), charset, all);
            String type = getContentType();
            if (!streamUsed && type != null
                    && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                parse(new String(body, StandardCharsets.ISO_8859_1), charset, all);
            }
            Map<String, String[]> arrays = new LinkedHashMap<>();
            all.forEach((k, v) -> arrays.put(k, v.toArray(String[]::new)));
            parameters = arrays;
        }
        return parameters;
    }

    /** application/x-www-form-urlencoded: the text is ASCII (percent-escapes decode to bytes of the charset). */
    static void parse(String text, Charset charset, Map<String, List<String>> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                into.computeIfAbsent(URLDecoder.decode(name, charset), k -> new ArrayList<>())
                        .add(URLDecoder.decode(value, charset));
            } catch (IllegalArgumentException e) {
                // a malformed escape (e.g. "%zz"): the container skips such a field too
            }
        }
    }
}
