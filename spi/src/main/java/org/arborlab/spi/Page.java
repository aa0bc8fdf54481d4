package org.arborlab.spi;

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
}
