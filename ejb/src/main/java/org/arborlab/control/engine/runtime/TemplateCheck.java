package org.arborlab.control.engine.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Start-up check of an app's Facelets template, in plain Java: it must be well-formed XML (what Facelets compiles
 * first), every {@code #{...}} expression must be closed and balanced, a value read from {@code player},
 * {@code group}, {@code subsession}, {@code participant} or {@code C} must exist there (the expression language
 * shows a missing one as empty, silently), and {@code <arbor:field name="..."/>} must name a field of the page's
 * form. A problem is an {@link IllegalStateException} naming the template's file and line.
 */
public final class TemplateCheck {
    /** Where Arbor's participant-page tags live ({@code <arbor:field>}, {@code <arbor:nextButton>}). */
    static final String ARBOR_TAGS = "https://arborlab.org/play";
    private static final Pattern READ = Pattern.compile("(?<![\\w.$\\]])([A-Za-z_$][\\w$]*)\\s*\\.\\s*([A-Za-z_$][\\w$]*)(\\s*\\()?");

    /** A parser per thread (a parser is not thread-safe; making the factory is slow): no DTD is fetched. */
    private static final ThreadLocal<SAXParser> PARSER = ThreadLocal.withInitial(TemplateCheck::newParser);

    private final String file;
    /** What the page's values hold: a root name ("player") to the names it has; roots not here are not checked. */
    private final Map<String, Set<String>> known;
    /** The form's fields for {@code <arbor:field>}, or null if the page decides them per player. */
    private final Set<String> formFields;

    /**
     * @param file       the template's classpath resource, for messages
     * @param known      the names each checked root has
     * @param formFields the page's form fields, or null where unknown until a player sees it
     */
    public TemplateCheck(String file, Map<String, Set<String>> known, Set<String> formFields) {
        this.file = file;
        this.known = known;
        this.formFields = formFields;
    }

    /** Checks the template at this URL; throws naming file and line. */
    public void check(URL url) {
        try (InputStream in = url.openStream()) {
            check(new InputSource(in));
        } catch (IOException e) {
            throw new IllegalStateException("Template " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    void check(InputSource source) {
        Handler handler = null;
        try {
            SAXParser parser = PARSER.get();
            parser.reset();
            handler = new Handler();
            parser.parse(source, handler);
        } catch (SAXParseException e) {
            String opened = handler == null || handler.open.isEmpty() || !e.getMessage().contains("matching end-tag")
                    ? "" : " (<" + handler.open.peek().name + "> opened on line " + handler.open.peek().line + ")";
            throw problem(e.getLineNumber(), e.getMessage() + opened);
        } catch (Problem e) {
            throw problem(e.line, e.getMessage());
        } catch (SAXException e) {
            throw new IllegalStateException("Template " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Template " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static SAXParser newParser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            // a DOCTYPE's DTD is not fetched: its entities (&nbsp;) are then passed over, as they are no error
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("No XML parser for the template checks: " + e, e);
        }
    }

    private IllegalStateException problem(int line, String message) {
        return new IllegalStateException("Template " + file + ", line " + line + ": " + message);
    }

    /** Reads the template's elements and text and checks every expression in them. */
    private final class Handler extends DefaultHandler {
        private Locator locator;
        private final StringBuilder text = new StringBuilder();
        /** Names bound by enclosing elements ({@code var} of ui:repeat, c:forEach...): not checked. */
        private final Deque<String> bound = new ArrayDeque<>();
        /** The elements not closed yet, innermost first. */
        private final Deque<Opened> open = new ArrayDeque<>();

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            int line = locator.getLineNumber();
            String var = attributes.getValue("var");
            for (int i = 0; i < attributes.getLength(); i++) {
                expressions(attributes.getValue(i), line, false);
            }
            bound.push(var == null ? "" : var);
            open.push(new Opened(qName, line));
            if (ARBOR_TAGS.equals(uri) && localName.equals("field") && formFields != null) {
                String name = attributes.getValue("name");
                if (name != null && !name.contains("#{") && !name.contains("${") && !formFields.contains(name)) {
                    throw new Problem(line, "<" + qName + " name=\"" + name + "\"/> names no field of the page's"
                            + " form; its form fields: " + formFields);
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            bound.pop();
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endDocument() {
            flushText();
        }

        /** The text read since the last tag ends where the locator is now: lines are counted back from there. */
        private void flushText() {
            if (text.length() > 0) {
                expressions(text.toString(), locator.getLineNumber(), true);
                text.setLength(0);
            }
        }

        private void expressions(String value, int line, boolean endsOnLine) {
            int from = 0;
            while (true) {
                int hash = value.indexOf("#{", from);
                int dollar = value.indexOf("${", from);
                int start = hash < 0 ? dollar : dollar < 0 ? hash : Math.min(hash, dollar);
                if (start < 0) {
                    return;
                }
                int at = endsOnLine ? line - count(value.substring(start), '\n') : line;
                int end = closing(value, start + 2, at);
                expression(value.substring(start + 2, end), at);
                from = end + 1;
            }
        }

        /** The index of the brace that closes an expression started before {@code from}. */
        private int closing(String value, int from, int line) {
            int depth = 0;
            char quote = 0;
            for (int i = from; i < value.length(); i++) {
                char c = value.charAt(i);
                if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
            }
            String start = value.substring(Math.max(0, from - 2), Math.min(value.length(), from + 30)).strip();
            throw new Problem(line, "the expression " + start + (quote != 0 ? " has an unclosed quote" : " is not closed")
                    + " (it needs a closing })");
        }

        private void expression(String expression, int line) {
            if (expression.isBlank()) {
                throw new Problem(line, "an empty expression #{}");
            }
            String code = withoutStrings(expression);
            Deque<Character> open = new ArrayDeque<>();
            for (char c : code.toCharArray()) {
                if (c == '(' || c == '[') {
                    open.push(c);
                } else if (c == ')' || c == ']') {
                    char expected = c == ')' ? '(' : '[';
                    if (open.isEmpty() || open.pop() != expected) {
                        throw new Problem(line, "#{" + expression + "} has an unmatched " + c);
                    }
                }
            }
            if (!open.isEmpty()) {
                throw new Problem(line, "#{" + expression + "} has an unclosed " + open.peek());
            }
            Matcher read = READ.matcher(code);
            while (read.find()) {
                String root = read.group(1);
                Set<String> names = known.get(root);
                if (names != null && read.group(3) == null && !bound.contains(root) && !names.contains(read.group(2))) {
                    throw new Problem(line, "#{" + expression.strip() + "}: " + root + " has no " + read.group(2)
                            + "; it has " + String.join(", ", names.stream().sorted().toList()));
                }
            }
        }
    }

    /** The expression with its string literals blanked, so their text is not read as code. */
    private static String withoutStrings(String expression) {
        StringBuilder out = new StringBuilder(expression.length());
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote == 0) {
                if (c == '\'' || c == '"') {
                    quote = c;
                }
                out.append(c);
            } else if (c == quote) {
                quote = 0;
                out.append(c);
            } else {
                out.append(' ');
                if (c == '\\' && i + 1 < expression.length()) {
                    out.append(' ');
                    i++;
                }
            }
        }
        return out.toString();
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** An element and the line its start tag ends on. */
    private record Opened(String name, int line) {
    }

    /** A problem found while reading, with its line. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        Problem(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
