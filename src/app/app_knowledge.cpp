// App commands of the Knowledge base (W13): the screen and its article form, and the
// open incident's linked articles and the article written from it (knowledge_base.hpp).
#include "app/app.hpp"
#include "app/i18n.hpp"

namespace hotline::app {

void App::show_knowledge() {
    if (screen_ == Screen::detail && refuse_to_leave_edits()) return;
    screen_ = Screen::knowledge;
}

bool App::open_article(const std::string& id) {
    if (screen_ == Screen::detail && refuse_to_leave_edits()) return false;
    if (!knowledge_.open(id)) return false;
    screen_ = Screen::knowledge;
    return true;
}

bool App::save_article(std::int64_t now_ms) {
    return report(knowledge_.save(now_ms), tr("knowledge.saved"));
}

bool App::publish_article(std::int64_t now_ms) {
    return report(knowledge_.publish(now_ms), tr("knowledge.published"));
}

bool App::link_article(const std::string& id, std::int64_t now_ms) {
    const Incident* inc = editor_.incident();
    if (!inc) return false;
    return report(knowledge_.link(*inc, id, now_ms), tr("knowledge.linked"));
}

bool App::unlink_article(const std::string& id, std::int64_t now_ms) {
    const Incident* inc = editor_.incident();
    if (!inc) return false;
    return report(knowledge_.unlink(*inc, id, now_ms), tr("knowledge.unlinked"));
}

bool App::write_article(std::int64_t now_ms) {
    const Incident* inc = editor_.incident();
    if (!inc || refuse_to_leave_edits()) return false;
    if (!report(knowledge_.write_from(*inc, now_ms), tr("knowledge.drafted"))) return false;
    screen_ = Screen::knowledge;
    return true;
}

}  // namespace hotline::app
