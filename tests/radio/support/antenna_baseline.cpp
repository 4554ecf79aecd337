// The antenna compiled once more for the baseline processor only (no AVX2 or AVX-512 version),
// in namespace rps_baseline: test_antenna compares its fields bit for bit with the version this
// processor runs.
#define RPS_VECTOR_KERNEL_BASELINE_ONLY
#define rps rps_baseline
#include "core/radio/antenna.cpp"
#undef rps

namespace rps::test {

// Antenna::fields of the baseline build (model and polarisation as their enumerators' values).
void baseline_fields(int model, int polarization, double yaw_rad, double downtilt_rad,
                     double wavelength_m, const Eigen::Vector3d* directions, int count,
                     Eigen::Matrix<std::complex<double>, 3, 1>* out) {
    const rps_baseline::Antenna antenna(static_cast<rps_baseline::AntennaModel>(model),
                                        static_cast<rps_baseline::Polarization>(polarization),
                                        rps_baseline::AntennaPose{yaw_rad, downtilt_rad},
                                        wavelength_m);
    antenna.fields(directions, count, out);
}

}  // namespace rps::test
