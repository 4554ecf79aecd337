#pragma once
// Sweeps (DESIGN §4, docs/study_format.md "Sweeps"): one study expanded over lists of values into
// many trials, the Cartesian product of the grid keys and the seeds. Pure: nothing is run and
// nothing is written here (`rps sweep` does that); the only file read is the base study named by
// "study".
//
// A sweep document:
//   {"name_prefix": "office",                 optional; default: the sweep file's stem
//    "description": "...",                    optional, ignored
//    "study": "office_1ap_study.json",        a study file (relative to the sweep file), and/or
//    "base": {...},                           a study document (or overrides merged over "study")
//    "grid": {"dotted.key.path": [v1, v2, ...], ...},   optional
//    "seeds": [1, 2, 3]}                      optional; sets "seed"
//
// Order (deterministic, documented): seeds outermost, then the grid keys in lexicographic order of
// their paths, the last key varying fastest; the values of each key in list order. Trial k is
// named "<prefix>_<k>" with k zero-padded to at least 3 digits.
//
// Key paths: segments separated by '.', "[i]" is accepted for "i". On an object a segment is a
// key (created, with any missing intermediate objects, when absent); on an array it is an index,
// or a method type choosing the one element whose "type" equals it ("methods.ga.population").
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rps {

struct SweepTrial {
    std::string name;         // also the document's "name"
    nlohmann::json document;  // a complete study document; parse_study accepts it
    nlohmann::json values;    // this trial's choices: {"<key path>": value, ..., "seed": n}
    size_t index = 0;         // position in the expansion order
};

// Expands and validates every trial with parse_study. A relative "scene" is made absolute
// (against the study file's folder for the base, the sweep file's folder for grid values), so a
// trial document can be written anywhere. Throws InputError naming the sweep file and the key
// (for a trial that parse_study refuses: the trial, its values and the study key at fault).
std::vector<SweepTrial> expand_sweep(const nlohmann::json& sweep, const std::string& source_file);

// Sets `value` at the key path inside `document` (rules above). Throws std::invalid_argument
// saying which segment of the path could not be followed.
void set_key_path(nlohmann::json& document, const std::string& path, const nlohmann::json& value);

// The grid keys in expansion order (lexicographic), for tables and summaries.
std::vector<std::string> sweep_grid_keys(const nlohmann::json& sweep);

}  // namespace rps
