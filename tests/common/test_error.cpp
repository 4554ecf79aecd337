#include <gtest/gtest.h>

#include "core/common/error.hpp"
#include "core/common/units.hpp"

TEST(InputError, NamesFileLineAndField) {
    rps::InputError error({"office.xml", 42, "value"}, "malformed number 'x1'");
    EXPECT_STREQ(error.what(), "office.xml:42: field 'value': malformed number 'x1'");
}

TEST(Units, DbmRoundTrip) {
    EXPECT_DOUBLE_EQ(rps::watts_to_dbm(1e-3), 0.0);
    EXPECT_NEAR(rps::dbm_to_watts(5.0), 3.1622776601683795e-3, 1e-15);
}
