package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.leukemia.application.model.ModelRegistry;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.leukemia.application.model.ModelSummary;

/** The registered models and how each was trained. */
@Named
@RequestScoped
public class ModelsView {

    @EJB
    private ModelRegistry registry;

    private List<ModelSummary> models;

    private static final Parser MARKDOWN = Parser.builder()
            .extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create())).escapeHtml(true).build();

    /**
     * Renders a generated model card. Any HTML inside the text is escaped, so the result is
     * safe to show unescaped.
     */
    public String html(String markdown) {
        return markdown == null ? "" : HTML.render(MARKDOWN.parse(markdown));
    }

    /** @return every registered model, loaded once per request */
    public List<ModelSummary> getModels() {
        if (models == null) {
            models = registry.registeredModels();
        }
        return models;
    }
}
