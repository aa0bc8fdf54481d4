package org.arborlab.spi;

import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A page participants see and submit (oTree's {@code Page}). Override the hooks you need; all have oTree's
 * meaning. Set the form and timeout in the constructor:
 *
 * <pre>{@code
 * static class Send extends Page<Player> {
 *     Send() {
 *         form(FormModel.GROUP, "sentAmount");
 *     }
 *
 *     @Override
 *     public boolean isDisplayed(Player player) {
 *         return player.idInGroup() == 1;
 *     }
 * }
 * }</pre>
 *
 * <p>Without a template of its own the page shows its form fields with their labels and a Next button. To write
 * your own, put a Facelets file named after the page next to the app class ({@code Send.xhtml} in the app's
 * package, under {@code src/main/resources}); see the README.
 *
 * @param <P> the app's player class
 */
public class Page<P extends BasePlayer<?, ?>> extends AbstractPage<P> {
    private FormModel formModel = FormModel.PLAYER;
    private List<String> formFields = List.of();
    private Integer timeoutSeconds;
    private String title;
    /** Whether the subclass overrides {@link #liveMethod}; worked out once (page objects are shared). */
    private volatile Boolean live;

    protected Page() {
    }

    protected Page(String name) {
        super(name);
    }

    /** The fields this page's form fills in, on the player or the group (oTree's form_model and form_fields). */
    protected final void form(FormModel model, String... fields) {
        this.formModel = model;
        this.formFields = List.copyOf(Arrays.asList(fields));
    }

    /** Player fields this page's form fills in. */
    protected final void form(String... fields) {
        form(FormModel.PLAYER, fields);
    }

    /** Submits the page automatically after this many seconds (oTree's timeout_seconds). */
    protected final void timeout(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("timeout must be positive, got " + seconds);
        }
        this.timeoutSeconds = seconds;
    }

    /** The heading shown on the page; defaults to the page name. */
    protected final void title(String title) {
        this.title = title;
    }

    public FormModel formModel() {
        return formModel;
    }

    /** The form fields for this player; override for oTree's {@code get_form_fields}. */
    public List<String> formFields(P player) {
        return formFields;
    }

    /** Seconds until the page submits itself, or {@code null}; override for a timeout that depends on the player. */
    public Integer timeoutSeconds(P player) {
        return timeoutSeconds;
    }

    public String title(P player) {
        return title != null ? title : name();
    }

    /** Extra values for the page's template (and the debug panel). */
    public Map<String, Object> varsForTemplate(P player) {
        return Map.of();
    }

    /**
     * Checks the submitted values together, after each field passed its own checks; return a message to show
     * the page again with it, or {@code null} to accept. Not called when the page timed out.
     */
    public String errorMessage(P player, FormValues values) {
        return null;
    }

    /** Runs when the page is submitted, after the form's values are stored. */
    public void beforeNextPage(P player, boolean timeoutHappened) {
    }

    /**
     * Skips to the start of a later app: return its name (one of {@code upcomingApps}), or {@code null} to go
     * on with the next page.
     */
    public String appAfterThisPage(P player, List<String> upcomingApps) {
        return null;
    }

    /**
     * oTree's {@code live_method}: the page's JavaScript sent {@code liveSend(data)}; this runs on the server
     * with the sender's player and the message. Return what to send back, by id in group (key 0: every player
     * of the group without a key of their own), or {@code null} for no answer. The answers reach the group's
     * players whose browser shows this page, through their page's {@code liveRecv(data)}. Values may be JSON
     * values or plain Java: {@code Map}, {@code List}, {@code String}, numbers, {@code Boolean},
     * {@code Currency}, {@code null}.
     *
     * <p>It runs with the player's group locked: calls for one group never run at the same time (on any
     * instance), and what it changes on the player, the group and the others in the group is saved in one
     * transaction. A message from a participant who has left the page is ignored.
     *
     * <pre>{@code
     * @Override
     * public Map<Integer, ?> liveMethod(Player player, JsonValue data) {
     *     player.bid = data.asJsonObject().getInt("bid");
     *     return Map.of(0, Map.of("id_in_group", player.idInGroup(), "bid", player.bid));
     * }
     * }</pre>
     */
    public Map<Integer, ?> liveMethod(P player, JsonValue data) {
        return null;
    }

    /** Whether this page overrides {@link #liveMethod}, so its browsers open a live channel. */
    public final boolean hasLiveMethod() {
        Boolean known = live;
        if (known == null) {
            try {
                known = getClass().getMethod("liveMethod", BasePlayer.class, JsonValue.class).getDeclaringClass()
                        != Page.class;
            } catch (NoSuchMethodException e) {
                known = false;
            }
            live = known;
        }
        return known;
    }
}
