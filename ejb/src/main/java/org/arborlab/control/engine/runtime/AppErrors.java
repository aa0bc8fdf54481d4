package org.arborlab.control.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an error on a participant page comes from, for the page shown outside production: a template's file and
 * line (from the template engine's message) or the line of the app's own code (from the stack trace), and the
 * message. In production the participant sees only the plain error page.
 */
public final class AppErrors {
    /** Facelets names a template and a position: {@code /arbor-app/org/x/Results.xhtml @4,35 value="..."}. */
    private static final Pattern TEMPLATE_AT = Pattern.compile("(\\S+\\.xhtml) @(\\d+),(\\d+)\\s*(.*)", Pattern.DOTALL);
    /** A template that does not compile: {@code Error Parsing /arbor-app/...xhtml: Error Traced[line: 3] ...}. */
    private static final Pattern TEMPLATE_PARSE = Pattern.compile("(\\S+\\.xhtml):? Error Traced\\[line: (\\d+)\\]\\s*(.*)",
            Pattern.DOTALL);
    /** The prefix under which app templates are served to Facelets; left out of the file names shown. */
    public static final String APP_TEMPLATES = "/arbor-app/";

    private AppErrors() {
    }

    /** A file, a line in it, and what went wrong there. */
    public record Location(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ", line " + line + ": " + message;
        }
    }

    /**
     * The template or app line an error comes from, if it comes from one: the template engine's message is looked
     * for first, then the innermost exception thrown from a class of one of these apps.
     */
    public static Optional<Location> locate(Throwable error, AppRegistry apps) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            Optional<Location> template = template(t.getMessage());
            if (template.isPresent()) {
                return template;
            }
        }
        Collections.reverse(chain);
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getLineNumber() > 0 && isAppCode(frame.getClassName(), apps)) {
                    return Optional.of(new Location(frame.getFileName(), frame.getLineNumber(),
                            t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                                    + " (in " + frame.getClassName() + "." + frame.getMethodName() + ")"));
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Location> template(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher at = TEMPLATE_AT.matcher(message);
        if (at.find()) {
            return Optional.of(new Location(file(at.group(1)), Integer.parseInt(at.group(2)), at.group(4).strip()));
        }
        Matcher parse = TEMPLATE_PARSE.matcher(message);
        if (parse.find()) {
            return Optional.of(new Location(file(parse.group(1)), Integer.parseInt(parse.group(2)),
                    parse.group(3).strip()));
        }
        return Optional.empty();
    }

    private static String file(String resource) {
        int app = resource.indexOf(APP_TEMPLATES);
        return app >= 0 ? resource.substring(app + APP_TEMPLATES.length()) : resource;
    }

    private static boolean isAppCode(String className, AppRegistry apps) {
        return apps.all().values().stream().anyMatch(app -> app.isOwnCode(className));
    }
}
