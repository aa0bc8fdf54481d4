package org.arborlab.spi;

import java.util.List;

/**
 * Arbor's side of a player, group or subsession object: where its round, group and participant come from. The
 * experiment engine implements these and attaches them; apps never need this type.
 */
public final class ModelBinding {

    private ModelBinding() {
    }

    /** Arbor's side of a player. */
    public interface OfPlayer {
        int idInGroup();

        int idInSubsession();

        int roundNumber();

        String role();

        BaseGroup<?, ?> group();

        BaseSubsession<?, ?> subsession();

        Participant participant();

        Session session();

        /** The same participant's player in rounds {@code first..last} of this app. */
        List<? extends BasePlayer<?, ?>> inRounds(int first, int last);
    }

    /** Arbor's side of a group. */
    public interface OfGroup {
        int idInSubsession();

        int roundNumber();

        List<? extends BasePlayer<?, ?>> players();

        BaseSubsession<?, ?> subsession();

        Session session();

        /** The group with the same id in rounds {@code first..last}. */
        List<? extends BaseGroup<?, ?>> inRounds(int first, int last);
    }

    /** Arbor's side of a subsession. */
    public interface OfSubsession {
        int roundNumber();

        List<? extends BasePlayer<?, ?>> players();

        List<? extends BaseGroup<?, ?>> groups();

        Session session();

        List<? extends BaseSubsession<?, ?>> inRounds(int first, int last);

        /** Regroups the players: each inner list holds ids in the subsession; every player exactly once. */
        void setGroupMatrix(List<List<Integer>> matrix);
    }

    public static void attach(BasePlayer<?, ?> player, OfPlayer binding) {
        player.binding = binding;
    }

    public static void attach(BaseGroup<?, ?> group, OfGroup binding) {
        group.binding = binding;
    }

    public static void attach(BaseSubsession<?, ?> subsession, OfSubsession binding) {
        subsession.binding = binding;
    }

    static IllegalStateException detached(Object model) {
        return new IllegalStateException(model.getClass().getSimpleName()
                + " was not loaded by Arbor: players, groups and subsessions come from the hooks' arguments");
    }
}
