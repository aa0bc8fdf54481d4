package org.arborlab.control.engine.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.arborlab.control.engine.storage.Storage;
import org.arborlab.entity.Group;
import org.arborlab.entity.PageCompletion;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.ParticipantLabel;
import org.arborlab.entity.Player;
import org.arborlab.entity.Subsession;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.FormModel;
import org.arborlab.spi.FormValues;
import org.arborlab.spi.Page;
import org.arborlab.spi.WaitPage;

/**
 * A participant's way through a session, in plain Java: showing the current page, taking a form's submission,
 * and waiting on wait pages. Each call is one unit of work on its {@link Storage}; on the server
 * {@link PlayService} runs each in a transaction that locks the participant's row, so a page submitted twice (two
 * tabs, a double click) moves the participant on once; the second submission finds them on another page and
 * only gets redirected. A submission with errors ({@link Outcome.ShowPage} with errors) must write nothing: the
 * caller rolls back what hooks may have changed.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class Play {
    /** A browser may report a timeout this much early (its countdown starts from whole seconds left, rounded up). */
    static final long TIMEOUT_GRACE_MS = 250;

    private final ModelScopes scopes;
    private final AppRegistry apps;
    private final Storage storage;
    private final Clock clock;
    private final Consumer<Object> events;
    private final boolean production;

    /**
     * @param events     receives {@link SessionProgressed} and {@link WaitPageReleased} (the server pushes them to
     *                   browsers after commit)
     * @param production hides the debug panel
     */
    public Play(ModelScopes scopes, Storage storage, Clock clock, Consumer<Object> events, boolean production) {
        this.scopes = scopes;
        this.apps = scopes.apps();
        this.storage = storage;
        this.clock = clock;
        this.events = events;
        this.production = production;
    }

    /** {@code /InitializeParticipant/<code>}: the first visit starts the participant; any visit goes to their page. */
    public Outcome start(String code, String label) {
        Participant participant = find(code);
        if (participant == null) {
            return Outcome.notFound(participantNotFound(code));
        }
        PageFlow flow = apps.flow(participant.getSession().getConfig());
        if (participant.getIndexInPages() == 0) {
            ModelScope scope = scope(participant);
            scope.lock(participant);
            if (participant.getIndexInPages() == 0) {
                if (label != null && participant.getLabel() == null && ParticipantLabel.isValid(label)
                        && !labelTaken(participant, label)) {
                    participant.setLabel(new ParticipantLabel(label));
                }
                Navigator.begin(scope, flow, participant, clock.millis());
                scope.writeBack();
                progressed(participant);
            }
        }
        return new Outcome.Redirect(Links.current(code, flow, participant.getIndexInPages()));
    }

    /** GET of a page: the current page is shown; any other index is redirected to the current page. */
    public Outcome show(String code, int index) {
        Participant participant = find(code);
        if (participant == null) {
            return Outcome.notFound(participantNotFound(code));
        }
        PageFlow flow = apps.flow(participant.getSession().getConfig());
        int current = participant.getIndexInPages();
        if (current == 0 || flow.isFinished(current) || index != current) {
            return new Outcome.Redirect(Links.current(code, flow, current));
        }
        PageFlow.Step step = flow.step(current);
        ModelScope scope = scope(participant);
        if (step.isWaitPage()) {
            return waitPage(scope, flow, step, participant);
        }
        scope.lock(participant);
        if (participant.getIndexInPages() != index) {
            return new Outcome.Redirect(Links.current(code, flow, participant.getIndexInPages()));
        }
        BasePlayer<?, ?> player = scope.player(participant, step.appName(), step.round());
        Page<BasePlayer<?, ?>> page = formPage(step);
        Integer timeout = page.timeoutSeconds(player);
        long now = clock.millis();
        if (timeout != null) {
            if (participant.getTimeoutEpochMillis() == null) {
                participant.setTimeoutEpochMillis(now + timeout * 1000L);
            } else if (now >= participant.getTimeoutEpochMillis()) {
                // the participant came back after the page's time ran out: it submits itself, as in oTree
                return complete(scope, flow, step, participant, player, Map.of(), true, now);
            }
        }
        PageView view = pageView(scope, step, participant, player, page, null, Map.of(), null, now);
        scope.writeBack();
        return new Outcome.ShowPage(view);
    }

    /**
     * POST of a form page. A stale index (the page was already submitted) changes nothing and redirects to the
     * current page. Invalid values show the page again with messages and change nothing.
     *
     * @param timeoutClaimed the page's timer ran out in the browser (accepted once the server agrees)
     */
    public Outcome submit(String code, int index, Map<String, String> form, boolean timeoutClaimed) {
        return submit(code, null, null, index, form, timeoutClaimed);
    }

    /**
     * POST of a form page at its URL ({@code /p/<code>/<app>/<page>/<index>}): as {@link #submit(String, int, Map,
     * boolean)}, and a post whose app or page is not the page at that index (a forged or mistyped URL) changes
     * nothing and redirects to the current page. A null app or page is not checked.
     */
    public Outcome submit(String code, String appName, String pageName, int index, Map<String, String> form,
            boolean timeoutClaimed) {
        Participant participant = find(code);
        if (participant == null) {
            return Outcome.notFound(participantNotFound(code));
        }
        PageFlow flow = apps.flow(participant.getSession().getConfig());
        ModelScope scope = scope(participant);
        scope.lock(participant);
        int current = participant.getIndexInPages();
        if (current == 0 || flow.isFinished(current) || index != current || flow.step(current).isWaitPage()
                || (appName != null && !appName.equals(flow.step(current).appName()))
                || (pageName != null && !pageName.equals(flow.step(current).pageName()))) {
            return new Outcome.Redirect(Links.current(code, flow, current));
        }
        PageFlow.Step step = flow.step(current);
        BasePlayer<?, ?> player = scope.player(participant, step.appName(), step.round());
        long now = clock.millis();
        Long deadline = participant.getTimeoutEpochMillis();
        boolean timeoutHappened = deadline != null
                && (now >= deadline || timeoutClaimed && now >= deadline - TIMEOUT_GRACE_MS);
        if (timeoutHappened) {
            return complete(scope, flow, step, participant, player, form, true, now);
        }
        Page<BasePlayer<?, ?>> page = formPage(step);
        Object model = page.formModel() == FormModel.GROUP ? player.group() : player;
        List<FieldSpec> fields = formFields(step, page, player);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            try {
                Object value = field.parse(form.get(field.name()), scope.currency().decimalPlaces());
                String problem = field.check(model, value);
                if (problem != null) {
                    errors.put(field.name(), problem);
                }
                values.put(field.name(), value);
            } catch (FieldSpec.InvalidValue e) {
                errors.put(field.name(), e.getMessage());
            }
        }
        String pageError = null;
        if (errors.isEmpty()) {
            pageError = page.errorMessage(player, new FormValues(values));
            if (pageError != null && pageError.isBlank()) {
                pageError = null;
            }
        }
        if (!errors.isEmpty() || pageError != null) {
            String summary = pageError != null ? pageError : "Please fix the errors in the form.";
            PageView again = pageView(scope, step, participant, player, page, form, errors, summary, now);
            // nothing is written: the caller rolls back anything a hook may have changed on the way
            return new Outcome.ShowPage(again);
        }
        for (FieldSpec field : fields) {
            field.write(model, values.get(field.name()));
        }
        return complete(scope, flow, step, participant, player, null, false, now);
    }

    /**
     * Whether the participant is still on this wait page (or this room-less page index); the push channel asks
     * when a browser connects, so a release that happened before it connected is not missed.
     */
    public boolean isOnPage(String code, int index) {
        Participant participant = find(code);
        return participant != null && participant.getIndexInPages() == index;
    }

    /**
     * The admin's "advance slowest participants" for one participant: their current form page times out now, as
     * if its timer ran out (a participant who has not started is started). One who lands on a wait page visits it
     * at once, so the page releases its group if everyone is there. A participant on a wait page stays there (the
     * visit only releases it if everyone has arrived); a finished one is left alone.
     *
     * @param fromIndex the page index the admin saw; a participant who has moved on since is left alone
     * @return whether the participant was moved on
     */
    public boolean forceTimeout(String code, int fromIndex) {
        Participant participant = find(code);
        if (participant == null) {
            return false;
        }
        PageFlow flow = apps.flow(participant.getSession().getConfig());
        if (participant.getIndexInPages() == fromIndex && fromIndex > 0 && !flow.isFinished(fromIndex)
                && flow.step(fromIndex).isWaitPage()) {
            // a visit, which takes its locks in the wait page's order (group or rounds before the participant):
            // locking the participant first could deadlock with another player's arrival there
            show(code, fromIndex);
            return participant.getIndexInPages() != fromIndex;
        }
        ModelScope scope = scope(participant);
        scope.lock(participant);
        int current = participant.getIndexInPages();
        long now = clock.millis();
        if (current != fromIndex || flow.isFinished(current)) {
            return false;
        }
        if (current == 0) {
            Navigator.begin(scope, flow, participant, now);
            scope.writeBack();
            progressed(participant);
        } else if (flow.step(current).isWaitPage()) {
            show(code, current);
            return participant.getIndexInPages() != current;
        } else {
            PageFlow.Step step = flow.step(current);
            complete(scope, flow, step, participant, scope.player(participant, step.appName(), step.round()),
                    Map.of(), true, now);
        }
        int landed = participant.getIndexInPages();
        if (!flow.isFinished(landed) && flow.step(landed).isWaitPage()) {
            show(code, landed);
        }
        return true;
    }

    // --- live pages ---

    /** The largest live message a page may send, in UTF-8 bytes. */
    public static final int LIVE_MAX_BYTES = 16 * 1024;

    /**
     * A live message from a participant's page (oTree's {@code liveSend}): the page's {@code liveMethod} runs with
     * the sender's player, under a lock of the player's group (taken first, as on wait pages: the live methods
     * of one group run one after another, on every instance), and everything it changes is saved with this unit of
     * work. Its answers are kept for the group's players who are on the same page.
     *
     * <p>Bad input changes nothing: a message over {@link #LIVE_MAX_BYTES} or not JSON is refused with a message
     * for the sender. A message for a page the participant is not on (any more), or one without a live method, is
     * ignored.
     *
     * @param text the message as the page sent it, JSON
     */
    public LiveResult live(String code, int index, String text) {
        if (text == null || text.length() > LIVE_MAX_BYTES
                || text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > LIVE_MAX_BYTES) {
            return LiveResult.refused(index, "A live message may have at most " + LIVE_MAX_BYTES
                    + " bytes; this one has " + (text == null ? 0
                            : text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length) + ". Nothing was stored.");
        }
        jakarta.json.JsonValue data;
        try (jakarta.json.JsonReader reader = org.arborlab.entity.Jsonp.createReader(new java.io.StringReader(text))) {
            data = reader.readValue();
        } catch (jakarta.json.JsonException e) {
            return LiveResult.refused(index, "A live message must be JSON (liveSend sends any value as JSON). "
                    + "Nothing was stored.");
        }
        Participant participant = find(code);
        if (participant == null) {
            return LiveResult.ignored(index, "no participant has the code " + code);
        }
        PageFlow flow = apps.flow(participant.getSession().getConfig());
        int current = participant.getIndexInPages();
        if (current != index || current == 0 || flow.isFinished(current) || flow.step(current).isWaitPage()) {
            return LiveResult.ignored(index, "participant " + code + " is not on page " + index + " any more");
        }
        PageFlow.Step step = flow.step(current);
        Page<BasePlayer<?, ?>> page = formPage(step);
        if (!page.hasLiveMethod()) {
            return LiveResult.ignored(index, "page " + step.pageName() + " of " + step.appName()
                    + " has no liveMethod");
        }
        ModelScope scope = scope(participant);
        Player self = scope.playerEntity(participant, step.appName(), step.round());
        Group group = self.getGroup();
        scope.lock(group);
        // the group's players in their latest version: a live method that ran just before (elsewhere) is seen
        for (Player member : storage.lockedPlayers(group)) {
            scope.lockedByQuery(member);
        }
        BasePlayer<?, ?> player = scope.player(self);
        Map<Integer, ?> answers = page.liveMethod(player, data);
        scope.writeBack();
        Map<String, jakarta.json.JsonValue> deliveries = new LinkedHashMap<>();
        if (answers != null && !answers.isEmpty()) {
            List<Player> members = storage.arrivals(self.getSubsession(), group);
            Map<Integer, Player> byId = new LinkedHashMap<>();
            members.forEach(m -> byId.put(m.getIdInGroup(), m));
            for (Integer id : answers.keySet()) {
                if (id == null || id != 0 && !byId.containsKey(id)) {
                    throw new IllegalStateException("liveMethod of page " + step.pageName() + " returned an answer "
                            + "for id in group " + id + ", but the group's players are " + byId.keySet()
                            + " (0 means every player without an answer of their own)");
                }
            }
            for (Player member : members) {
                Object answer = answers.containsKey(member.getIdInGroup()) ? answers.get(member.getIdInGroup())
                        : answers.containsKey(0) ? answers.get(0) : NO_ANSWER;
                if (answer != NO_ANSWER && member.getParticipant().getIndexInPages() == index) {
                    try {
                        deliveries.put(member.getParticipant().getCode().value(), LiveJson.toJson(answer));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("liveMethod of page " + step.pageName()
                                + " returned an answer that is not JSON: " + e.getMessage(), e);
                    }
                }
            }
        }
        return new LiveResult(LiveResult.Status.DELIVERED, null, index, deliveries);
    }

    private static final Object NO_ANSWER = new Object();

    // --- form pages ---

    /**
     * Stores a submission (for a timeout: the values that are valid, if any), runs before_next_page, records the
     * page time and moves on.
     */
    private Outcome complete(ModelScope scope, PageFlow flow, PageFlow.Step step, Participant participant,
            BasePlayer<?, ?> player, Map<String, String> timeoutForm, boolean timeoutHappened, long now) {
        Page<BasePlayer<?, ?>> page = formPage(step);
        if (timeoutHappened && timeoutForm != null) {
            Object model = page.formModel() == FormModel.GROUP ? player.group() : player;
            for (FieldSpec field : formFields(step, page, player)) {
                try {
                    Object value = field.parse(timeoutForm.get(field.name()), scope.currency().decimalPlaces());
                    if (value != null && field.check(model, value) == null) {
                        field.write(model, value);
                    }
                } catch (FieldSpec.InvalidValue e) {
                    // on a timeout an invalid value is left out, as in oTree
                }
            }
        }
        page.beforeNextPage(player, timeoutHappened);
        storage.add(new PageCompletion(participant, step.appName(), step.pageName(), step.index(), step.round(), now,
                timeoutHappened, false));
        String nextApp = page.appAfterThisPage(player, flow.appsAfter(step.appName()));
        int from = step.index() + 1;
        if (nextApp != null) {
            if (!flow.appsAfter(step.appName()).contains(nextApp)) {
                throw new IllegalStateException("Page " + step.pageName() + ": appAfterThisPage returned \""
                        + nextApp + "\", which is not one of the upcoming apps " + flow.appsAfter(step.appName()));
            }
            from = flow.firstIndexOf(nextApp);
        }
        int next = Navigator.advance(scope, flow, participant, from);
        scope.writeBack();
        progressed(participant);
        return new Outcome.Redirect(Links.current(participant.getCode().value(), flow, next));
    }

    private PageView pageView(ModelScope scope, PageFlow.Step step, Participant participant, BasePlayer<?, ?> player,
            Page<BasePlayer<?, ?>> page, Map<String, String> submitted, Map<String, String> errors, String error,
            long now) {
        Object model = page.formModel() == FormModel.GROUP ? player.group() : player;
        List<FieldSpec> fields = formFields(step, page, player);
        TemplateValues convert = new TemplateValues(scope);
        Map<String, Object> vars = page.varsForTemplate(player);
        Map<String, Object> values = builtIns(convert, step, player);
        if (vars != null) {
            vars.forEach((k, v) -> values.put(k, convert.convert(v)));
        }
        Long deadline = participant.getTimeoutEpochMillis();
        Long secondsLeft = deadline == null ? null : Math.max(0, (deadline - now + 999) / 1000);
        return new PageView(participant.getCode().value(), scope.sessionEntity().getCode().value(), step.appName(),
                step.pageName(), step.index(), step.round(), page.title(player),
                FormFields.views(fields, model, submitted, errors, scope.currency()), error, values,
                step.app().template(step.pageName()).orElse(null), secondsLeft, page.hasLiveMethod(),
                debug(participant, step, player, vars == null ? Map.of() : convert.convert(vars)));
    }

    private Map<String, Object> builtIns(TemplateValues convert, PageFlow.Step step, BasePlayer<?, ?> player) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("player", convert.player(player));
        values.put("group", convert.group(player.group()));
        values.put("subsession", convert.subsession(player.subsession()));
        values.put("participant", convert.participant(player.participant()));
        values.put("session", convert.session(player.session()));
        values.put("C", convert.convert(step.app().constants()));
        return values;
    }

    private Map<String, String> debug(Participant participant, PageFlow.Step step, BasePlayer<?, ?> player,
            Object vars) {
        if (production) {
            return null;
        }
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Participant code", participant.getCode().value());
        rows.put("Participant label", participant.getLabel() == null ? "" : participant.getLabel().value());
        rows.put("Session code", participant.getSession().getCode().value());
        rows.put("App", step.appName());
        rows.put("Page", step.pageName() + " (" + step.index() + " of " + apps.flow(
                participant.getSession().getConfig()).size() + ")");
        rows.put("Round", Integer.toString(step.round()));
        if (player != null) {
            rows.put("Id in group", Integer.toString(player.idInGroup()));
            rows.put("Group", Integer.toString(player.group().idInSubsession()));
            rows.put("Role", player.role());
        }
        if (vars != null) {
            rows.put("vars_for_template", vars.toString());
        }
        return rows;
    }

    private List<FieldSpec> formFields(PageFlow.Step step, Page<BasePlayer<?, ?>> page, BasePlayer<?, ?> player) {
        List<String> names = page.formFields(player);
        List<FieldSpec> specs = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            specs.add(step.app().field(page.formModel(), name).orElseThrow(() -> new IllegalStateException(
                    "Page " + step.pageName() + " of " + step.appName() + " has form field \"" + name
                            + "\", which its " + page.formModel().name().toLowerCase() + " class does not have")));
        }
        return specs;
    }

    // --- wait pages ---

    /**
     * The group's (or round's) row is locked before the participant's, in every wait-page transaction: the
     * last players to arrive at the same instant queue on it, and exactly one of them sees everyone arrived and
     * releases the page.
     */
    private Outcome waitPage(ModelScope scope, PageFlow flow, PageFlow.Step step, Participant participant) {
        WaitPage page = waitPage(step);
        if (page.groupByArrivalTime()) {
            return arrivalWaitPage(scope, flow, step, page, participant);
        }
        Player playerEntity = scope.playerEntity(participant, step.appName(), step.round());
        boolean allGroups = page.waitForAllGroups();
        Group group = playerEntity.getGroup();
        Subsession subsession = playerEntity.getSubsession();
        scope.lock(allGroups ? subsession : group);
        scope.lock(participant);
        int index = step.index();
        String code = participant.getCode().value();
        if (participant.getIndexInPages() != index) {
            return new Outcome.Redirect(Links.current(code, flow, participant.getIndexInPages()));
        }
        long now = clock.millis();
        progressed(participant); // arrived here (or passes): the monitor's "waiting for" changes
        boolean releasedBefore = allGroups ? subsession.isWaitPageReleased(index) : group.isWaitPageReleased(index);
        if (releasedBefore) {
            storage.add(new PageCompletion(participant, step.appName(), step.pageName(), index, step.round(), now,
                    false, true));
            int next = Navigator.advance(scope, flow, participant, index + 1);
            scope.writeBack();
            return new Outcome.Redirect(Links.current(code, flow, next));
        }
        // players and their participants in one statement: whoever counts as arrived (index) has their last
        // submission (fields) in the same read, so the hook never sees an arrived player's old data
        List<Player> members = storage.arrivals(subsession, allGroups ? null : group);
        long arrived = members.stream().filter(m -> m.getParticipant().getIndexInPages() >= index).count();
        if (arrived == members.size()) {
            return release(scope, flow, step, page, participant, members, now);
        }
        BasePlayer<?, ?> player = scope.player(playerEntity);
        if (!page.isDisplayed(player)) {
            // not shown to this player: they pass without waiting, and count as arrived for the others
            int next = Navigator.advance(scope, flow, participant, index + 1);
            scope.writeBack();
            return new Outcome.Redirect(Links.current(code, flow, next));
        }
        scope.writeBack();
        return new Outcome.ShowWaitPage(new WaitView(code, scope.sessionEntity().getCode().value(), step.appName(),
                step.pageName(), index, step.round(), page.title(), page.body(), (int) arrived, members.size(),
                debug(participant, step, player, null)));
    }

    /**
     * A wait page that groups players by arrival time. The rows of this round and the app's later rounds are
     * locked first, in round order: arrivals in a round queue there, one at a time, and a grouping (which also
     * regroups the later rounds) never runs beside another in the same rounds. Each visit (the arrival, and the
     * waiting browser's reloads) asks the app whether a group forms now; a new group runs the page's
     * {@code afterAllPlayersArrive} once and its players move on at once, whoever's visit formed it.
     */
    private Outcome arrivalWaitPage(ModelScope scope, PageFlow flow, PageFlow.Step step, WaitPage page,
            Participant participant) {
        AppModel app = step.app();
        List<Subsession> rounds = storage.subsessions(participant.getSession(), app.name(), step.round(),
                app.numRounds());
        rounds.forEach(scope::lock);
        scope.lock(participant);
        int index = step.index();
        String code = participant.getCode().value();
        if (participant.getIndexInPages() != index) {
            return new Outcome.Redirect(Links.current(code, flow, participant.getIndexInPages()));
        }
        Player self = scope.playerEntity(participant, app.name(), step.round());
        scope.lock(self);
        long now = clock.millis();
        progressed(participant);
        BasePlayer<?, ?> player = scope.player(self);
        boolean grouped = self.getGroup().isWaitPageReleased(index);
        if (grouped || !page.isDisplayed(player)) {
            // grouped already, or the page is not shown in this round: the groups stay as they are
            if (grouped) {
                storage.add(new PageCompletion(participant, step.appName(), step.pageName(), index, step.round(),
                        now, false, true));
            }
            int next = Navigator.advance(scope, flow, participant, index + 1);
            scope.writeBack();
            return new Outcome.Redirect(Links.current(code, flow, next));
        }
        if (self.getArrival() == null) {
            self.arriveForGrouping(rounds.get(0).countArrival(), now);
        } else {
            self.seenWaiting(now);
        }
        storage.flush(); // the locking read below refreshes this player from the database
        ArrivalGrouping grouping = new ArrivalGrouping(scope, app, rounds);
        List<Player> waiting = grouping.waiting(now);
        List<Player> members = grouping.choose(waiting);
        if (!members.isEmpty()) {
            Group formed = grouping.form(members);
            page.afterAllPlayersArrive(scope.group(formed));
            formed.releaseWaitPage(index);
            scope.writeBack();
            Set<String> moved = new LinkedHashSet<>();
            for (Player member : members) {
                Participant p = member.getParticipant();
                scope.lock(p);
                storage.add(new PageCompletion(p, step.appName(), step.pageName(), index, step.round(), now, false,
                        true));
                Navigator.advance(scope, flow, p, index + 1);
                if (p != participant) {
                    moved.add(p.getCode().value());
                }
            }
            scope.writeBack();
            if (!moved.isEmpty()) {
                events.accept(new WaitPageReleased(moved));
            }
            if (members.contains(self)) {
                return new Outcome.Redirect(Links.current(code, flow, participant.getIndexInPages()));
            }
        }
        scope.writeBack();
        int stillWaiting = waiting.size() - members.size();
        return new Outcome.ShowWaitPage(new WaitView(code, scope.sessionEntity().getCode().value(), step.appName(),
                step.pageName(), index, step.round(), page.title(), page.body(), stillWaiting,
                Math.max(app.app().playersPerGroup(), stillWaiting), debug(participant, step, player, null)));
    }

    /** The last player arrived: run the hook once, then move on everyone who waits here. */
    private Outcome release(ModelScope scope, PageFlow flow, PageFlow.Step step,
            WaitPage page, Participant self,
            List<Player> members, long now) {
        Player selfPlayer = members.stream().filter(m -> m.getParticipant() == self).findFirst().orElseThrow();
        if (page.waitForAllGroups()) {
            page.afterAllPlayersArrive(scope.subsession(selfPlayer.getSubsession()));
            selfPlayer.getSubsession().releaseWaitPage(step.index());
        } else {
            page.afterAllPlayersArrive(scope.group(selfPlayer.getGroup()));
            selfPlayer.getGroup().releaseWaitPage(step.index());
        }
        scope.writeBack();
        Set<String> moved = new LinkedHashSet<>();
        for (Player member : members) {
            Participant p = member.getParticipant();
            if (p.getIndexInPages() != step.index()) {
                continue;
            }
            scope.lock(p);
            if (p.getIndexInPages() == step.index()) {
                storage.add(new PageCompletion(p, step.appName(), step.pageName(), step.index(), step.round(), now,
                        false, true));
                Navigator.advance(scope, flow, p, step.index() + 1);
                if (p != self) {
                    moved.add(p.getCode().value());
                }
            }
        }
        scope.writeBack();
        if (!moved.isEmpty()) {
            events.accept(new WaitPageReleased(moved));
        }
        return new Outcome.Redirect(Links.current(self.getCode().value(), flow, self.getIndexInPages()));
    }

    // --- helpers ---

    private void progressed(Participant participant) {
        events.accept(new SessionProgressed(participant.getSession().getCode().value()));
    }

    private ModelScope scope(Participant participant) {
        return scopes.open(storage, participant.getSession()).clock(clock);
    }

    private Participant find(String code) {
        if (!ParticipantCode.isValid(code)) {
            return null;
        }
        return storage.participant(new ParticipantCode(code)).orElse(null);
    }

    private boolean labelTaken(Participant participant, String label) {
        return storage.labelTaken(participant.getSession(), label);
    }

    static String participantNotFound(String code) {
        // for the person holding the link (oTree shows its lookup: "Not found: Participant, {'code': ...}")
        return "This link does not work: no participant has the code " + code
                + ". Please check the link you were given, or ask the experimenter.";
    }

    @SuppressWarnings("unchecked")
    private static Page<BasePlayer<?, ?>> formPage(PageFlow.Step step) {
        return (Page<BasePlayer<?, ?>>) step.formPage();
    }

    @SuppressWarnings("rawtypes")
    private static WaitPage waitPage(PageFlow.Step step) {
        return step.waitPage();
    }
}
