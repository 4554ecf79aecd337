// The reflection lanes compiled once more for the baseline processor only (no AVX2 or AVX-512
// version), as reflect_lanes_baseline: test_reflection_lanes compares it bit for bit with the
// version this processor runs.
#define RPS_VECTOR_KERNEL_BASELINE_ONLY
#define reflect_lanes reflect_lanes_baseline
#include "core/engine/reflection_lanes.cpp"
