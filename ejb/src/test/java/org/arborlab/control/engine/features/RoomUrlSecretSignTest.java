package org.arborlab.control.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RoomUrlSecretSignTest {

    @Test
    void signaturesAreHmacSha256OfTheSecret() {
        // RFC 4231 test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                RoomUrlSecret.hmac("Jefe", "what do ya want for nothing?"));
        assertNotEquals(RoomUrlSecret.hmac("a", "text"), RoomUrlSecret.hmac("b", "text"));
    }
}
