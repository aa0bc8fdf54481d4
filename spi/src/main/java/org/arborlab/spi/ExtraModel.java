package org.arborlab.spi;

/**
 * The base of an extra model (oTree's {@code ExtraModel}): records an app keeps in any number per player, group or
 * round, e.g. one per trial of a reaction-time task. Declare it as a public static nested class of the app class,
 * with the owner it links to as the type parameter (the app's {@code Player}, {@code Group} or {@code Subsession};
 * oTree's {@code player = models.Link(Player)}), and its fields as public fields of the types player fields have:
 * {@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal}, {@link Currency}, {@code Boolean},
 * {@code String} ({@code null} = None). A Java initializer or {@code @Field(initial = "...")} is the field's
 * default.
 *
 * <pre>{@code
 * public static class Trial extends ExtraModel<Player> {
 *     public Integer stimulus;
 *     public Integer reactionTime;
 *     public Boolean correct = false;
 * }
 *
 * // in a hook: oTree's Trial.create(player=player, stimulus=3)
 * Trial trial = player.create(Trial.class);
 * trial.stimulus = 3;
 *
 * // oTree's Trial.filter(player=player), ordered by creation
 * for (Trial t : player.filter(Trial.class)) { ... }
 * }</pre>
 *
 * <p>Records are created with {@link BasePlayer#create}, {@link BaseGroup#create} or {@link BaseSubsession#create}
 * on their owner, read with the owner's {@code filter}, and removed with {@link #delete()}. Like player fields,
 * what a hook sets on a record (a new one, or one it read) is saved at the end of the page, in the page's
 * transaction: all of a page's records are saved, or none. Records are stored without a migration of their own,
 * and only read when the app asks ({@code filter}), so thousands per participant do not slow page loads. They are
 * not in the wide or per-app exports; an app shows them in its {@link App#customExport custom export}.
 *
 * <p>Arbor checks extra models at start-up: an owner that is not one of the app's model classes or a field of
 * another type stops start-up with a message naming the app, the class and the field.
 *
 * @param <O> the owner's class: the app's {@code Player}, {@code Group} or {@code Subsession}
 */
public abstract class ExtraModel<O> {

    ModelBinding.OfExtraModel binding;

    private ModelBinding.OfExtraModel binding() {
        if (binding == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " was not created by Arbor: create records"
                    + " with player.create(" + getClass().getSimpleName() + ".class) (or group's, subsession's)");
        }
        return binding;
    }

    /** The player, group or subsession this record belongs to (oTree's {@code trial.player}). */
    @SuppressWarnings("unchecked")
    public final O owner() {
        return (O) binding().owner();
    }

    /**
     * Removes this record (oTree's {@code obj.delete()}), with the page's transaction: the owner's {@code filter}
     * no longer returns it, and changes made to it afterwards are not saved. Deleting it twice is an error.
     */
    public final void delete() {
        binding().delete();
    }

    /** Whether this record was removed with {@link #delete()}. */
    public final boolean isDeleted() {
        return binding != null && binding.isDeleted();
    }

    @Override
    public String toString() {
        return binding == null ? getClass().getSimpleName() : getClass().getSimpleName() + " of " + binding.owner();
    }
}
