package org.arborlab.apps.publicgoods;

import jakarta.enterprise.context.ApplicationScoped;
import org.arborlab.spi.App;

/** A public-goods game for groups of three over several rounds. */
@ApplicationScoped
public class PublicGoods extends App {

    @Override
    public String name() {
        return "public_goods";
    }

    @Override
    public int playersPerGroup() {
        return 3;
    }

    @Override
    public int numRounds() {
        return 3;
    }

    @Override
    public String doc() {
        return "Public goods game: each of 3 players contributes to a common pot that is multiplied and shared.";
    }
}
