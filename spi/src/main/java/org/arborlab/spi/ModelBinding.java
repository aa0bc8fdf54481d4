package org.arborlab.spi;

import java.util.List;

/**
 * Arbor's side of a player, group or subsession object: where its round, group and participant come from. The
 * experiment engine implements these and attaches them; apps never need this type.
 */
public final class ModelBinding {

    private ModelBinding() {
    }

    /**
     * Arbor's side of an owner of extra models (a player, group or subsession). The defaults refuse: an engine
     * without extra models still implements the bindings.
     */
    public interface OfOwner {
        /** A new record of an extra model of the app, linked to this owner, its fields at their defaults. */
        default <T extends ExtraModel<?>> T create(Class<T> model) {
            throw new UnsupportedOperationException("This Arbor engine has no extra models");
        }

        /** The records of an extra model linked to this owner, oldest first. */
        default <T extends ExtraModel<?>> List<T> filter(Class<T> model) {
            throw new UnsupportedOperationException("This Arbor engine has no extra models");
        }
    }

    /** Arbor's side of an extra model's record. */
    public interface OfExtraModel {
        /** The player, group or subsession object the record is linked to. */
        Object owner();

        void delete();

        boolean isDeleted();
    }

    /** Arbor's side of a player. */
    public interface OfPlayer extends OfOwner {
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
    public interface OfGroup extends OfOwner {
        int idInSubsession();

        int roundNumber();

        List<? extends BasePlayer<?, ?>> players();

        BaseSubsession<?, ?> subsession();

        Session session();

        /** The group with the same id in rounds {@code first..last}. */
        List<? extends BaseGroup<?, ?>> inRounds(int first, int last);
    }

    /** Arbor's side of a subsession. */
    public interface OfSubsession extends OfOwner {
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

    public static void attach(ExtraModel<?> record, OfExtraModel binding) {
        record.binding = binding;
    }

    static IllegalStateException detached(Object model) {
        return new IllegalStateException(model.getClass().getSimpleName()
                + " was not loaded by Arbor: players, groups and subsessions come from the hooks' arguments");
    }
}
