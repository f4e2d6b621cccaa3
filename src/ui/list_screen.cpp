// The incident list: filters by status and priority, and a sortable table of
// the visible incidents drawn through a list clipper (only the rows in view are
// submitted, so 100,000 rows cost what 30 do). Its keys are in shortcuts.cpp.
#include <imgui_internal.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "app/display.hpp"
#include "app/sla_display.hpp"
#include "core/assignment.hpp"
#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

using app::Column;

struct ColumnSpec {
    const char* name;
    Column column;
    ImGuiTableColumnFlags flags;
    float size;    // em for fixed columns, weight for stretched ones
    float min_em;  // stretched columns: the narrowest width that still reads
};

constexpr ImGuiTableColumnFlags kFixed = ImGuiTableColumnFlags_WidthFixed;
constexpr ImGuiTableColumnFlags kStretch = ImGuiTableColumnFlags_WidthStretch;
constexpr ColumnSpec kColumns[] = {
    {app::tr_key("Number"), Column::number,
     kFixed | ImGuiTableColumnFlags_NoHide | ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending,
     5.0f, 0.0f},
    {app::tr_key("Title"), Column::title, kStretch | ImGuiTableColumnFlags_NoHide, 3.0f, 10.0f},
    {app::tr_key("Customer"), Column::customer, kStretch, 2.0f, 7.0f},
    {app::tr_key("Priority"), Column::priority, kFixed, 5.5f, 0.0f},
    {app::tr_key("Status"), Column::status, kFixed, 7.0f, 0.0f},
    {app::tr_key("Due"), Column::due, kFixed, 6.0f, 0.0f},
    {app::tr_key("Assignee"), Column::assignee, kStretch, 1.3f, 5.0f},
    {app::tr_key("Updated"), Column::updated, kFixed | ImGuiTableColumnFlags_PreferSortDescending, 8.5f, 0.0f},
};
static_assert(std::size(kColumns) == app::kColumnCount);

// Who gets room first when the list is narrow (beside a pane): Number, Title
// and the sorted column always, then the others in this order.
constexpr Column kFitOrder[] = {Column::number,   Column::title,   Column::status,  Column::customer,
                                Column::due,      Column::priority, Column::updated, Column::assignee};
static_assert(std::size(kFitOrder) == app::kColumnCount);

// The columns that fit `width` (pixels) this frame, a bit per column: the
// mandatory ones, then the others in kFitOrder while the fixed columns keep
// their widths and every stretched column still gets at least its min_em
// (stretched columns share what is left in proportion to their weights).
// Columns the user hid with the header's context menu take no room.
//
// The answer is passed to ImGui as ImGuiTableColumnFlags_Disabled, decided
// afresh every frame. Unlike TableSetColumnEnabled it leaves the table's own
// state alone: the user's shown/hidden choices, widths and sort all come back
// as they were when the list widens. Keeping the sorted column matters too:
// ImGui drops the sort of a disabled column and falls back to Number, which
// would re-sort the list whenever a pane opens.
unsigned fitting_columns(const ImGuiTable& table, float width, Column sorted) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float per_column = style.CellPadding.x * 2 + 1;  // padding and the inner border
    float fixed = style.ScrollbarSize;
    float weights = 0, most_em_per_weight = 0;  // stretched room needed = weights * that * em
    unsigned shown = 0;
    const auto take = [&](int i, bool mandatory) {
        const ImGuiTableColumn& state = table.Columns[i];
        const ColumnSpec& c = kColumns[i];
        float next_fixed = fixed + per_column, next_weights = weights, next_most = most_em_per_weight;
        if (c.flags & kFixed) {
            next_fixed += state.WidthRequest > 0 ? state.WidthRequest : c.size * em;  // as resized
        } else {
            const float weight = state.StretchWeight > 0 ? state.StretchWeight : c.size;
            next_weights += weight;
            next_most = std::max(next_most, c.min_em / weight);
        }
        if (!mandatory && next_fixed + next_weights * next_most * em > width) return;
        fixed = next_fixed, weights = next_weights, most_em_per_weight = next_most;
        shown |= 1u << i;
    };
    const auto mandatory = [&](int i) {
        return (kColumns[i].flags & ImGuiTableColumnFlags_NoHide) || kColumns[i].column == sorted;
    };
    for (const bool first_pass : {true, false})
        for (const Column column : kFitOrder) {
            const int i = static_cast<int>(column);
            if (mandatory(i) == first_pass && table.Columns[i].IsUserEnabledNextFrame) take(i, first_pass);
        }
    return shown;
}

// What a filter says when it shows its usual choice (the statuses': every one but Archived).
struct UsualChoice {
    std::uint8_t mask;
    std::string_view label;
};

