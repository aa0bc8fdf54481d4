package org.arborlab.control.engine;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.entity.Group;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantLabel;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Config;
import org.arborlab.spi.Currency;
import org.arborlab.spi.ModelBinding;
import org.arborlab.spi.Vars;

/**
 * The app's view of the database during one transaction: turns player, group and subsession rows into the app's
 * objects (one object per row), lets hooks navigate between them, and at the end writes back what the hooks
 * changed.
 *
 * <p>Concurrency rule: a row is locked ({@code SELECT ... FOR UPDATE}, which also reads its latest version)
 * before it is changed, and only the keys a hook changed are applied to that latest version. So two
 * participants who change different fields of their group at the same moment both keep their change.
 */
final class ModelScope {
    private final EntityManager em;
    private final AppModels apps;
    private final CurrencyFormat currency;
    private final Session session;
    /** True while a session is being created: every row is new and ours, nothing to lock. */
    private final boolean exclusive;

    private final Map<Player, LoadedPlayer> players = new LinkedHashMap<>();
    private final Map<Group, Loaded<BaseGroup<?, ?>, Group>> groups = new LinkedHashMap<>();
    private final Map<Subsession, Loaded<BaseSubsession<?, ?>, Subsession>> subsessions = new LinkedHashMap<>();
    private final Map<Participant, ParticipantHandle> participants = new LinkedHashMap<>();
    private final Set<Object> locked = Collections.newSetFromMap(new IdentityHashMap<>());
    private SessionHandle sessionHandle;

    ModelScope(EntityManager em, AppModels apps, CurrencyFormat currency, Session session, boolean exclusive) {
        this.em = em;
        this.apps = apps;
        this.currency = currency;
        this.session = session;
        this.exclusive = exclusive;
    }

    EntityManager em() {
        return em;
    }

    CurrencyFormat currency() {
        return currency;
    }

