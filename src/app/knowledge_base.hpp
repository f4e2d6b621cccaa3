// The Knowledge base screen and the open incident's articles (W13), over
// core/knowledge.hpp: the search box and its results, one article's form (built from the
// schema's fields) with Save and Publish, and on an incident the suggested and linked
// articles with Link / Unlink, and "Write an article from this incident".
//
// Writing from an incident saves the draft at once (an article create, then a link to
// the incident): nothing depends on a form kept open, and the draft is on every replica
// for its author to finish. Every change is an ordinary operation, offline too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/draft.hpp"
#include "app/replica.hpp"
#include "core/knowledge.hpp"

namespace hotline::app {

class KnowledgeBase {
public:
    KnowledgeBase(Replica& replica, Principal who);

    bool may_write() const { return may_write_articles(who_); }
    std::string& query() { return query_; }
    const std::string& query() const { return query_; }
    std::vector<const Entity*> results() const { return search_articles(desk(), who_, query_); }

    // --- The article form ---
    bool form_open() const { return open_; }
    bool is_new() const { return open_ && editing_.empty(); }
    const std::string& editing() const { return editing_; }  // the article's id; empty for a new one
    void start_new();
    bool open(const std::string& id);  // false: no article `who` may read has this id
    void close() { open_ = false; }
    Draft& draft() { return draft_; }
    const Draft& draft() const { return draft_; }
    bool has_unsaved_edits() const;
    void revert();
    // Saves the form (a create, or one set per changed field); the article stays open.
    // Refusals: forbidden_role, invalid_fields, no_changes, or the desk's own.
    Outcome save(std::int64_t now_ms);
    // Sets the form's state to published and saves.
    Outcome publish(std::int64_t now_ms);

    // --- On an incident ---
    std::vector<ArticleSuggestion> suggestions(const Incident& incident) const;
    std::vector<const Entity*> linked(const Incident& incident) const;
    Outcome link(const Incident& incident, const std::string& article_id, std::int64_t now_ms);
    Outcome unlink(const Incident& incident, const std::string& article_id, std::int64_t now_ms);
    // Saves a draft from the solved incident (headings in the interface's language),
    // links it to the incident and opens it in the form.
    Outcome write_from(const Incident& incident, std::int64_t now_ms);

private:
    const Desk& desk() const { return replica_.desk(); }
    Outcome set_link_active(const std::string& link_id, bool active, std::int64_t now_ms);
    Outcome create(EntityKind kind, const FieldValuesList& fields, std::int64_t now_ms, std::string* id);

    Replica& replica_;
    Principal who_;
    std::string query_;
    Draft draft_{EntityKind::article};
    bool open_ = false;
    std::string editing_;
};

}  // namespace hotline::app
