package org.arborlab.control.session;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** oTree's default grouping and the group-size arithmetic behind {@code num_participants}. */
public final class Grouping {

    private Grouping() {
    }

    /**
     * Players 1..n in order, cut into groups of {@code playersPerGroup}; 0 means one group of everyone.
     * Each inner list holds the players' ids in the subsession.
     */
    public static List<List<Integer>> sequential(int numPlayers, int playersPerGroup) {
        int size = playersPerGroup <= 0 ? Math.max(numPlayers, 1) : playersPerGroup;
        List<List<Integer>> groups = new ArrayList<>();
        for (int first = 1; first <= numPlayers; first += size) {
            List<Integer> group = new ArrayList<>();
            for (int id = first; id < first + size && id <= numPlayers; id++) {
                group.add(id);
            }
            groups.add(group);
        }
        return groups;
    }

    /** The least common multiple of the group sizes, 0 (no groups) counting as 1. */
    public static int lcm(List<Integer> groupSizes) {
        BigInteger lcm = BigInteger.ONE;
        for (int size : groupSizes) {
            BigInteger s = BigInteger.valueOf(Math.max(size, 1));
            lcm = lcm.multiply(s).divide(lcm.gcd(s));
        }
        return lcm.intValueExact();
    }
}
