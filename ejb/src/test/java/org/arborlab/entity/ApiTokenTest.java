package org.arborlab.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static ApiToken token(Long expires) {
        return new ApiToken("t", "hash", "arbor_ab", EnumSet.of(ApiScope.CATALOG_READ), null, "admin", 1_000,
                expires);
    }

    @Test
    void aTokenIsUsableBeforeItsExpiryAndNotFromThenOn() {
        ApiToken token = token(5_000L);
        assertTrue(token.isUsable(4_999));
        assertFalse(token.isUsable(5_000));
        assertFalse(token.isUsable(9_000));
    }

    @Test
    void aTokenWithoutExpiryStaysUsableUntilRevoked() {
        ApiToken token = token(null);
        assertTrue(token.isUsable(Long.MAX_VALUE));
        token.revoke(2_000);
        assertFalse(token.isUsable(2_001));
    }
}
