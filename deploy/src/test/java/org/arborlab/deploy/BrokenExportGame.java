package org.arborlab.deploy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;

/**
 * A test app whose custom export fails half-way, after far more rows than any buffer holds: the download must
 * end as a broken transfer (so no client takes it for a complete file) and the Data page's progress says so.
 */
@ApplicationScoped
public class BrokenExportGame extends App<BrokenExportGame.Player, BrokenExportGame.Group,
        BrokenExportGame.Subsession> {
    static final int ROWS_BEFORE_FAILING = 50_000;

    @Override
    public String name() {
        return "broken_export";
    }

    public static class Subsession extends BaseSubsession<Player, Group> {
    }

    public static class Group extends BaseGroup<Player, Subsession> {
    }

    public static class Player extends BasePlayer<Group, Subsession> {
    }

    @Override
    public List<AbstractPage<Player>> pages() {
        return List.of(new Only());
    }

    static class Only extends Page<Player> {
    }

    @Override
    public Stream<List<Object>> customExport(Stream<Player> players) {
        return Stream.concat(Stream.of(row("n", "text")), LongStream.range(0, ROWS_BEFORE_FAILING + 1).mapToObj(n -> {
            if (n == ROWS_BEFORE_FAILING) {
                throw new IllegalStateException("custom export bug, on purpose");
            }
            return row(n, "a row long enough to fill the buffers quickly");
        }));
    }
}
