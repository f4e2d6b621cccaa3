// W13: the knowledge base. Articles (schema kind `article`: title, body, a general or
// specific reason code, language, draft or published) are written by engineers,
// managers and admins (the schema's may_create); everyone reads the published ones.
// Drafts are data like any other and reach every replica (Visibility::everyone: a draft
// filtered out of a technician's pull would leave their replica without the record its
// later "published" change is about); the screens and the search show a draft only to
// those who may write articles (may_read_article).
//
// Links between articles and incidents are records of their own (`article_link`:
// incident, article, active) rather than a list field or events on the incident:
//   - two people linking the same or different articles offline each create a record,
//     so both links survive the merge (a list field would keep one writer's list);
//   - an unlink sets `active` false on the pair's links, an ordinary last-writer-wins
//     field: two unlinks agree, and a link made concurrently with an unlink is a new
//     record the unlink did not see, so it stays (nothing someone did is undone unseen);
//   - a link goes where its incident goes (Visibility::by_incident), and the article
//     needs no ref to the incident: an article is read by people who do not hold it.
// An article is linked to an incident while any of their links is active. Linking again
// after an unlink reactivates one of the pair's links rather than adding records.
//
// Suggestions rank the published articles for an incident by its reason codes (the
// incident holds them as the labels typed or chosen at registration: matched to the
// codes by label, folded) and the words of its title (lookup keys, text_fold.hpp) found
// in the article's title or body; see suggest_articles for the weights.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "core/result.hpp"

namespace hotline {

inline constexpr std::string_view kArticleDraft = "draft";
inline constexpr std::string_view kArticlePublished = "published";

using FieldValuesList = std::vector<std::pair<FieldId, std::string>>;

bool is_published(const Entity& article);
// Writers create and change articles and see drafts; the others read published ones.
bool may_write_articles(const Principal& who);
bool may_read_article(const Principal& who, const Entity& article);

// The articles `who` may read whose title or body holds `query` (lookup keys: case and
// accents folded); empty query: all of them. Title matches first, then by title.
std::vector<const Entity*> search_articles(const Desk& desk, const Principal& who, std::string_view query);

// The reason codes an incident's reason labels name (null where none matches).
struct ReasonCodes {
    const Entity* general = nullptr;
    const Entity* specific = nullptr;
};
ReasonCodes incident_reason_codes(const Desk& desk, const Incident& incident);

// --- Links ---
bool is_linked(const Desk& desk, std::string_view incident_id, std::string_view article_id);
// The articles linked to the incident or to one merged into it (W12), each once, by title.
std::vector<const Entity*> linked_articles(const Desk& desk, std::string_view incident_id);

// What linking takes: a link to reactivate, or the fields of a new one.
// Errors: already_linked; archived (an archived incident is history: W10).
struct LinkPlan {
    std::string reactivate;  // a link's id; empty: create `create`
    FieldValuesList create;
};
Result<LinkPlan> plan_link(const Desk& desk, std::string_view incident_id, std::string_view article_id);
// The active links of the pair, to set inactive. Errors: not_linked, archived.
Result<std::vector<std::string>> plan_unlink(const Desk& desk, std::string_view incident_id,
                                             std::string_view article_id);

// --- Suggestions ---
struct ArticleSuggestion {
    const Entity* article = nullptr;
    int score = 0;
};
// Published articles not linked to the incident yet, best first (then by title), at
// most `limit`. Score: the incident's specific reason code 6, its general code (or a
// specific code under it) 3 (1 for another specific code of the same general code),
// each title word (4 characters or more) in the article's title 2, in its body 1; articles
// scoring less than 2 are left out; the language of the incident's account adds 1.
std::vector<ArticleSuggestion> suggest_articles(const Desk& desk, const Incident& incident, std::size_t limit = 5);

// --- Writing an article from a solved incident ---
// Solved, Accepted or Closed, with an actual solution: an article can be written from it.
bool is_solved_with_solution(const Incident& incident);
// The draft's fields: the incident's title; a body of its actual problem and actual
// solution under the headings given (the caller's language); its reason code (specific,
// else general); the language of its account (English without one); state draft.
// Errors: not_solved (not is_solved_with_solution).
Result<FieldValuesList> article_from_incident(const Desk& desk, const Incident& incident,
                                              std::string_view problem_heading, std::string_view solution_heading);

}  // namespace hotline
