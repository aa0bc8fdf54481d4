package org.arborlab.apps.trust;

import jakarta.enterprise.context.ApplicationScoped;
import org.arborlab.spi.App;

/** The trust game (Berg, Dickhaut and McCabe 1995) for two players. */
@ApplicationScoped
public class Trust extends App {

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public String doc() {
        return "Trust game: player 1 sends points to player 2, the amount is tripled, player 2 sends some back.";
    }
}
