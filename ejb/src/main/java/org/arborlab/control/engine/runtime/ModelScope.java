package org.arborlab.control.engine.runtime;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.arborlab.control.engine.storage.Storage;
import org.arborlab.entity.ExtraModelRow;
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
import org.arborlab.spi.ExtraModel;
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
public final class ModelScope {
    private final Storage storage;
    private final AppRegistry apps;
    private final CurrencyFormat currency;
    private final Session session;
    /** True while a session is being created: every row is new and ours, nothing to lock. */
    private final boolean exclusive;
    /** True for exports: extra models' records are read as values, and nothing is created or deleted. */
    private final boolean readOnly;

    private final Map<Player, LoadedPlayer> players = new LinkedHashMap<>();
    private final Map<Group, Loaded<BaseGroup<?, ?>, Group>> groups = new LinkedHashMap<>();
    private final Map<Subsession, Loaded<BaseSubsession<?, ?>, Subsession>> subsessions = new LinkedHashMap<>();
    private final Map<Participant, ParticipantHandle> participants = new LinkedHashMap<>();
    /** The extra models' records this unit of work read or created, by row (rows compare by identity). */
    private final Map<ExtraModelRow, LoadedExtra> extras = new LinkedHashMap<>();
    private final Set<Object> locked = Collections.newSetFromMap(new IdentityHashMap<>());
    private SessionHandle sessionHandle;
    /** The engine's clock, for {@code timeOnPage}; the system's where no engine call set one. */
    private java.time.Clock clock = java.time.Clock.systemUTC();

    ModelScope(Storage storage, AppRegistry apps, CurrencyFormat currency, Session session, boolean exclusive) {
        this(storage, apps, currency, session, exclusive, false);
    }

    ModelScope(Storage storage, AppRegistry apps, CurrencyFormat currency, Session session, boolean exclusive,
            boolean readOnly) {
        this.storage = storage;
        this.apps = apps;
        this.currency = currency;
        this.session = session;
        this.exclusive = exclusive;
        this.readOnly = readOnly;
    }

    public AppRegistry apps() {
        return apps;
    }

    /** Uses the engine's clock (a test's manual one) for what apps read as the time. */
    ModelScope clock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    public Storage storage() {
        return storage;
    }

    public CurrencyFormat currency() {
        return currency;
    }

    /** Locks a row for this transaction and reads its latest version; a no-op if already locked. */
    public void lock(Object entity) {
        if (exclusive || !locked.add(entity)) {
            return;
        }
        storage.lock(entity);
    }

    /** Drops a group that was deleted from what this scope has loaded. */
    void forget(Group group) {
        groups.remove(group);
        locked.remove(group);
    }

    /** Marks a row as locked by a query that already used {@code FOR UPDATE}. */
    public void lockedByQuery(Object entity) {
        locked.add(entity);
    }

    // --- materializing ---

