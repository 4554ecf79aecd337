// Choosing the rows `rps compare` compares (compared_rows.hpp).
#include "app/commands/compared_rows.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "app/commands/json_fields.hpp"
#include "app/commands/stored_study_view.hpp"

namespace rps::cli {
namespace {

using nlohmann::json;

// Row i as a comparable layout, or why it is not one.
struct RowReading {
    std::optional<ComparedRow> row;
    std::string problem;
};

RowReading read_row(const StoredStudy& study, const LayoutSpace& space, std::size_t i) {
    const TaskRecord& record = study.tasks[i];
    const json& result = i < study.results.size() ? study.results[i] : json();
    if (static_cast<TaskStatus>(record.status) != TaskStatus::ok)
        return {std::nullopt, record.status == static_cast<int32_t>(TaskStatus::failed)
                                  ? "failed: it has no layout"
                                  : "was cancelled: it has no layout"};
    ComparedRow row;
    row.row = i;
    row.task_id = record.task_id;
    row.method = string_at(result, "method", "");
    // The studio's results table reads the objective the same way (StudyResults::loadFromStore).
    row.objective = record.objective;
    if (!std::isfinite(row.objective))
        row.objective = number_at(result, "best_objective").value_or(row.objective);
    const auto x = vector_at(result, "best_x");
    if (!usable_objective(row.objective) || !x || x->size() != space.dim())
        return {std::nullopt, "has no layout (no feasible point)"};
    row.x = Vector(x->begin(), x->end());
    if (const json* payload = object_at(result, "payload"))
        if (const auto order = number_at(*payload, "max_order"))
            row.max_order = static_cast<int>(*order);
    return {row, ""};
}

std::string rows_option(const std::string& text) { return "--rows " + text; }

std::vector<std::size_t> parse_rows(const std::string& text) {
    std::vector<std::size_t> rows;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        std::size_t row = 0;
        const char* first = text.data() + start;
        const char* last = text.data() + end;
        const auto [ptr, error] = std::from_chars(first, last, row);
        if (first == last || error != std::errc() || ptr != last)
            throw std::invalid_argument(
                fmt::format("{}: '{}' is not a row number (row indices from 0, comma-separated)",
                            rows_option(text), std::string(first, last)));
        rows.push_back(row);
        start = end + 1;
    }
    return rows;
}

// Signed: a negative --top reads back as given.
void check_count(const std::string& option, long long count) {
    if (count < kMinCompared || count > kMaxCompared)
        throw std::invalid_argument(fmt::format("{}: compare {} to {} layouts, not {}", option,
                                                kMinCompared, kMaxCompared, count));
}

std::vector<ComparedRow> given_rows(const StoredStudy& study, const LayoutSpace& space,
                                    const std::string& text) {
    const std::vector<std::size_t> indices = parse_rows(text);
    const std::string option = rows_option(text);
    check_count(option, static_cast<long long>(indices.size()));
    std::vector<ComparedRow> rows;
    for (std::size_t i : indices) {
        if (i >= study.tasks.size())
            throw std::invalid_argument(
                study.tasks.empty()
                    ? fmt::format("{}: the study has no task rows", option)
                    : fmt::format("{}: row {} is out of range (the study has rows 0 to {})", option,
                                  i, study.tasks.size() - 1));
        if (std::any_of(rows.begin(), rows.end(), [&](const ComparedRow& r) { return r.row == i; }))
            throw std::invalid_argument(fmt::format("{}: row {} is given twice", option, i));
        RowReading reading = read_row(study, space, i);
        if (!reading.row)
            throw std::invalid_argument(fmt::format("{}: row {} {}", option, i, reading.problem));
        rows.push_back(std::move(*reading.row));
    }
    return rows;
}

// The N best distinct layouts. Rows of a cheap round (a lower reflection order) are left out:
// their objective is not comparable with the study's own, as the runner ranks them.
std::vector<ComparedRow> top_rows(const StoredStudy& study, const LayoutSpace& space, int top) {
    const std::string option = fmt::format("--top {}", top);
    check_count(option, top);
    std::vector<ComparedRow> candidates;
    for (std::size_t i = 0; i < study.tasks.size(); ++i)
        if (RowReading reading = read_row(study, space, i); reading.row && !reading.row->max_order)
            candidates.push_back(std::move(*reading.row));
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const ComparedRow& a, const ComparedRow& b) {
                         return a.objective > b.objective;  // stable: ties keep row order
                     });
    std::vector<ComparedRow> rows;
    for (ComparedRow& row : candidates) {
        if (std::any_of(rows.begin(), rows.end(),
                        [&](const ComparedRow& r) { return r.x == row.x; }))
            continue;  // the same layout again (the final map task, a re-run task)
        rows.push_back(std::move(row));
        if (rows.size() == static_cast<std::size_t>(top)) return rows;
    }
    throw std::invalid_argument(fmt::format(
        "{}: the study has only {} distinct layout(s) with a result", option, rows.size()));
}

}  // namespace

std::vector<ComparedRow> choose_compared_rows(const StoredStudy& study, const LayoutSpace& space,
                                              const std::optional<std::string>& rows_text,
                                              std::optional<int> top) {
    if (rows_text && top)
        throw std::invalid_argument(
            fmt::format("--rows {} and --top {}: give one of them, not both", *rows_text, *top));
    if (rows_text) return given_rows(study, space, *rows_text);
    return top_rows(study, space, top.value_or(kDefaultComparedTop));
}

}  // namespace rps::cli
