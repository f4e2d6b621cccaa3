#include "app/knowledge_base.hpp"

#include "app/admin_access.hpp"
#include "app/i18n.hpp"

namespace hotline::app {

using A = ArticleField;

KnowledgeBase::KnowledgeBase(Replica& replica, Principal who) : replica_(replica), who_(std::move(who)) {}

void KnowledgeBase::start_new() {
    draft_.clear();
    editing_.clear();
    open_ = true;
}

bool KnowledgeBase::open(const std::string& id) {
    const Entity* article = desk().find(EntityKind::article, id);
    if (!article || !may_read_article(who_, *article)) return false;
    draft_.load(*article);
    editing_ = id;
    open_ = true;
    return true;
}

bool KnowledgeBase::has_unsaved_edits() const {
    if (!open_) return false;
    if (editing_.empty()) return !draft_.is_blank();
    const Entity* article = desk().find(EntityKind::article, editing_);
    return article && draft_.differs_from(*article);
}

void KnowledgeBase::revert() {
    if (editing_.empty()) draft_.clear();
    else if (const Entity* article = desk().find(EntityKind::article, editing_)) draft_.load(*article);
}

Outcome KnowledgeBase::create(EntityKind kind, const FieldValuesList& fields, std::int64_t now_ms, std::string* id) {
    return replica_.commit([&](OpFactory& f) {
        Operation op = f.create(who_.actor(), now_ms, kind, fields);
        if (id) *id = op.entity_id;
        return op;
    });
}

Outcome KnowledgeBase::save(std::int64_t now_ms) {
    if (!open_) return make_error("no_form", "Nothing to save");
    if (Outcome allowed = check_may_write(who_, EntityKind::article, editing_.empty()); !allowed) return allowed;
    if (!draft_.validate()) return invalid_fields_error();
    if (editing_.empty()) {
        std::string id;  // known once the create is minted, kept once it is applied
        Outcome created = create(EntityKind::article, draft_.filled(), now_ms, &id);
        if (created) editing_ = id;
        return created;
    }
    const Entity* article = desk().find(EntityKind::article, editing_);
    if (!article) return make_error("no_form", "Nothing to save");
    const std::vector<FieldId> changes = draft_.changes_from(*article);
    if (changes.empty()) return make_error("no_changes", std::string(tr("There are no changes to save")));
    for (FieldId field : changes) {
        Outcome done = replica_.commit(
            [&](OpFactory& f) { return f.set_field(who_.actor(), now_ms, EntityKind::article, editing_, field, draft_.value(field)); });
        if (!done) return done;
    }
    return {};
}

Outcome KnowledgeBase::publish(std::int64_t now_ms) {
    std::string& state = draft_.value(A::state);
    const std::string before = state;
    state = kArticlePublished;
    Outcome saved = save(now_ms);
    if (!saved) state = before;  // refused: the form shows what the article holds
    return saved;
}

std::vector<ArticleSuggestion> KnowledgeBase::suggestions(const Incident& incident) const {
    return suggest_articles(desk(), incident);
}

std::vector<const Entity*> KnowledgeBase::linked(const Incident& incident) const {
    std::vector<const Entity*> out = linked_articles(desk(), incident.id);
    std::erase_if(out, [&](const Entity* a) { return !may_read_article(who_, *a); });
    return out;
}

Outcome KnowledgeBase::set_link_active(const std::string& link_id, bool active, std::int64_t now_ms) {
    return replica_.commit([&](OpFactory& f) {
        return f.set_field(who_.actor(), now_ms, EntityKind::article_link, link_id, ArticleLinkField::active,
                           std::string(active ? kFlagTrue : kFlagFalse));
    });
}

Outcome KnowledgeBase::link(const Incident& incident, const std::string& article_id, std::int64_t now_ms) {
    auto plan = plan_link(desk(), incident.id, article_id);
    if (!plan) return plan.error();
    if (!plan->reactivate.empty()) return set_link_active(plan->reactivate, true, now_ms);
    return create(EntityKind::article_link, plan->create, now_ms, nullptr);
}

Outcome KnowledgeBase::unlink(const Incident& incident, const std::string& article_id, std::int64_t now_ms) {
    auto plan = plan_unlink(desk(), incident.id, article_id);
    if (!plan) return plan.error();
    for (const std::string& id : *plan)
        if (Outcome done = set_link_active(id, false, now_ms); !done) return done;
    return {};
}

Outcome KnowledgeBase::write_from(const Incident& incident, std::int64_t now_ms) {
    if (Outcome allowed = check_may_write(who_, EntityKind::article, true); !allowed) return allowed;
    auto fields = article_from_incident(desk(), incident, tr("Actual problem"), tr("Actual solution"));
    if (!fields) return fields.error();
    std::string id;
    if (Outcome made = create(EntityKind::article, *fields, now_ms, &id); !made) return made;
    if (Outcome linked = link(incident, id, now_ms); !linked) return linked;
    query_.clear();  // the list shows the new draft among the others
    open(id);
    return {};
}

}  // namespace hotline::app
