package org.arborlab.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which bodies are UTF-8. */
class RequestLimitsFilterTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void wellFormedUtf8PassesAndTheFirstBadByteIsFound() {
        assertEquals(-1, RequestLimitsFilter.firstInvalidUtf8("{\"label\":\"Schön 😀\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, RequestLimitsFilter.firstInvalidUtf8(new byte[0]));
        assertEquals(2, RequestLimitsFilter.firstInvalidUtf8(bytes('{', '"', 0xff, '"', '}')), "0xff is never UTF-8");
        assertEquals(1, RequestLimitsFilter.firstInvalidUtf8(bytes('a', 0xc3, 'b')), "a cut-off sequence");
        assertEquals(1, RequestLimitsFilter.firstInvalidUtf8(bytes('a', 0xc0, 0xaf)), "an overlong encoding");
        assertEquals(1, RequestLimitsFilter.firstInvalidUtf8(bytes('a', 0xed, 0xa0, 0x80)), "a surrogate");
        assertEquals(1, RequestLimitsFilter.firstInvalidUtf8(bytes('a', 0xe2, 0x82)), "truncated at the end");
        byte[] long_ = new byte[20000];
        java.util.Arrays.fill(long_, (byte) 'x');
        long_[19000] = (byte) 0x80;
        assertEquals(19000, RequestLimitsFilter.firstInvalidUtf8(long_), "found past the decoder's buffer");
    }
}
