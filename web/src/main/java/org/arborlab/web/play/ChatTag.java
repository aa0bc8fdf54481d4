package org.arborlab.web.play;

import jakarta.el.ExpressionFactory;
import jakarta.el.ValueExpression;
import jakarta.el.VariableMapper;
import jakarta.faces.component.UIComponent;
import jakarta.faces.view.facelets.FaceletContext;
import jakarta.faces.view.facelets.TagAttribute;
import jakarta.faces.view.facelets.TagConfig;
import jakarta.faces.view.facelets.TagHandler;
import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code <arbor:chat channel="..." nickname="..."/>}: includes {@code arbor-tags/chat.xhtml} with both options
 * set, to null where the tag leaves them out. A plain source tag would leave an omitted option unset, and its
 * name would then resolve to a template value of the same name (a {@code varsForTemplate} entry "nickname").
 */
public class ChatTag extends TagHandler {
    private static final URL SOURCE = ChatTag.class.getResource("/META-INF/arbor-tags/chat.xhtml");
    private final TagAttribute channel;
    private final TagAttribute nickname;

    public ChatTag(TagConfig config) {
        super(config);
        this.channel = getAttribute("channel");
        this.nickname = getAttribute("nickname");
    }

    @Override
    public void apply(FaceletContext context, UIComponent parent) throws IOException {
        ExpressionFactory expressions = context.getExpressionFactory();
        VariableMapper outer = context.getVariableMapper();
        Options options = new Options(outer);
        options.setVariable("channel", option(channel, context, expressions));
        options.setVariable("nickname", option(nickname, context, expressions));
        context.setVariableMapper(options);
        try {
            context.includeFacelet(parent, SOURCE);
        } finally {
            context.setVariableMapper(outer);
        }
    }

    private static ValueExpression option(TagAttribute attribute, FaceletContext context,
            ExpressionFactory expressions) {
        return attribute == null ? expressions.createValueExpression(null, String.class)
                : attribute.getValueExpression(context, String.class);
    }

    /** The tag's names in front of the page's own. */
    private static final class Options extends VariableMapper {
        private final VariableMapper outer;
        private final Map<String, ValueExpression> own = new HashMap<>();

        Options(VariableMapper outer) {
            this.outer = outer;
        }

        @Override
        public ValueExpression resolveVariable(String name) {
            ValueExpression value = own.get(name);
            return value != null || own.containsKey(name) ? value : outer == null ? null : outer.resolveVariable(name);
        }

        /** The tag's own names and its {@code ui:param}s stay within the tag. */
        @Override
        public ValueExpression setVariable(String name, ValueExpression expression) {
            return own.put(name, expression);
        }
    }
}
