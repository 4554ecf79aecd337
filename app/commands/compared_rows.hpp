#pragma once
// Which stored task rows `rps compare` compares: --rows I,J,... by their row index (the store's
// append order, 0-based: the order `rps show` counts as "rows" and the studio's results table
// lists them), or --top N, the N best distinct layouts by stored objective (ties: the lower row),
// as the studio's Compare Winners picks them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/study_store.hpp"
#include "core/study/layout.hpp"

namespace rps::cli {

inline constexpr int kMinCompared = 2;  // as the studio's CompareDialog
inline constexpr int kMaxCompared = 4;
inline constexpr int kDefaultComparedTop = 2;

struct ComparedRow {
    std::size_t row = 0;
    uint64_t task_id = 0;
    std::string method;            // "ga", "halving", "map", ...
    double objective = 0.0;        // as stored (the task row's, else its best_objective)
    Vector x;                      // the row's best point
    std::optional<int> max_order;  // a cheap round's reflection order (halving), when lower
};

// The selection as given: `rows_text` (--rows, nullopt: not given) and `top` (--top, nullopt: not
// given). Refuses (std::invalid_argument naming the option and value, exit 2) both at once, a
// count outside 2-4, a row out of range or without a layout (failed, cancelled, no result), a
// row twice, and fewer distinct layouts than --top asks for. `space` decodes the rows' points.
std::vector<ComparedRow> choose_compared_rows(const StoredStudy& study, const LayoutSpace& space,
                                              const std::optional<std::string>& rows_text,
                                              std::optional<int> top);

}  // namespace rps::cli
