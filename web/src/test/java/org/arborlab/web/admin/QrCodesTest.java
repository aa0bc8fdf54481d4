package org.arborlab.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void theSvgDrawsEveryDarkModuleOfTheLinksCodeInsideAQuietZone() {
        String link = "http://lab.example.org:8000/join/abcdefgh";
        String svg = new QrCodes().svg(link);
        QrCode code = QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
        int dark = 0;
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                dark += code.getModule(x, y) ? 1 : 0;
            }
        }
        Matcher squares = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        int drawn = 0;
        while (squares.find()) {
            int x = Integer.parseInt(squares.group(1)) - 4;
            int y = Integer.parseInt(squares.group(2)) - 4;
            assertTrue(code.getModule(x, y), "a light module drawn at " + x + "," + y);
            drawn++;
        }
        assertEquals(dark, drawn);
        assertTrue(svg.contains("viewBox=\"0 0 " + (code.size + 8) + " " + (code.size + 8) + "\""), svg);
        assertTrue(svg.contains("role=\"img\"") && svg.contains("<title>QR code of " + link + "</title>"));
    }

    @Test
    void theLabelIsEscaped() {
        assertTrue(QrCodes.svg("x", "a<b>&\"").contains("<title>a&lt;b&gt;&amp;&quot;</title>"));
    }
}
