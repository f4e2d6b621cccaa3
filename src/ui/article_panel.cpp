// Articles (W13) on the incident's Summary: the articles linked to it (Open, Unlink),
// the published articles suggested by its reason codes and title words (Open, Link),
// and, on a solved incident, "Write an article from this incident" for those who write
// articles. Buttons repeat per row: each has an id of its own ("Link##<article>") and
// the article's title as its name for the browser tests ("Link: <title>").
#include <string>

#include "app/i18n.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/work_panels.hpp"

namespace hotline::ui {
namespace {

// A row's button, named for tools by its label and the article's title.
bool row_button(const std::string& label, const Entity& article) {
    const bool pressed = ImGui::SmallButton((label + "##" + article.id).c_str());
    name_last_item((label + ": " + std::string(record_title(article))).c_str());
    return pressed;
}

void article_row(Context& ctx, const Entity& article, bool linked, bool editable) {
    text(record_title(article));
    ImGui::SameLine();
    if (row_button(T("Open"), article)) ctx.app.open_article(article.id);
    if (!editable) return;
    ImGui::SameLine();
    if (linked ? row_button(T("Unlink"), article) : row_button(T("Link"), article)) {
        if (linked) ctx.app.unlink_article(article.id, ctx.now_ms);
        else ctx.app.link_article(article.id, ctx.now_ms);
    }
}

}  // namespace

void draw_article_panel(Context& ctx, bool editable) {
    const Incident* inc = ctx.app.editor().incident();
    if (!inc) return;
    const app::KnowledgeBase& kb = ctx.app.knowledge();
    text_coloured(palette().accent, app::tr("Articles"));
    ImGui::Separator();
    const auto linked = kb.linked(*inc);
    if (linked.empty()) text_muted(app::tr("knowledge.no_linked"));
    for (const Entity* a : linked) article_row(ctx, *a, true, editable);
    const auto suggested = kb.suggestions(*inc);
    if (!suggested.empty()) text_muted(app::tr("Suggested articles"));
    for (const ArticleSuggestion& s : suggested) article_row(ctx, *s.article, false, editable);
    if (editable && kb.may_write() && is_solved_with_solution(*inc) && ImGui::Button(T("Write an article from this incident").c_str()))
        ctx.app.write_article(ctx.now_ms);
}

}  // namespace hotline::ui
