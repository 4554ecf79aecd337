#pragma once
// RPS_VECTOR_KERNEL marks a function whose loops the compiler vectorises: GCC on x86-64 builds it
// for AVX-512 (x86-64-v4), AVX2 (x86-64-v3) and the baseline, and the version the processor
// supports is picked at load time (target_clones). The file defining it must be built without
// floating-point contraction (core/CMakeLists.txt), so that every version rounds as the scalar
// code does and results are the same bits on any processor (docs/decisions.md). A build that
// defines RPS_VECTOR_KERNEL_BASELINE_ONLY gets the baseline alone: the tests compare it with the
// machine's version. ThreadSanitizer builds (__SANITIZE_THREAD__) get the baseline alone too: the
// clones' resolver is an ifunc that the dynamic loader calls while relocating the program, before
// the ThreadSanitizer runtime is set up, and its instrumented entry (__tsan_func_entry) crashed
// every program that links the radio code (SIGSEGV before main).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && \
    !defined(RPS_VECTOR_KERNEL_BASELINE_ONLY) && !defined(__SANITIZE_THREAD__)
#define RPS_VECTOR_KERNEL \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define RPS_VECTOR_KERNEL
#endif
