package org.arborlab.control.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.util.List;
import org.arborlab.control.InvalidInputException;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.spi.App;
import org.junit.jupiter.api.Test;

class NumParticipantsTest {
    private static final SessionConfig PAIRS = new SessionConfig("pairs", "Pairs", List.of("p"), 2, "",
            Json.createObjectBuilder().build());

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static App<?, ?, ?> app(int playersPerGroup) {
        return new App() {
            @Override
            public List pages() {
                return List.of();
            }

            @Override
            public String name() {
                return "p";
            }

            @Override
            public int playersPerGroup() {
                return playersPerGroup;
            }
        };
    }

    @Test
    void nullMeansTheGroupSizeButAtLeastTwo() {
        assertEquals(2, SessionService.numParticipants(PAIRS, List.of(app(0)), null));
        assertEquals(3, SessionService.numParticipants(PAIRS, List.of(app(3)), null));
    }

    @Test
    void mustBeAPositiveMultipleOfTheGroupSize() {
        assertEquals(4, SessionService.numParticipants(PAIRS, List.of(app(2)), 4));
        assertEquals("Session Config pairs: Number of participants (3) is not a multiple of group size (2)",
                assertThrows(InvalidInputException.class,
                        () -> SessionService.numParticipants(PAIRS, List.of(app(2)), 3)).getMessage());
        assertThrows(InvalidInputException.class, () -> SessionService.numParticipants(PAIRS, List.of(app(2)), -2));
        assertThrows(InvalidInputException.class, () -> SessionService.numParticipants(PAIRS, List.of(app(0)), 0));
        assertThrows(InvalidInputException.class,
                () -> SessionService.numParticipants(PAIRS, List.of(app(0)), SessionService.MAX_PARTICIPANTS + 1));
    }
}
