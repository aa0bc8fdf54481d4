package org.arborlab.spi;

/**
 * What {@link Page} and {@link WaitPage} share: a name (in URLs and the page-times export) and
 * {@link #isDisplayed}. Page objects are created once per app and shared by all participants: keep no state in
 * them, only settings.
 *
 * @param <P> the app's player class
 */
public abstract class AbstractPage<P extends BasePlayer<?, ?>> {
    private final String name;

    /** Named after the class, as in oTree: {@code class Send extends Page<Player>} is "Send". */
    protected AbstractPage() {
        this.name = null;
    }

    protected AbstractPage(String name) {
        this.name = name;
    }

    public final String name() {
        return name != null ? name : getClass().getSimpleName();
    }

    /** Whether this player sees the page; a page not displayed is skipped. */
    public boolean isDisplayed(P player) {
        return true;
    }

    @Override
    public String toString() {
        return name();
    }
}
