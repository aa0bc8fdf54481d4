package org.arborlab.control.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingTest {

    @Test
    void playersAreGroupedInOrder() {
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)), Grouping.sequential(4, 2));
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6)), Grouping.sequential(6, 3));
    }

    @Test
    void noGroupSizeMeansOneGroupOfEveryone() {
        assertEquals(List.of(List.of(1, 2, 3)), Grouping.sequential(3, 0));
    }

    @Test
    void lcmTreatsNoGroupsAsOne() {
        assertEquals(1, Grouping.lcm(List.of(0)));
        assertEquals(6, Grouping.lcm(List.of(2, 3, 0)));
        assertEquals(4, Grouping.lcm(List.of(2, 4)));
    }
}
