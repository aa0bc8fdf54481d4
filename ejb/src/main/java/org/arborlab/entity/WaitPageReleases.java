package org.arborlab.entity;

import java.util.Arrays;

/** The released wait pages of a group or subsession, kept as a comma-separated list of page indexes. */
final class WaitPageReleases {

    private WaitPageReleases() {
    }

    static boolean contains(String list, int pageIndex) {
        return !list.isEmpty() && Arrays.stream(list.split(",")).anyMatch(s -> s.equals(Integer.toString(pageIndex)));
    }

    static String add(String list, int pageIndex) {
        if (contains(list, pageIndex)) {
            return list;
        }
        return list.isEmpty() ? Integer.toString(pageIndex) : list + "," + pageIndex;
    }
}