// A combo of checkboxes over a bit mask (statuses, priorities); returns the new mask.
std::uint8_t mask_filter(const char* name, const char* id, std::uint8_t mask, int count,
                         const std::function<std::string(int)>& label_of, std::string_view all_label,
                         std::optional<UsualChoice> usual = std::nullopt) {
    const std::uint8_t all = static_cast<std::uint8_t>((1u << count) - 1);
    int chosen = 0, only = -1;
    for (int i = 0; i < count; ++i)
        if (mask & (1u << i)) ++chosen, only = i;
    std::string preview = (mask & all) == all             ? std::string(all_label)
                          : usual && mask == usual->mask ? std::string(usual->label)
                          : chosen == 1       ? label_of(only)
                                              : app::tr_plural("filter.some", chosen, {app::format_count(chosen)});
    ImGui::AlignTextToFramePadding();
    text_muted(app::tr(name));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.5f);
    // Every choice in view (the statuses are nine lines with "All"; Archived is the last).
    const bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLargest);
    name_last_item((std::string(name) + " filter").c_str());  // a name for tools: not translated
    if (open) {
        if (combo_item(std::string(all_label).c_str(), (mask & all) == all, ImGuiSelectableFlags_DontClosePopups))
            mask = all;
        for (int i = 0; i < count; ++i) {
            bool on = mask & (1u << i);
            if (ImGui::Checkbox(label_of(i).c_str(), &on))
                mask = static_cast<std::uint8_t>(on ? mask | (1u << i) : mask & ~(1u << i));
        }
        ImGui::EndCombo();
    }
    return mask;
}

// The statuses' usual choice leaves Archived out (W10); ticking it shows the archive.
void draw_filters(app::ListModel& list) {
    list.set_status_filter(mask_filter(
        "Status", "##status_filter", list.status_filter(), kStatusCount,
        [](int i) { return std::string(app::status_text(static_cast<IncidentStatus>(i))); }, app::tr("All statuses"),
        UsualChoice{app::kActiveStatuses, app::tr("filter.active")}));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
    list.set_priority_filter(mask_filter(
        "Priority", "##priority_filter", list.priority_filter(), kPriorityLow,
        [](int i) { return std::string(app::priority_text(i + 1)); }, app::tr("All priorities")));
}

void apply_sort(app::ListModel& list) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty || specs->SpecsCount < 1) return;
    const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
    list.set_sort({kColumns[spec.ColumnIndex].column, spec.SortDirection == ImGuiSortDirection_Ascending});
    specs->SpecsDirty = false;
}

void draw_row(Context& ctx, std::uint32_t row, bool selected) {
    const Incident& inc = ctx.app.list().incident(row);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(row));
    const std::string number = inc.number.display();
    if (ImGui::Selectable(number.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) ctx.app.open_incident(row);
    ImGui::PopID();
    ImGui::TableNextColumn();
    text(inc.value(IncidentField::title));
    ImGui::TableNextColumn();
    text(inc.value(IncidentField::customer_name));
    ImGui::TableNextColumn();
    badge(app::priority_text(inc.priority()), priority_colour(inc.priority()));
    ImGui::TableNextColumn();
    badge(app::status_text(inc.status), status_colour(inc.status));
    ImGui::TableNextColumn();
    const SlaStatus sla = ctx.app.list().sla_status(row, ctx.now_ms / 1000);
    text_coloured(sla_colour(sla.state), app::sla_countdown(sla));
    ImGui::TableNextColumn();
    text(assignee_name(ctx.app.desk(), inc));
    ImGui::TableNextColumn();
    text_muted(app::format_date_time(inc.updated_ms, ctx.app.zone()));
}

// Scrolls the table so the selected row is in view (after keyboard moves).
void scroll_to(int position, float row_height) {
    const float header = row_height;
    const float top = header + static_cast<float>(position) * row_height;
    const float view = ImGui::GetWindowHeight();
    const float scroll = ImGui::GetScrollY();
    if (top < scroll + header) ImGui::SetScrollY(top - header);
    else if (top + row_height > scroll + view) ImGui::SetScrollY(top + row_height - view);
}

}  // namespace

void draw_list(Context& ctx) {
    app::ListModel& list = ctx.app.list();
    ctx.ui.list_focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    if (shows_standalone_welcome(ctx.app)) {
        draw_standalone_welcome(ctx);
        return;
    }

    draw_filters(list);

    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                       ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                                       ImGuiTableFlags_SizingStretchProp;
    const float em = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    if (!ImGui::BeginTable("incidents", app::kColumnCount, kFlags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const unsigned fitting = fitting_columns(*ImGui::GetCurrentTable(), width, list.sort().column);
    for (int i = 0; i < app::kColumnCount; ++i) {
        const ColumnSpec& c = kColumns[i];
        const ImGuiTableColumnFlags fit = fitting & (1u << i) ? 0 : ImGuiTableColumnFlags_Disabled;
        ImGui::TableSetupColumn(T(c.name).c_str(), c.flags | fit, c.flags & kFixed ? c.size * em : c.size,
                                static_cast<ImGuiID>(c.column));
    }
    ImGui::TableHeadersRow();
    apply_sort(list);

    const float row_height = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    ctx.ui.page_rows = std::max(1, static_cast<int>(ImGui::GetWindowHeight() / row_height) - 2);
    if (ctx.ui.scroll_to_selection && list.selected_position() >= 0) scroll_to(list.selected_position(), row_height);
    ctx.ui.scroll_to_selection = false;

    // Rows are not keyboard-navigation targets: the list moves its own selection.
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
    const auto& rows = list.rows();
    const auto selected = list.selected();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_height);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::uint32_t row = rows[static_cast<std::size_t>(i)];
            draw_row(ctx, row, selected == row);
        }
    ImGui::PopItemFlag();
    if (rows.empty()) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(1);
        text_muted(app::tr("list.empty"));
    }
    ImGui::EndTable();
}

}  // namespace hotline::ui
