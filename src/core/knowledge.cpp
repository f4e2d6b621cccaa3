#include "core/knowledge.hpp"

#include <algorithm>
#include <set>

#include "core/relations.hpp"
#include "core/text_fold.hpp"
#include "core/workflow.hpp"

namespace hotline {
namespace {

using A = ArticleField;
using L = ArticleLinkField;

constexpr std::size_t kMinWordChars = 4;  // shorter title words are mostly "the", "les", "per"...
// A sibling reason code alone (1) says too little: a printer's paper feed and a coffee
// machine's water circuit are both "Hardware".
constexpr int kMinSuggestionScore = 2;

bool by_title(const Entity* a, const Entity* b) {
    const std::string_view ta = record_title(*a), tb = record_title(*b);
    return ta != tb ? ta < tb : a->id < b->id;
}

std::size_t utf8_chars(std::string_view word) {
    return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// The words of a lookup key: runs of letters and digits (any non-ASCII byte counts as a
// letter, so Cyrillic words stay whole).
std::set<std::string> words_of(std::string_view text) {
    const std::string key = lookup_key(text);
    std::set<std::string> out;
    std::string word;
    const auto flush = [&] {
        if (utf8_chars(word) >= kMinWordChars) out.insert(word);
        word.clear();
    };
    for (char c : key) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (letter) word += c;
        else flush();
    }
    flush();
    return out;
}

// The reason code labelled `label` (folded) under `parent` (empty: a general code).
const Entity* code_by_label(const Desk& desk, std::string_view label, std::string_view parent) {
    if (is_blank(label)) return nullptr;
    const std::string key = lookup_key(label);
    for (const Entity& code : desk.entities(EntityKind::reason_code))
        if (code.value(ReasonCodeField::parent) == parent && lookup_key(code.value(ReasonCodeField::label)) == key)
            return &code;
    return nullptr;
}

std::vector<const Entity*> links_of(const Desk& desk, std::string_view incident_id, std::string_view article_id) {
    std::vector<const Entity*> out;
    for (const Entity& link : desk.entities(EntityKind::article_link))
        if (link.value(L::incident) == incident_id && link.value(L::article) == article_id) out.push_back(&link);
    return out;
}

int reason_score(const Desk& desk, const Entity& article, const ReasonCodes& reasons) {
    const std::string_view code = article.value(A::reason_code);
    if (code.empty() || !reasons.general) return 0;
    if (reasons.specific && code == reasons.specific->id) return 6;
    if (code == reasons.general->id) return 3;
    const Entity* held = desk.find(EntityKind::reason_code, code);
    if (!held || held->value(ReasonCodeField::parent) != reasons.general->id) return 0;
    return reasons.specific ? 1 : 3;
}

int word_score(const Entity& article, const std::set<std::string>& title_words) {
    const std::set<std::string> in_title = words_of(article.value(A::title));
    const std::set<std::string> in_body = words_of(article.value(A::body));
    int score = 0;
    for (const std::string& w : title_words) score += in_title.count(w) ? 2 : in_body.count(w) ? 1 : 0;
    return score;
}

std::string_view account_language(const Desk& desk, const Incident& incident) {
    const Entity* account = desk.find(EntityKind::account, incident.value(IncidentField::account));
    return account ? account->value(AccountField::language) : std::string_view();
}

// Links change only on an incident that is not archived; the fold does not judge this
// (entity_rules.hpp), so the app asks here.
Outcome check_links_editable(const Desk& desk, std::string_view incident_id) {
    const Incident* incident = desk.find(incident_id);
    return incident ? check_editable(*incident) : Outcome{};
}

}  // namespace

bool is_published(const Entity& article) { return article.value(A::state) == kArticlePublished; }

bool may_write_articles(const Principal& who) { return kind_spec(EntityKind::article).may_create.contains(who.role); }

bool may_read_article(const Principal& who, const Entity& article) {
    return is_published(article) || may_write_articles(who);
}

std::vector<const Entity*> search_articles(const Desk& desk, const Principal& who, std::string_view query) {
    const std::string key = lookup_key(query);
    std::vector<const Entity*> in_title, in_body;
    for (const Entity& article : desk.entities(EntityKind::article)) {
        if (!may_read_article(who, article)) continue;
        if (key.empty() || lookup_key(article.value(A::title)).find(key) != std::string::npos) in_title.push_back(&article);
        else if (lookup_key(article.value(A::body)).find(key) != std::string::npos) in_body.push_back(&article);
    }
    std::sort(in_title.begin(), in_title.end(), by_title);
    std::sort(in_body.begin(), in_body.end(), by_title);
    in_title.insert(in_title.end(), in_body.begin(), in_body.end());
    return in_title;
}

ReasonCodes incident_reason_codes(const Desk& desk, const Incident& incident) {
    ReasonCodes codes;
    codes.general = code_by_label(desk, incident.value(IncidentField::reason_general), {});
    if (codes.general)
        codes.specific = code_by_label(desk, incident.value(IncidentField::reason_specific), codes.general->id);
    return codes;
}

bool is_linked(const Desk& desk, std::string_view incident_id, std::string_view article_id) {
    const auto links = links_of(desk, incident_id, article_id);
    return std::any_of(links.begin(), links.end(), [](const Entity* l) { return l->flag(L::active); });
}

std::vector<const Entity*> linked_articles(const Desk& desk, std::string_view incident_id) {
    std::vector<const Entity*> out;
    const Incident* incident = desk.find(incident_id);
    for (const Entity& link : desk.entities(EntityKind::article_link)) {
        // W12: the links of incidents merged into this one are its own.
        const bool ours = incident ? in_family(desk, *incident, link.value(L::incident)) : link.value(L::incident) == incident_id;
        if (!ours || !link.flag(L::active)) continue;
        const Entity* article = desk.find(EntityKind::article, link.value(L::article));
        if (article && std::find(out.begin(), out.end(), article) == out.end()) out.push_back(article);
    }
    std::sort(out.begin(), out.end(), by_title);
    return out;
}

Result<LinkPlan> plan_link(const Desk& desk, std::string_view incident_id, std::string_view article_id) {
    if (auto editable = check_links_editable(desk, incident_id); !editable) return editable.error();
    if (is_linked(desk, incident_id, article_id))
        return make_error("already_linked", "The article is linked to this incident already");
    LinkPlan plan;
    const auto links = links_of(desk, incident_id, article_id);
    if (!links.empty()) plan.reactivate = links.front()->id;  // any of them would do: each replica holds them all
    else plan.create = {{L::incident, std::string(incident_id)}, {L::article, std::string(article_id)}};
    return plan;
}

Result<std::vector<std::string>> plan_unlink(const Desk& desk, std::string_view incident_id,
                                             std::string_view article_id) {
    if (auto editable = check_links_editable(desk, incident_id); !editable) return editable.error();
    std::vector<std::string> ids;
    for (const Entity* link : links_of(desk, incident_id, article_id))
        if (link->flag(L::active)) ids.push_back(link->id);
    if (ids.empty()) return make_error("not_linked", "The article is not linked to this incident");
    return ids;
}

std::vector<ArticleSuggestion> suggest_articles(const Desk& desk, const Incident& incident, std::size_t limit) {
    const ReasonCodes reasons = incident_reason_codes(desk, incident);
    const std::set<std::string> title_words = words_of(incident.value(IncidentField::title));
    const std::string_view language = account_language(desk, incident);
    std::vector<ArticleSuggestion> out;
    for (const Entity& article : desk.entities(EntityKind::article)) {
        if (!is_published(article) || is_linked(desk, incident.id, article.id)) continue;
        const int score = reason_score(desk, article, reasons) + word_score(article, title_words);
        if (score < kMinSuggestionScore) continue;
        out.push_back({&article, score + (article.value(A::language) == language ? 1 : 0)});
    }
    std::sort(out.begin(), out.end(), [](const ArticleSuggestion& a, const ArticleSuggestion& b) {
        return a.score != b.score ? a.score > b.score : by_title(a.article, b.article);
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

bool is_solved_with_solution(const Incident& incident) {
    const bool solved = incident.status == IncidentStatus::solved || incident.status == IncidentStatus::accepted ||
                        incident.status == IncidentStatus::closed;
    return solved && !is_blank(incident.value(IncidentField::actual_solution));
}

Result<FieldValuesList> article_from_incident(const Desk& desk, const Incident& incident,
                                              std::string_view problem_heading, std::string_view solution_heading) {
    const std::string_view problem = incident.value(IncidentField::actual_problem);
    const std::string_view solution = incident.value(IncidentField::actual_solution);
    if (!is_solved_with_solution(incident))
        return make_error("not_solved", "An article is written from a solved incident's actual problem and solution");
    std::string body;
    if (!is_blank(problem)) body = std::string(problem_heading) + "\n" + std::string(problem) + "\n\n";
    body += std::string(solution_heading) + "\n" + std::string(solution);
    const ReasonCodes reasons = incident_reason_codes(desk, incident);
    const Entity* code = reasons.specific ? reasons.specific : reasons.general;
    const std::string_view language = account_language(desk, incident);
    FieldValuesList fields = {{A::title, std::string(incident.value(IncidentField::title))},
                              {A::body, std::move(body)},
                              {A::language, std::string(language.empty() ? "en" : language)},
                              {A::state, std::string(kArticleDraft)}};
    if (code) fields.emplace_back(A::reason_code, code->id);
    return fields;
}

}  // namespace hotline
