package org.arborlab.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The few plain HTML pages of the security layer (login, logout, refusals), every value escaped. */
public final class Pages {

    private Pages() {
    }

    /** Text for HTML content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A whole page around already escaped body HTML. */
    static void send(HttpServletResponse response, int status, String title, String bodyHtml) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>%s · Arbor</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;margin:0;color:#1f2933}
                main{max-width:26rem;margin:4rem auto;background:#fff;border-radius:.5rem;padding:2rem;
                box-shadow:0 1px 3px rgba(0,0,0,.12)}
                h1{font-size:1.4rem;margin-top:0}
                label{display:block;margin:.8rem 0 .3rem;font-weight:600}
                input[type=text],input[type=password]{width:100%%;box-sizing:border-box;padding:.5rem;border:1px solid #cbd2d9;border-radius:.3rem}
                button,.button{display:inline-block;margin-top:1rem;padding:.55rem 1.1rem;border:0;border-radius:.3rem;background:#2563eb;color:#fff;
                font-size:1rem;text-decoration:none;cursor:pointer}
                .secondary{background:#475569}
                .error{color:#b91c1c;font-weight:600}
                .notice{background:#dcfce7;border:1px solid #16a34a;padding:.6rem;border-radius:.3rem}
                .warning{background:#fef3c7;border:1px solid #f59e0b;padding:.6rem;border-radius:.3rem}
                .or{margin:1.5rem 0 .5rem;color:#64748b}
                </style></head>
                <body><main><h1>%s</h1>
                %s
                </main></body></html>
                """.formatted(escape(title), escape(title), bodyHtml));
    }

    static void error(HttpServletResponse response, int status, String title, String message) throws IOException {
        send(response, status, title, "<p class=\"error\">" + escape(message) + "</p>"
                + "<p><a href=\"/\">Arbor</a> · <a href=\"/login\">Log in</a></p>");
    }
}
