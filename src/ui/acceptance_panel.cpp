// The customer's answer (W6), recorded by the agent while they talk, on a Solved or
// Accepted incident: "Customer accepts" and "Customer rejects…" (which asks the reason)
// while it is Solved; the customer's rating 1-5 with a comment, which closes it; and
// closing at the customer's request. (The core allows that request from any status
// that may go to Closed; the panel stays off the earlier stages' Summary.) Refusals
// come back as the app's message, like every other command's. Afterwards the rating
// given is shown.
#include "app/i18n.hpp"
#include "core/acceptance.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/work_panels.hpp"

namespace hotline::ui {
namespace {

constexpr float kTextEm = 24.0f;

// A text field named `name` for the tests (its hint says what to type), then `button`
// beside it: true when the button is pressed. The texts come translated.
bool text_and_button(const char* id, std::string& value, const std::string& hint, const std::string& name,
                     const std::string& button) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kTextEm);
    input_text(id, value, 0, hint.c_str());
    name_last_item(name.c_str());
    ImGui::SameLine();
    return ImGui::Button(button.c_str());
}

void draw_answer(Context& ctx, app::AcceptanceForm& form) {
    text_muted(app::tr("The solution waits for the customer's answer"));
    if (accent_button(T("Customer accepts").c_str())) ctx.app.accept_solution(ctx.now_ms);
    ImGui::SameLine();
    if (ImGui::Button(T("Customer rejects\xe2\x80\xa6").c_str())) form.set_rejecting(true);
    if (!form.rejecting()) return;
    if (text_and_button("##rejection_reason", form.reason(), T("Why the customer rejects the solution"),
                        T("Rejection reason"), T("Record the rejection")))
        ctx.app.reject_solution(ctx.now_ms);
}

void draw_rating(Context& ctx, app::AcceptanceForm& form) {
    ImGui::AlignTextToFramePadding();
    text(app::tr("Satisfaction"));
    for (int n = kSatisfactionMin; n <= kSatisfactionMax; ++n) {
        const std::string value = std::to_string(n);
        ImGui::SameLine();
        if (ImGui::RadioButton((value + "##rating").c_str(), form.rating() == value)) form.rating() = value;
        name_last_item(app::tr_format("Rating {}", {value}).c_str());
    }
    if (text_and_button("##satisfaction_comment", form.comment(), T("What the customer said (optional)"),
                        T("Satisfaction comment"), T("Record the rating and close")))
        ctx.app.rate_and_close(ctx.now_ms);
}

void draw_close_request(Context& ctx, app::AcceptanceForm& form) {
    if (text_and_button("##close_note", form.note(), T("What the customer asked (optional)"), T("Closing note"),
                        T("Close at the customer's request")))
        ctx.app.close_on_request(ctx.now_ms);
}

// Once given (the incident is closed then), the customer's rating and what they said.
void draw_given_rating(const Incident& inc) {
    const std::string_view rating = inc.value(IncidentField::satisfaction);
    if (rating.empty()) return;
    std::string line = app::tr_format("Customer's satisfaction: {}/5", {rating});
    if (const std::string_view comment = inc.value(IncidentField::satisfaction_comment); !is_blank(comment))
        line += " \xc2\xb7 " + std::string(comment);
    text_muted(line);
    ImGui::Spacing();
}

}  // namespace

void draw_acceptance_panel(Context& ctx, bool editable) {
    const Incident* inc = ctx.app.editor().incident();
    if (!inc) return;
    if (!editable || !may_rate(*inc)) return draw_given_rating(*inc);
    app::AcceptanceForm& form = ctx.app.acceptance();
    form.follow(ctx.app.editor().row());

    text_coloured(palette().accent, app::tr("Customer's answer"));
    ImGui::Separator();
    if (awaits_acceptance(*inc)) draw_answer(ctx, form);
    draw_rating(ctx, form);
    draw_close_request(ctx, form);
    ImGui::Spacing();
}

}  // namespace hotline::ui
