#include "libeval/text.h"

#include "support.h"

using gevinst::grouped;
using gevinst::money;

TEST_CASE("grouped: whole numbers with ',' between thousands") {
  CHECK(grouped(0) == "0");
  CHECK(grouped(999) == "999");
  CHECK(grouped(1000) == "1,000");
  CHECK(grouped(1234567.8) == "1,234,568");
  CHECK(grouped(-1234.4) == "\u22121,234");
  CHECK(grouped(-0.4) == "0");  // a rounded zero has no sign
}

TEST_CASE("money: kr. for DKK, millions with one decimal") {
  CHECK(money(45000, "DKK") == "45,000 kr.");
  CHECK(money(-1234567, "DKK") == "\u22121.2 mio. kr.");
  CHECK(money(2.5e6, "EUR") == "2.5 mio. EUR");
  CHECK(money(999999, "DKK") == "999,999 kr.");
}
