package org.arborlab.spi;

import java.util.List;
import java.util.Objects;

/**
 * The base of an app's {@code Group} class: the players who play together in one round. Declare group fields
 * (decisions shared by the group, such as an amount sent) as public fields of the subclass.
 *
 * @param <P> the app's player class
 * @param <S> the app's subsession class
 */
public abstract class BaseGroup<P extends BasePlayer<?, ?>, S extends BaseSubsession<?, ?>> {

    ModelBinding.OfGroup binding;

    private ModelBinding.OfGroup binding() {
        if (binding == null) {
            throw ModelBinding.detached(this);
        }
        return binding;
    }

    public final int idInSubsession() {
        return binding().idInSubsession();
    }

    public final int roundNumber() {
        return binding().roundNumber();
    }

    /** The players by id in group. */
    @SuppressWarnings("unchecked")
    public final List<P> players() {
        return (List<P>) binding().players();
    }

    /** @throws IllegalArgumentException if the group has no player with that id */
    public final P playerById(int idInGroup) {
        for (P p : players()) {
            if (p.idInGroup() == idInGroup) {
                return p;
            }
        }
        throw new IllegalArgumentException("Group " + idInSubsession() + " has no player with id " + idInGroup);
    }

    /** @throws IllegalArgumentException if no player of the group has that role */
    public final P playerByRole(String role) {
        for (P p : players()) {
            if (Objects.equals(p.role(), role)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Group " + idInSubsession() + " has no player with role " + role);
    }

    @SuppressWarnings("unchecked")
    public final S subsession() {
        return (S) binding().subsession();
    }

    public final Session session() {
        return binding().session();
    }

    /** The group with the same id in another round (meaningful when groups stay the same across rounds). */
    @SuppressWarnings("unchecked")
    public final <T extends BaseGroup<P, S>> T inRound(int round) {
        return (T) binding().inRounds(round, round).get(0);
    }

    @SuppressWarnings("unchecked")
    public final <T extends BaseGroup<P, S>> List<T> inPreviousRounds() {
        return (List<T>) binding().inRounds(1, roundNumber() - 1);
    }

    /**
     * Adds a record of one of the app's extra models linked to this group (oTree's {@code Offer.create(group=group)}):
     * a new object with its fields at their defaults, saved with the page. Set its fields after creating it:
     * <pre>{@code
     * Offer offer = group.create(Offer.class);
     * offer.amount = 5;
     * }</pre>
     *
     * @throws IllegalArgumentException if the class is not an extra model of this app linked to its Group class
     */
    public final <T extends ExtraModel<?>> T create(Class<T> model) {
        return binding().create(model);
    }

    /**
     * The records of an extra model linked to this group, oldest first (oTree's
     * {@code Offer.filter(group=group)}), the ones created in this page's hooks included. They are read from the
     * database when asked for, not with the page.
     *
     * @throws IllegalArgumentException if the class is not an extra model of this app linked to its Group class
     */
    public final <T extends ExtraModel<?>> List<T> filter(Class<T> model) {
        return binding().filter(model);
    }

    @Override
    public String toString() {
        return binding == null ? getClass().getSimpleName()
                : "Group " + idInSubsession() + ", round " + roundNumber();
    }
}
