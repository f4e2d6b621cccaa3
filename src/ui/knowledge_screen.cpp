// The Knowledge base (W13): a search box over the articles' titles and bodies (case
// and accents folded), the articles found (published ones; drafts too for those who
// write articles), and the open article's form built from the schema's fields (title,
// body, reason code, language, state) with Save and Publish. "New article" for writers;
// the others read. Saving is an operation (app/knowledge_base.hpp): offline too.
#include <string>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "ui/field_form.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

constexpr float kListRows = 8.5f;

void search_box(app::KnowledgeBase& kb) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    input_text("##article_search", kb.query(), 0, T("knowledge.search_hint").c_str());
    name_last_item(T("Search articles").c_str());
}

// "Title · Draft · French": what a row says besides the title.
std::string row_label(const Entity& a) {
    std::string label(record_title(a));
    label += "  \xc2\xb7 " + std::string(app::choice_text(a.value(ArticleField::state)));
    label += "  \xc2\xb7 " + std::string(app::choice_text(a.value(ArticleField::language)));
    return label + "##" + a.id;
}

void article_list(app::App& app) {
    app::KnowledgeBase& kb = app.knowledge();
    const auto found = kb.results();
    if (found.empty()) {
        text_muted(app::tr("knowledge.none_found"));
        return;
    }
    const ImVec2 size(0.0f, ImGui::GetTextLineHeightWithSpacing() * kListRows);
    if (ImGui::BeginChild("articles", size, true))
        for (const Entity* a : found) {
            const bool selected = kb.form_open() && kb.editing() == a->id;
            if (ImGui::Selectable(row_label(*a).c_str(), selected)) app.open_article(a->id);
        }
    ImGui::EndChild();
}

void article_form(Context& ctx, app::KnowledgeBase& kb) {
    const bool editable = kb.may_write();
    text_coloured(palette().accent, kb.is_new() ? app::tr("New article") : app::tr("Article"));
    ImGui::Separator();
    std::vector<FieldId> fields;
    for (const FieldSpec& spec : fields_of(EntityKind::article)) fields.push_back(spec.id);
    draw_fields(kb.draft(), fields, !editable, std::nullopt, &ctx.app.desk());
    ImGui::Spacing();
    if (editable) {
        if (accent_button(T("Save").c_str())) ctx.app.save_article(ctx.now_ms);
        ImGui::SameLine();
        if (kb.draft().value(ArticleField::state) != kArticlePublished && ImGui::Button(T("Publish").c_str()))
            ctx.app.publish_article(ctx.now_ms);
        ImGui::SameLine();
    }
    if (ImGui::Button(T("Close").c_str())) kb.close();
    ImGui::Separator();
}

}  // namespace

void draw_knowledge(Context& ctx) {
    app::KnowledgeBase& kb = ctx.app.knowledge();
    text_coloured(palette().accent, app::tr("Knowledge base"));
    search_box(kb);
    if (kb.may_write()) {
        ImGui::SameLine();
        if (accent_button(T("New article").c_str())) kb.start_new();
    }
    ImGui::Spacing();
    if (kb.form_open()) article_form(ctx, kb);
    article_list(ctx.app);
}

}  // namespace hotline::ui