    public BasePlayer<?, ?> player(Player entity) {
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

    public BaseGroup<?, ?> group(Group entity) {
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

    public BaseSubsession<?, ?> subsession(Subsession entity) {
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

    public ParticipantHandle participant(Participant entity) {
        return participants.computeIfAbsent(entity, e -> new ParticipantHandle(this, e));
    }

    public SessionHandle session() {
        if (sessionHandle == null) {
            sessionHandle = new SessionHandle(this, session);
        }
        return sessionHandle;
    }

    public Session sessionEntity() {
        return session;
    }

    /** The participant's player in a round of an app. */
    public Player playerEntity(Participant participant, String app, int round) {
        List<Player> found = storage.players(participant, app, round, round);
        if (found.isEmpty()) {
            throw new IllegalStateException("Participant " + participant.getCode() + " has no player in " + app
                    + " round " + round);
        }
        return found.get(0);
    }

    public BasePlayer<?, ?> player(Participant participant, String app, int round) {
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
    public void writeBack() {
        writeBackExtras();
        writeBackFields(subsessions.values(), Subsession::getFields, Subsession::setFields);
        writeBackFields(groups.values(), Group::getFields, Group::setFields);
        // a participant's payoff is the sum of their players' payoffs: it moves by what this unit of work changed
        Map<Participant, BigDecimal> payoffChanges = new LinkedHashMap<>();
        for (LoadedPlayer p : new ArrayList<>(players.values())) {
            JsonObject now = extract(p.model, p.fields);
            JsonChanges changes = JsonChanges.between(p.snapshot, now, true);
            BigDecimal payoff = currency.round(p.model.payoff == null ? Currency.ZERO : p.model.payoff).amount();
            boolean payoffDiffers = payoff.compareTo(p.payoffSnapshot) != 0;
            if (!changes.isEmpty() || payoffDiffers) {
                lock(p.entity);
                p.entity.setFields(changes.applyTo(p.entity.getFields()));
                if (payoffDiffers) {
                    payoffChanges.merge(p.entity.getParticipant(), payoff.subtract(p.entity.getPayoff()),
                            BigDecimal::add);
                    p.entity.setPayoff(payoff);
                }
                p.snapshot = now;
                p.payoffSnapshot = payoff;
            }
        }
        for (ParticipantHandle handle : new ArrayList<>(participants.values())) {
            handle.writeBack();
        }
        payoffChanges.forEach((participant, change) -> {
            if (change.signum() != 0) {
                lock(participant);
                participant.setPayoff(participant.getPayoff().add(change));
            }
        });
        if (sessionHandle != null) {
            sessionHandle.writeBack();
        }
    }

    /** Saves the fields the hooks changed on these subsessions or groups, each applied to the row's latest version. */
    private <M, E> void writeBackFields(Collection<Loaded<M, E>> loaded, Function<E, JsonObject> fieldsOf,
            BiConsumer<E, JsonObject> setFields) {
        for (Loaded<M, E> row : new ArrayList<>(loaded)) {
            JsonObject now = extract(row.model, row.fields);
            JsonChanges changes = JsonChanges.between(row.snapshot, now, true);
            if (!changes.isEmpty()) {
                lock(row.entity);
                setFields.accept(row.entity, changes.applyTo(fieldsOf.apply(row.entity)));
                row.snapshot = now;
            }
        }
    }

    private static class Loaded<M, E> {
        final M model;
        final E entity;
        /** The fields as last read or written: a write-back saves what changed since. */
        JsonObject snapshot;
        final List<FieldSpec> fields;

        Loaded(M model, E entity, JsonObject snapshot, List<FieldSpec> fields) {
            this.model = model;
            this.entity = entity;
            this.snapshot = snapshot;
            this.fields = fields;
        }
    }

    private static final class LoadedPlayer extends Loaded<BasePlayer<?, ?>, Player> {
        BigDecimal payoffSnapshot;

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

    // --- extra models ---

    /** A new record of an extra model linked to an owner row, its fields at their defaults, added to storage. */
    private <T extends ExtraModel<?>> T createExtra(Object ownerRow, String appName, Class<T> type) {
        ExtraModelSpec spec = extraSpec(ownerRow, appName, type);
        if (readOnly) {
            throw new IllegalStateException("A custom export only reads: it cannot create " + spec.name()
                    + " records");
        }
        ExtraModelRow row = new ExtraModelRow(session, appName, spec.name(), ownerRow, spec.initial());
        storage.add(row);
        ExtraModel<?> model = spec.newInstance();
        fill(model, spec.fields(), spec.initial());
        LoadedExtra loaded = new LoadedExtra(model, row, spec, ownerRow, true);
        ModelBinding.attach(model, loaded);
        extras.put(row, loaded);
        return type.cast(model);
    }

    /** The records of an extra model linked to an owner row, oldest first, each as one object per row. */
    private <T extends ExtraModel<?>> List<T> filterExtra(Object ownerRow, String appName, Class<T> type) {
        ExtraModelSpec spec = extraSpec(ownerRow, appName, type);
        List<T> found = new ArrayList<>();
        if (readOnly) {
            for (ExtraModelRow row : storage.extraValues(ownerRow, spec.name())) {
                ExtraModel<?> model = spec.newInstance();
                fill(model, spec.fields(), row.getFields());
                ModelBinding.attach(model, new LoadedExtra(model, row, spec, ownerRow, false));
                found.add(type.cast(model));
            }
            return found;
        }
        for (ExtraModelRow row : storage.extraRows(ownerRow, spec.name())) {
            LoadedExtra loaded = extras.get(row);
            if (loaded == null) {
                ExtraModel<?> model = spec.newInstance();
                fill(model, spec.fields(), row.getFields());
                loaded = new LoadedExtra(model, row, spec, ownerRow, false);
                ModelBinding.attach(model, loaded);
                extras.put(row, loaded);
            }
            if (!loaded.deleted) {
                found.add(type.cast(loaded.model));
            }
        }
        return found;
    }

    private ExtraModelSpec extraSpec(Object ownerRow, String appName, Class<?> type) {
        AppModel app = apps.get(appName);
        if (type == null) {
            throw new IllegalArgumentException("create and filter take an extra model class, e.g. Trial.class");
        }
        ExtraModelSpec spec = app.extraModel(type).orElseThrow(() -> new IllegalArgumentException(
                type.getSimpleName() + " is not an extra model of app \"" + appName + "\": declare it as a public"
                        + " static nested class of the app class, extending ExtraModel<Player> (or <Group>,"
                        + " <Subsession>)"));
        ExtraModelRow.OwnerKind kind = ExtraModelRow.kindOf(ownerRow);
        if (spec.owner() != kind) {
            String owner = spec.owner().name().toLowerCase(java.util.Locale.ROOT);
            throw new IllegalArgumentException(spec.name() + " of app \"" + appName + "\" is linked to the " + owner
                    + ", not the " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": use " + owner + ".create("
                    + spec.name() + ".class) and " + owner + ".filter(" + spec.name() + ".class)");
        }
        return spec;
    }

    /** Saves new records whole, and the fields hooks changed on records they read (under the row's lock). */
    private void writeBackExtras() {
        for (LoadedExtra loaded : new ArrayList<>(extras.values())) {
            if (loaded.deleted) {
                continue;
            }
            JsonObject now = extractChecked(loaded);
            if (loaded.created) {
                loaded.row.setFields(now);
                loaded.snapshot = now;
                continue;
            }
            JsonChanges changes = JsonChanges.between(loaded.snapshot, now, true);
            if (!changes.isEmpty()) {
                lock(loaded.row);
                loaded.row.setFields(changes.applyTo(loaded.row.getFields()));
                loaded.snapshot = now;
            }
        }
    }

    /** A record's fields as JSON; a value JSON cannot hold (NaN, an infinity) is the app's mistake, named. */
    private JsonObject extractChecked(LoadedExtra loaded) {
        for (FieldSpec field : loaded.spec.fields()) {
            if (field.read(loaded.model) instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new IllegalArgumentException(loaded.spec.name() + "." + field.name() + " of app \""
                        + loaded.row.getAppName() + "\" is " + d + "; a Double field stores finite numbers or null");
            }
        }
        return extract(loaded.model, loaded.spec.fields());
    }

    /** A record as the engine tracks it, and its binding: the owner it links to, deletion. */
    private final class LoadedExtra implements ModelBinding.OfExtraModel {
        final ExtraModel<?> model;
        final ExtraModelRow row;
        final ExtraModelSpec spec;
        final Object ownerRow;
        final boolean created;
        JsonObject snapshot;
        boolean deleted;

        LoadedExtra(ExtraModel<?> model, ExtraModelRow row, ExtraModelSpec spec, Object ownerRow, boolean created) {
            this.model = model;
            this.row = row;
            this.spec = spec;
            this.ownerRow = ownerRow;
            this.created = created;
            this.snapshot = row.getFields();
        }

        @Override
        public Object owner() {
            if (ownerRow instanceof Player p) {
                return player(p);
            }
            if (ownerRow instanceof Group g) {
                return group(g);
            }
            return subsession((Subsession) ownerRow);
        }

        @Override
        public void delete() {
            if (readOnly) {
                throw new IllegalStateException("A custom export only reads: it cannot delete " + spec.name()
                        + " records");
            }
            if (deleted) {
                throw new IllegalStateException("This " + spec.name() + " record was deleted already");
            }
            if (!created) {
                lock(row);
            }
            storage.remove(row);
            deleted = true;
        }

        @Override
        public boolean isDeleted() {
            return deleted;
        }
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
            return storage.players(entity.getParticipant(), app.name(), first, last).stream()
                    .map(ModelScope.this::player).toList();
        }

        @Override
        public <T extends ExtraModel<?>> T create(Class<T> model) {
            return createExtra(entity, app.name(), model);
        }

        @Override
        public <T extends ExtraModel<?>> List<T> filter(Class<T> model) {
            return filterExtra(entity, app.name(), model);
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
            return storage.players(entity).stream().map(ModelScope.this::player).toList();
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
            return storage.groupInRounds(session, app.name(), entity.getIdInSubsession(), first, last).stream()
                    .map(ModelScope.this::group).toList();
        }

        @Override
        public <T extends ExtraModel<?>> T create(Class<T> model) {
            return createExtra(entity, entity.getSubsession().getAppName(), model);
        }

        @Override
        public <T extends ExtraModel<?>> List<T> filter(Class<T> model) {
            return filterExtra(entity, entity.getSubsession().getAppName(), model);
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
            return storage.players(entity);
        }

        @Override
        public List<? extends BaseGroup<?, ?>> groups() {
            return groupEntities().stream().map(ModelScope.this::group).toList();
        }

        private List<Group> groupEntities() {
            return storage.groups(entity);
        }

        @Override
        public org.arborlab.spi.Session session() {
            return ModelScope.this.session();
        }

        @Override
        public List<? extends BaseSubsession<?, ?>> inRounds(int first, int last) {
            AppModel app = apps.get(entity.getAppName());
            checkRounds(app, first, last);
            return storage.subsessions(session, app.name(), first, last).stream()
                    .map(ModelScope.this::subsession).toList();
        }

        @Override
        public <T extends ExtraModel<?>> T create(Class<T> model) {
            return createExtra(entity, entity.getAppName(), model);
        }

        @Override
        public <T extends ExtraModel<?>> List<T> filter(Class<T> model) {
            return filterExtra(entity, entity.getAppName(), model);
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
                    group.setFields(apps.get(entity.getAppName()).groupInitial());
                    storage.add(group);
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
            storage.flush();
            for (int i = matrix.size(); i < existing.size(); i++) {
                Group unused = existing.get(i);
                groups.remove(unused);
                storage.remove(unused);
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

    public static final class ParticipantHandle implements org.arborlab.spi.Participant {
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
        public java.time.Duration timeOnPage() {
            Long since = scope.storage.lastPageMillis(entity);
            if (since == null) {
                return java.time.Duration.ZERO;
            }
            return java.time.Duration.ofMillis(Math.max(0, scope.clock.millis() - since));
        }

        @Override
        public org.arborlab.spi.Session session() {
            return scope.session();
        }

        void writeBack() {
            JsonObject now = vars == null ? null : vars.toJson();
            JsonChanges changes = vars == null ? null : JsonChanges.between(varsSnapshot, now, false);
            boolean labelChanged = newLabel != null
                    && (entity.getLabel() == null || !entity.getLabel().value().equals(newLabel));
            if ((changes == null || changes.isEmpty()) && !labelChanged) {
                return;
            }
            scope.lock(entity);
            if (changes != null && !changes.isEmpty()) {
                entity.replaceVars(changes.applyTo(entity.getVars()));
                varsSnapshot = now;
            }
            if (labelChanged) {
                entity.setLabel(new ParticipantLabel(newLabel));
            }
        }
    }

    public static final class SessionHandle implements org.arborlab.spi.Session {
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
            for (Participant p : scope.storage.participants(entity)) {
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
            return scope.storage.isInRoom(entity);
        }

        void writeBack() {
            if (vars == null) {
                return;
            }
            JsonObject now = vars.toJson();
            JsonChanges changes = JsonChanges.between(varsSnapshot, now, false);
            if (!changes.isEmpty()) {
                scope.lock(entity);
                entity.replaceVars(changes.applyTo(entity.getVars()));
                varsSnapshot = now;
            }
        }
    }
}
