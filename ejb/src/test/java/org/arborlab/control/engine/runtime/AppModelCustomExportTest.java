package org.arborlab.control.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;
import org.junit.jupiter.api.Test;

/** An app has a custom export exactly when it overrides {@code customExport}, as with the admin report. */
class AppModelCustomExportTest {

    static class Subsession extends BaseSubsession<Player, Group> {
    }

    static class Group extends BaseGroup<Player, Subsession> {
    }

    static class Player extends BasePlayer<Group, Subsession> {
    }

    static class Intro extends Page<Player> {
    }

    static class Plain extends App<Player, Group, Subsession> {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Intro());
        }
    }

    static class Exporting extends Plain {
        @Override
        public String name() {
            return "exporting";
        }

        @Override
        public Stream<List<Object>> customExport(Stream<Player> players) {
            return Stream.concat(Stream.of(List.<Object>of("participant")),
                    players.map(p -> List.<Object>of(p.participant().code())));
        }
    }

    @Test
    void overridingCustomExportIsDetected() {
        assertTrue(new AppModel(new Exporting()).hasCustomExport());
        assertFalse(new AppModel(new Plain()).hasCustomExport());
    }
}
