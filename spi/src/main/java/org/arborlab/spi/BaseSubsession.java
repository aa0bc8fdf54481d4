package org.arborlab.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The base of an app's {@code Subsession} class: one round of the app in a session. Declare subsession fields
 * (values for everyone in the round) as public fields of the subclass.
 *
 * @param <P> the app's player class
 * @param <G> the app's group class
 */
public abstract class BaseSubsession<P extends BasePlayer<?, ?>, G extends BaseGroup<?, ?>> {

    ModelBinding.OfSubsession binding;

    private ModelBinding.OfSubsession binding() {
        if (binding == null) {
            throw ModelBinding.detached(this);
        }
        return binding;
    }

    public final int roundNumber() {
        return binding().roundNumber();
    }

    /** All players of this round, by id in subsession. */
    @SuppressWarnings("unchecked")
    public final List<P> players() {
        return (List<P>) binding().players();
    }

    /** All groups of this round, by id in subsession. */
    @SuppressWarnings("unchecked")
    public final List<G> groups() {
        return (List<G>) binding().groups();
    }

    public final Session session() {
        return binding().session();
    }

    @SuppressWarnings("unchecked")
    public final <T extends BaseSubsession<P, G>> T inRound(int round) {
        return (T) binding().inRounds(round, round).get(0);
    }

    @SuppressWarnings("unchecked")
    public final <T extends BaseSubsession<P, G>> List<T> inPreviousRounds() {
        return (List<T>) binding().inRounds(1, roundNumber() - 1);
    }

    /** The groups as lists of ids in subsession, e.g. {@code [[1, 2], [3, 4]]}. */
    public final List<List<Integer>> groupMatrix() {
        List<List<Integer>> matrix = new ArrayList<>();
        for (G group : groups()) {
            List<Integer> ids = new ArrayList<>();
            for (BasePlayer<?, ?> p : group.players()) {
                ids.add(p.idInSubsession());
            }
            matrix.add(ids);
        }
        return matrix;
    }

    /**
     * Regroups the players (in {@code creatingSession}): each inner list is a group of ids in subsession, and
     * every player appears exactly once. Ids in group follow the order within each list.
     */
    public final void setGroupMatrix(List<List<Integer>> matrix) {
        binding().setGroupMatrix(matrix);
    }

    /** Shuffles players into groups of the same sizes (oTree's {@code group_randomly()}). */
    public final void groupRandomly(Random random) {
        List<Integer> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (List<Integer> group : groupMatrix()) {
            ids.addAll(group);
            sizes.add(group.size());
        }
        Collections.shuffle(ids, random);
        List<List<Integer>> matrix = new ArrayList<>();
        int next = 0;
        for (int size : sizes) {
            matrix.add(new ArrayList<>(ids.subList(next, next + size)));
            next += size;
        }
        setGroupMatrix(matrix);
    }

    /** Uses the same groups as in an earlier round (oTree's {@code group_like_round(n)}). */
    public final void groupLikeRound(int round) {
        setGroupMatrix(inRound(round).groupMatrix());
    }

    @Override
    public String toString() {
        return binding == null ? getClass().getSimpleName() : "Round " + roundNumber();
    }

    /**
     * Adds a record of one of the app's extra models linked to this subsession (oTree's
     * {@code Draw.create(subsession=subsession)}): a new object with its fields at their defaults, saved with the
     * page. Set its fields after creating it:
     * <pre>{@code
     * Draw draw = subsession.create(Draw.class);
     * draw.number = 7;
     * }</pre>
     *
     * @throws IllegalArgumentException if the class is not an extra model of this app linked to its Subsession
     *                                  class
     */
    public final <T extends ExtraModel<?>> T create(Class<T> model) {
        return binding().create(model);
    }

    /**
     * The records of an extra model linked to this subsession, oldest first (oTree's
     * {@code Draw.filter(subsession=subsession)}), the ones created in this page's hooks included. They are read
     * from the database when asked for, not with the page.
     *
     * @throws IllegalArgumentException if the class is not an extra model of this app linked to its Subsession
     *                                  class
     */
    public final <T extends ExtraModel<?>> List<T> filter(Class<T> model) {
        return binding().filter(model);
    }
}
