package org.arborlab.control.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Secure room hashes and the data download token as oTree 5 computes them (values from Python's hashlib). */
class RoomUrlSecretTest {

    @Test
    void oTreesSecretIsSecretKeyFollowedByTheAdminPassword() {
        String secret = RoomUrlSecret.oTreeSecret(Optional.of("k3y_from_otree"), Optional.of("pw")).orElseThrow();
        // hashlib.sha224(('alice' + 'k3y_from_otree' + 'pw').encode()).hexdigest()[:8]
        assertEquals("978bc494", RoomUrlSecret.hash("alice", secret));
        // oTree's DATA_EXPORT_HASH = make_hash('dataexport')
        assertEquals("2f78d631", RoomUrlSecret.hash("dataexport", secret));
        String noPassword = RoomUrlSecret.oTreeSecret(Optional.of("k3y_from_otree"), Optional.empty()).orElseThrow();
        assertEquals("e8d6b32f", RoomUrlSecret.hash("alice", noPassword));
        assertEquals(Optional.empty(), RoomUrlSecret.oTreeSecret(Optional.empty(), Optional.of("pw")));
    }
}
