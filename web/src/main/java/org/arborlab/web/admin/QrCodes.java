package org.arborlab.web.admin;

import io.nayuki.qrcodegen.QrCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * QR codes of start links, as inline SVG (no image request, no external service): a phone in the lab scans the
 * link from the experimenter's screen or a printout.
 */
@Named("qr")
@ApplicationScoped
public class QrCodes {

    /** An SVG of the text's QR code (medium error correction, 4-module quiet zone), labelled for screen readers. */
    public String svg(String text) {
        return svg(text, "QR code of " + text);
    }

    static String svg(String text, String label) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = code.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" viewBox=\"0 0 " + size + " "
                + size + "\" shape-rendering=\"crispEdges\"><title>" + escape(label) + "</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
