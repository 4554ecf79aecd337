#include "core/study/sweep.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "core/common/error.hpp"
#include "core/study/file_name_field.hpp"
#include "core/study/json_reader.hpp"
#include "core/study/study_spec.hpp"

namespace rps {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxTrials = 100000;

// "methods[0].population" -> {"methods", "0", "population"}.
std::vector<std::string> split_path(const std::string& path) {
    std::string text;
    for (const char c : path) {
        if (c == '[') {
            text += '.';
        } else if (c != ']') {
            text += c;
        }
    }
    std::vector<std::string> segments;
    size_t start = 0;
    while (true) {
        const size_t dot = text.find('.', start);
        segments.push_back(text.substr(start, dot == std::string::npos ? dot : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    for (const auto& s : segments)
        if (s.empty()) throw std::invalid_argument("empty segment in key path '" + path + "'");
    return segments;
}

bool is_index(const std::string& segment) {
    return !segment.empty() && segment.size() < 10 &&
           std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string joined(const std::vector<std::string>& segments, size_t count) {
    std::string text;
    for (size_t i = 0; i < count; ++i) text += (i ? "." : "") + segments[i];
    return text;
}

fs::path absolute_scene(const std::string& scene, const fs::path& folder) {
    const fs::path path(scene);
    if (path.is_absolute()) return path.lexically_normal();
    return fs::absolute(folder / path).lexically_normal();
}

// Makes the document's "scene" absolute when it is a relative string.
void anchor_scene(nlohmann::json& document, const fs::path& folder) {
    if (!document.is_object() || !document.contains("scene") || !document["scene"].is_string())
        return;
    document["scene"] = absolute_scene(document["scene"].get<std::string>(), folder).string();
}

std::string describe(const nlohmann::json& values) {
    std::string text;
    for (const auto& [key, value] : values.items())
        text += (text.empty() ? "" : ", ") + key + "=" + value.dump();
    return text;
}

}  // namespace

void set_key_path(nlohmann::json& document, const std::string& path,
                  const nlohmann::json& value) {
    const std::vector<std::string> segments = split_path(path);
    nlohmann::json* node = &document;
    for (size_t i = 0; i < segments.size(); ++i) {
        const std::string& segment = segments[i];
        const bool last = i + 1 == segments.size();
        nlohmann::json* next = nullptr;
        if (node->is_array()) {
            if (is_index(segment)) {
                const size_t index = std::stoul(segment);
                if (index >= node->size())
                    throw std::invalid_argument("'" + joined(segments, i) + "' has " +
                                                std::to_string(node->size()) +
                                                " elements, no element " + segment);
                next = &(*node)[index];
            } else {
                for (auto& element : *node) {
                    // An element whose "type" is not a string (a typo the study check names
                    // later) is not of this type; json::value would throw a type_error here.
                    if (!element.is_object()) continue;
                    const auto type = element.find("type");
                    if (type == element.end() || !type->is_string() || *type != segment) continue;
                    if (next)
                        throw std::invalid_argument("'" + joined(segments, i) +
                                                    "' has more than one element of type '" +
                                                    segment + "': use its index");
                    next = &element;
                }
                if (!next)
                    throw std::invalid_argument("'" + joined(segments, i) +
                                                "' has no element of type '" + segment + "'");
            }
        } else if (node->is_object() || node->is_null()) {
            if (node->is_null()) *node = nlohmann::json::object();
            if (!node->contains(segment) && !last) (*node)[segment] = nlohmann::json::object();
            next = &(*node)[segment];
        } else {
            throw std::invalid_argument("'" + joined(segments, i) + "' is a " + node->type_name() +
                                        ", not an object or array");
        }
        node = next;
    }
    *node = value;
}

std::vector<std::string> sweep_grid_keys(const nlohmann::json& sweep) {
    std::vector<std::string> keys;
    if (sweep.is_object() && sweep.contains("grid") && sweep["grid"].is_object())
        for (const auto& [key, unused] : sweep["grid"].items()) {
            (void)unused;
            keys.push_back(key);
        }
    std::sort(keys.begin(), keys.end());
    return keys;
}

std::vector<SweepTrial> expand_sweep(const nlohmann::json& sweep, const std::string& source_file) {
    const JsonReader r(sweep, source_file);
    r.allow_only({"name_prefix", "description", "study", "base", "grid", "seeds"});
    const fs::path sweep_folder = fs::path(source_file).parent_path();

    // The base study: the file named by "study", then "base" merged over it (or "base" alone).
    nlohmann::json base;
    if (r.has("study")) {
        const fs::path study_file = absolute_scene(r.string("study"), sweep_folder);
        base = read_json_file(study_file.string());
        if (!base.is_object())
            throw InputError({study_file.string(), 0, ""}, "expected a study (a JSON object)");
        anchor_scene(base, study_file.parent_path());
    }
    if (r.has("base")) {
        nlohmann::json overrides = r.child("base").value();
        anchor_scene(overrides, sweep_folder);
        if (base.is_null())
            base = overrides;
        else
            base.merge_patch(overrides);
    }
    if (base.is_null()) r.fail("base", "give the base study: \"study\": FILE or \"base\": {...}");

    const std::string prefix =
        file_name_field(r, "name_prefix", fs::path(source_file).stem().string());

    // One axis per grid key (sorted), the seeds first.
    struct Axis {
        std::string key;
        std::vector<nlohmann::json> values;
    };
    std::vector<Axis> axes;
    if (r.has("seeds")) {
        const auto& seeds = sweep.at("seeds");
        if (!seeds.is_array() || seeds.empty()) r.fail("seeds", "expected a non-empty array");
        Axis axis{"seed", {}};
        for (size_t i = 0; i < seeds.size(); ++i) {
            const auto& s = seeds[i];
            if (!s.is_number_integer() || (!s.is_number_unsigned() && s.get<long long>() < 0))
                r.fail("seeds[" + std::to_string(i) + "]", "expected a non-negative integer");
            axis.values.push_back(s);
        }
        axes.push_back(std::move(axis));
    }
    if (r.has("grid")) {
        const JsonReader grid = r.child("grid");
        for (const std::string& key : sweep_grid_keys(sweep)) {
            const auto& values = sweep.at("grid").at(key);
            if (!values.is_array() || values.empty())
                grid.fail(key, "expected a non-empty array of values");
            if (key == "seed" && r.has("seeds"))
                grid.fail(key, "the seed is swept by \"seeds\" already");
            if (key == "name") grid.fail(key, "trial names are set by the sweep");
            try {
                nlohmann::json probe = base;
                set_key_path(probe, key, values.front());
            } catch (const std::invalid_argument& error) {
                grid.fail(key, error.what());
            }
            axes.push_back({key, std::vector<nlohmann::json>(values.begin(), values.end())});
        }
    }

    size_t total = 1;
    for (const Axis& axis : axes) {
        total *= axis.values.size();
        if (total > kMaxTrials)
            r.fail("grid", "expands to more than " + std::to_string(kMaxTrials) + " trials");
    }
    const size_t width = std::max<size_t>(3, std::to_string(total - 1).size());

    std::vector<SweepTrial> trials;
    trials.reserve(total);
    std::vector<size_t> digit(axes.size(), 0);  // mixed-radix counter, last axis fastest
    for (size_t k = 0; k < total; ++k) {
        SweepTrial trial;
        trial.index = k;
        std::string number = std::to_string(k);
        trial.name = prefix + "_" + std::string(width - number.size(), '0') + number;
        trial.document = base;
        trial.values = nlohmann::json::object();
        for (size_t a = 0; a < axes.size(); ++a) {
            const nlohmann::json& value = axes[a].values[digit[a]];
            set_key_path(trial.document, axes[a].key, value);
            trial.values[axes[a].key] = value;
        }
        anchor_scene(trial.document, sweep_folder);  // a scene chosen by the grid
        trial.document["name"] = trial.name;
        try {
            parse_study(trial.document, source_file);
        } catch (const InputError& error) {
            const std::string values = describe(trial.values);
            throw InputError({source_file, 0, error.where().field},
                             "trial " + trial.name + (values.empty() ? "" : " (" + values + ")") +
                                 ": " + error.message());
        }
        trials.push_back(std::move(trial));
        for (size_t a = axes.size(); a-- > 0;) {
            if (++digit[a] < axes[a].values.size()) break;
            digit[a] = 0;
        }
    }
    return trials;
}

}  // namespace rps
