package org.arborlab.web.play;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The error page's details outside production are escaped text. */
class RenderTest {

    @Test
    void detailsAreEscaped() {
        assertEquals("<pre class=\"arbor-error-details\" id=\"error-details\">Results.xhtml, line 4: #{a &lt; b}"
                + " &amp; &lt;p&gt;</pre><p><small>Shown because OTREE_PRODUCTION is not set.</small></p>",
                Render.details("Results.xhtml, line 4: #{a < b} & <p>"));
    }
}
