package org.arborlab.control.engine.features;

import org.arborlab.control.engine.runtime.AppModel;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.runtime.ModelScopes;
import org.arborlab.control.engine.storage.JpaStorage;
import org.arborlab.control.engine.runtime.ModelScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.arborlab.entity.Player;
import org.arborlab.spi.BasePlayer;

/**
 * Runs an app's {@code customExport} (oTree's {@code custom_export}) over the app's players: every
 * round of the chosen sessions, by id, as the app's own objects. Players are read a page at a time into a
 * persistence context that is cleared before the next page, so memory does not grow with the number of players.
 * Read-only: whatever the app changes on the objects is never written back.
 */
@ApplicationScoped
public class CustomExports {
    static final int PAGE = 1_000;
    private static final int FETCH = 500;
    /** EclipseLink's batch reading (Payara's JPA provider): relations of a page read with one IN query each. */
    private static final String BATCH = "eclipselink.batch";

    @PersistenceUnit(unitName = "arbor")
    EntityManagerFactory emf;

    @Inject
    AppRegistry apps;

    @Inject
    ModelScopes scopes;

    /** Whether the app is installed and has a custom export. */
    public boolean has(String app) {
        AppModel model = apps.all().get(app);
        return model != null && model.hasCustomExport();
    }

    /**
     * The app's rows, header first, produced as they are consumed. Close the stream (try-with-resources): it
     * holds a persistence context.
     *
     * @param sessionIds the sessions, or null for all
     */
    @SuppressWarnings("unchecked")
    public Stream<List<Object>> rows(String appName, Collection<Long> sessionIds) {
        AppModel app = apps.get(appName);
        EntityManager em = emf.createEntityManager();
        try {
            PlayerPages pages = new PlayerPages(em, app.name(), sessionIds);
            Stream<BasePlayer<?, ?>> players = StreamSupport.stream(
                    Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
            Stream<List<Object>> rows = app.app().customExport(players);
            return (rows == null ? Stream.<List<Object>>empty() : rows).onClose(players::close).onClose(em::close);
        } catch (RuntimeException e) {
            em.close();
            throw e;
        }
    }

    /**
     * The app's players page by page; each page gets fresh model scopes (one per session). As in the other
     * exports, a page is found along the primary key (one table, within the id ranges that hold the chosen
     * sessions) and only then are its players of this app read with their rows: filtering by session or app in
     * the same query lets the database start from another table and sort everything again for each page.
     */
    private final class PlayerPages implements Iterator<BasePlayer<?, ?>> {
        private final EntityManager em;
        private final String app;
        private final Set<Long> sessionIds;
        private final Set<Long> rounds;
        private final Iterator<long[]> ranges;
        private long[] range;
        private long after = Long.MIN_VALUE;
        private Iterator<BasePlayer<?, ?>> page = Collections.emptyIterator();

        PlayerPages(EntityManager em, String app, Collection<Long> sessionIds) {
            this.em = em;
            this.app = app;
            this.sessionIds = sessionIds == null ? null : Set.copyOf(sessionIds);
            var query = em.createQuery("select s.id from Subsession s where s.appName = :app"
                    + (sessionIds == null ? "" : " and s.session.id in :sessions"), Long.class)
                    .setParameter("app", app);
            if (sessionIds != null) {
                query.setParameter("sessions", this.sessionIds);
            }
            this.rounds = new HashSet<>(query.getResultList());
            this.ranges = rounds.isEmpty() ? Collections.emptyIterator() : ranges().iterator();
        }

        private List<long[]> ranges() {
            if (sessionIds == null) {
                return List.<long[]>of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
            }
            List<long[]> found = new ArrayList<>();
            for (Long session : sessionIds) {
                Object[] bounds = em.createQuery("select min(p.id), max(p.id) from Player p"
                        + " where p.session.id = :session", Object[].class).setParameter("session", session)
                        .getSingleResult();
                if (bounds[0] != null) {
                    found.add(new long[] {((Number) bounds[0]).longValue(), ((Number) bounds[1]).longValue()});
                }
            }
            found.sort(Comparator.comparingLong(r -> r[0]));
            return found; // overlapping ranges are fine: the next range starts after the last id read
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext()) {
                if (range == null) {
                    if (!ranges.hasNext()) {
                        return false;
                    }
                    range = ranges.next();
                    after = Math.max(after, range[0] == Long.MIN_VALUE ? Long.MIN_VALUE : range[0] - 1);
                }
                page = nextPage();
            }
            return true;
        }

        @Override
        public BasePlayer<?, ?> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }

        private Iterator<BasePlayer<?, ?>> nextPage() {
            em.clear(); // the previous page's rows and objects are done with
            List<Object[]> scanned = em.createQuery("select p.id, p.subsession.id from Player p"
                    + " where p.id > :after and p.id <= :last order by p.id", Object[].class)
                    .setParameter("after", after).setParameter("last", range[1]).setMaxResults(PAGE).getResultList();
            if (scanned.size() < PAGE) {
                range = null;
            }
            List<Long> ids = new ArrayList<>();
            for (Object[] row : scanned) {
                after = ((Number) row[0]).longValue();
                if (rounds.contains(((Number) row[1]).longValue())) {
                    ids.add(after);
                }
            }
            if (ids.isEmpty()) {
                return Collections.emptyIterator();
            }
            // single-table reads by primary key only (a join lets MySQL start from the rounds table and read all
            // their players); the players' rounds, groups, participants and sessions come by id in batches, and
            // no IN list reaches the 1,000 values at which MariaDB turns it into a join
            List<Player> rows = new ArrayList<>(ids.size());
            for (int from = 0; from < ids.size(); from += FETCH) {
                rows.addAll(em.createQuery("select p from Player p where p.id in :ids order by p.id", Player.class)
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + FETCH)))
                        .setHint(BATCH + ".type", "IN").setHint(BATCH + ".size", FETCH)
                        .setHint(BATCH, "p.subsession").setHint(BATCH, "p.group")
                        .setHint(BATCH, "p.participant").setHint(BATCH, "p.session")
                        .getResultList());
            }
            Map<Long, ModelScope> bySession = new HashMap<>();
            List<BasePlayer<?, ?>> players = new ArrayList<>(rows.size());
            for (Player row : rows) {
                ModelScope scope = bySession.computeIfAbsent(row.getSession().getId(),
                        id -> scopes.reading(new JpaStorage(em), row.getSession()));
                players.add(scope.player(row));
            }
            return players.iterator();
        }
    }
}