    /** Locks a row for this transaction and reads its latest version; a no-op if already locked. */
    void lock(Object entity) {
        if (exclusive || !locked.add(entity)) {
            return;
        }
        em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Marks a row as locked by a query that already used {@code FOR UPDATE}. */
    void lockedByQuery(Object entity) {
        locked.add(entity);
    }

    // --- materializing ---

    BasePlayer<?, ?> player(Player entity) {
        LoadedPlayer loaded = players.get(entity);
        if (loaded == null) {
            AppModel app = apps.get(entity.getSubsession().getAppName());
            BasePlayer<?, ?> model = app.newPlayer();
            fill(model, app.playerFields(), entity.getFields());
            model.payoff = Currency.cu(entity.getPayoff());
            ModelBinding.attach(model, new PlayerBinding(entity, app));
            loaded = new LoadedPlayer(model, entity, entity.getFields(), app.playerFields(), entity.getPayoff());
            players.put(entity, loaded);
        }
        return loaded.model;
    }

    BaseGroup<?, ?> group(Group entity) {
        Loaded<BaseGroup<?, ?>, Group> loaded = groups.get(entity);
        if (loaded == null) {
            AppModel app = apps.get(entity.getSubsession().getAppName());
            BaseGroup<?, ?> model = app.newGroup();
            fill(model, app.groupFields(), entity.getFields());
            ModelBinding.attach(model, new GroupBinding(entity));
            loaded = new Loaded<>(model, entity, entity.getFields(), app.groupFields());
            groups.put(entity, loaded);
        }
        return loaded.model;
    }

    BaseSubsession<?, ?> subsession(Subsession entity) {
        Loaded<BaseSubsession<?, ?>, Subsession> loaded = subsessions.get(entity);
        if (loaded == null) {
            AppModel app = apps.get(entity.getAppName());
            BaseSubsession<?, ?> model = app.newSubsession();
            fill(model, app.subsessionFields(), entity.getFields());
            ModelBinding.attach(model, new SubsessionBinding(entity));
            loaded = new Loaded<>(model, entity, entity.getFields(), app.subsessionFields());
            subsessions.put(entity, loaded);
        }
        return loaded.model;
    }

    ParticipantHandle participant(Participant entity) {
        return participants.computeIfAbsent(entity, e -> new ParticipantHandle(this, e));
    }

    SessionHandle session() {
        if (sessionHandle == null) {
            sessionHandle = new SessionHandle(this, session);
        }
        return sessionHandle;
    }

    Session sessionEntity() {
        return session;
    }

    /** The participant's player in a round of an app. */
    Player playerEntity(Participant participant, String app, int round) {
        List<Player> found = em.createNamedQuery("Player.byParticipantAndRounds", Player.class)
                .setParameter("participant", participant).setParameter("app", app)
                .setParameter("first", round).setParameter("last", round).getResultList();
        if (found.isEmpty()) {
            throw new IllegalStateException("Participant " + participant.getCode() + " has no player in " + app
                    + " round " + round);
        }
        return found.get(0);
    }

    BasePlayer<?, ?> player(Participant participant, String app, int round) {
        return player(playerEntity(participant, app, round));
    }

    Player entityOf(BasePlayer<?, ?> model) {
        for (LoadedPlayer loaded : players.values()) {
            if (loaded.model == model) {
                return loaded.entity;
            }
        }
        throw new IllegalStateException("Not a player of this scope: " + model);
    }

    Group entityOf(BaseGroup<?, ?> model) {
        for (Loaded<BaseGroup<?, ?>, Group> loaded : groups.values()) {
            if (loaded.model == model) {
                return loaded.entity;
            }
        }
        throw new IllegalStateException("Not a group of this scope: " + model);
    }

    private static void fill(Object model, List<FieldSpec> fields, JsonObject json) {
        for (FieldSpec field : fields) {
            field.write(model, field.fromJson(json.get(field.name())));
        }
    }

    private JsonObject extract(Object model, List<FieldSpec> fields) {
        JsonObjectBuilder builder = Jsonp.createObjectBuilder();
        for (FieldSpec field : fields) {
            Object value = field.read(model);
            if (value instanceof Currency c) {
                value = currency.round(c);
            }
            builder.add(field.name(), field.toJson(value));
        }
        return builder.build();
    }

    // --- writing back ---

    /** Writes every change the hooks made to the rows, under row locks; recomputes affected participant payoffs. */
    void writeBack() {
        for (Loaded<BaseSubsession<?, ?>, Subsession> s : new ArrayList<>(subsessions.values())) {
            JsonChanges changes = JsonChanges.between(s.snapshot, extract(s.model, s.fields), true);
            if (!changes.isEmpty()) {
                lock(s.entity);
                s.entity.setFields(changes.applyTo(s.entity.getFields()));
            }
        }
        for (Loaded<BaseGroup<?, ?>, Group> g : new ArrayList<>(groups.values())) {
            JsonChanges changes = JsonChanges.between(g.snapshot, extract(g.model, g.fields), true);
            if (!changes.isEmpty()) {
                lock(g.entity);
                g.entity.setFields(changes.applyTo(g.entity.getFields()));
            }
        }
        Set<Participant> payoffChanged = new HashSet<>();
        for (LoadedPlayer p : new ArrayList<>(players.values())) {
            JsonChanges changes = JsonChanges.between(p.snapshot, extract(p.model, p.fields), true);
            BigDecimal payoff = currency.round(p.model.payoff == null ? Currency.ZERO : p.model.payoff).amount();
            boolean payoffDiffers = payoff.compareTo(p.payoffSnapshot) != 0;
            if (!changes.isEmpty() || payoffDiffers) {
                lock(p.entity);
                p.entity.setFields(changes.applyTo(p.entity.getFields()));
                if (payoffDiffers) {
                    p.entity.setPayoff(payoff);
                    payoffChanged.add(p.entity.getParticipant());
                }
            }
        }
        for (ParticipantHandle handle : new ArrayList<>(participants.values())) {
            handle.writeBack();
        }
        for (Participant participant : payoffChanged) {
            lock(participant);
            em.flush();
            BigDecimal sum = em.createNamedQuery("Player.payoffSum", BigDecimal.class)
                    .setParameter("participant", participant).getSingleResult();
            participant.setPayoff(sum == null ? BigDecimal.ZERO : sum);
        }
        if (sessionHandle != null) {
            sessionHandle.writeBack();
        }
    }

    private static class Loaded<M, E> {
        final M model;
        final E entity;
        final JsonObject snapshot;
        final List<FieldSpec> fields;

        Loaded(M model, E entity, JsonObject snapshot, List<FieldSpec> fields) {
            this.model = model;
            this.entity = entity;
            this.snapshot = snapshot;
            this.fields = fields;
        }
    }

    private static final class LoadedPlayer extends Loaded<BasePlayer<?, ?>, Player> {
        final BigDecimal payoffSnapshot;

        LoadedPlayer(BasePlayer<?, ?> model, Player entity, JsonObject snapshot, List<FieldSpec> fields,
                BigDecimal payoff) {
            super(model, entity, snapshot, fields);
            this.payoffSnapshot = payoff;
        }
    }

    /** The participant's payoff as the hooks see it: stored payoff plus this transaction's changes. */
    Currency livePayoff(Participant participant) {
        BigDecimal total = participant.getPayoff();
        for (LoadedPlayer p : players.values()) {
            if (p.entity.getParticipant() == participant) {
                BigDecimal now = p.model.payoff == null ? BigDecimal.ZERO : p.model.payoff.amount();
                total = total.add(now.subtract(p.payoffSnapshot));
            }
        }
        return Currency.cu(total);
    }

    // --- bindings: how the app's objects reach their round, group and participant ---

    private final class PlayerBinding implements ModelBinding.OfPlayer {
        private final Player entity;
        private final AppModel app;

        PlayerBinding(Player entity, AppModel app) {
            this.entity = entity;
            this.app = app;
        }

        @Override
        public int idInGroup() {
            return entity.getIdInGroup();
        }

        @Override
        public int idInSubsession() {
            return entity.getIdInSubsession();
        }

        @Override
        public int roundNumber() {
            return entity.getSubsession().getRoundNumber();
        }

        @Override
        public String role() {
            return app.role(entity.getIdInGroup());
        }

        @Override
        public BaseGroup<?, ?> group() {
            return ModelScope.this.group(entity.getGroup());
        }

        @Override
        public BaseSubsession<?, ?> subsession() {
            return ModelScope.this.subsession(entity.getSubsession());
        }

        @Override
        public org.arborlab.spi.Participant participant() {
            return ModelScope.this.participant(entity.getParticipant());
        }

        @Override
        public org.arborlab.spi.Session session() {
            return ModelScope.this.session();
        }

        @Override
        public List<? extends BasePlayer<?, ?>> inRounds(int first, int last) {
            checkRounds(app, first, last);
            return em.createNamedQuery("Player.byParticipantAndRounds", Player.class)
                    .setParameter("participant", entity.getParticipant()).setParameter("app", app.name())
                    .setParameter("first", first).setParameter("last", last).getResultStream()
                    .map(ModelScope.this::player).toList();
        }
    }

    private final class GroupBinding implements ModelBinding.OfGroup {
        private final Group entity;

        GroupBinding(Group entity) {
            this.entity = entity;
        }

        @Override
        public int idInSubsession() {
            return entity.getIdInSubsession();
        }

        @Override
        public int roundNumber() {
            return entity.getSubsession().getRoundNumber();
        }

        @Override
        public List<? extends BasePlayer<?, ?>> players() {
            return em.createNamedQuery("Player.byGroup", Player.class).setParameter("group", entity)
                    .getResultStream().map(ModelScope.this::player).toList();
        }

        @Override
        public BaseSubsession<?, ?> subsession() {
            return ModelScope.this.subsession(entity.getSubsession());
        }

        @Override
        public org.arborlab.spi.Session session() {
            return ModelScope.this.session();
        }

        @Override
        public List<? extends BaseGroup<?, ?>> inRounds(int first, int last) {
            AppModel app = apps.get(entity.getSubsession().getAppName());
            checkRounds(app, first, last);
            return em.createNamedQuery("Group.inRounds", Group.class).setParameter("session", session)
                    .setParameter("app", app.name()).setParameter("id", entity.getIdInSubsession())
                    .setParameter("first", first).setParameter("last", last).getResultStream()
                    .map(ModelScope.this::group).toList();
        }
    }

    private final class SubsessionBinding implements ModelBinding.OfSubsession {
        private final Subsession entity;

        SubsessionBinding(Subsession entity) {
            this.entity = entity;
        }

        @Override
        public int roundNumber() {
            return entity.getRoundNumber();
        }

        @Override
        public List<? extends BasePlayer<?, ?>> players() {
            return playerEntities().stream().map(ModelScope.this::player).toList();
        }

        private List<Player> playerEntities() {
            return em.createNamedQuery("Player.bySubsession", Player.class).setParameter("subsession", entity)
                    .getResultList();
        }

        @Override
        public List<? extends BaseGroup<?, ?>> groups() {
            return groupEntities().stream().map(ModelScope.this::group).toList();
        }

        private List<Group> groupEntities() {
            return em.createNamedQuery("Group.bySubsession", Group.class).setParameter("subsession", entity)
                    .getResultList();
        }

        @Override
        public org.arborlab.spi.Session session() {
            return ModelScope.this.session();
        }

        @Override
        public List<? extends BaseSubsession<?, ?>> inRounds(int first, int last) {
            AppModel app = apps.get(entity.getAppName());
            checkRounds(app, first, last);
            return em.createNamedQuery("Subsession.inRounds", Subsession.class).setParameter("session", session)
                    .setParameter("app", app.name()).setParameter("first", first).setParameter("last", last)
                    .getResultStream().map(ModelScope.this::subsession).toList();
        }

        @Override
        public void setGroupMatrix(List<List<Integer>> matrix) {
            List<Player> all = playerEntities();
            Map<Integer, Player> byId = new LinkedHashMap<>();
            all.forEach(p -> byId.put(p.getIdInSubsession(), p));
            Set<Integer> seen = new HashSet<>();
            for (List<Integer> group : matrix) {
                if (group == null || group.isEmpty()) {
                    throw new IllegalArgumentException("Group matrix has an empty group: " + matrix);
                }
                for (Integer id : group) {
                    if (!byId.containsKey(id) || !seen.add(id)) {
                        throw new IllegalArgumentException("Group matrix " + matrix + " must hold each player id 1.."
                                + all.size() + " exactly once");
                    }
                }
            }
            if (seen.size() != all.size()) {
                throw new IllegalArgumentException("Group matrix " + matrix + " leaves out players; it must hold"
                        + " each id 1.." + all.size() + " exactly once");
            }
            List<Group> existing = groupEntities();
            for (int i = 0; i < matrix.size(); i++) {
                Group group;
                if (i < existing.size()) {
                    group = existing.get(i);
                } else {
                    group = new Group(entity, i + 1);
                    em.persist(group);
                    locked.add(group);
                }
                List<Integer> members = matrix.get(i);
                for (int j = 0; j < members.size(); j++) {
                    Player player = byId.get(members.get(j));
                    lock(player);
                    player.regroup(group, j + 1);
                    player.setRole(apps.get(entity.getAppName()).role(j + 1));
                }
            }
            em.flush();
            for (int i = matrix.size(); i < existing.size(); i++) {
                Group unused = existing.get(i);
                groups.remove(unused);
                em.remove(unused);
            }
        }
    }

    private static void checkRounds(AppModel app, int first, int last) {
        if (first < 1 || last > app.numRounds()) {
            throw new IllegalArgumentException("App " + app.name() + " has rounds 1 to " + app.numRounds()
                    + "; asked for " + first + " to " + last);
        }
    }

    // --- participant and session as apps see them ---

    static final class ParticipantHandle implements org.arborlab.spi.Participant {
        private final ModelScope scope;
        private final Participant entity;
        private JsonObject varsSnapshot;
        private Vars vars;
        private String newLabel;

        ParticipantHandle(ModelScope scope, Participant entity) {
            this.scope = scope;
            this.entity = entity;
        }

        @Override
        public String code() {
            return entity.getCode().value();
        }

        @Override
        public int idInSession() {
            return entity.getIdInSession();
        }

        @Override
        public String label() {
            return newLabel != null ? newLabel : entity.getLabel() == null ? null : entity.getLabel().value();
        }

        @Override
        public void setLabel(String label) {
            if (!ParticipantLabel.isValid(label)) {
                throw new IllegalArgumentException("participant_label is too long or malformed: " + label);
            }
            newLabel = label;
        }

        @Override
        public Vars vars() {
            if (vars == null) {
                varsSnapshot = entity.getVars();
                vars = new Vars(varsSnapshot);
            }
            return vars;
        }

        @Override
        public Currency payoff() {
            return scope.livePayoff(entity);
        }

        @Override
        public boolean isBot() {
            return entity.isBot();
        }

        @Override
        public org.arborlab.spi.Session session() {
            return scope.session();
        }

        void writeBack() {
            JsonChanges changes = vars == null ? null : JsonChanges.between(varsSnapshot, vars.toJson(), false);
            boolean labelChanged = newLabel != null
                    && (entity.getLabel() == null || !entity.getLabel().value().equals(newLabel));
            if ((changes == null || changes.isEmpty()) && !labelChanged) {
                return;
            }
            scope.lock(entity);
            if (changes != null && !changes.isEmpty()) {
                entity.replaceVars(changes.applyTo(entity.getVars()));
            }
            if (labelChanged) {
                entity.setLabel(new ParticipantLabel(newLabel));
            }
        }
    }

    static final class SessionHandle implements org.arborlab.spi.Session {
        private final ModelScope scope;
        private final Session entity;
        private JsonObject varsSnapshot;
        private Vars vars;

        SessionHandle(ModelScope scope, Session entity) {
            this.scope = scope;
            this.entity = entity;
        }

        @Override
        public String code() {
            return entity.getCode().value();
        }

        @Override
        public Config config() {
            return new Config(entity.getConfig());
        }

        @Override
        public Vars vars() {
            if (vars == null) {
                varsSnapshot = entity.getVars();
                vars = new Vars(varsSnapshot);
            }
            return vars;
        }

        @Override
        public List<org.arborlab.spi.Participant> participants() {
            List<org.arborlab.spi.Participant> list = new ArrayList<>();
            for (Participant p : scope.em.createNamedQuery("Participant.bySession", Participant.class)
                    .setParameter("session", entity).getResultList()) {
                list.add(scope.participant(p));
            }
            return list;
        }

        @Override
        public boolean isDemo() {
            return entity.isDemo();
        }

        @Override
        public boolean isInRoom() {
            return !scope.em.createNamedQuery("RoomSession.bySession").setParameter("session", entity)
                    .getResultList().isEmpty();
        }

        void writeBack() {
            if (vars == null) {
                return;
            }
            JsonChanges changes = JsonChanges.between(varsSnapshot, vars.toJson(), false);
            if (!changes.isEmpty()) {
                scope.lock(entity);
                entity.replaceVars(changes.applyTo(entity.getVars()));
            }
        }
    }
}
