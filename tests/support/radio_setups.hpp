#pragma once
// Radio set-ups for engine tests.
#include "core/engine/radio_engine.hpp"

namespace rps::test {

// An isotropic (V-polarised) transmitter with `order` reflections, otherwise the defaults.
inline RadioSetup isotropic_setup(int order) {
    RadioSetup setup;
    setup.antenna = AntennaModel::Isotropic;
    setup.max_reflection_order = order;
    return setup;
}

}  // namespace rps::test
